/**
 * The calibration set drives the efficiency factors: every measurement is accounted for, the committed
 * fitted.ts is exactly what a fresh fit produces, and the fitted model meets the accuracy aims.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../registry/load.ts';
import { CALIBRATION_ARCHITECTURES } from './calibration/architectures.ts';
import { holdoutCases } from './calibration/holdout.ts';
import { predictPoint, resolveCalibration, type MeasurementsFile, type ResolvedCalibration } from './calibration/predict.ts';
import { efficiencyFor, gpuFamily } from './efficiency/factors.ts';
import { median } from './efficiency/fit.ts';
import { FITTED } from './efficiency/fitted.ts';
import { renderFitted } from './efficiency/render.ts';

const ROOT = new URL('../../', import.meta.url);
const MEASUREMENTS = 'src/sizing/calibration/gpu-measurements.json';
const text = readFileSync(new URL(MEASUREMENTS, ROOT), 'utf8');
let calibration: ResolvedCalibration;
let registry: ReturnType<typeof loadRegistry>['registry'];

beforeAll(() => {
  registry = loadRegistry(new URL('content', ROOT).pathname).registry;
  calibration = resolveCalibration(JSON.parse(text) as MeasurementsFile, registry.gpus);
});

/** |predicted / measured − 1| for every point, with the committed factors. */
function absoluteErrors(kind?: 'dense' | 'moe'): number[] {
  return calibration.points
    .filter((p) => kind === undefined || p.kind === kind)
    .map((p) => Math.abs(predictPoint(p, efficiencyFor(p.kind, p.family)) / p.measured - 1));
}

describe('calibration set', () => {
  it('predicts or explains every number in gpu-measurements.json', () => {
    expect(calibration.missing).toEqual([]);
    expect(calibration.uncovered).toEqual([]);
    expect(calibration.records).toBe(13);
    expect(calibration.points.length).toBeGreaterThanOrEqual(60);
  });

  it('records the hash of the measurement file it was fitted on', () => {
    expect(FITTED.measurements.sha256).toBe(createHash('sha256').update(text).digest('hex'));
  });

  it('commits exactly the factors a fresh fit produces (run npm run fit:sizing after changing the model)', () => {
    const fresh = renderFitted(calibration, predictPoint, { file: MEASUREMENTS, sha256: createHash('sha256').update(text).digest('hex') });
    expect(readFileSync(new URL('src/sizing/efficiency/fitted.ts', ROOT), 'utf8')).toBe(fresh);
  });

  it('keeps the calibration architectures in step with the registry’s entries for the same checkpoints', () => {
    const pairs = [
      ['llama-3.1-8b', 'meta/llama-3.1-8b-instruct'],
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

describe('accuracy aims (issue 5): median |error| ≤ 20%, no dense case worse than ±35%', () => {
  it('meets them for dense models', () => {
    const dense = absoluteErrors('dense');
    expect(median(dense)).toBeLessThanOrEqual(0.2);
    expect(Math.max(...dense)).toBeLessThanOrEqual(0.35);
  });

  it('meets the median aim for MoE models and overall', () => {
    expect(median(absoluteErrors('moe'))).toBeLessThanOrEqual(0.2);
    expect(median(absoluteErrors())).toBeLessThanOrEqual(0.2);
  });

  it('keeps every fitted efficiency physical', () => {
    for (const g of FITTED.groups) {
      expect(g.memory, `${g.kind}/${g.family}`).toBeGreaterThanOrEqual(0.15);
      expect(g.memory).toBeLessThanOrEqual(0.9);
      expect(g.compute).toBeGreaterThanOrEqual(0.15);
      expect(g.compute).toBeLessThanOrEqual(0.9);
    }
  });
});

describe('holdout (the other rows of the same TensorRT-LLM v1.0 tables; never fitted)', () => {
  const holdoutErrors = () =>
    holdoutCases().map((c) => {
      const gpuSpec = { ...registry.gpus[c.gpu]!, id: c.gpu };
      const kind = CALIBRATION_ARCHITECTURES[c.model].moe ? 'moe' : 'dense';
      const predicted = predictPoint({ ...c, record: c.table, path: [], gpuSpec }, efficiencyFor(kind, gpuFamily(gpuSpec)));
      return { id: c.id, kind, pipeline: c.layout.pipelineParallel, error: predicted / c.measured - 1 };
    });

  it('keeps the dense median |error| within 20%', () => {
    expect(median(holdoutErrors().filter((e) => e.kind === 'dense').map((e) => Math.abs(e.error)))).toBeLessThanOrEqual(0.2);
  });

  it('predicts every pipeline-parallel RTX PRO 6000 row (PP2–PP8, 70B and 405B) within ±25%', () => {
    const pipelined = holdoutErrors().filter((e) => e.pipeline > 1);
    expect(pipelined.length).toBeGreaterThanOrEqual(30);
    for (const e of pipelined) expect(Math.abs(e.error), e.id).toBeLessThanOrEqual(0.25);
  });
});
