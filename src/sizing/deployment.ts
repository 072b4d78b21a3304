/**
 * One replica of a model on a set of GPUs: its memory split, KV capacity, and time model
 * (gpu-sizing.md §2.4–2.7):
 *   t_step  = max(weight bytes ÷ (BW·η_mem), linear FLOPs ÷ (F·η_compute))
 *           + max(B × KV bytes ÷ (BW·η_mem), attention FLOPs ÷ (F·η_compute)) + t_comm + t_fixed
 *   weight bytes = weights touched (MoE experts touched grow with the batch)
 *   prefill = (2·P_active·ISL + causal attention FLOPs) ÷ (N·F·η_compute)
 *   λ_max   = 1 ÷ (t_prefill + OSL·t_step ÷ B)
 */
import type { Architecture, Gpu, Precision } from '../registry/schema/index.ts';
import type { EfficiencyFactors } from './efficiency/factors.ts';
import { attentionLayers, kvBytesPerSequence, kvBytesReadPerStep, kvLayout, type KvLayout } from './kv-cache.ts';
import { GIB, memoryBudget, type EngineProfile, type MemoryBudget } from './memory.ts';
import { layoutProblems, type Layout } from './parallelism.ts';
import { computeTflops, type ComputeClass, type KvPrecision } from './precision.ts';
import { attentionParams, busiestRankExperts, computeParams, expertsTouched, paramGroups, weightBytes, weightBytesRead, type ParamGroups, type WeightBytes } from './weights.ts';

/** A GPU entry with its registry id. */
export type GpuSpec = Gpu & { id: string };

/** Bytes per activation element exchanged between GPUs (BF16). */
const ACTIVATION_BYTES = 2;
/** Per-message latency of an intra-node collective (llm-analysis intra_node_min_message_latency). */
const INTRA_NODE_LATENCY_MS = 0.008;
/** Per-message latency across nodes (assumption: InfiniBand/RoCE round trip ≈ 2× NVLink's). */
const INTER_NODE_LATENCY_MS = 0.016;
/** Scale-out bandwidth per GPU per direction when a replica spans nodes: one 400 Gb/s NIC per GPU (assumption). */
export const INTER_NODE_GBPS_PER_DIRECTION = 50;
/** Fallback when a GPU's scale-up bandwidth is unknown: PCIe Gen5 x16 per direction (assumption). */
export const UNKNOWN_LINK_GBPS_PER_DIRECTION = 64;
/** GPUs one server holds (HGX baseboards and typical PCIe servers hold eight). */
export const GPUS_PER_SERVER = 8;

export interface DeploymentSpec {
  architecture: Architecture;
  gpu: GpuSpec;
  precision: Precision;
  /** Routed-expert precision when it differs (native mixed checkpoints). */
  expertPrecision?: Precision;
  kvPrecision: KvPrecision;
  engine: EngineProfile;
  layout: Layout;
  efficiency: EfficiencyFactors;
}

export interface Deployment extends DeploymentSpec {
  groups: ParamGroups;
  weights: WeightBytes;
  weightBytesPerGpu: number;
  budget: MemoryBudget;
  /** KV layout of one GPU (all layers; pipeline stages hold 1/PP of it). */
  kv: KvLayout;
  tflops: number;
  computesAs: ComputeClass;
  /** Per-direction bandwidth of the links collectives use, GB/s, and what they are. */
  link: { gbps: number; kind: 'scale-up' | 'pcie' | 'inter-node' | 'assumed' };
  nodes: number;
  /** Why the layout cannot run this architecture (empty when it can). */
  problems: string[];
}

