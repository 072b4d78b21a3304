/**
 * The measurement pool drives the efficiency factors: every measurement is accounted for, the committed
 * fitted.ts is exactly what a fresh fit produces, the held-out split (never fitted) meets the accuracy aims, and
 * the printed band holds at least 80% of held-out points.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../registry/load.ts';
import { CALIBRATION_ARCHITECTURES } from './calibration/architectures.ts';
import { predictPoint, type MeasurementsFile } from './calibration/predict.ts';
import { measurementInfo } from './calibration/sources.node.ts';
import { isHeldOut, measurementPool, vendorOf, type Pool } from './calibration/split.ts';
import { PUBLISHED_TABLES } from './calibration/tables.ts';
import { efficiencyFor } from './efficiency/factors.ts';
import { heldOutBand, median } from './efficiency/fit.ts';
import { FITTED } from './efficiency/fitted.ts';
import { renderFitted } from './efficiency/render.ts';

const ROOT = new URL('../../', import.meta.url);
const info = measurementInfo((path) => readFileSync(new URL(path, ROOT), 'utf8'));
let pool: Pool;
let registry: ReturnType<typeof loadRegistry>['registry'];

beforeAll(() => {
  registry = loadRegistry(new URL('content', ROOT).pathname).registry;
  pool = measurementPool(JSON.parse(info.text) as MeasurementsFile, registry.gpus);
});

function scored() {
  return pool.points.map((p) => {
    const eff = efficiencyFor(p.kind, p.family, p.engine, p.era);
    const predicted = predictPoint(p, eff);
    const residual = p.measured / predicted - 1;
    return { p, error: predicted / p.measured - 1, inside: residual >= eff.errorBand.low - 1e-9 && residual <= eff.errorBand.high + 1e-9 };
  });
}

describe('measurement pool', () => {
  it('predicts or explains every number in gpu-measurements.json', () => {
    expect(pool.calibration.missing).toEqual([]);
    expect(pool.calibration.uncovered).toEqual([]);
    expect(pool.points.length).toBeGreaterThanOrEqual(500);
  });

  it('gives every published table a source, an engine version and a date', () => {
    for (const t of PUBLISHED_TABLES) {
      expect(t.source.url, t.name).toMatch(/^https:\/\//);
      expect(t.engineVersion, t.name).not.toBe('');
      expect(t.date, t.name).toMatch(/\d{4}/);
    }
  });

  it('holds out about a third of the points by a stable hash of their id', () => {
    const share = pool.points.filter((p) => p.heldOut).length / pool.points.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.4);
    expect(isHeldOut('Mixtral-8x7B H100 TP2 FP8 (v0.17) 128/128')).toBe(isHeldOut('Mixtral-8x7B H100 TP2 FP8 (v0.17) 128/128'));
  });

  it('records the hashes of the measurement sources it was fitted on', () => {
    expect(FITTED.measurements.sha256).toBe(info.sha256);
    expect(FITTED.measurements.tablesSha256).toBe(info.tablesSha256);
  });

  it('commits exactly the factors a fresh fit produces (run npm run fit:sizing after changing the model)', { timeout: 900_000 }, () => {
    const fresh = renderFitted(pool.points, predictPoint, info);
    expect(readFileSync(new URL('src/sizing/efficiency/fitted.ts', ROOT), 'utf8')).toBe(fresh);
  });

  it('keeps the calibration architectures in step with the registry’s entries for the same checkpoints', () => {
    const pairs = [
      ['llama-3.1-8b', 'meta/llama-3.1-8b-instruct'],
      ['llama-3.1-405b', 'meta/llama-3.1-405b-instruct'],
      ['mixtral-8x7b', 'mistral/mixtral-8x7b-instruct-v0.1'],
      ['gpt-oss-20b', 'openai/gpt-oss-20b'],
      ['qwen3-235b-a22b', 'alibaba/qwen3-235b-a22b'],
      ['qwen3-30b-a3b', 'alibaba/qwen3-30b-a3b'],
      ['llama-4-maverick', 'meta/llama-4-maverick-17b-128e-instruct'],
    ] as const;
    for (const [calibrationId, registryId] of pairs) {
      const entry = registry.models[registryId]?.architecture;
      if (!entry) continue;
      const mine = CALIBRATION_ARCHITECTURES[calibrationId];
      expect({ layers: entry.layers, hidden: entry.hidden_size, attention: entry.attention, experts: entry.moe?.experts_total }, registryId).toEqual({
        layers: mine.layers,
        hidden: mine.hidden_size,
        attention: mine.attention,
        experts: mine.moe?.experts_total,
      });
    }
  });
});

describe('held-out accuracy (issue 14): median |error| ≤ 20% per group with ≥ 5 points, ≤ 25% overall', () => {
  it('meets the per-group aim for every vendor × kind × engine group with five or more held-out points', () => {
    const held = scored().filter((s) => s.p.heldOut);
    const groups = new Map<string, number[]>();
    for (const s of held) {
      const k = `${vendorOf(s.p.family)}/${s.p.kind}/${s.p.engine}`;
      groups.set(k, [...(groups.get(k) ?? []), Math.abs(s.error)]);
    }
    expect(groups.size).toBeGreaterThanOrEqual(3);
    for (const [k, e] of groups) if (e.length >= 5) expect(median(e), k).toBeLessThanOrEqual(0.2);
  });

  it('meets the overall aim', () => {
    expect(median(scored().filter((s) => s.p.heldOut).map((s) => Math.abs(s.error)))).toBeLessThanOrEqual(0.25);
  });

  it('prints a band that holds at least 80% of the held-out points', () => {
    const held = scored().filter((s) => s.p.heldOut);
    expect(held.filter((s) => s.inside).length / held.length).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps every fitted efficiency physical', () => {
    for (const g of FITTED.groups) {
      expect(g.memory, `${g.kind}/${g.family}/${g.era}`).toBeGreaterThanOrEqual(0.15);
      expect(g.memory).toBeLessThanOrEqual(0.9);
      expect(g.compute).toBeGreaterThanOrEqual(0.15);
      expect(g.compute).toBeLessThanOrEqual(0.9);
    }
  });
});

describe('the band', () => {
  it('is the wide prior band, and says so, when a group has fewer than five held-out points', () => {
    expect(heldOutBand('moe', [0.05, -0.1])).toEqual({ low: -0.5, high: 0.5, thin: true });
    expect(heldOutBand('dense', [0.6])).toEqual({ low: -0.4, high: 0.6, thin: true });
  });

  it('spans the 5th–95th percentile of held-out residuals, never narrower than ±15%', () => {
    const residuals = Array.from({ length: 21 }, (_, i) => -0.3 + i * 0.03);
    const band = heldOutBand('dense', residuals);
    expect(band.thin).toBe(false);
    expect(band.low).toBeCloseTo(-0.27, 2);
    expect(band.high).toBeCloseTo(0.27, 2);
    expect(heldOutBand('dense', [0, 0, 0, 0, 0.01])).toMatchObject({ low: -0.15, high: 0.15 });
  });

  it('is wide, and says so, where there is little data or none', () => {
    // MI355X (CDNA4) MoE on vLLM: no measurement; the sibling CDNA3 factors stand in with at least ±50%.
    const cdna4 = efficiencyFor('moe', 'cdna4', 'vllm');
    expect(cdna4.basis).toBe('sibling-family');
    expect(cdna4.thin).toBe(true);
    expect(cdna4.errorBand.low).toBeLessThanOrEqual(-0.5);
    expect(cdna4.errorBand.high).toBeGreaterThanOrEqual(0.5);
    // MI300X MoE on SGLang: fitted on a few points, too few held out for a band of its own.
    const cdna3 = efficiencyFor('moe', 'cdna3', 'sglang');
    expect(cdna3.basis).toBe('fitted');
    expect(cdna3.heldOutPoints).toBeLessThan(5);
    expect(cdna3.thin).toBe(true);
    expect(cdna3.errorBand.high).toBeGreaterThanOrEqual(0.5);
    // Gaudi: nothing of its own or its line: pooled, at least the prior's band.
    expect(efficiencyFor('dense', 'gaudi', 'vllm')).toMatchObject({ basis: 'pooled', thin: true });
  });

  it('uses the newest fitted era of an engine', () => {
    expect(efficiencyFor('moe', 'hopper', 'trtllm').group).toBe('moe/hopper/trtllm-1.0');
    expect(efficiencyFor('dense', 'cdna3', 'vllm')).toMatchObject({ basis: 'fitted', group: 'dense/cdna3/vllm' });
  });
});
