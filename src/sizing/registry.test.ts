/**
 * Sizing the real registry (content/): the published fit statements of gpu-sizing.md §6.3 and the §3 worked
 * example, read from the model and GPU files the registry ships.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../registry/load.ts';
import type { Registry } from '../registry/registry.ts';
import type { Precision } from '../registry/schema/index.ts';
import { kvBytesPerToken } from './kv-cache.ts';
import { SizingError } from './errors.ts';
import { sizeDeployment } from './plan.ts';
import { lookupModel } from './router.ts';
import { gpuFamily } from './efficiency/factors.ts';

let registry: Registry;
beforeAll(() => {
  registry = loadRegistry(new URL('../../content', import.meta.url).pathname).registry;
});

/** Whether `model` at `precision` runs on `gpus` × `gpu` (vLLM budget, 1000/1000 tokens, no latency target). */
function fits(modelId: string, gpu: string, gpus: number, precision?: Precision) {
  const found = lookupModel(registry, modelId);
  if (!found.ok) throw new Error(found.message);
  return sizeDeployment({
    model: { id: found.id, name: found.model.name, architecture: found.model.architecture },
    gpu: { ...registry.gpus[gpu]!, id: gpu },
    ...(precision ? { precision } : {}),
    gpus,
    workload: { isl: 1000, osl: 1000 },
  });
}

describe('the GPU catalog', () => {
  it('carries the twenty accelerators sizing promises', () => {
    const ids = ['h100-sxm', 'h100-pcie', 'h100-nvl', 'h200-sxm', 'h200-nvl', 'h20', 'gh200-96gb', 'gh200-144gb', 'b200', 'b300', 'gb200-nvl72', 'a100-sxm-80gb', 'l40s', 'l20', 'l4', 'rtx-pro-6000', 'mi300x', 'mi325x', 'mi355x', 'gaudi3'];
    expect(Object.keys(registry.gpus).sort()).toEqual(expect.arrayContaining(ids));
    for (const id of ids) expect(registry.gpus[id]!.citations.dense_tflops, id).toBeDefined();
  });

  it('sizes the China-market and Grace Hopper parts in their own GPU families', () => {
    expect(['h20', 'gh200-96gb', 'gh200-144gb'].map((id) => gpuFamily(registry.gpus[id]!))).toEqual(['hopper', 'hopper', 'hopper']);
    expect(gpuFamily(registry.gpus['l20']!)).toBe('ada');
  });
});

describe('what the export-limited and Grace Hopper parts change (Llama 3.1 70B FP8, 2048/256)', () => {
  const at = (gpu: string, gpus: number, concurrency?: number) => {
    const found = lookupModel(registry, 'meta/llama-3.1-70b-instruct');
    if (!found.ok) throw new Error(found.message);
    return sizeDeployment({
      model: { id: found.id, name: found.model.name, architecture: found.model.architecture },
      gpu: { ...registry.gpus[gpu]!, id: gpu },
      precision: 'fp8',
      gpus,
      workload: { isl: 2048, osl: 256, ...(concurrency ? { concurrency } : {}) },
    });
  };

  it('H20 decodes one stream faster than H100 (4.0 vs 3.35 TB/s) but prefills several times slower (296 vs 1,979 dense FP8 TFLOPS)', () => {
    const [h20, h100] = [at('h20', 2, 1), at('h100-sxm', 2, 1)];
    expect(h20.fits && h100.fits).toBe(true);
    expect(h20.tpotMs!).toBeLessThan(h100.tpotMs!);
    expect(h20.ttftMs! / h100.ttftMs!).toBeGreaterThan(4);
  });

  it('GH200 holds the model on one GPU with KV room H100 80GB lacks, more on the 144 GB part', () => {
    const [h100, gh96, gh144] = [at('h100-sxm', 1), at('gh200-96gb', 1), at('gh200-144gb', 1)];
    expect(gh96.fits && gh144.fits).toBe(true);
    expect(gh96.maxConcurrency).toBeGreaterThan(5 * h100.maxConcurrency);
    expect(gh144.maxConcurrency).toBeGreaterThan(2 * gh96.maxConcurrency);
  });

  it('L20 needs two cards like L40S and prefills at well under L40S speed', () => {
    expect(at('l20', 1).fits).toBe(false);
    const [l20, l40s] = [at('l20', 2, 1), at('l40s', 2, 1)];
    expect(l20.fits && l40s.fits).toBe(true);
    expect(l20.ttftMs! / l40s.ttftMs!).toBeGreaterThan(1.5);
  });
});