/** Builds the memory and hardware picture of one replica. */
export function deploy(spec: DeploymentSpec): Deployment {
  const { architecture: arch, gpu, layout } = spec;
  const groups = paramGroups(arch);
  const weights = weightBytes(groups, spec.precision, spec.expertPrecision ?? spec.precision);
  const weightBytesPerGpu =
    layout.attention === 'data-parallel'
      ? weights.embedding + weights.rest + weights.routedExperts / layout.gpus
      : weights.total / (layout.tensorParallel * layout.pipelineParallel);
  const kv = kvLayout(arch, spec.kvPrecision, layout.attention === 'data-parallel' ? 1 : layout.tensorParallel);
  const { tflops, computesAs } = computeTflops(gpu, spec.precision);
  const domain = gpu.interconnect.scale_up_domain;
  const linkGbps = gpu.interconnect.gbps_bidirectional;
  // Beyond the scale-up domain but within one server, cards talk over PCIe: a PCIe-only card's own link
  // (domain 1, e.g. RTX PRO 6000's Gen5 x16), else PCIe Gen5 x16 between bridged pairs. Beyond a server, the NICs.
  const link: Deployment['link'] =
    layout.gpus <= domain
      ? linkGbps != null
        ? { gbps: linkGbps / 2, kind: 'scale-up' }
        : { gbps: UNKNOWN_LINK_GBPS_PER_DIRECTION, kind: 'assumed' }
      : layout.gpus <= GPUS_PER_SERVER
        ? { gbps: domain === 1 && linkGbps != null ? linkGbps / 2 : UNKNOWN_LINK_GBPS_PER_DIRECTION, kind: 'pcie' }
        : { gbps: INTER_NODE_GBPS_PER_DIRECTION, kind: 'inter-node' };
  return {
    ...spec,
    groups,
    weights,
    weightBytesPerGpu,
    budget: memoryBudget(gpu, spec.engine, weightBytesPerGpu),
    kv,
    tflops,
    computesAs,
    link,
    nodes: Math.ceil(layout.gpus / Math.max(domain, GPUS_PER_SERVER)),
    problems: layoutProblems(arch, layout),
  };
}

/** Sequences of `tokens` tokens the replica's KV memory holds at once (fractional, as vLLM logs it). */
export function maxConcurrency(dep: Deployment, tokens: number): number {
  if (dep.budget.kvGib <= 0) return 0;
  const perGpuSeq = kvBytesPerSequence(dep.kv, tokens) / dep.layout.pipelineParallel;
  const perGpu = (dep.budget.kvGib * GIB) / perGpuSeq;
  // Attention-DP: each GPU holds its own sequences; TP/PP: every GPU holds a slice of every sequence.
  return dep.layout.attention === 'data-parallel' ? perGpu * dep.layout.gpus : perGpu;
}

/** KV tokens the replica holds (short-context rate; windows and state make long sequences cheaper). */
export function kvTokenCapacity(dep: Deployment): number {
  if (dep.budget.kvGib <= 0) return 0;
  const perToken = (dep.kv.globalBytesPerToken + dep.kv.localBytesPerToken) / dep.layout.pipelineParallel;
  const perGpu = Math.floor((dep.budget.kvGib * GIB) / perToken / dep.engine.blockTokens) * dep.engine.blockTokens;
  return dep.layout.attention === 'data-parallel' ? perGpu * dep.layout.gpus : perGpu;
}

/** Causal query–key pairs of `n` tokens when each query sees at most `window` keys. */
function causalPairs(n: number, window: number): number {
  if (n <= window) return (n * (n + 1)) / 2;
  return (window * (window + 1)) / 2 + (n - window) * window;
}

/** Attention FLOPs of one decode token at context `c`, whole model. */
export function decodeAttentionFlops(arch: Architecture, c: number): number {
  const layers = attentionLayers(arch);
  const windowed = Math.min(layers, arch.window?.windowed_layers ?? 0);
  const window = arch.window?.size ?? Infinity;
  let flops = 0;
  const a = arch.attention;
  if (a.kind === 'gqa') {
    // QKᵀ and PV: 2 FLOPs per multiply-add, head_dim each, per head and cached token.
    flops = 4 * a.heads * a.head_dim * ((layers - windowed) * c + windowed * Math.min(c, window));
  } else {
    // Absorbed MLA decode attends in latent space: scores over kv_lora + rope dims, values over kv_lora.
    const perToken = 2 * a.heads * (2 * a.kv_lora_rank + a.qk_rope_head_dim);
    const dsa = arch.sparse_attention;
    const attended = dsa ? Math.min(c, dsa.top_k) : c;
    flops = layers * perToken * attended;
    if (dsa) flops += layers * 2 * dsa.index_heads * dsa.index_head_dim * c;
  }
  const linear = arch.linear_attention;
  if (linear) flops += linear.layers * 4 * linear.value_heads * linear.key_head_dim * linear.value_head_dim;
  return flops;
}

