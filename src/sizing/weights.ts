/**
 * Weight memory (gpu-sizing.md §2.2): every parameter at its storage format, MoE experts all resident,
 * embeddings and LM head kept at 16 bits when the rest is quantized (FP8/FP4 checkpoints keep them in BF16).
 */
import type { Architecture, Precision } from '../registry/schema/index.ts';
import { SizingError } from './errors.ts';
import { bytesPerWeight, isQuantized } from './precision.ts';

/** Parameter groups, in parameters (not billions). */
export interface ParamGroups {
  total: number;
  /** Parameters one token passes through (MoE: shared + k routed experts). */
  active: number;
  /** Input embedding table: gathered, never read whole per step. */
  inputEmbedding: number;
  /** LM head (the same matrix as the input embedding when tied). */
  lmHead: number;
  /** Embedding + LM-head parameters stored (one matrix when tied). */
  embeddingStored: number;
  /** All routed experts of all MoE layers (0 for dense models). */
  routedExperts: number;
  /** Everything else: attention, dense FFN, shared experts, norms, router. */
  rest: number;
  /** Routed experts per MoE layer and per token (0 for dense models). */
  experts: number;
  expertsActive: number;
}

/** Splits the parameter count into the groups sizing treats differently. */
export function paramGroups(arch: Architecture): ParamGroups {
  const total = arch.params_total_b * 1e9;
  const tied = arch.tied_embeddings === true;
  let matrix: number;
  if (arch.params_embedding_b !== undefined) matrix = (arch.params_embedding_b * 1e9) / (tied ? 1 : 2);
  else if (arch.vocab_size !== undefined) matrix = arch.vocab_size * arch.hidden_size;
  else matrix = 0;
  const embeddingStored = tied ? matrix : 2 * matrix;

  let routedExperts = 0;
  let active = arch.params_active_b !== undefined ? arch.params_active_b * 1e9 : total;
  const moe = arch.moe;
  if (moe) {
    if (arch.params_active_b !== undefined && moe.experts_total > moe.experts_active) {
      // total − active = (E − k) experts' worth of parameters, so one expert (all layers) = (total − active)/(E − k).
      // This keeps the split consistent with the published totals without needing every FFN dimension.
      routedExperts = (moe.experts_total * (total - active)) / (moe.experts_total - moe.experts_active);
    } else if (moe.moe_layers !== undefined && moe.expert_intermediate_size !== undefined) {
      // Gated FFN: gate, up and down projections.
      const perExpert = 3 * arch.hidden_size * moe.expert_intermediate_size;
      routedExperts = moe.moe_layers * moe.experts_total * perExpert;
      if (arch.params_active_b === undefined) active = total - routedExperts + (routedExperts * moe.experts_active) / moe.experts_total;
    } else {
      throw new SizingError(
        'sizing/architecture-incomplete',
        'a mixture-of-experts architecture needs params_active_b (or moe.moe_layers and moe.expert_intermediate_size) to split expert from shared weights',
      );
    }
  }
  const rest = Math.max(0, total - routedExperts - embeddingStored);
  return {
    total,
    active,
    inputEmbedding: matrix,
    lmHead: matrix,
    embeddingStored,
    routedExperts,
    rest,
    experts: moe?.experts_total ?? 0,
    expertsActive: moe?.experts_active ?? 0,
  };
}

/** Weight bytes by group at a precision. */
export interface WeightBytes {
  total: number;
  embedding: number;
  routedExperts: number;
  rest: number;
  /** Precision each group is stored at. */
  precisions: { embedding: Precision; routedExperts: Precision; rest: Precision };
}

/**
 * Weight bytes at `precision`. `expertPrecision` overrides the routed experts' format (checkpoints that ship
 * e.g. MXFP4 experts and BF16 attention). Embeddings stay at BF16 when `precision` is below 16 bits.
 */
