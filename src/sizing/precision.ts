/**
 * Storage formats of weights and KV cache: bits per value including block-scale overhead, and which
 * tensor-core rate a format runs at on a given GPU (gpu-sizing.md §2.2).
 */
import type { Gpu, Precision } from '../registry/schema/index.ts';

export type { Precision };

/** Every weight format sizing understands, in the order the CLI lists them. */
export const WEIGHT_PRECISIONS: readonly Precision[] = ['fp32', 'bf16', 'fp16', 'fp8', 'int8', 'int4', 'mxfp4', 'nvfp4'];

/**
 * Bits stored per weight, scales included.
 * - fp8/int8: per-tensor or per-channel scales are negligible (DeepSeek's 128×128 block scales add 0.002 bits).
 * - int4: AWQ/GPTQ group 128 with an fp16 scale and a 4-bit zero point per group → 4 + 16/128 + 4/128.
 * - mxfp4: OCP MX, one E8M0 scale per 32 values → 4 + 8/32.
 * - nvfp4: one E4M3 scale per 16 values (+ a per-tensor fp32, negligible) → 4 + 8/16.
 */
export const WEIGHT_BITS: Record<Precision, number> = {
  fp32: 32,
  bf16: 16,
  fp16: 16,
  fp8: 8,
  int8: 8,
  int4: 4 + 16 / 128 + 4 / 128,
  mxfp4: 4 + 8 / 32,
  nvfp4: 4 + 8 / 16,
};

/** KV cache element formats: the engine's kv-cache dtype. */
export type KvPrecision = 'bf16' | 'fp8';
export const KV_PRECISIONS: readonly KvPrecision[] = ['bf16', 'fp8'];
export const KV_BYTES: Record<KvPrecision, number> = { bf16: 2, fp8: 1 };

/** Bytes per weight at a precision. */
export function bytesPerWeight(precision: Precision): number {
  return WEIGHT_BITS[precision] / 8;
}

/** Precisions at or below 8 bits: embeddings and the LM head stay at 16 bits when the rest is quantized to these. */
export function isQuantized(precision: Precision): boolean {
  return WEIGHT_BITS[precision] < 16;
}

/** Tensor-core class a weight format computes in, on a GPU that supports it. */
export type ComputeClass = 'bf16' | 'fp8' | 'int8' | 'fp4';

const NATIVE_COMPUTE: Record<Precision, ComputeClass> = {
  fp32: 'bf16',
  bf16: 'bf16',
  fp16: 'bf16',
  fp8: 'fp8',
  int8: 'int8',
  // Group-quantized int4 (AWQ/GPTQ) runs as weight-only W4A16: the matmuls happen in 16-bit.
  int4: 'bf16',
  mxfp4: 'fp4',
  nvfp4: 'fp4',
};

/**
 * Dense TFLOPS a weight format achieves on a GPU. A format the GPU has no tensor cores for runs
 * weight-only at the 16-bit rate: FP8 on Ampere (W8A16, Marlin), FP4 on Hopper (W4A16). The memory
 * saving stays; the compute rate does not improve (gpu-catalog.json notes on A100).
 */
export function computeTflops(gpu: Pick<Gpu, 'dense_tflops'>, precision: Precision): { tflops: number; computesAs: ComputeClass } {
  const t = gpu.dense_tflops;
  const wanted = NATIVE_COMPUTE[precision];
  if (wanted === 'fp4' && t.fp4 != null) return { tflops: t.fp4, computesAs: 'fp4' };
  if (wanted === 'fp8' && t.fp8 != null) return { tflops: t.fp8, computesAs: 'fp8' };
  if (wanted === 'int8' && t.int8 != null) return { tflops: t.int8, computesAs: 'int8' };
  if (wanted === 'int8' && t.fp8 != null) return { tflops: t.fp8, computesAs: 'fp8' };
  return { tflops: t.bf16, computesAs: 'bf16' };
}