/** Attention FLOPs of prefilling `n` tokens, whole model (causal, windows and sparse top-k respected). */
export function prefillAttentionFlops(arch: Architecture, n: number): number {
  const layers = attentionLayers(arch);
  const windowed = Math.min(layers, arch.window?.windowed_layers ?? 0);
  const window = arch.window?.size ?? Infinity;
  const a = arch.attention;
  let flops: number;
  if (a.kind === 'gqa') {
    flops = 4 * a.heads * a.head_dim * ((layers - windowed) * causalPairs(n, Infinity) + windowed * causalPairs(n, window));
  } else {
    // Prefill runs MLA unabsorbed: q·k over nope + rope dims, p·v over v_head_dim, per head.
    const perPair = 2 * a.heads * (a.qk_nope_head_dim + a.qk_rope_head_dim + a.v_head_dim);
    const dsa = arch.sparse_attention;
    flops = layers * perPair * causalPairs(n, dsa ? dsa.top_k : Infinity);
    if (dsa) flops += layers * 2 * dsa.index_heads * dsa.index_head_dim * causalPairs(n, Infinity);
  }
  const linear = arch.linear_attention;
  if (linear) flops += linear.layers * 4 * linear.value_heads * linear.key_head_dim * linear.value_head_dim * n;
  return flops;
}

/** Time to send `tokens` hidden states from one pipeline stage to the next over the replica's link, ms. */
function pipelineHandoffMs(dep: Deployment, tokens: number): number {
  const latency = dep.link.kind === 'inter-node' ? INTER_NODE_LATENCY_MS : INTRA_NODE_LATENCY_MS;
  return ((tokens * dep.architecture.hidden_size * ACTIVATION_BYTES) / (dep.link.gbps * 1e9 * dep.efficiency.collective)) * 1e3 + latency;
}

/** Time of one decode step, ms, and what bounds it. */
export interface StepTime {
  /** Time per output token of each sequence: pipeline stages × stage step, plus the hand-offs between stages. */
  ms: number;
  /** Per stage step: memory and compute time of the weight GEMMs and attention. */
  memoryMs: number;
  computeMs: number;
  /** Per stage step: collectives (TP all-reduce, EP all-to-all) and this stage's share of the pipeline hand-offs. */
  commMs: number;
  /** Per stage step: fixed, per-layer and (pipeline parallelism) per-sequence host overhead. */
  overheadMs: number;
  bound: 'memory' | 'compute';
  /** Bytes one GPU reads per stage step. */
  bytesPerGpu: number;
}

/** Routed-expert bytes the busiest of `ranks` expert-parallel GPUs reads for a step of `tokens` tokens. */
function expertBytesOnBusiestRank(dep: Deployment, tokens: number, ranks: number): number {
  const e = dep.groups.experts;
  if (e === 0) return 0;
  const touched = expertsTouched(e, dep.groups.expertsActive, tokens);
  return (dep.weights.routedExperts / e) * busiestRankExperts(e, touched, ranks);
}

/**
 * Decode step for `batch` sequences at mean context `context`. Each operator class is its own roofline, as
 * LLM-Viewer sums per-layer rooflines: the weight GEMMs take max(weight bytes, linear FLOPs) and attention takes
 * max(KV bytes, attention FLOPs). KV reads do not hide behind GEMM compute, since they run in separate kernels.
 */
