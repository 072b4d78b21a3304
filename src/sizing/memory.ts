/**
 * Runtime memory budget per GPU (gpu-sizing.md §2.4): what the driver reports, the engine's memory
 * fraction, the reserve for activations, non-torch memory and CUDA graphs, and what is left for KV cache.
 */
import type { Gpu } from '../registry/schema/index.ts';

export const GIB = 2 ** 30;

export type EngineId = 'vllm' | 'trtllm' | 'sglang';

/** How an inference engine budgets memory and batches. */
export interface EngineProfile {
  id: EngineId;
  label: string;
  /** Memory fraction the engine may use. */
  memoryFraction: number;
  /**
   * `total`: vLLM's gpu_memory_utilization is a fraction of all memory, weights included.
   * `free`: TensorRT-LLM's kv_cache_free_gpu_mem_fraction is a fraction of what is left after weights.
   */
  fractionOf: 'total' | 'free';
  /** Activations, non-torch allocations and CUDA graphs, GiB per GPU. */
  reserveGib: number;
  /** KV cache page size, tokens. */
  blockTokens: number;
  /** The scheduler's cap on concurrent sequences for a GPU. */
  maxBatch(gpu: Pick<Gpu, 'memory_gb' | 'architecture'>): number;
  source: string;
}

export const ENGINES: Record<EngineId, EngineProfile> = {
  sglang: {
    id: 'sglang',
    label: 'SGLang',
    // SGLang's --mem-fraction-static: the fraction of GPU memory for weights and the KV pool together (like
    // vLLM's gpu_memory_utilization). The server computes its default from the GPU and the parallel layout; that
    // default was not verified here, so 0.88 is an assumption (pass --gpu-memory-utilization to set it).
    memoryFraction: 0.88,
    fractionOf: 'total',
    reserveGib: 2.5,
    blockTokens: 1,
    // --max-running-requests: without it SGLang admits as many requests as the KV pool holds; cuda_graph_max_bs
    // bounds only the graph-captured batch. 4096 stands for "as many as fit".
    maxBatch: () => 4096,
    source:
      'SGLang server arguments --mem-fraction-static (fraction of total GPU memory for weights + KV pool; 0.88 assumed, the server’s computed default not verified) and --max-running-requests (unbounded by default; KV pool limits it); token-granular KV pool (page size 1)',
  },
  vllm: {
    id: 'vllm',
    label: 'vLLM',
    memoryFraction: 0.9,
    fractionOf: 'total',
    reserveGib: 2.5,
    blockTokens: 16,
    // vLLM EngineArgs.get_batch_defaults: max_num_seqs 1024 on ≥70 GiB GPUs other than A100, else 256.
    maxBatch: (gpu) => (gpu.memory_gb >= 75 && !/ampere/i.test(gpu.architecture) ? 1024 : 256),
    source:
      'vLLM CacheConfig gpu_memory_utilization 0.90 (0.92 in current docs); block_size 16; max_num_seqs from vllm/engine/arg_utils.py get_batch_defaults; 2.5 GiB reserve from observed start-up logs (gpu-sizing.md §2.4)',
  },
  trtllm: {
    id: 'trtllm',
    label: 'TensorRT-LLM',
    memoryFraction: 0.95,
    fractionOf: 'free',
    reserveGib: 2.5,
    blockTokens: 32,
    // trtllm-bench finetune_setting: max batch = min(KV-cache requests, 4096), split over pipeline stages.
    maxBatch: () => 4096,
    source:
      'TensorRT-LLM perf-overview (v1.0): kv_cache_free_gpu_mem_fraction 0.95 in NVIDIA perf runs (0.90 default); trtllm-bench tuning.py caps the batch at min(KV requests, 4096)',
  },
};

/**
 * Memory the driver gives the engine, GiB. Marketed HBM capacities are binary-ish (an "80 GB" H100 reports
 * 79.19 GiB), so without an observed figure sizing assumes 0.99 × memory_gb GiB.
 */
export function driverMemoryGib(gpu: Pick<Gpu, 'memory_gb' | 'usable_memory_gib'>): number {
  return gpu.usable_memory_gib ?? gpu.memory_gb * 0.99;
}

/** Per-GPU memory split, GiB. */
export interface MemoryBudget {
  driverGib: number;
  /** What the engine may use: fraction × driver memory (vLLM), or driver memory (TensorRT-LLM). */
  engineGib: number;
  weightsGib: number;
  reserveGib: number;
  /** Left for KV cache and recurrent state; negative when the weights do not fit. */
  kvGib: number;
}

/** KV memory left on one GPU holding `weightBytesPerGpu` of weights. */
export function memoryBudget(gpu: Pick<Gpu, 'memory_gb' | 'usable_memory_gib'>, engine: EngineProfile, weightBytesPerGpu: number): MemoryBudget {
  const driverGib = driverMemoryGib(gpu);
  const weightsGib = weightBytesPerGpu / GIB;
  if (engine.fractionOf === 'total') {
    const engineGib = driverGib * engine.memoryFraction;
    return { driverGib, engineGib, weightsGib, reserveGib: engine.reserveGib, kvGib: engineGib - weightsGib - engine.reserveGib };
  }
  const free = driverGib - weightsGib - engine.reserveGib;
  return { driverGib, engineGib: driverGib, weightsGib, reserveGib: engine.reserveGib, kvGib: free > 0 ? free * engine.memoryFraction : free };
}
