/** Layouts, expert-parallel load imbalance, defaults, p99 and the limits that refuse nonsense (issue 14). */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Gpu } from '../registry/schema/index.ts';
import { DEEPSEEK_V3, LLAMA_31_70B } from './__fixtures__/architectures.ts';
import { decodeStep, deploy, operatingPoint, type GpuSpec } from './deployment.ts';
import { efficiencyFor } from './efficiency/factors.ts';
import { SizingError } from './errors.ts';
import { limitProblem, MAX_GPUS_PER_TIER } from './limits.ts';
import { ENGINES } from './memory.ts';
import { candidateLayouts, layoutKind, layoutLabel, type Layout } from './parallelism.ts';
import { defaultLayoutKinds, sizeDeployment, ttftP99Ms } from './plan.ts';
import { busiestRankExperts, expertsTouched } from './weights.ts';

const H200 = { ...(parse(readFileSync(new URL('../../content/gpus/h200-sxm.yaml', import.meta.url), 'utf8')) as Gpu), id: 'h200-sxm' } satisfies GpuSpec;
const tp8: Layout = { gpus: 8, tensorParallel: 8, pipelineParallel: 1, attention: 'tensor-parallel' };
const tpEp8: Layout = { ...tp8, expertParallel: true };
const dp8: Layout = { gpus: 8, tensorParallel: 1, pipelineParallel: 1, attention: 'data-parallel' };
const dep = (layout: Layout, engine: 'vllm' | 'sglang' = 'vllm') =>
  deploy({ architecture: DEEPSEEK_V3, gpu: H200, precision: 'fp8', kvPrecision: 'fp8', engine: ENGINES[engine], layout, efficiency: efficiencyFor('moe', 'hopper', 'trtllm') });

describe('layouts', () => {
  it('offers TP, TP + EP and attention-DP + EP for MoE models, TP only for dense ones', () => {
    expect(candidateLayouts(DEEPSEEK_V3, H200, 8).map(layoutKind)).toEqual(['tp', 'tp-ep', 'dp-attention-ep']);
    expect(candidateLayouts(LLAMA_31_70B, H200, 8).map(layoutKind)).toEqual(['tp']);
    expect(candidateLayouts(DEEPSEEK_V3, H200, 8, ['tp-ep']).map(layoutLabel)).toEqual(['TP8 + EP8']);
  });

  it('makes the busiest EP rank carry more than its share at small batches, and exactly its share when every expert is busy', () => {
    // DeepSeek-V3, one token: 8 of 256 experts over 8 ranks — the mean is 1, the busiest rank holds about 3.
    expect(busiestRankExperts(256, 8, 8)).toBeGreaterThan(2.5);
    expect(busiestRankExperts(256, 8, 8)).toBeLessThan(4);
    expect(busiestRankExperts(256, 256, 8)).toBe(32);
    expect(busiestRankExperts(256, expertsTouched(256, 8, 4096), 8)).toBeCloseTo(32, 0);
    expect(busiestRankExperts(8, 2, 1)).toBe(2);
  });

  it('so TP + EP decodes one sequence slower than TP, and as fast at a large batch', () => {
    const one = (l: Layout) => decodeStep(dep(l), 1, 2000).ms;
    const many = (l: Layout) => decodeStep(dep(l), 512, 2000).ms;
    expect(one(tpEp8)).toBeGreaterThan(one(tp8) * 1.1);
    expect(many(tpEp8)).toBeCloseTo(many(tp8), 0);
  });

  it('splits one long prompt under attention-DP per engine: SGLang spreads the FFN, vLLM only the routed experts', () => {
    const ttft = (l: Layout, e: 'vllm' | 'sglang') => operatingPoint(dep(l, e), 32000, 100, 1).ttftMs;
    expect(ttft(dp8, 'vllm')).toBeGreaterThan(ttft(tp8, 'vllm') * 2);
    expect(ttft(dp8, 'sglang')).toBeLessThan(ttft(dp8, 'vllm'));
    expect(ttft(dp8, 'sglang')).toBeGreaterThan(ttft(tp8, 'sglang'));
  });
});

describe('default layouts', () => {
  it('is what common deployments run at that scale', () => {
    expect(defaultLayoutKinds(LLAMA_31_70B, 'vllm', 8, false).kinds).toEqual(['tp']);
    expect(defaultLayoutKinds(DEEPSEEK_V3, 'vllm', 8, false).kinds).toEqual(['tp']);
    expect(defaultLayoutKinds(DEEPSEEK_V3, 'sglang', 16, false).kinds).toEqual(['dp-attention-ep']);
    expect(defaultLayoutKinds(DEEPSEEK_V3, 'trtllm', 8, false).kinds).toEqual(['dp-attention-ep']);
    expect(defaultLayoutKinds(DEEPSEEK_V3, 'trtllm', 8, true).kinds).toEqual(['tp-ep', 'tp']);
  });
});

describe('p99', () => {
  it('adds queueing to TTFT that grows with the load', () => {
    const op = operatingPoint(dep(tp8), 8000, 500, 64);
    expect(ttftP99Ms(op, 0)).toBe(op.prefill.latencyMs);
    expect(ttftP99Ms(op, 0.3)).toBeGreaterThan(op.prefill.latencyMs);
    expect(ttftP99Ms(op, 0.7)).toBeGreaterThan(ttftP99Ms(op, 0.3));
    expect(Number.isFinite(ttftP99Ms(op, 5))).toBe(true);
  });
});

describe('limits', () => {
  const base = { model: { id: 'deepseek/deepseek-v3', name: 'DeepSeek-V3', architecture: DEEPSEEK_V3, contextTokens: 131072 }, gpu: H200 };
  it('names what is wrong with a value', () => {
    expect(limitProblem('isl', 0)).toMatch(/at least 1/);
    expect(limitProblem('isl', 1.5)).toMatch(/whole number/);
    expect(limitProblem('price-per-gpu-hour', Number.NaN)).toMatch(/finite number/);
    expect(limitProblem('gpu-memory-utilization', 0.9)).toBeNull();
  });

  it('refuses input + output beyond the context window, and a workload past a few thousand GPUs', () => {
    expect(() => sizeDeployment({ ...base, workload: { isl: 130000, osl: 2000 } })).toThrow(/132,000 tokens per request exceeds the 131,072-token context window/);
    try {
      sizeDeployment({ ...base, workload: { isl: 8000, osl: 2000, requestsPerSecond: 1e6 } });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(SizingError);
      expect((error as SizingError).code).toBe('sizing/absurd-scale');
      expect((error as SizingError).message).toContain(`more than the ${MAX_GPUS_PER_TIER.toLocaleString('en-US')}`);
    }
  });

  it('refuses out-of-range values given programmatically (the calculator and router configs), not only on the CLI', () => {
    expect(() => sizeDeployment({ ...base, gpuHourUsd: -1, workload: { isl: 1000, osl: 1000 } })).toThrow(/GPU price must be more than 0/);
    expect(() => sizeDeployment({ ...base, workload: { isl: 1000, osl: 1000, peakFactor: Number.POSITIVE_INFINITY } })).toThrow(/finite number/);
    expect(() => sizeDeployment({ ...base, workload: { isl: 1000, osl: 1000, outputTokensPerMonth: 1e30 } })).toThrow(/output tokens per month/);
  });
});