export function decodeStep(dep: Deployment, batch: number, context: number): StepTime {
  const { layout, architecture: arch, gpu, efficiency: eff } = dep;
  const bandwidth = gpu.memory_bandwidth_tbps * 1e12 * eff.memory;
  const flopRate = dep.tflops * 1e12 * eff.compute;
  const linearFlopsPerToken = 2 * computeParams(dep.groups);
  const attentionFlopsPerToken = decodeAttentionFlops(arch, context);
  const kvRead = kvBytesReadPerStep(dep.kv, context);
  const hidden = arch.hidden_size;
  const latency = dep.link.kind === 'inter-node' ? INTER_NODE_LATENCY_MS : INTRA_NODE_LATENCY_MS;
  let weightBytesGpu: number;
  let kvBytesGpu: number;
  let linearFlopsGpu: number;
  let attentionFlopsGpu: number;
  let commMs = 0;
  if (layout.attention === 'data-parallel') {
    const n = layout.gpus;
    const w = dep.weights;
    const denseRead = weightBytesRead(dep.groups, { ...w, routedExperts: 0 }, 0);
    // Experts see every rank's tokens after the all-to-all, so the touched experts follow the whole batch; the
    // step waits for the rank holding the most of them.
    weightBytesGpu = denseRead + expertBytesOnBusiestRank(dep, batch, n);
    kvBytesGpu = (batch / n) * kvRead;
    linearFlopsGpu = (batch * linearFlopsPerToken) / n;
    attentionFlopsGpu = (batch * attentionFlopsPerToken) / n;
    // All-to-all dispatch and combine of each token's hidden state to its k experts, per MoE layer.
    const moeLayers = arch.moe?.moe_layers ?? arch.layers;
    const k = arch.moe?.experts_active ?? 1;
    const bytes = 2 * (batch / n) * k * hidden * ACTIVATION_BYTES * ((n - 1) / n);
    commMs = moeLayers * (bytes / (dep.link.gbps * 1e9 * eff.collective) * 1e3 + 2 * latency);
  } else {
    const tp = layout.tensorParallel;
    const pp = layout.pipelineParallel;
    const micro = batch / pp;
    // Pipeline stages split the layers evenly, but the last stage also holds the LM head, and the pipeline
    // runs at the pace of that heaviest stage (with PP1 this is simply the whole model).
    const lmHeadBytes = dep.groups.embeddingStored > 0 ? (dep.weights.embedding / dep.groups.embeddingStored) * dep.groups.lmHead : 0;
    const bodyBytes = weightBytesRead(dep.groups, dep.weights, micro) - lmHeadBytes;
    const lmHeadFlops = 2 * dep.groups.lmHead;
    if (layout.expertParallel && dep.groups.experts > 0) {
      // TP attention + EP experts: the non-expert weights split over the TP ranks, each GPU reads the whole
      // experts it holds, and the busiest rank sets the pace.
      const expertMean = dep.groups.experts > 0 ? (dep.weights.routedExperts * expertsTouched(dep.groups.experts, dep.groups.expertsActive, micro)) / dep.groups.experts : 0;
      weightBytesGpu = (bodyBytes - expertMean + lmHeadBytes) / tp + expertBytesOnBusiestRank(dep, micro, layout.gpus);
    } else weightBytesGpu = (bodyBytes / pp + lmHeadBytes) / tp;
    // The KV layout is already per GPU across TP (heads split or replicated); only PP divides it further.
    kvBytesGpu = (micro * kvRead) / pp;
    linearFlopsGpu = (micro * ((linearFlopsPerToken - lmHeadFlops) / pp + lmHeadFlops)) / tp;
    attentionFlopsGpu = (micro * attentionFlopsPerToken) / (pp * tp);
    if (tp > 1) {
      // Two ring all-reduces of the hidden state per layer (after attention and after the FFN).
      const bytes = ((2 * (tp - 1)) / tp) * micro * hidden * ACTIVATION_BYTES;
      commMs = (arch.layers / pp) * 2 * (bytes / (dep.link.gbps * 1e9 * eff.collective) * 1e3 + latency);
    }
  }
  const ms = (bytes: number, flops: number) => ({ memory: (bytes / bandwidth) * 1e3, compute: (flops / flopRate) * 1e3 });
  const linear = ms(weightBytesGpu, linearFlopsGpu);
  const attention = ms(kvBytesGpu, attentionFlopsGpu);
  // Fixed cost per step plus per layer the step runs (norms, RoPE, routing and kernel tails that do not scale
  // with bytes or FLOPs): deep models pay more of it.
  const pp = layout.attention === 'data-parallel' ? 1 : layout.pipelineParallel;
  const layersPerStage = arch.layers / pp;
  // Under pipeline parallelism the engine's host work per micro-batch is not hidden behind the GPU (see
  // EfficiencyFactors.pipelineHostMsPerSequence): it grows with the sequences each micro-batch carries.
  const pipelineHostMs = pp > 1 ? (batch / pp) * eff.pipelineHostMsPerSequence : 0;
  const overheadMs = eff.stepOverheadMs + layersPerStage * eff.decodeLayerOverheadMs + pipelineHostMs;
  const stage = Math.max(linear.memory, linear.compute) + Math.max(attention.memory, attention.compute) + commMs + overheadMs;
  // A micro-batch hands its hidden states to the next stage pp − 1 times per token; with exactly pp micro-batches
  // in flight (TensorRT-LLM: num_micro_batches = pp_size) nothing else runs while they travel.
  const handoffMs = pp > 1 ? (pp - 1) * pipelineHandoffMs(dep, batch / pp) : 0;
  const memoryMs = linear.memory + attention.memory;
  const computeMs = linear.compute + attention.compute;
  return {
    ms: stage * pp + handoffMs,
    memoryMs,
    computeMs,
    commMs: commMs + handoffMs / Math.max(1, pp),
    overheadMs,
    bound: memoryMs >= computeMs ? 'memory' : 'compute',
    bytesPerGpu: weightBytesGpu + kvBytesGpu,
  };
}

