/**
 * How one replica spreads over its GPUs (gpu-sizing.md §2.5): tensor parallelism must divide the heads;
 * KV heads replicate once TP exceeds them; MoE models may run attention data-parallel with experts split
 * across ranks (attention-DP + EP), which stops MLA's KV cache from being copied onto every rank.
 */
import type { Architecture, Gpu } from '../registry/schema/index.ts';

/** The parallel layout of one replica. */
export interface Layout {
  /** GPUs per replica = tensorParallel × pipelineParallel (attention-DP: the data-parallel ranks). */
  gpus: number;
  /** Tensor-parallel degree of attention and dense layers (1 under attention-DP). */
  tensorParallel: number;
  pipelineParallel: number;
  /** `tensor-parallel`: every layer split across TP ranks, routed experts spread over all GPUs.
   *  `data-parallel`: attention and dense weights replicated per GPU, sequences split across GPUs, experts split (EP = gpus). */
  attention: 'tensor-parallel' | 'data-parallel';
  /**
   * Tensor-parallel attention only: routed experts whole on each GPU (expert parallelism, EP = gpus) instead of
   * every expert sharded across the TP ranks (vLLM --enable-expert-parallel, SGLang --ep-size, TensorRT-LLM --ep).
   */
  expertParallel?: boolean;
}

/** The three layouts a user can ask for (`--layout`). */
export type LayoutKind = 'tp' | 'tp-ep' | 'dp-attention-ep';
export const LAYOUT_KINDS: readonly LayoutKind[] = ['tp', 'tp-ep', 'dp-attention-ep'];

export function layoutKind(layout: Layout): LayoutKind {
  if (layout.attention === 'data-parallel') return 'dp-attention-ep';
  return layout.expertParallel ? 'tp-ep' : 'tp';
}

/** Why a tensor-parallel degree cannot run this architecture (empty when it can). */
export function tensorParallelProblems(arch: Architecture, tp: number): string[] {
  const problems: string[] = [];
  if (tp < 1 || !Number.isInteger(tp)) return [`tensor-parallel size must be a positive whole number, got ${tp}`];
  const heads = arch.attention.heads;
  // vLLM: "Total number of attention heads (X) must be divisible by tensor parallel size (Y)".
  if (heads % tp !== 0) problems.push(`${heads} attention heads are not divisible by tensor-parallel size ${tp}`);
  if (arch.attention.kind === 'gqa') {
    const kv = arch.attention.kv_heads;
    if (kv % tp !== 0 && tp % kv !== 0) problems.push(`${kv} KV heads neither divide nor are divided by tensor-parallel size ${tp}`);
  }
  const linear = arch.linear_attention;
  if (linear && linear.layers > 0) {
    if (linear.key_heads % tp !== 0) problems.push(`${linear.key_heads} linear-attention key heads are not divisible by tensor-parallel size ${tp}`);
    if (linear.value_heads % tp !== 0) problems.push(`${linear.value_heads} linear-attention value heads are not divisible by tensor-parallel size ${tp}`);
  }
  return problems;
}

/** Why a layout cannot run this architecture (empty when it can). */
export function layoutProblems(arch: Architecture, layout: Layout): string[] {
  const problems = layout.attention === 'tensor-parallel' ? tensorParallelProblems(arch, layout.tensorParallel) : [];
  if (layout.pipelineParallel > arch.layers) problems.push(`pipeline-parallel size ${layout.pipelineParallel} exceeds the ${arch.layers} layers`);
  if (layout.expertParallel && layout.attention === 'tensor-parallel') {
    if (!arch.moe) problems.push('expert parallelism applies to mixture-of-experts models only');
    else if (arch.moe.experts_total % layout.gpus !== 0) problems.push(`${arch.moe.experts_total} experts do not split evenly over ${layout.gpus} GPUs`);
    if (layout.pipelineParallel !== 1) problems.push('expert parallelism is modelled without pipeline parallelism');
  }
  if (layout.attention === 'data-parallel') {
    if (!arch.moe) problems.push('attention data-parallelism with expert parallelism applies to mixture-of-experts models only');
    else if (arch.moe.experts_total % layout.gpus !== 0) problems.push(`${arch.moe.experts_total} experts do not split evenly over ${layout.gpus} GPUs`);
    if (layout.pipelineParallel !== 1) problems.push('attention data-parallelism is modelled without pipeline parallelism');
  }
  return problems;
}

const POWERS_OF_TWO = [1, 2, 4, 8, 16, 32, 64, 128];

/**
 * Layouts worth trying on `gpus` GPUs: pure TP; for MoE models attention-DP + EP; and TP × PP splits when
 * the GPUs outgrow one scale-up domain (PCIe cards, multi-node), as TensorRT-LLM runs RTX PRO 6000.
 */
export function candidateLayouts(arch: Architecture, gpu: Pick<Gpu, 'interconnect'>, gpus: number, kinds: readonly LayoutKind[] = LAYOUT_KINDS): Layout[] {
  const layouts: Layout[] = [];
  for (const pp of POWERS_OF_TWO) {
    if (pp > gpus || gpus % pp !== 0) continue;
    const tp = gpus / pp;
    // Pipeline stages only pay off once TP would leave the scale-up domain.
    if (pp > 1 && gpus <= gpu.interconnect.scale_up_domain) continue;
    if (kinds.includes('tp')) layouts.push({ gpus, tensorParallel: tp, pipelineParallel: pp, attention: 'tensor-parallel' });
  }
  if (arch.moe && gpus > 1 && kinds.includes('tp-ep')) layouts.push({ gpus, tensorParallel: gpus, pipelineParallel: 1, attention: 'tensor-parallel', expertParallel: true });
  if (arch.moe && gpus > 1 && kinds.includes('dp-attention-ep')) layouts.push({ gpus, tensorParallel: 1, pipelineParallel: 1, attention: 'data-parallel' });
  return layouts.filter((l) => layoutProblems(arch, l).length === 0);
}

/** Short label: "TP8", "TP8 + EP8", "TP2×PP4", "DP8 attention + EP8". */
export function layoutLabel(layout: Layout): string {
  if (layout.attention === 'data-parallel') return `DP${layout.gpus} attention + EP${layout.gpus}`;
  if (layout.expertParallel) return `TP${layout.tensorParallel} + EP${layout.gpus}`;
  return layout.pipelineParallel > 1 ? `TP${layout.tensorParallel}×PP${layout.pipelineParallel}` : `TP${layout.tensorParallel}`;
}

export const GPU_COUNTS = POWERS_OF_TWO;