describe('published fit statements (gpu-sizing.md §6.3)', () => {
  it('fits DeepSeek V3 FP8 on 8×H200, 8×B200 and 8×MI300X but not 8×H100 (84 GB per GPU > 80 GB)', () => {
    expect(fits('deepseek/deepseek-v3', 'h200-sxm', 8, 'fp8').fits).toBe(true);
    expect(fits('deepseek/deepseek-v3', 'b200', 8, 'fp8').fits).toBe(true);
    expect(fits('deepseek/deepseek-v3', 'mi300x', 8, 'fp8').fits).toBe(true);
    const h100 = fits('deepseek/deepseek-v3', 'h100-sxm', 8, 'fp8');
    expect(h100.fits).toBe(false);
    expect(h100.weightsGibPerGpu * 2 ** 30 / 1e9).toBeGreaterThan(80);
    // …and needs two 8×H100 nodes.
    const auto = fits('deepseek/deepseek-v3', 'h100-sxm', undefined as never, 'fp8');
    expect(auto.gpusPerReplica).toBe(16);
    expect(auto.nodes).toBe(2);
  });

  it('needs TP16 for Qwen3.5-397B BF16 on H100 (≈99 GB per GPU at TP8), while H200 and B200 run TP8', () => {
    const h100tp8 = fits('alibaba/qwen3.5-397b-a17b', 'h100-sxm', 8, 'bf16');
    expect(h100tp8.fits).toBe(false);
    expect(h100tp8.alternatives.find((a) => a.layout === 'TP8')!.weightsGibPerGpu * 2 ** 30 / 1e9).toBeCloseTo(99.3, 0);
    const h100 = fits('alibaba/qwen3.5-397b-a17b', 'h100-sxm', 16, 'bf16');
    expect(h100.fits).toBe(true);
    expect(h100.alternatives.find((a) => a.layout === 'TP16')!.fits).toBe(true);
    expect(fits('alibaba/qwen3.5-397b-a17b', 'h200-sxm', 8, 'bf16').alternatives.find((a) => a.layout === 'TP8')!.fits).toBe(true);
    expect(fits('alibaba/qwen3.5-397b-a17b', 'b200', 8, 'bf16').alternatives.find((a) => a.layout === 'TP8')!.fits).toBe(true);
  });

  it('fits Mistral Large 3 FP8 on one H200 or B200 node (8 GPUs), and NVFP4 on one H100 or A100 node', () => {
    expect(fits('mistral/mistral-large-3', 'h200-sxm', 8, 'fp8').fits).toBe(true);
    expect(fits('mistral/mistral-large-3', 'b200', 8, 'fp8').fits).toBe(true);
    expect(fits('mistral/mistral-large-3', 'h100-sxm', 8, 'fp8').fits).toBe(false);
    expect(fits('mistral/mistral-large-3', 'h100-sxm', 8, 'nvfp4').fits).toBe(true);
    expect(fits('mistral/mistral-large-3', 'a100-sxm-80gb', 8, 'nvfp4').fits).toBe(true);
  });
});

describe('the worked example from the registry’s Llama 3.1 70B Instruct', () => {
  const size = (gpus: number, kv: 'bf16' | 'fp8') => {
    const found = lookupModel(registry, 'meta/llama-3.1-70b-instruct');
    if (!found.ok) throw new Error(found.message);
    return sizeDeployment({
      model: { id: found.id, name: found.model.name, architecture: found.model.architecture },
      gpu: { ...registry.gpus['h100-sxm']!, id: 'h100-sxm' },
      precision: 'fp8',
      kvPrecision: kv,
      gpus,
      workload: { isl: 7168, osl: 1024 },
    });
  };

  it('gives 320 KiB of BF16 KV per token', () => {
    const found = lookupModel(registry, 'meta/llama-3.1-70b-instruct');
    expect(found.ok && kvBytesPerToken(found.model.architecture, 'bf16')).toBe(327_680);
  });

  it('weighs ≈67.66 GiB in FP8 (within 1%: the entry rounds the parameter count)', () => {
    expect(size(2, 'bf16').weightsGib / 67.66).toBeGreaterThan(0.99);
    expect(size(2, 'bf16').weightsGib / 67.66).toBeLessThan(1.01);
  });

  it('is not viable on TP1 for 8k contexts and holds about 28 / 56 sequences on TP2', () => {
    expect(size(1, 'bf16').fits).toBe(false);
    expect(size(2, 'bf16').maxConcurrency).toBeCloseTo(28, 0);
    expect(size(2, 'fp8').maxConcurrency).toBeCloseTo(56, 0);
  });
});