/** Prefill of one request of `isl` tokens: replica busy time (capacity) and latency (TTFT), ms. */
export interface PrefillTime {
  /** GPU-time the replica spends on this prefill, spread over all its GPUs. */
  workMs: number;
  /** Wall time of this prefill on an idle replica. */
  latencyMs: number;
  flops: number;
}

export function prefillTime(dep: Deployment, isl: number): PrefillTime {
  const { layout, architecture: arch, efficiency: eff, gpu } = dep;
  const flopRate = dep.tflops * 1e12 * eff.compute;
  const bandwidth = gpu.memory_bandwidth_tbps * 1e12 * eff.memory;
  const linearFlops = 2 * computeParams(dep.groups) * isl;
  const flops = linearFlops + prefillAttentionFlops(arch, isl);
  const n = layout.gpus;
  const latency = dep.link.kind === 'inter-node' ? INTER_NODE_LATENCY_MS : INTRA_NODE_LATENCY_MS;
  // Weights one prefill pass streams through (short prompts are bound by this, not by FLOPs).
  const weightsRead = weightBytesRead(dep.groups, dep.weights, isl);
  let commBandwidthMs = 0;
  let commLatencyMs = 0;
  // Share of one request's collective time the replica is busy for: all of it for TP all-reduces (every rank
  // takes part), 1/n for the EP all-to-all (each rank's link carries its own requests' tokens).
  let commWorkShare = 1;
  let computeLatencyMs: number;
  let memoryLatencyMs: number;
  if (layout.attention === 'data-parallel') {
    // One request runs on the attention-DP rank it was given; what else stays on that rank depends on the engine.
    // SGLang (--enable-dp-attention: "DP for attention, TP for FFN") gathers every rank's tokens for the FFN, so
    // only attention (projections and the attention itself) runs on one GPU and the dense FFN, shared and routed
    // experts spread over all ranks. vLLM and TensorRT-LLM replicate attention and dense layers per DP rank and
    // spread only the routed experts (EP).
    const routedFlops = dep.groups.routedExperts > 0 ? 2 * isl * (dep.groups.active - (dep.groups.total - dep.groups.routedExperts)) : 0;
    const attentionFlops = 2 * isl * attentionParams(arch) + prefillAttentionFlops(arch, isl);
    const spreadFlops = dep.engine.id === 'sglang' ? flops - attentionFlops : routedFlops;
    computeLatencyMs = ((flops - spreadFlops) / flopRate + spreadFlops / (n * flopRate)) * 1e3;
    const expertBytes = dep.groups.experts > 0 ? (dep.weights.routedExperts * expertsTouched(dep.groups.experts, dep.groups.expertsActive, isl)) / dep.groups.experts : 0;
    memoryLatencyMs = ((weightsRead - expertBytes + expertBytes / n) / bandwidth) * 1e3;
    if (n > 1 && arch.moe) {
      // Expert parallelism: every prompt token's hidden state goes to its k experts and back, per MoE layer, as in
      // decode. One request sends it all over its own rank's link; many requests share all n links.
      const bytes = 2 * isl * arch.moe.experts_active * arch.hidden_size * ACTIVATION_BYTES * ((n - 1) / n);
      commBandwidthMs = (arch.moe.moe_layers ?? arch.layers) * (bytes / (dep.link.gbps * 1e9 * eff.collective)) * 1e3;
      commLatencyMs = (arch.moe.moe_layers ?? arch.layers) * 2 * latency;
      commWorkShare = 1 / n;
    }
  } else {
    const tp = layout.tensorParallel;
    // Pipeline stages run one after another for a single request: latency divides by TP only.
    computeLatencyMs = (flops / (tp * flopRate)) * 1e3;
    memoryLatencyMs = (weightsRead / tp / bandwidth) * 1e3;
    if (tp > 1) {
      const bytes = ((2 * (tp - 1)) / tp) * isl * arch.hidden_size * ACTIVATION_BYTES;
      commBandwidthMs = arch.layers * 2 * (bytes / (dep.link.gbps * 1e9 * eff.collective)) * 1e3;
      commLatencyMs = arch.layers * 2 * latency;
    }
  }
  // Busy time per request when many prefills share the replica: weights are amortised, FLOPs are not.
  const workMs = (flops / (n * flopRate)) * 1e3 + commBandwidthMs * commWorkShare;
  // A prefill pass is a forward step too (fixed scheduling overhead), and unlike decode it runs without CUDA
  // graphs, so every layer pays its kernel launches.
  const launchMs = arch.layers * eff.prefillLaunchMsPerLayer;
  // The prompt's hidden states cross every pipeline-stage boundary once.
  const handoffMs = layout.attention === 'tensor-parallel' && layout.pipelineParallel > 1 ? (layout.pipelineParallel - 1) * pipelineHandoffMs(dep, isl) : 0;
  const latencyMs = Math.max(computeLatencyMs, memoryLatencyMs) + commBandwidthMs + commLatencyMs + handoffMs + launchMs + eff.stepOverheadMs;
  return { workMs, latencyMs, flops };
}

