/**
 * The worked example of gpu-sizing.md §3 (Llama 3.1 70B, FP8, H100 SXM 80GB) and the time and money model,
 * on the architecture from config.json and the H100 entry of the GPU catalog.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Gpu } from '../registry/schema/index.ts';
import { LLAMA_31_70B } from './__fixtures__/architectures.ts';
import { batchLimit, decodeStep, deploy, maxConcurrency, operatingPoint, prefillTime, type GpuSpec } from './deployment.ts';
import { efficiencyFor } from './efficiency/factors.ts';
import { ENGINES, GIB } from './memory.ts';
import type { Layout } from './parallelism.ts';
import { breakEvenAlwaysAbove, breakEvenOutputTokens, sizeDeployment, type SizingRequest } from './plan.ts';

const H100 = { ...(parse(readFileSync(new URL('../../content/gpus/h100-sxm.yaml', import.meta.url), 'utf8')) as Gpu), id: 'h100-sxm' } satisfies GpuSpec;
const IDEAL = { memory: 1, compute: 1, stepOverheadMs: 0, prefillLaunchMsPerLayer: 0, decodeLayerOverheadMs: 0, collective: 1, pipelineHostMsPerSequence: 0 };
const tp = (n: number): Layout => ({ gpus: n, tensorParallel: n, pipelineParallel: 1, attention: 'tensor-parallel' });
const model = { id: 'meta/llama-3.1-70b-instruct', name: 'Llama 3.1 70B Instruct', architecture: LLAMA_31_70B };
const request = (over: Partial<SizingRequest> = {}): SizingRequest => ({ model, gpu: H100, precision: 'fp8', kvPrecision: 'bf16', workload: { isl: 7168, osl: 1024 }, ...over });

describe('gpu-sizing.md §3 worked example: Llama 3.1 70B FP8 on H100 SXM', () => {
  it('budgets 79.19 GiB × 0.90 = 71.27 GiB per GPU under vLLM', () => {
    const dep = deploy({ architecture: LLAMA_31_70B, gpu: H100, precision: 'fp8', kvPrecision: 'bf16', engine: ENGINES.vllm, layout: tp(1), efficiency: IDEAL });
    expect(dep.budget.engineGib).toBeCloseTo(71.27, 2);
    expect(dep.budget.weightsGib).toBeCloseTo(67.66, 2);
    expect(dep.budget.kvGib).toBeCloseTo(1.11, 2);
  });

  it('finds TP1 not viable for 8k contexts: 0.44 sequences in BF16 KV, 0.9 in FP8', () => {
    const r = sizeDeployment(request({ gpus: 1 }));
    expect(r.fits).toBe(false);
    expect(r.maxConcurrency).toBeCloseTo(0.44, 2);
    expect(r.reasons.join()).toMatch(/not one/);
    expect(sizeDeployment(request({ gpus: 1, kvPrecision: 'fp8' })).maxConcurrency).toBeCloseTo(0.9, 1);
  });

  it('holds about 28 sequences of 8k on TP2 with BF16 KV and 56 with FP8 KV (229k tokens)', () => {
    const bf16 = sizeDeployment(request({ gpus: 2 }));
    expect(bf16.fits).toBe(true);
    expect(bf16.layout?.tensorParallel).toBe(2);
    expect(bf16.weightsGibPerGpu).toBeCloseTo(33.83, 2);
    expect(bf16.kvGibPerGpu).toBeCloseTo(34.94, 1);
    expect(bf16.maxConcurrency).toBeCloseTo(28, 0);
    expect(bf16.kvTokenCapacity / 1000).toBeCloseTo(229, 0);
    expect(sizeDeployment(request({ gpus: 2, kvPrecision: 'fp8' })).maxConcurrency).toBeCloseTo(56, 0);
  });

  it('holds about 83 / 166 sequences on TP4', () => {
    expect(sizeDeployment(request({ gpus: 4 })).maxConcurrency).toBeCloseTo(83, 0);
    expect(sizeDeployment(request({ gpus: 4, kvPrecision: 'fp8' })).maxConcurrency).toBeCloseTo(166, 0);
  });

  it('picks TP2 as the smallest layout that runs 8k contexts', () => {
    const r = sizeDeployment(request());
    expect(r.layoutLabel).toBe('TP2');
    expect(r.gpus).toBe(2);
  });

  it('bounds batch-1 decode at 8k context by bandwidth: ≈22.5 / 11.2 / 5.6 ms on TP1 / TP2 / TP4 (ideal, no comm)', () => {
    for (const [n, ms] of [[1, 22.5], [2, 11.2], [4, 5.6]] as const) {
      const dep = deploy({ architecture: LLAMA_31_70B, gpu: H100, precision: 'fp8', kvPrecision: 'bf16', engine: ENGINES.vllm, layout: tp(n), efficiency: IDEAL });
      const step = decodeStep(dep, 1, 8192);
      // The research counts the input embedding as read; sizing skips that gather, so it lands ≈3% lower.
      expect(step.memoryMs).toBeGreaterThan(ms * 0.95);
      expect(step.memoryMs).toBeLessThan(ms * 1.02);
    }
  });

  it('prefills 5000 tokens in ≈7.2e14 FLOP: 181 ms ideal on 2 × 1979 TFLOPS', () => {
    const dep = deploy({ architecture: LLAMA_31_70B, gpu: H100, precision: 'fp8', kvPrecision: 'fp8', engine: ENGINES.trtllm, layout: tp(2), efficiency: IDEAL });
    const p = prefillTime(dep, 5000);
    expect(p.flops / 1e14).toBeCloseTo(7.2, 0);
    const computeMs = (p.flops / (2 * 1978.9e12)) * 1e3;
    expect(computeMs).toBeGreaterThan(181);
    expect(computeMs).toBeLessThan(190);
    // The busy time adds the TP all-reduce of 5000 hidden states per layer on top.
    expect(p.workMs).toBeGreaterThan(computeMs);
  });

  it('saturates TP2 at ≈263 sequences of 1000/1000 with FP8 KV and TensorRT-LLM’s 0.95 fraction, memory-bound', () => {
    const dep = deploy({ architecture: LLAMA_31_70B, gpu: H100, precision: 'fp8', kvPrecision: 'fp8', engine: ENGINES.trtllm, layout: tp(2), efficiency: IDEAL });
    const limit = batchLimit(dep, 1000, 1000);
    expect(limit.kv).toBeGreaterThan(255);
    expect(limit.kv).toBeLessThan(275);
    expect(operatingPoint(dep, 1000, 1000, limit.limit).step.bound).toBe('memory');
  });

  it('lands within the fitted error band of the measured 4,205 tok/s (TRT-LLM v1.0, H100 TP2, 1000/1000)', () => {
    const r = sizeDeployment(request({ gpus: 2, kvPrecision: 'fp8', engine: 'trtllm', workload: { isl: 1000, osl: 1000 } }));
    const ratio = 4205 / r.throughputOutputTokensPerSecond - 1;
    expect(ratio).toBeGreaterThanOrEqual(r.expectedError.low);
    expect(ratio).toBeLessThanOrEqual(r.expectedError.high);
  });
});

describe('latency targets, load and money', () => {
  it('takes the largest batch that meets the TPOT target, and reports the batch that bounds it', () => {
    const free = sizeDeployment(request({ gpus: 4, workload: { isl: 1000, osl: 1000 } }));
    const tight = sizeDeployment(request({ gpus: 4, workload: { isl: 1000, osl: 1000, tpotMs: 30 } }));
    expect(tight.batch).toBeLessThan(free.batch);
    expect(tight.tpotMs!).toBeLessThanOrEqual(30);
    expect(tight.batchLimitedBy).toBe('tpot');
  });

  it('refuses a TPOT target no batch can meet', () => {
    const r = sizeDeployment(request({ gpus: 2, workload: { isl: 1000, osl: 1000, tpotMs: 5 } }));
    expect(r.fits).toBe(false);
    expect(r.reasons.join()).toMatch(/TPOT target 5 ms missed even at batch 1/);
  });

  it('adds replicas for the peak load at the planned utilisation', () => {
    const r = sizeDeployment(request({ gpus: 2, workload: { isl: 1000, osl: 1000, tpotMs: 50, requestsPerSecond: 20, peakFactor: 2 } }));
    expect(r.replicas).toBeGreaterThan(1);
    const perReplica = r.throughputOutputTokensPerSecond / 1000;
    expect(r.replicas).toBe(Math.ceil(40 / (0.7 * perReplica)));
    expect(r.gpus).toBe(r.replicas * 2);
    expect(r.cost?.perMonthUsd).toBeCloseTo(r.gpus * 2.95 * 730, 0);
  });

  it('prices a GPU-month at the catalog’s typical price, and per 1M output tokens at capacity without a load', () => {
    const r = sizeDeployment(request({ gpus: 2, workload: { isl: 1000, osl: 1000 } }));
    expect(r.cost?.gpuHourUsd).toBe(2.95);
    expect(r.cost?.perMonthUsd).toBeCloseTo(2 * 2.95 * 730, 0);
    expect(r.cost?.perMillionOutputTokensUsd).toBeCloseTo((2 * 2.95) / ((r.throughputOutputTokensPerSecond * 3600) / 1e6), 2);
  });

  it('finds the break-even volume on the replica staircase, or none when the API is always cheaper', () => {
    // $1,000 a month buys 100M tokens per replica; the API charges $20 per 1M → break-even at 50M.
    expect(breakEvenOutputTokens(1000, 100e6, 20e-6)).toBeCloseTo(50e6, -3);
    // At $8 per 1M one replica (125M to break even) is full at 100M: the second replica breaks even at 250M.
    expect(breakEvenOutputTokens(1000, 100e6, 8e-6)).toBeNull();
    expect(breakEvenOutputTokens(1000, 200e6, 8e-6)).toBeCloseTo(125e6, -3);
    expect(breakEvenOutputTokens(1000, 100e6, 12e-6)).toBeCloseTo(100e6 * (1000 / 1200) * 1.0, -7);
  });

  it('finds the volume above which self-hosting stays cheaper, past the staircase windows', () => {
    // $20 per 1M: a replica matches the API at half full, so from 50M on every added replica pays for itself.
    expect(breakEvenAlwaysAbove(1000, 100e6, 20e-6)).toBeCloseTo(50e6, -3);
    // $12 per 1M: one replica breaks even at 83M, but the second costs more than the API until 167M, …; from
    // six replicas on (5 × 83.3M = 417M) each step stays under the line.
    expect(breakEvenAlwaysAbove(1000, 100e6, 12e-6)).toBeCloseTo(5 * (1000 / 12e-6), -3);
    expect(breakEvenAlwaysAbove(1000, 100e6, 8e-6)).toBeNull();
    expect(breakEvenAlwaysAbove(1000, 100e6, 10e-6)).toBeNull();
  });

  it('explains both break-evens with the numbers behind them, planning replicas at the peak as the sizing does', () => {
    const same = { inputUsdPerMTok: 0.6, outputUsdPerMTok: 0.8, label: 'provider-a' };
    const frontier = { inputUsdPerMTok: 5, outputUsdPerMTok: 25, label: 'frontier-b' };
    const r = sizeDeployment(request({ gpus: 2, workload: { isl: 3000, osl: 400, requestsPerSecond: 2, peakFactor: 3 }, apiPrice: same, frontierPrice: frontier }));
    expect(r.breakEven.map((b) => b.kind)).toEqual(['same-model', 'frontier']);
    for (const b of r.breakEven) {
      expect(b.apiUsdPerMillionOutputTokens).toBeCloseTo(b.apiOutputUsdPerMTok + (b.apiInputUsdPerMTok * 3000) / 400, 6);
      expect(b.replicaUsdPerMonth).toBeCloseTo(2 * 2.95 * 730, 6);
      // One replica carries capacity × ρ_max ÷ peak of the mean volume, exactly as replicas are counted.
      expect(b.replicaOutputTokensPerMonth).toBeCloseTo((r.throughputOutputTokensPerSecond * 730 * 3600 * 0.7) / 3, 0);
      expect(Math.ceil(r.load!.outputTokensPerMonth / b.replicaOutputTokensPerMonth)).toBe(r.replicas);
      expect(b.atWorkload!.selfHostedUsdPerMonth).toBeCloseTo(r.cost!.perMonthUsd, 6);
      expect(b.atWorkload!.cheaper).toBe(b.atWorkload!.selfHostedUsdPerMonth <= b.atWorkload!.apiUsdPerMonth ? 'self-hosted' : 'api');
      expect(b.note).toMatch(/one replica costs \$[\d,.]+ a month/);
    }
    expect(r.breakEven[0]!.outputTokensPerMonth).toBeNull();
    expect(r.breakEven[0]!.note).toMatch(/^the API stays cheaper at every volume/);
    expect(r.breakEven[1]!.note).toMatch(/compares cost, not quality/);
  });

  it('states its assumptions and an error band from the fitted efficiency', () => {
    const r = sizeDeployment(request({ gpus: 2, engine: 'trtllm' }));
    expect(r.assumptions.join('\n')).toMatch(/gpu_memory_utilization|driver memory/);
    expect(r.efficiency.basis).toBe('fitted');
    expect(r.efficiency.group).toBe('dense/hopper/trtllm-1.0');
    expect(r.expectedError.low).toBeLessThan(0);
    expect(r.expectedError.high).toBeGreaterThan(0);
  });

  it('widens the error band for GPU families without measurements', () => {
    const gaudi = { ...H100, id: 'gaudi3', name: 'Intel Gaudi 3', vendor: 'Intel' as const, architecture: 'Gaudi 3' };
    const r = sizeDeployment(request({ gpu: gaudi, gpus: 2 }));
    expect(r.efficiency.basis).toBe('pooled');
    expect(r.efficiency.thin).toBe(true);
    expect(r.expectedError.high).toBeGreaterThanOrEqual(0.4);
  });

  it('uses the measured AMD factors for dense models on vLLM, and borrows with a wider band for another engine', () => {
    const mi300x = { ...H100, id: 'mi300x', name: 'AMD Instinct MI300X', vendor: 'AMD' as const, architecture: 'CDNA 3' };
    expect(sizeDeployment(request({ gpu: mi300x, gpus: 2 })).efficiency).toMatchObject({ basis: 'fitted', group: 'dense/cdna3/vllm' });
    const sglang = sizeDeployment(request({ gpu: mi300x, gpus: 2, engine: 'sglang' }));
    expect(sglang.efficiency.basis).toBe('other-engine');
    expect(sglang.expectedError.high).toBeGreaterThanOrEqual(0.35);
    expect(sglang.expectedError.high).toBeGreaterThanOrEqual(efficiencyFor('dense', 'cdna3', 'vllm').errorBand.high);
  });
});

it('reports memory in GiB consistently with the KV capacity', () => {
  const dep = deploy({ architecture: LLAMA_31_70B, gpu: H100, precision: 'fp8', kvPrecision: 'bf16', engine: ENGINES.vllm, layout: tp(2), efficiency: IDEAL });
  expect(maxConcurrency(dep, 8192)).toBeCloseTo((dep.budget.kvGib * GIB) / (8192 * 163_840), 6);
});

describe('pipeline parallelism over PCIe (RTX PRO 6000, as TensorRT-LLM runs it)', () => {
  const RTX = { ...(parse(readFileSync(new URL('../../content/gpus/rtx-pro-6000.yaml', import.meta.url), 'utf8')) as Gpu), id: 'rtx-pro-6000' } satisfies GpuSpec;
  const pp = (n: number): Layout => ({ gpus: n, tensorParallel: 1, pipelineParallel: n, attention: 'tensor-parallel' });
  const at = (layout: Layout, hostMsPerSequence: number) =>
    deploy({ architecture: LLAMA_31_70B, gpu: RTX, precision: 'nvfp4', kvPrecision: 'fp8', engine: ENGINES.trtllm, layout, efficiency: { ...IDEAL, pipelineHostMsPerSequence: hostMsPerSequence } });

  it('charges host time per sequence of each micro-batch at every stage step, and none without pipeline stages', () => {
    const without = decodeStep(at(pp(4), 0), 400, 1500);
    const withHost = decodeStep(at(pp(4), 0.05), 400, 1500);
    // 100 sequences per micro-batch × 0.05 ms, on each of the 4 stage steps a token takes.
    expect(withHost.overheadMs - without.overheadMs).toBeCloseTo(5, 6);
    expect(withHost.ms - without.ms).toBeCloseTo(20, 6);
    expect(decodeStep(at({ ...pp(1) }, 0.05), 400, 1500).overheadMs).toBe(0);
  });

  it('adds the pp − 1 hand-offs of each micro-batch’s hidden states over PCIe to the time per token', () => {
    const dep = at(pp(8), 0);
    const step = decodeStep(dep, 800, 1500);
    // 100 sequences × 8192 hidden × 2 B = 1.64 MB per hand-off at 64 GB/s per direction, plus 8 µs.
    const handoffMs = ((100 * 8192 * 2) / 64e9) * 1e3 + 0.008;
    const stageMs = (step.ms - 7 * handoffMs) / 8;
    expect(stageMs).toBeGreaterThan(0);
    expect(step.commMs).toBeCloseTo((7 * handoffMs) / 8, 6);
    expect(prefillTime(dep, 2000).latencyMs).toBeGreaterThan(prefillTime(at(pp(1), 0), 2000).latencyMs / 8);
  });
});