describe('architectures the registry carries', () => {
  it('gives DeepSeek V3.2 its sparse-attention cache: 48,068 B per token with the fp8_ds_mla layout', () => {
    const found = lookupModel(registry, 'deepseek/deepseek-v3.2');
    expect(found.ok && kvBytesPerToken(found.model.architecture, 'fp8')).toBe(48_068);
  });

  it('refuses models without an architecture with a clear reason', () => {
    const found = lookupModel(registry, 'anthropic/claude-opus-4.7');
    expect(found.ok).toBe(false);
    expect(!found.ok && found.code).toBe('sizing/unknown-architecture');
  });
});

describe('every open-weights model in the registry', () => {
  const openWeights = () => Object.entries(registry.models).filter(([, m]) => m.kind === 'open-weights');

  it('with an architecture sizes on H100 SXM or B200 to a finite, positive answer or a stated refusal', () => {
    const sized = openWeights().filter(([, m]) => m.architecture);
    expect(sized.length).toBeGreaterThanOrEqual(30);
    for (const [id] of sized) {
      const found = lookupModel(registry, id);
      if (!found.ok) throw new Error(`${id}: ${found.message}`);
      const answers = (['h100-sxm', 'b200'] as const).map((gpu) => {
        try {
          return sizeDeployment({
            model: { id, name: found.model.name, architecture: found.model.architecture },
            gpu: { ...registry.gpus[gpu]!, id: gpu },
            workload: { isl: 1000, osl: 1000 },
          });
        } catch (error) {
          // A refusal must say what is wrong, with a stable code.
          expect(error, `${id} on ${gpu}`).toBeInstanceOf(SizingError);
          expect((error as SizingError).message.length, `${id} on ${gpu}`).toBeGreaterThan(10);
          return undefined;
        }
      });
      const fitting = answers.filter((r) => r?.fits);
      expect(fitting.length, `${id} fits neither H100 SXM nor B200: ${answers.map((r) => r?.reasons.join('; ')).join(' / ')}`).toBeGreaterThan(0);
      for (const r of answers) {
        if (!r) continue;
        if (!r.fits) {
          expect(r.reasons.length, `${id} on ${r.gpu.id}`).toBeGreaterThan(0);
          continue;
        }
        const numbers = {
          weightsGb: r.weightsGb,
          kvBytesPerToken: r.kvBytesPerToken,
          maxConcurrency: r.maxConcurrency,
          throughput: r.throughputOutputTokensPerSecond,
          ttftMs: r.ttftMs,
          tpotMs: r.tpotMs,
          perMonthUsd: r.cost?.perMonthUsd,
          perMillionUsd: r.cost?.perMillionOutputTokensUsd,
        };
        for (const [name, value] of Object.entries(numbers)) {
          expect(Number.isFinite(value) && (value as number) > 0, `${id} on ${r.gpu.id}: ${name} = ${value}`).toBe(true);
        }
        expect(r.gpus, id).toBeGreaterThanOrEqual(1);
        expect(r.batch, id).toBeGreaterThanOrEqual(1);
      }
    }
  });

  it('without an architecture is refused with the file to fix', () => {
    for (const [id] of openWeights().filter(([, m]) => !m.architecture)) {
      const found = lookupModel(registry, id);
      expect(found.ok, id).toBe(false);
      if (found.ok) continue;
      expect(found.code).toBe('sizing/unknown-architecture');
      expect(found.hint).toContain(`content/models/${id}.yaml`);
    }
  });
});