/** A replica running `batch` sequences of a workload. */
export interface OperatingPoint {
  batch: number;
  step: StepTime;
  prefill: PrefillTime;
  /** Time per output token a user sees: the decode step plus other requests' prefills interleaved. */
  tpotMs: number;
  /** First-token latency on an idle replica: the prefill pass (no queueing). */
  ttftMs: number;
  requestsPerSecond: number;
  outputTokensPerSecond: number;
}

/** Throughput and latency of the replica at `batch` concurrent sequences. */
export function operatingPoint(dep: Deployment, isl: number, osl: number, batch: number): OperatingPoint {
  const context = isl + osl / 2;
  const step = decodeStep(dep, batch, context);
  const prefill = prefillTime(dep, isl);
  // Replica time per request: its prefill plus its share of the decode steps (gpu-sizing.md §2.7).
  const requestsPerSecond = 1000 / (prefill.workMs + (osl * step.ms) / batch);
  // A sequence's decode steps stretch by the prefills of the (batch − 1) others sharing the replica.
  const tpotMs = step.ms + (prefill.workMs * Math.max(0, batch - 1)) / osl;
  return {
    batch,
    step,
    prefill,
    tpotMs,
    ttftMs: prefill.latencyMs,
    requestsPerSecond,
    outputTokensPerSecond: requestsPerSecond * osl,
  };
}

/** Concurrent sequences the replica may run: KV capacity at full-length reservation, and the engine's cap. */
export function batchLimit(dep: Deployment, isl: number, osl: number): { kv: number; engine: number; limit: number } {
  const kv = Math.floor(maxConcurrency(dep, isl + osl));
  const perScheduler = dep.engine.maxBatch(dep.gpu);
  const engine = dep.layout.attention === 'data-parallel' ? perScheduler * dep.layout.gpus : perScheduler;
  return { kv, engine, limit: Math.min(kv, engine) };
}

/**
 * Largest batch ≤ `limit` whose TPOT meets `tpotMs` (TPOT grows with the batch), or null when even one
 * sequence misses it.
 */
export function largestBatchMeetingTpot(dep: Deployment, isl: number, osl: number, tpotMs: number, limit: number): number | null {
  if (limit < 1) return null;
  if (operatingPoint(dep, isl, osl, 1).tpotMs > tpotMs) return null;
  let lo = 1;
  let hi = limit;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (operatingPoint(dep, isl, osl, mid).tpotMs <= tpotMs) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