export function weightBytes(groups: ParamGroups, precision: Precision, expertPrecision: Precision = precision): WeightBytes {
  const embeddingPrecision: Precision = isQuantized(precision) ? 'bf16' : precision;
  const embedding = groups.embeddingStored * bytesPerWeight(embeddingPrecision);
  const routedExperts = groups.routedExperts * bytesPerWeight(expertPrecision);
  const rest = groups.rest * bytesPerWeight(precision);
  return {
    total: embedding + routedExperts + rest,
    embedding,
    routedExperts,
    rest,
    precisions: { embedding: embeddingPrecision, routedExperts: expertPrecision, rest: precision },
  };
}

/**
 * Expected routed experts a batch touches per MoE layer under uniform routing: E·(1 − (1 − k/E)^tokens).
 * DeepSeek-V3 (256, top-8): 1 token → 8, 16 → 102, 64 → 222 (gpu-sizing.md §2.6, derived).
 */
export function expertsTouched(experts: number, expertsActive: number, tokens: number): number {
  if (experts === 0) return 0;
  return experts * (1 - Math.pow(1 - expertsActive / experts, Math.max(0, tokens)));
}

/**
 * Weight bytes one forward step reads for `tokens` tokens: all non-expert weights except the input
 * embedding (a gather), plus the routed experts those tokens touch.
 */
export function weightBytesRead(groups: ParamGroups, bytes: WeightBytes, tokens: number): number {
  const embeddingPerMatrix = groups.embeddingStored > 0 ? bytes.embedding / groups.embeddingStored : 0;
  // With tied embeddings the one matrix is read by the LM head, so nothing is skipped.
  const skipped = groups.embeddingStored > groups.lmHead ? groups.inputEmbedding * embeddingPerMatrix : 0;
  const touched = groups.experts > 0 ? expertsTouched(groups.experts, groups.expertsActive, tokens) / groups.experts : 0;
  return bytes.rest + bytes.embedding - skipped + bytes.routedExperts * touched;
}

/** Parameters whose matmuls run per token (2 FLOPs each): active parameters minus the input-embedding gather. */
export function computeParams(groups: ParamGroups): number {
  const skipped = groups.embeddingStored > groups.lmHead ? groups.inputEmbedding : 0;
  return groups.active - skipped;
}

/**
 * Expected routed experts on the busiest of `ranks` expert-parallel ranks when a step touches `touched` of
 * `experts` experts, each rank holding experts ÷ ranks of them: the mean plus the usual balls-into-bins excess
 * √(2·mean·ln ranks) (shrunk as nearly every expert is touched), capped at what a rank holds. The step waits for
 * the busiest rank, so at small batches EP reads more expert bytes per GPU than sharding every expert (TP) does;
 * at large batches every rank holds touched experts and the two agree.
 */
export function busiestRankExperts(experts: number, touched: number, ranks: number): number {
  if (experts === 0 || ranks <= 1) return touched;
  const perRank = experts / ranks;
  const mean = touched / ranks;
  const excess = Math.sqrt(2 * mean * Math.log(ranks)) * Math.sqrt(Math.max(0, 1 - touched / experts));
  return Math.min(perRank, touched, mean + excess);
}

/**
 * Attention parameters of the whole model (projections only): what a data-parallel attention rank computes
 * alone for one request. GQA/MHA: Q and O of heads × head_dim, K and V of kv_heads × head_dim; MLA: the
 * low-rank Q (or full Q), the joint KV down-projection with the rope key, the K/V up-projections and O.
 */
export function attentionParams(arch: Architecture): number {
  const h = arch.hidden_size;
  const a = arch.attention;
  if (a.kind === 'mla') {
    const qk = a.qk_nope_head_dim + a.qk_rope_head_dim;
    const q = a.q_lora_rank ? h * a.q_lora_rank + a.q_lora_rank * a.heads * qk : h * a.heads * qk;
    const kv = h * (a.kv_lora_rank + a.qk_rope_head_dim) + a.kv_lora_rank * a.heads * (a.qk_nope_head_dim + a.v_head_dim);
    const o = a.heads * a.v_head_dim * h;
    return arch.layers * (q + kv + o);
  }
  // Linear-attention layers (hybrid models) are counted with the same projections: an approximation.
  return arch.layers * (2 * h * a.heads * a.head_dim + 2 * h * a.kv_heads * a.head_dim);
}
