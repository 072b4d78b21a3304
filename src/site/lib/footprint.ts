/**
 * A model's GPU footprint across the GPU catalog, computed with the sizing engine (src/sizing) for a reference
 * workload at one latency target: the smallest layout that fits each GPU, the batch it holds at that target, what
 * one replica sustains there, and the cost per output token at that throughput. Pure.
 */
import type { Gpu, Model, Precision, Registry } from '../../registry/index.ts';
import { sizeDeployment, type SizingResult } from '../../sizing/index.ts';

/**
 * The reference workload of the footprint table (the calculator takes any other). One latency target for every
 * row, so each GPU is compared at the same operating point: a 50 ms TPOT (about 20 tokens a second per user).
 */
export const REFERENCE_WORKLOAD = { isl: 1000, osl: 1000, tpotMs: 50 } as const;

export interface FootprintCell {
  precision: Precision;
  result?: SizingResult;
  /** Why it could not be sized at all (not the same as "does not fit"). */
  error?: string;
}

export interface FootprintRow {
  gpuId: string;
  gpu: Gpu;
  cells: FootprintCell[];
}

/** Precisions the footprint shows: the released one, and FP8 when the weights ship wider and the GPU has FP8. */
export function footprintPrecisions(model: Model, gpu: Gpu): Precision[] {
  const native = model.architecture?.native_precision;
  if (!native) return [];
  const wide = native === 'bf16' || native === 'fp16' || native === 'fp32';
  return wide && gpu.dense_tflops.fp8 !== null ? [native, 'fp8'] : [native];
}

export function sizeCell(id: string, model: Model, gpuId: string, gpu: Gpu, precision: Precision): FootprintCell {
  try {
    const result = sizeDeployment({ model: { id, name: model.name, architecture: model.architecture! }, gpu: { ...gpu, id: gpuId }, precision, workload: { ...REFERENCE_WORKLOAD } });
    return { precision, result };
  } catch (error) {
    return { precision, error: (error as Error).message };
  }
}

/** One row per GPU (by memory, then name); empty when the model has no architecture to size. */
export function gpuFootprint(registry: Registry, id: string): FootprintRow[] {
  const model = registry.models[id];
  if (!model?.architecture) return [];
  return Object.entries(registry.gpus)
    .sort((a, b) => a[1].memory_gb - b[1].memory_gb || a[1].name.localeCompare(b[1].name))
    .map(([gpuId, gpu]) => ({ gpuId, gpu, cells: footprintPrecisions(model, gpu).map((p) => sizeCell(id, model, gpuId, gpu, p)) }));
}

/** Models that fit on one node (≤ 8 GPUs) of a GPU at their released precision, fewest GPUs first. */
export function modelsOnGpu(registry: Registry, gpuId: string): { id: string; name: string; result: SizingResult }[] {
  const gpu = registry.gpus[gpuId];
  if (!gpu) return [];
  const out: { id: string; name: string; result: SizingResult }[] = [];
  for (const [id, model] of Object.entries(registry.models)) {
    if (!model.architecture) continue;
    const cell = sizeCell(id, model, gpuId, gpu, model.architecture.native_precision);
    if (cell.result?.fits && cell.result.gpusPerReplica <= 8) out.push({ id, name: model.name, result: cell.result });
  }
  return out.sort((a, b) => a.result.gpusPerReplica - b.result.gpusPerReplica || a.name.localeCompare(b.name));
}
