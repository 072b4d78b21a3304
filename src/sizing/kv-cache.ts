/**
 * KV cache and recurrent state per token and per sequence (gpu-sizing.md §2.3), per GPU under tensor
 * parallelism: GQA/MHA heads split until TP exceeds the KV heads, then replicate; MLA's latent is
 * replicated on every TP rank; windowed layers cap at their window; linear-attention layers keep a
 * fixed state per sequence that splits with the heads.
 */
import type { Architecture } from '../registry/schema/index.ts';
import { KV_BYTES, type KvPrecision } from './precision.ts';

/** DeepSeek V3.2 sparse attention: the main cache is read only for the top-k tokens, the indexer for all. */
export interface SparseKv {
  topK: number;
  /** Main (MLA) cache bytes per token, all layers, per GPU. */
  mainBytesPerToken: number;
  /** Lightning-indexer cache bytes per token, all layers, per GPU. */
  indexerBytesPerToken: number;
}

/** How one GPU stores a sequence's attention state. */
export interface KvLayout {
  kvPrecision: KvPrecision;
  tensorParallel: number;
  /** Bytes per token per GPU in layers that attend over the whole context. */
  globalBytesPerToken: number;
  /** Bytes per token per GPU in windowed (sliding/chunked) layers, which stop growing at `window`. */
  localBytesPerToken: number;
  window: number | null;
  /** Constant bytes per sequence per GPU (linear-attention recurrent and convolution state). */
  stateBytesPerSequence: number;
  sparse: SparseKv | null;
  /** Copies of each KV head across the TP group (1 when heads split cleanly). */
  replication: number;
}

/** Attention layers that keep a KV cache (the rest are linear-attention layers). */
export function attentionLayers(arch: Architecture): number {
  return arch.layers - (arch.linear_attention?.layers ?? 0);
}

/** KV bytes per layer per token on one GPU, before windowing. */
function bytesPerLayerPerToken(arch: Architecture, kvPrecision: KvPrecision, tp: number): { bytes: number; replication: number; indexer: number } {
  const b = KV_BYTES[kvPrecision];
  const attention = arch.attention;
  if (attention.kind === 'gqa') {
    // vLLM get_num_kv_heads: max(1, kv_heads // tp) — beyond kv_heads every rank keeps a whole head.
    const headsPerGpu = tp <= attention.kv_heads ? attention.kv_heads / tp : 1;
    const replication = tp <= attention.kv_heads ? 1 : tp / attention.kv_heads;
    return { bytes: 2 * headsPerGpu * attention.head_dim * b, replication, indexer: 0 };
  }
  // MLA: one latent (kv_lora_rank) + the decoupled RoPE key per token and layer, not split by TP
  // ("When using MLA during decode it becomes MQA", vLLM num_kv_heads = 1).
  let bytes = (attention.kv_lora_rank + attention.qk_rope_head_dim) * b;
  let indexer = 0;
  if (arch.sparse_attention?.kind === 'deepseek-dsa') {
    if (kvPrecision === 'fp8') {
      // vLLM fp8_ds_mla: fp8 latent + one fp32 scale per 128 values + the RoPE part in bf16 → 656 B for V3.2.
      bytes = attention.kv_lora_rank + (attention.kv_lora_rank / 128) * 4 + attention.qk_rope_head_dim * 2;
    }
    // Lightning indexer keys are fp8 with one fp32 scale per token (vLLM DeepseekV32IndexerCache: 132 B).
    indexer = arch.sparse_attention.index_head_dim + 4;
  }
  return { bytes, replication: tp, indexer };
}

/** The per-GPU KV layout of `arch` at a KV precision and tensor-parallel degree. */
export function kvLayout(arch: Architecture, kvPrecision: KvPrecision, tp = 1): KvLayout {
  const layers = attentionLayers(arch);
  const windowed = Math.min(layers, arch.window?.windowed_layers ?? 0);
  const global = layers - windowed;
  const perLayer = bytesPerLayerPerToken(arch, kvPrecision, tp);
  const perLayerStored = perLayer.bytes + perLayer.indexer;

  let stateBytesPerSequence = 0;
  const linear = arch.linear_attention;
  if (linear && linear.layers > 0) {
    const stateBytes = linear.state_precision === 'bf16' ? 2 : 4;
    const recurrent = linear.value_heads * linear.key_head_dim * linear.value_head_dim * stateBytes;
    // Short causal convolution over q, k and v channels keeps (kernel − 1) past inputs in bf16.
    const convChannels = 2 * linear.key_heads * linear.key_head_dim + linear.value_heads * linear.value_head_dim;
    const conv = convChannels * ((linear.conv_kernel ?? 4) - 1) * 2;
    // Heads shard across TP ranks, so the state does too.
    stateBytesPerSequence = (linear.layers * (recurrent + conv)) / tp;
  }

  const sparse =
    arch.sparse_attention?.kind === 'deepseek-dsa'
      ? { topK: arch.sparse_attention.top_k, mainBytesPerToken: layers * perLayer.bytes, indexerBytesPerToken: layers * perLayer.indexer }
      : null;

  return {
    kvPrecision,
    tensorParallel: tp,
    globalBytesPerToken: global * perLayerStored,
    localBytesPerToken: windowed * perLayerStored,
    window: windowed > 0 && arch.window ? arch.window.size : null,
    stateBytesPerSequence,
    sparse,
    replication: perLayer.replication,
  };
}

/** Bytes one GPU stores for a sequence of `tokens` tokens. */
export function kvBytesPerSequence(layout: KvLayout, tokens: number): number {
  const local = layout.window === null ? tokens : Math.min(tokens, layout.window);
  return layout.globalBytesPerToken * tokens + layout.localBytesPerToken * local + layout.stateBytesPerSequence;
}

/**
 * Bytes one GPU reads per decode step for one sequence at context `tokens`: the whole cache, except that
 * DeepSeek sparse attention reads only the top-k entries of the main cache (but all indexer keys), and the
 * recurrent state is read and written back.
 */
export function kvBytesReadPerStep(layout: KvLayout, tokens: number): number {
  const local = layout.window === null ? tokens : Math.min(tokens, layout.window);
  let global = layout.globalBytesPerToken * tokens;
  if (layout.sparse) global = layout.sparse.mainBytesPerToken * Math.min(tokens, layout.sparse.topK) + layout.sparse.indexerBytesPerToken * tokens;
  return global + layout.localBytesPerToken * local + 2 * layout.stateBytesPerSequence;
}

/**
 * KV bytes per token of the whole model on one GPU (TP1), at short context where every layer still grows:
 * the figure model cards and vLLM quote (Llama 3.1 70B BF16: 327,680 B).
 */
export function kvBytesPerToken(arch: Architecture, kvPrecision: KvPrecision): number {
  const layout = kvLayout(arch, kvPrecision, 1);
  return layout.globalBytesPerToken + layout.localBytesPerToken;
}
