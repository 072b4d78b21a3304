/**
 * One workload across the GPU catalog: the same request sized on every GPU (its own smallest layout, the same
 * targets), sorted by what it costs a month at that workload. The calculator's "compare every GPU". Pure.
 */
import type { GpuSpec } from './deployment.ts';
import { sizeDeployment, type SizingRequest, type SizingResult } from './plan.ts';

export interface GpuComparisonRow {
  gpuId: string;
  gpuName: string;
  result?: SizingResult;
  /** Why this GPU could not be sized (an error, not "does not fit"). */
  error?: string;
}

/** The request on each GPU, with the GPU-specific choices (GPU count, layout, price) left to each GPU. */
export function compareGpus(request: SizingRequest, gpus: Readonly<Record<string, Omit<GpuSpec, 'id'>>>): GpuComparisonRow[] {
  const { gpus: _count, layout: _layout, gpuHourUsd: _price, ...shared } = request;
  const rows: GpuComparisonRow[] = Object.entries(gpus).map(([gpuId, gpu]) => {
    try {
      return { gpuId, gpuName: gpu.name, result: sizeDeployment({ ...shared, gpu: { ...gpu, id: gpuId } }) };
    } catch (error) {
      return { gpuId, gpuName: gpu.name, error: (error as Error).message };
    }
  });
  // Cheapest first; fitting GPUs without a price next (by GPU count), then those that do not fit.
  const rank = (r: GpuComparisonRow) => (r.result?.fits ? (r.result.cost ? 0 : 1) : 2);
  return rows.sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.result?.cost?.perMonthUsd ?? 0) - (b.result?.cost?.perMonthUsd ?? 0) ||
      (a.result?.gpus ?? 0) - (b.result?.gpus ?? 0) ||
      a.gpuName.localeCompare(b.gpuName, 'en'),
  );
}
