/**
 * The sizing answer for one model on one GPU type under one workload (gpu-sizing.md §2.7): which layout
 * fits, the largest batch that meets the latency target, replicas for the peak, GPUs, nodes, money, break-even
 * against API prices, and the assumptions and error band behind every number.
 */
import type { Architecture, Precision } from '../registry/schema/index.ts';
import { batchLimit, deploy, GPUS_PER_SERVER, kvTokenCapacity, largestBatchMeetingTpot, maxConcurrency, operatingPoint, type Deployment, type GpuSpec, type OperatingPoint } from './deployment.ts';
import { efficiencyFor, gpuFamily, type EfficiencyEntry } from './efficiency/factors.ts';
import { SizingError } from './errors.ts';
import { kvBytesPerToken } from './kv-cache.ts';
import { checkLimit, MAX_GPUS_PER_TIER } from './limits.ts';
import { ENGINES, GIB, type EngineId, type EngineProfile } from './memory.ts';
import { candidateLayouts, GPU_COUNTS, LAYOUT_KINDS, layoutKind, layoutLabel, layoutProblems, type Layout, type LayoutKind } from './parallelism.ts';
import { isQuantized, type KvPrecision } from './precision.ts';

export const HOURS_PER_MONTH = 730;
/** Default peak ÷ mean load: DeepSeek's production fleet peaked at 278 nodes against a 226.75-node mean (1.23). */
export const DEFAULT_PEAK_FACTOR = 1.23;
/** Highest utilisation a replica is planned for, so queueing keeps TTFT bounded (gpu-sizing.md §2.7: 0.6–0.8). */
export const DEFAULT_MAX_UTILIZATION = 0.7;
/** GPUs per server when counting nodes (HGX baseboards and typical PCIe servers hold eight). */
export const GPUS_PER_NODE = GPUS_PER_SERVER;
/**
 * p99 ÷ mean TPOT assumed for p99 targets: the per-request TPOT breakdown trtllm-bench prints in TensorRT-LLM's
 * perf-overview (v1.0) example run, AVERAGE 182.96 ms and P99 206.58 ms (ratio 1.13). One published run: an
 * assumption, stated with every p99 answer.
 */
export const TPOT_P99_OVER_MEAN = 1.13;

/** An API price, USD per 1M tokens. */
export interface ApiPrice {
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  /** Who charges it, for the report: "deepinfra", "anthropic/claude-opus-4.7 via anthropic". */
  label: string;
}

export interface Workload {
  /** Mean input tokens per request. */
  isl: number;
  /** Mean output tokens per request. */
  osl: number;
  /** Target time per output token, ms; without it the replica runs at its offline maximum throughput. */
  tpotMs?: number;
  /** Target time to first token, ms (checked against the prefill time on an idle replica). */
  ttftMs?: number;
  /** Mean load, requests per second (or give outputTokensPerMonth). */
  requestsPerSecond?: number;
  outputTokensPerMonth?: number;
  peakFactor?: number;
  maxUtilization?: number;
  /**
   * Requests in flight per replica, as benchmark_serving --max-concurrency and InferenceX report: throughput and
   * TPOT at exactly that batch (capped by KV memory and the engine), instead of the largest batch.
   */
  concurrency?: number;
  /** Whether the TPOT/TTFT targets are means (default) or 99th percentiles. */
  latencyPercentile?: 'mean' | 'p99';
}

export interface SizingRequest {
  /** The model; `contextTokens` is its context window, checked against input + output. */
  model: { id: string; name: string; architecture: Architecture; contextTokens?: number };
  gpu: GpuSpec;
  /** Weight precision; defaults to the checkpoint's native precision. */
  precision?: Precision;
  kvPrecision?: KvPrecision;
  engine?: EngineId;
  /** GPUs per replica, when fixed; otherwise the smallest layout that fits (or, with a load, the cheapest). */
  gpus?: number;
  /** The parallel layout family; without it, what common deployments run (see defaultLayoutKinds). */
  layout?: LayoutKind;
  /** vLLM --gpu-memory-utilization, SGLang --mem-fraction-static, TensorRT-LLM kv_cache_free_gpu_mem_fraction. */
  gpuMemoryUtilization?: number;
  /** The engine's cap on concurrent sequences per scheduler (vLLM max_num_seqs, SGLang max-running-requests). */
  maxNumSeqs?: number;
  /** A fixed node or cluster: the best layout × replicas on this many GPUs in all ("what does this node serve"). */
  totalGpus?: number;
  workload: Workload;
  /** USD per GPU-hour; defaults to the catalog's typical (or mid-range) cloud on-demand price. */
  gpuHourUsd?: number;
  /** The same model's API price (cheapest listed route), for break-even. */
  apiPrice?: ApiPrice;
  /** The frontier tier's API price, for break-even. */
  frontierPrice?: ApiPrice;
}

/**
 * Where self-hosting starts to cost less than an API, in output tokens per month at this workload's input ratio.
 * Self-hosting is bought in whole replicas, each planned to ρ_max at the peak, so its cost is a staircase and
 * the API's a straight line: every number needed to check the answer by hand is here.
 */
export interface BreakEven {
  /** `same-model`: this model's cheapest priced API route; `frontier`: the frontier tier's (or --frontier) API. */
  kind: 'same-model' | 'frontier';
  against: string;
  apiInputUsdPerMTok: number;
  apiOutputUsdPerMTok: number;
  /** API cost per 1M output tokens with the workload's input included: output + input × ISL ÷ OSL. */
  apiUsdPerMillionOutputTokens: number;
  /** One replica's cost per month. */
  replicaUsdPerMonth: number;
  /** Mean output tokens per month one replica serves: capacity × ρ_max ÷ peak factor (how replicas are planned). */
  replicaOutputTokensPerMonth: number;
  /** Self-hosted cost per 1M output tokens with every replica full: replica cost ÷ its monthly volume. */
  selfHostedUsdPerMillionOutputTokens: number;
  /** First volume at which self-hosting costs no more than the API; null when the API is always cheaper. */
  outputTokensPerMonth: number | null;
  /** Volume above which self-hosting costs no more at every volume (each added replica fills soon enough). */
  alwaysCheaperAboveOutputTokensPerMonth: number | null;
  /** Both monthly bills at the workload's load, when it gives one. */
  atWorkload: { outputTokensPerMonth: number; selfHostedUsdPerMonth: number; apiUsdPerMonth: number; cheaper: 'self-hosted' | 'api' } | null;
  /** The answer in one sentence, with its reason. */
  note: string;
}

export interface LayoutVerdict {
  layout: string;
  kind: LayoutKind;
  gpus: number;
  fits: boolean;
  reason?: string;
  /** Whether the layout could be chosen (the requested --layout, or the default layouts for this scale and engine). */
  selectable: boolean;
  /** The layout the answer uses. */
  chosen: boolean;
  weightsGibPerGpu: number;
  kvGibPerGpu: number;
  maxConcurrency: number;
  batch?: number;
  outputTokensPerSecond?: number;
  tpotMs?: number;
  ttftMs?: number;
  /** Replicas and GPUs this layout needs for the load (or fits in the node), when it runs. */
  replicas?: number;
  totalGpus?: number;
}

export interface SizingResult {
  model: { id: string; name: string };
  gpu: { id: string; name: string };
  precision: Precision;
  expertPrecision?: Precision;
  kvPrecision: KvPrecision;
  engine: EngineId;
  /** The workload sized, with the planning defaults applied. */
  workload: Workload & { peakFactor: number; maxUtilization: number };
  /**
   * `offline-max-throughput`: no TPOT target, so the batch is as large as KV memory and the engine allow (a
   * benchmark's offline scenario); `tpot-target`: the largest batch that meets the TPOT target.
   */
  scenario: 'offline-max-throughput' | 'tpot-target' | 'fixed-concurrency';
  /** Whether any layout runs the workload (fits memory, and meets TPOT/TTFT when given). */
  fits: boolean;
  /** Why not, when it does not. */
  reasons: string[];
  layout: Layout | null;
  layoutLabel: string | null;
  layoutKind: LayoutKind | null;
  /** How the layout was chosen: the requested one, or the default rule and why. */
  layoutChoice: { requested: LayoutKind | null; selectable: LayoutKind[]; rule: string };
  gpusPerReplica: number;
  replicas: number;
  gpus: number;
  nodes: number;
  weightsGb: number;
  weightsGib: number;
  weightsGibPerGpu: number;
  kvGibPerGpu: number;
  kvBytesPerToken: number;
  /** KV tokens the replica holds, and sequences of the workload's length (ISL + OSL). */
  kvTokenCapacity: number;
  maxConcurrency: number;
  batch: number;
  batchLimitedBy: 'kv-cache' | 'engine' | 'tpot' | 'concurrency' | null;
  bound: 'memory' | 'compute' | null;
  /** Output tokens per second one replica sustains at the chosen batch. */
  throughputOutputTokensPerSecond: number;
  ttftMs: number | null;
  tpotMs: number | null;
  /** p99 estimates with the spread assumed (null when the layout does not run). */
  p99: { tpotMs: number; ttftMs: number; assumption: string } | null;
  load: { meanRequestsPerSecond: number; peakRequestsPerSecond: number; outputTokensPerMonth: number } | null;
  /** Fixed node or cluster mode: what `totalGpus` GPUs serve with the chosen layout × replicas. */
  node: { totalGpus: number; replicas: number; idleGpus: number; outputTokensPerSecond: number; requestsPerSecond: number; requestsPerDay: number; loadShare: number | null } | null;
  cost: {
    gpuHourUsd: number;
    gpuHourSource: string;
    perMonthUsd: number;
    perMillionOutputTokensUsd: number;
    /** Which output volume the per-token cost divides by. */
    basis: 'workload' | 'capacity';
  } | null;
  breakEven: BreakEven[];
  efficiency: EfficiencyEntry;
  /** Relative error band of throughput (and so of replicas and cost per token). */
  expectedError: { low: number; high: number };
  assumptions: string[];
  /** Every layout tried, for the report. */
  alternatives: LayoutVerdict[];
}

/** The engine profile a request runs with: the engine's defaults, with --gpu-memory-utilization and --max-num-seqs applied. */
export function engineProfileFor(request: Pick<SizingRequest, 'engine' | 'gpuMemoryUtilization' | 'maxNumSeqs'>): EngineProfile {
  const base = ENGINES[request.engine ?? 'vllm'];
  const cap = request.maxNumSeqs;
  return {
    ...base,
    ...(request.gpuMemoryUtilization !== undefined ? { memoryFraction: request.gpuMemoryUtilization } : {}),
    ...(cap !== undefined ? { maxBatch: () => cap } : {}),
  };
}

/**
 * p99 TTFT: the idle prefill plus the 99th-percentile wait for the prefill in an M/M/1 queue whose service is one
 * request's prefill work and whose load is the replica's planned request rate (ρ_max of its capacity):
 * W99 = max(0, ln(100·ρ)) × work ÷ (1 − ρ).
 */
export function ttftP99Ms(op: OperatingPoint, maxUtilization: number): number {
  const rate = (maxUtilization * op.requestsPerSecond) / 1000; // requests per ms
  const rho = Math.min(0.99, rate * op.prefill.workMs);
  const wait = rho > 0.01 ? (Math.max(0, Math.log(100 * rho)) * op.prefill.workMs) / (1 - rho) : 0;
  return op.prefill.latencyMs + wait;
}

function evaluateLayout(request: SizingRequest, engine: EngineProfile, layout: Layout, precision: Precision, expertPrecision: Precision | undefined, kvPrecision: KvPrecision, efficiency: EfficiencyEntry) {
  const arch = request.model.architecture;
  const { isl, osl, tpotMs, ttftMs, concurrency } = request.workload;
  const p99 = request.workload.latencyPercentile === 'p99';
  const maxUtilization = request.workload.maxUtilization ?? DEFAULT_MAX_UTILIZATION;
  const dep = deploy({
    architecture: arch,
    gpu: request.gpu,
    precision,
    ...(expertPrecision ? { expertPrecision } : {}),
    kvPrecision,
    engine,
    layout,
    efficiency,
  });
  const maxSeqs = maxConcurrency(dep, isl + osl);
  const verdict: LayoutVerdict = {
    layout: layoutLabel(layout),
    kind: layoutKind(layout),
    gpus: layout.gpus,
    fits: false,
    selectable: true,
    chosen: false,
    weightsGibPerGpu: dep.weightBytesPerGpu / GIB,
    kvGibPerGpu: Math.max(0, dep.budget.kvGib),
    maxConcurrency: maxSeqs,
  };
  const problems = layoutProblems(arch, layout);
  if (problems.length > 0) return { dep, verdict: { ...verdict, reason: problems.join('; ') } };
  if (dep.budget.kvGib <= 0) {
    const need = dep.budget.weightsGib + dep.budget.reserveGib;
    return { dep, verdict: { ...verdict, reason: `weights (${dep.budget.weightsGib.toFixed(1)} GiB per GPU) plus the ${dep.budget.reserveGib} GiB runtime reserve exceed the ${(dep.engine.fractionOf === 'total' ? dep.budget.engineGib : dep.budget.driverGib).toFixed(1)} GiB the engine may use (need ${need.toFixed(1)} GiB)` } };
  }
  const limits = batchLimit(dep, isl, osl);
  if (limits.kv < 1) {
    return { dep, verdict: { ...verdict, reason: `KV memory (${dep.budget.kvGib.toFixed(2)} GiB per GPU) holds ${maxSeqs.toFixed(2)} sequences of ${isl + osl} tokens: not one` } };
  }
  let batch = limits.limit;
  let limitedBy: SizingResult['batchLimitedBy'] = limits.kv <= limits.engine ? 'kv-cache' : 'engine';
  if (concurrency !== undefined && concurrency <= limits.limit) {
    batch = concurrency;
    limitedBy = 'concurrency';
  }
  const tpotOf = (op: OperatingPoint) => (p99 ? op.tpotMs * TPOT_P99_OVER_MEAN : op.tpotMs);
  if (tpotMs !== undefined) {
    if (concurrency !== undefined) {
      const op = operatingPoint(dep, isl, osl, batch);
      if (tpotOf(op) > tpotMs) return { dep, op, verdict: { ...verdict, batch, reason: `${p99 ? 'p99 ' : ''}TPOT ${tpotOf(op).toFixed(1)} ms at concurrency ${batch} misses the ${tpotMs} ms target` } };
    } else {
      // A p99 target bounds the mean at target ÷ (p99 ÷ mean).
      const b = largestBatchMeetingTpot(dep, isl, osl, p99 ? tpotMs / TPOT_P99_OVER_MEAN : tpotMs, limits.limit);
      if (b === null) {
        const one = operatingPoint(dep, isl, osl, 1);
        return { dep, verdict: { ...verdict, reason: `${p99 ? 'p99 ' : ''}TPOT target ${tpotMs} ms missed even at batch 1 (${tpotOf(one).toFixed(1)} ms)` } };
      }
      if (b < limits.limit) limitedBy = 'tpot';
      batch = b;
    }
  }
  const op = operatingPoint(dep, isl, osl, batch);
  const ttft = p99 ? ttftP99Ms(op, maxUtilization) : op.prefill.latencyMs;
  const measured = { batch, outputTokensPerSecond: op.outputTokensPerSecond, tpotMs: op.tpotMs, ttftMs: op.ttftMs };
  if (ttftMs !== undefined && ttft > ttftMs) {
    return { dep, op, verdict: { ...verdict, ...measured, reason: p99 ? `p99 TTFT ${ttft.toFixed(0)} ms (prefill of ${isl} tokens plus queueing at ${Math.round(maxUtilization * 100)}% load) is over the ${ttftMs} ms target` : `prefill of ${isl} tokens takes ${op.prefill.latencyMs.toFixed(0)} ms on an idle replica, over the ${ttftMs} ms TTFT target` } };
  }
  return { dep, op, limitedBy, verdict: { ...verdict, ...measured, fits: true } };
}

/**
 * The layouts sizing may choose when none is requested: what common deployments run at that scale.
 * - Dense models: tensor parallelism (pipeline stages only beyond one scale-up domain).
 * - MoE on vLLM or SGLang within one 8-GPU server: TP (vLLM `-tp 8`, SGLang `--tp 8`, the single-node commands
 *   in both projects' DeepSeek guides); beyond one server: attention data-parallelism with expert parallelism
 *   (wide-EP, as SGLang's and vLLM's large-scale DeepSeek deployments run).
 * - MoE on TensorRT-LLM: its recipes, TP + EP for latency targets (the DeepSeek-R1 min-latency command,
 *   --tp 8 --ep 2/4) and attention-DP + EP for throughput (enable_attention_dp in the max-throughput commands
 *   and the perf-overview MoE runs).
 */
export function defaultLayoutKinds(arch: Architecture, engine: EngineId, gpus: number, latencyTarget: boolean): { kinds: LayoutKind[]; rule: string } {
  if (!arch.moe) return { kinds: ['tp'], rule: 'dense model: tensor parallelism (pipeline stages only beyond one scale-up domain)' };
  if (engine === 'trtllm') {
    return latencyTarget
      ? { kinds: ['tp-ep', 'tp'], rule: 'MoE on TensorRT-LLM with a latency target: TP + EP, as its min-latency recipes run' }
      : { kinds: ['dp-attention-ep'], rule: 'MoE on TensorRT-LLM for throughput: attention-DP + EP, as its max-throughput recipes and perf-overview MoE runs use' };
  }
  return gpus <= GPUS_PER_SERVER
    ? { kinds: ['tp'], rule: `MoE within one ${GPUS_PER_SERVER}-GPU server on ${ENGINES[engine].label}: tensor parallelism, what single-node deployments run` }
    : { kinds: ['dp-attention-ep'], rule: `MoE beyond one server on ${ENGINES[engine].label}: attention-DP + EP (wide expert parallelism), what multi-node deployments run` };
}

/** Mean and peak load in requests per second, or null when the workload gives none. */
function loadOf(w: Workload): SizingResult['load'] {
  const peakFactor = w.peakFactor ?? DEFAULT_PEAK_FACTOR;
  let mean: number | undefined = w.requestsPerSecond;
  if (mean === undefined && w.outputTokensPerMonth !== undefined) mean = w.outputTokensPerMonth / w.osl / (HOURS_PER_MONTH * 3600);
  if (mean === undefined) return null;
  return { meanRequestsPerSecond: mean, peakRequestsPerSecond: mean * peakFactor, outputTokensPerMonth: mean * w.osl * HOURS_PER_MONTH * 3600 };
}

/** The GPU-hour price sizing uses: an override, else the catalog's typical (or mid-range) cloud on-demand price. */
export function gpuHourPrice(gpu: GpuSpec, override?: number): { usd: number; source: string } | null {
  if (override !== undefined) return { usd: override, source: 'given on the command line' };
  const price = gpu.prices.find((p) => p.kind === 'cloud-on-demand') ?? gpu.prices[0];
  if (!price) return null;
  const sources = price.sources.map((s) => s.source).join(', ');
  if (price.usd_per_gpu_hour_typical !== undefined) return { usd: price.usd_per_gpu_hour_typical, source: `catalog typical ${price.kind} price as of ${price.as_of} (${sources}; ${price.status})` };
  if (price.usd_per_gpu_hour_low !== undefined && price.usd_per_gpu_hour_high !== undefined) {
    return { usd: (price.usd_per_gpu_hour_low + price.usd_per_gpu_hour_high) / 2, source: `midpoint of the catalog ${price.kind} range $${price.usd_per_gpu_hour_low}–$${price.usd_per_gpu_hour_high} as of ${price.as_of} (${sources}; ${price.status})` };
  }
  const one = price.usd_per_gpu_hour_low ?? price.usd_per_gpu_hour_high;
  return one === undefined ? null : { usd: one, source: `catalog ${price.kind} price as of ${price.as_of} (${sources}; ${price.status})` };
}

/**
 * Output tokens per month at which self-hosting costs no more than the API. Self-hosting is bought in whole
 * replicas, so the cost is a staircase: the answer is the first volume where a staircase step falls under the
 * API's straight line, or null when the API stays cheaper at every volume.
 */
export function breakEvenOutputTokens(replicaUsdPerMonth: number, replicaOutputTokensPerMonth: number, apiUsdPerOutputToken: number): number | null {
  if (apiUsdPerOutputToken <= 0 || replicaOutputTokensPerMonth <= 0) return null;
  if (replicaUsdPerMonth / replicaOutputTokensPerMonth > apiUsdPerOutputToken) return null;
  for (let k = 1; k <= 100_000; k++) {
    const volume = Math.max((k - 1) * replicaOutputTokensPerMonth, (k * replicaUsdPerMonth) / apiUsdPerOutputToken);
    if (volume <= k * replicaOutputTokensPerMonth) return volume;
  }
  return null;
}

/**
 * Output tokens per month above which self-hosting costs no more than the API at every volume. Below it, a newly
 * added replica costs more than the API until it fills: with replica cost R, volume c per replica and API price p,
 * k replicas cost kR for volumes up to kc, which the API matches at kR/p; that holds for every k ≥ K once
 * kR/p ≤ (k − 1)c, i.e. K = ⌈c ÷ (c − R/p)⌉. Null when a full replica costs more than the API.
 */
export function breakEvenAlwaysAbove(replicaUsdPerMonth: number, replicaOutputTokensPerMonth: number, apiUsdPerOutputToken: number): number | null {
  if (apiUsdPerOutputToken <= 0 || replicaOutputTokensPerMonth <= 0) return null;
  const matched = replicaUsdPerMonth / apiUsdPerOutputToken;
  const spare = replicaOutputTokensPerMonth - matched;
  if (spare <= replicaOutputTokensPerMonth * 1e-9) return null;
  const k = Math.ceil(replicaOutputTokensPerMonth / spare - 1e-9);
  return Math.max(matched, (k - 1) * matched);
}

function apiUsdPerOutputToken(price: ApiPrice, isl: number, osl: number): number {
  return (price.outputUsdPerMTok + (price.inputUsdPerMTok * isl) / osl) / 1e6;
}

/** Sizes one model on one GPU type for a workload. Throws SizingError when the question cannot be answered. */
export function sizeDeployment(request: SizingRequest): SizingResult {
  const arch = request.model.architecture;
  const { workload } = request;
  if (!(workload.isl > 0 && workload.osl > 0)) throw new SizingError('sizing/bad-workload', 'input and output tokens per request must be positive');
  if (request.gpus !== undefined && !(Number.isInteger(request.gpus) && request.gpus > 0)) throw new SizingError('sizing/bad-gpus', `GPUs per replica must be a positive whole number, got ${request.gpus}`);
  checkLimit('isl', workload.isl);
  checkLimit('osl', workload.osl);
  checkLimit('gpus', request.gpus);
  checkLimit('total-gpus', request.totalGpus);
  checkLimit('tpot-ms', workload.tpotMs);
  checkLimit('ttft-ms', workload.ttftMs);
  checkLimit('requests-per-day', workload.requestsPerSecond === undefined ? undefined : workload.requestsPerSecond * 86400);
  checkLimit('peak-factor', workload.peakFactor);
  checkLimit('concurrency', workload.concurrency);
  checkLimit('price-per-gpu-hour', request.gpuHourUsd);
  checkLimit('max-num-seqs', request.maxNumSeqs);
  checkLimit('gpu-memory-utilization', request.gpuMemoryUtilization);
  if (workload.outputTokensPerMonth !== undefined && !(Number.isFinite(workload.outputTokensPerMonth) && workload.outputTokensPerMonth > 0 && workload.outputTokensPerMonth <= 1e16)) {
    throw new SizingError('sizing/out-of-range', `output tokens per month must be a positive number up to 10^16, not ${workload.outputTokensPerMonth}`);
  }
  if (workload.maxUtilization !== undefined && !(workload.maxUtilization > 0 && workload.maxUtilization <= 1)) throw new SizingError('sizing/out-of-range', `planned utilisation must be in (0, 1], not ${workload.maxUtilization}`);
  const context = request.model.contextTokens;
  if (context !== undefined && workload.isl + workload.osl > context) {
    throw new SizingError(
      'sizing/context-exceeded',
      `${workload.isl.toLocaleString('en-US')} input + ${workload.osl.toLocaleString('en-US')} output = ${(workload.isl + workload.osl).toLocaleString('en-US')} tokens per request exceeds the ${context.toLocaleString('en-US')}-token context window of ${request.model.id}`,
      `Keep input + output within ${context.toLocaleString('en-US')} tokens (the engine refuses longer requests), or size a model with a longer context.`,
    );
  }
  if (request.totalGpus !== undefined && request.gpus !== undefined && request.totalGpus % request.gpus !== 0) {
    throw new SizingError('sizing/bad-gpus', `${request.totalGpus} GPUs in all do not split into replicas of ${request.gpus}`, 'Give a GPU count per replica that divides the node or cluster size.');
  }
  const precision = request.precision ?? arch.native_precision;
  const expertPrecision = request.precision === undefined ? arch.native_expert_precision : undefined;
  // ModelOpt FP8/FP4 checkpoints carry FP8 KV scales (trtllm-bench forces FP8 KV for them); DeepSeek sparse
  // attention defaults to fp8_ds_mla in vLLM; everything else keeps the model dtype.
  const kvPrecision: KvPrecision =
    request.kvPrecision ?? (arch.sparse_attention || (isQuantized(precision) && precision !== 'int4' && precision !== 'int8') ? 'fp8' : 'bf16');
  const engine = request.engine ?? 'vllm';
  // The engine comes from flags and URL parameters: only the table's own entries (never "toString").
  if (!Object.hasOwn(ENGINES, engine)) throw new SizingError('sizing/unknown-engine', `engine "${engine}" is not one Clearance models`, `Use one of: ${Object.keys(ENGINES).join(', ')}.`);
  const engineProfile = engineProfileFor(request);
  const family = gpuFamily(request.gpu);
  const kind = arch.moe ? 'moe' : 'dense';
  const efficiency = efficiencyFor(kind, family, engine);
  const load = loadOf(workload);
  const maxUtilization = workload.maxUtilization ?? DEFAULT_MAX_UTILIZATION;
  const latencyTarget = workload.tpotMs !== undefined || workload.ttftMs !== undefined;
  const selectableAt = (n: number): { kinds: LayoutKind[]; rule: string } =>
    request.layout ? { kinds: [request.layout], rule: `--layout ${request.layout} as requested` } : defaultLayoutKinds(arch, engine, n, latencyTarget);

  const maxCount = request.totalGpus !== undefined ? Math.min(64, request.totalGpus) : 64;
  const counts = request.gpus !== undefined ? [request.gpus] : GPU_COUNTS.filter((n) => n <= maxCount);
  type Evaluated = ReturnType<typeof evaluateLayout> & { layout: Layout };
  const tried: Evaluated[] = [];
  for (const n of counts) {
    // Every layout is evaluated, for the report; only the selectable ones may be chosen.
    const layouts = candidateLayouts(arch, request.gpu, n, LAYOUT_KINDS);
    if (request.gpus !== undefined && layouts.length === 0) {
      // Report why the requested count cannot run, using the plain TP layout.
      const layout: Layout = { gpus: n, tensorParallel: n, pipelineParallel: 1, attention: 'tensor-parallel' };
      tried.push({ ...evaluateLayout(request, engineProfile, layout, precision, expertPrecision, kvPrecision, efficiency), layout });
    }
    const selectable = selectableAt(n).kinds;
    for (const layout of layouts) {
      const t = { ...evaluateLayout(request, engineProfile, layout, precision, expertPrecision, kvPrecision, efficiency), layout };
      t.verdict.selectable = selectable.includes(layoutKind(layout));
      tried.push(t);
    }
  }
  if (request.layout && !tried.some((t) => layoutKind(t.layout) === request.layout)) {
    throw new SizingError('sizing/bad-layout', `--layout ${request.layout} cannot run ${request.model.id}${request.gpus ? ` on ${request.gpus} GPUs` : ''}: ${request.layout === 'tp' ? 'no tensor-parallel split divides its heads' : 'it is not a mixture-of-experts model (or its experts do not split over these GPUs)'}`, 'Use --layout tp for dense models; tp-ep and dp-attention-ep apply to MoE models on 2 or more GPUs.');
  }
  const viable = tried.filter((t) => t.verdict.fits && t.op && t.verdict.selectable);
  const replicasFor = (t: Evaluated) => (load && t.op ? Math.max(1, Math.ceil(load.peakRequestsPerSecond / (maxUtilization * t.op.requestsPerSecond))) : 1);
  const nodeReplicas = (t: Evaluated) => (request.totalGpus !== undefined ? Math.floor(request.totalGpus / t.layout.gpus) : 0);
  for (const t of tried) {
    if (!t.verdict.fits || !t.op) continue;
    t.verdict.replicas = request.totalGpus !== undefined ? nodeReplicas(t) : replicasFor(t);
    t.verdict.totalGpus = t.verdict.replicas * t.layout.gpus;
  }
  let chosen: Evaluated | undefined;
  if (viable.length > 0) {
    const smallest = Math.min(...viable.map((t) => t.layout.gpus));
    const better = (a: Evaluated, b: Evaluated) => a.op!.outputTokensPerSecond > b.op!.outputTokensPerSecond;
    if (request.totalGpus !== undefined) {
      // A fixed node or cluster: the layout × replicas that serves the most at the operating point.
      chosen = viable.reduce((best, t) => {
        const a = nodeReplicas(t) * t.op!.outputTokensPerSecond;
        const b = nodeReplicas(best) * best.op!.outputTokensPerSecond;
        if (a !== b) return a > b ? t : best;
        return t.layout.gpus < best.layout.gpus ? t : best;
      });
    } else if (load) {
      // With a load: the layout needing the fewest GPUs in total, among up to 8× the smallest replica.
      const pool = viable.filter((t) => t.layout.gpus <= smallest * 8);
      chosen = pool.reduce((best, t) => {
        const a = replicasFor(t) * t.layout.gpus;
        const b = replicasFor(best) * best.layout.gpus;
        // Ties go to the smaller replica (more redundancy, fewer cross-node collectives), then to throughput.
        if (a !== b) return a < b ? t : best;
        if (t.layout.gpus !== best.layout.gpus) return t.layout.gpus < best.layout.gpus ? t : best;
        return better(t, best) ? t : best;
      });
    } else {
      // No load: the smallest replica that runs the workload, its fastest layout.
      chosen = viable.filter((t) => t.layout.gpus === smallest).reduce((best, t) => (better(t, best) ? t : best));
    }
  }
  if (chosen) chosen.verdict.chosen = true;

  const shown = chosen ?? tried.find((t) => t.layout.gpus === (request.gpus ?? Math.max(...tried.map((x) => x.layout.gpus)))) ?? tried[tried.length - 1]!;
  const dep: Deployment = shown.dep;
  const op: OperatingPoint | undefined = chosen?.op;
  const replicas = chosen ? (request.totalGpus !== undefined ? nodeReplicas(chosen) : replicasFor(chosen)) : 0;
  const gpusPerReplica = shown.layout.gpus;
  const gpus = replicas * gpusPerReplica;
  if (gpus > MAX_GPUS_PER_TIER && request.totalGpus === undefined) {
    const perReplica = op ? `one ${layoutLabel(shown.layout)} replica serves ${op.requestsPerSecond.toFixed(2)} requests/s` : '';
    throw new SizingError(
      'sizing/absurd-scale',
      `this workload would need about ${formatTokens(gpus)} GPUs (${formatTokens(replicas)} replicas) for one tier, more than the ${MAX_GPUS_PER_TIER.toLocaleString('en-US')} any real deployment of one tier uses: ${perReplica}${load ? ` and the load is ${load.peakRequestsPerSecond.toFixed(1)} requests/s at peak (${formatTokens(load.meanRequestsPerSecond * 86400)} a day)` : ''}`,
      'Check the load (requests per day) and the token counts; a load this large is split over many tiers, models or providers.',
    );
  }
  const nodes = chosen ? (gpusPerReplica >= GPUS_PER_NODE ? replicas * Math.ceil(gpusPerReplica / GPUS_PER_NODE) : Math.ceil(gpus / GPUS_PER_NODE)) : 0;

  const price = gpuHourPrice(request.gpu, request.gpuHourUsd);
  let cost: SizingResult['cost'] = null;
  const breakEven: BreakEven[] = [];
  if (chosen && op && price) {
    const perMonthUsd = gpus * price.usd * HOURS_PER_MONTH;
    const capacityTokensPerMonth = op.outputTokensPerSecond * HOURS_PER_MONTH * 3600;
    const servedTokensPerMonth = load ? load.outputTokensPerMonth : capacityTokensPerMonth * replicas;
    cost = {
      gpuHourUsd: price.usd,
      gpuHourSource: price.source,
      perMonthUsd,
      perMillionOutputTokensUsd: perMonthUsd / (servedTokensPerMonth / 1e6),
      basis: load ? 'workload' : 'capacity',
    };
    const replicaUsd = gpusPerReplica * price.usd * HOURS_PER_MONTH;
    // Replicas are planned to ρ_max at the peak, so one replica carries this much of the mean volume.
    const peakFactor = workload.peakFactor ?? DEFAULT_PEAK_FACTOR;
    const replicaVolume = (capacityTokensPerMonth * maxUtilization) / peakFactor;
    const comparisons: Array<[BreakEven['kind'], ApiPrice | undefined]> = [
      ['same-model', request.apiPrice],
      ['frontier', request.frontierPrice],
    ];
    for (const [kind, api] of comparisons) {
      if (!api) continue;
      const perToken = apiUsdPerOutputToken(api, workload.isl, workload.osl);
      const first = breakEvenOutputTokens(replicaUsd, replicaVolume, perToken);
      const always = breakEvenAlwaysAbove(replicaUsd, replicaVolume, perToken);
      const atWorkload: BreakEven['atWorkload'] = load
        ? {
            outputTokensPerMonth: load.outputTokensPerMonth,
            selfHostedUsdPerMonth: perMonthUsd,
            apiUsdPerMonth: load.outputTokensPerMonth * perToken,
            cheaper: perMonthUsd <= load.outputTokensPerMonth * perToken ? 'self-hosted' : 'api',
          }
        : null;
      const entry = {
        kind,
        against: api.label,
        apiInputUsdPerMTok: api.inputUsdPerMTok,
        apiOutputUsdPerMTok: api.outputUsdPerMTok,
        apiUsdPerMillionOutputTokens: perToken * 1e6,
        replicaUsdPerMonth: replicaUsd,
        replicaOutputTokensPerMonth: replicaVolume,
        selfHostedUsdPerMillionOutputTokens: (replicaUsd / replicaVolume) * 1e6,
        outputTokensPerMonth: first,
        alwaysCheaperAboveOutputTokensPerMonth: always,
        atWorkload,
      };
      breakEven.push({ ...entry, note: breakEvenNote(entry, workload, maxUtilization, peakFactor) });
    }
  }

  const reasons = chosen ? [] : [...new Set(tried.filter((t) => t.verdict.selectable || request.layout === undefined).map((t) => `${t.verdict.layout}: ${t.verdict.reason ?? (t.verdict.selectable ? 'does not run' : 'runs, but is not the default layout at this scale (pass --layout to choose it)')}`))];
  const choice = selectableAt(shown.layout.gpus);
  const p99Assumption = `p99 TPOT = ${TPOT_P99_OVER_MEAN} × mean (the p99 ÷ average per-request TPOT of TensorRT-LLM's published trtllm-bench example run); p99 TTFT = idle prefill + the 99th-percentile wait of an M/M/1 prefill queue at the replicas' peak load (${load ? 'the given load' : `the planned ${Math.round(maxUtilization * 100)}%`})`;
  // With a load, the queue runs at the replicas' actual peak utilisation; without one, at the planned ρ_max.
  const peakUtilization = op && load && replicas > 0 ? Math.min(maxUtilization, load.peakRequestsPerSecond / (replicas * op.requestsPerSecond)) : maxUtilization;
  const p99 = op ? { tpotMs: op.tpotMs * TPOT_P99_OVER_MEAN, ttftMs: ttftP99Ms(op, peakUtilization), assumption: p99Assumption } : null;
  let node: SizingResult['node'] = null;
  let nodeShort: string | undefined;
  if (request.totalGpus !== undefined && chosen && op) {
    const rps = replicas * op.requestsPerSecond;
    node = {
      totalGpus: request.totalGpus,
      replicas,
      idleGpus: request.totalGpus - gpus,
      outputTokensPerSecond: replicas * op.outputTokensPerSecond,
      requestsPerSecond: rps,
      requestsPerDay: rps * 86400,
      loadShare: load ? load.peakRequestsPerSecond / (maxUtilization * rps) : null,
    };
    if (load && node.loadShare! > 1) nodeShort = `${request.totalGpus} GPUs serve ${(maxUtilization * rps).toFixed(2)} requests/s at ${Math.round(maxUtilization * 100)}% utilisation; the peak load is ${load.peakRequestsPerSecond.toFixed(2)} requests/s (${node.loadShare!.toFixed(1)}× what they serve)`;
  }
  if (nodeShort) reasons.push(nodeShort);
  const assumptions = [
    `${engineProfile.label} memory budget: ${engineProfile.fractionOf === 'total' ? `${engineProfile.memoryFraction} of driver memory` : `${engineProfile.memoryFraction} of memory left after weights`}${request.gpuMemoryUtilization !== undefined ? ' (as given)' : ''}, ${engineProfile.reserveGib} GiB per GPU reserved for activations, CUDA graphs and non-torch memory; driver memory ${dep.budget.driverGib.toFixed(2)} GiB per GPU${request.gpu.usable_memory_gib === undefined ? ' (assumed 0.99 × marketed capacity)' : ' (observed)'}`,
    `weights in ${precision}${expertPrecision ? ` (routed experts in ${expertPrecision})` : ''}; embeddings and LM head in ${dep.weights.precisions.embedding}; all experts resident`,
    `KV cache in ${kvPrecision}; full-length reservation of ${workload.isl + workload.osl} tokens per sequence; no prefix caching`,
    `mean context during decode ${workload.isl + workload.osl / 2} tokens (input + half the output)`,
    `layout: ${choice.rule}`,
    `efficiency (${efficiency.basis}, ${efficiency.group}): memory ${efficiency.memory}, compute ${efficiency.compute}, ${efficiency.stepOverheadMs} ms per decode step, ${efficiency.prefillLaunchMsPerLayer} ms per layer of prefill launches`,
    workload.concurrency !== undefined
      ? `batch: ${workload.concurrency} requests in flight per replica (like benchmark_serving --max-concurrency)${workload.concurrency > (op?.batch ?? workload.concurrency) ? `, capped at ${op?.batch} by the KV cache and engine limits (the rest queue)` : ''}`
      : workload.tpotMs !== undefined
        ? `batch: the largest that meets ${workload.latencyPercentile === 'p99' ? 'p99 ' : ''}TPOT ${workload.tpotMs} ms and fits the KV cache`
        : 'batch: the KV cache and engine limits (offline maximum throughput, like a benchmark’s offline scenario)',
    `engine cap: ${engineProfile.maxBatch(request.gpu)} concurrent sequences per scheduler${request.maxNumSeqs !== undefined ? ' (max_num_seqs as given)' : ''}`,
    ...(workload.latencyPercentile === 'p99' || p99 ? [p99Assumption] : []),
    load
      ? `load: ${load.meanRequestsPerSecond.toFixed(2)} requests/s mean, ×${workload.peakFactor ?? DEFAULT_PEAK_FACTOR} at peak; replicas planned to ${Math.round(maxUtilization * 100)}% utilisation; replicas run all month (no autoscaling)`
      : 'no load given: one replica, cost per token at full utilisation',
    workload.latencyPercentile === 'p99' ? 'TTFT targets are p99: the prefill plus queueing as above' : 'TTFT is the prefill on an idle replica (the p99 line adds queueing)',
    `${GPUS_PER_NODE} GPUs per node`,
    price ? `GPU price $${price.usd.toFixed(2)}/GPU-hour: ${price.source}; ${HOURS_PER_MONTH} hours per month` : 'no GPU price in the catalog for this GPU: pass a price to get costs',
  ];
  if (shown.layout.attention === 'tensor-parallel' && shown.layout.pipelineParallel > 1) {
    assumptions.push(
      `${shown.layout.pipelineParallel} pipeline stages with as many micro-batches in flight; each stage step pays ${efficiency.pipelineHostMsPerSequence} ms of host time per sequence of its micro-batch (fitted on TensorRT-LLM, whose pipeline loop cannot overlap host work with the GPU), and each token's hidden states cross ${shown.layout.pipelineParallel - 1} stage boundaries over ${dep.link.kind === 'pcie' ? 'PCIe' : dep.link.kind === 'inter-node' ? 'the network' : 'the GPU link'} (${dep.link.gbps} GB/s per direction)`,
    );
  }
  if (dep.kv.replication > 1 && shown.layout.attention === 'tensor-parallel') {
    assumptions.push(
      arch.attention.kind === 'mla'
        ? `MLA KV cache replicated on each of the ${shown.layout.tensorParallel} TP ranks`
        : `${arch.attention.kind === 'gqa' ? arch.attention.kv_heads : ''} KV heads replicated ${dep.kv.replication}× across TP${shown.layout.tensorParallel}`,
    );
  }

  const weightsGb = dep.weights.total / 1e9;
  const result: SizingResult = {
    model: { id: request.model.id, name: request.model.name },
    gpu: { id: request.gpu.id, name: request.gpu.name },
    precision,
    ...(expertPrecision ? { expertPrecision } : {}),
    kvPrecision,
    engine,
    workload: { ...workload, peakFactor: workload.peakFactor ?? DEFAULT_PEAK_FACTOR, maxUtilization },
    scenario: workload.concurrency !== undefined ? 'fixed-concurrency' : workload.tpotMs === undefined ? 'offline-max-throughput' : 'tpot-target',
    fits: chosen !== undefined && !nodeShort,
    reasons,
    layout: chosen ? chosen.layout : null,
    layoutLabel: chosen ? layoutLabel(chosen.layout) : null,
    layoutKind: chosen ? layoutKind(chosen.layout) : null,
    layoutChoice: { requested: request.layout ?? null, selectable: choice.kinds, rule: choice.rule },
    gpusPerReplica,
    replicas,
    gpus,
    nodes,
    weightsGb,
    weightsGib: dep.weights.total / GIB,
    weightsGibPerGpu: dep.weightBytesPerGpu / GIB,
    kvGibPerGpu: Math.max(0, dep.budget.kvGib),
    kvBytesPerToken: kvBytesPerToken(arch, kvPrecision),
    kvTokenCapacity: kvTokenCapacity(dep),
    maxConcurrency: maxConcurrency(dep, workload.isl + workload.osl),
    batch: op?.batch ?? 0,
    batchLimitedBy: chosen?.limitedBy ?? null,
    bound: op?.step.bound ?? null,
    throughputOutputTokensPerSecond: op?.outputTokensPerSecond ?? 0,
    ttftMs: op?.ttftMs ?? null,
    tpotMs: op?.tpotMs ?? null,
    p99,
    load,
    node,
    cost,
    breakEven,
    efficiency,
    expectedError: efficiency.errorBand,
    assumptions,
    alternatives: tried.map((t) => t.verdict),
  };
  assertFinite(result);
  return result;
}

/** Every number of the answer must be finite: an overflow or a division by zero is refused, not printed. */
function assertFinite(r: SizingResult): void {
  const numbers: Array<[string, number | null | undefined]> = [
    ['throughput', r.throughputOutputTokensPerSecond],
    ['TTFT', r.ttftMs],
    ['TPOT', r.tpotMs],
    ['GPUs', r.gpus],
    ['weights', r.weightsGb],
    ['KV capacity', r.kvTokenCapacity],
    ['cost per month', r.cost?.perMonthUsd],
    ['cost per 1M output tokens', r.cost?.perMillionOutputTokensUsd],
    ['monthly output tokens', r.load?.outputTokensPerMonth],
  ];
  for (const [what, v] of numbers) {
    if (v !== null && v !== undefined && !Number.isFinite(v)) {
      throw new SizingError('sizing/non-finite', `the ${what} came out as ${v}: the inputs are outside what the model can compute`, 'Check the load, the token counts and the GPU price for values no deployment has.');
    }
  }
}

const dollars = (v: number) => (v >= 100 ? `$${Math.round(v).toLocaleString('en-US')}` : `$${v.toFixed(2)}`);

/** The break-even answer in words: the verdict, the two prices behind it, and the bills at the workload. */
function breakEvenNote(b: Omit<BreakEven, 'note'>, w: Workload, maxUtilization: number, peakFactor: number): string {
  const api = `the API costs ${dollars(b.apiUsdPerMillionOutputTokens)} per 1M output tokens (${dollars(b.apiOutputUsdPerMTok)} output + ${dollars(b.apiInputUsdPerMTok)} input per 1M × ${w.isl}/${w.osl} input/output tokens)`;
  const replica = `one replica costs ${dollars(b.replicaUsdPerMonth)} a month and serves up to ${formatTokens(b.replicaOutputTokensPerMonth)} output tokens a month (${Math.round(maxUtilization * 100)}% utilisation at peak ×${peakFactor}), ${dollars(b.selfHostedUsdPerMillionOutputTokens)} per 1M when full`;
  let verdict: string;
  if (b.outputTokensPerMonth === null) verdict = 'the API stays cheaper at every volume';
  else if (b.alwaysCheaperAboveOutputTokensPerMonth !== null && b.alwaysCheaperAboveOutputTokensPerMonth > b.outputTokensPerMonth * 1.001) {
    verdict = `self-hosting first costs less at ${formatTokens(b.outputTokensPerMonth)} output tokens a month and at every volume above ${formatTokens(b.alwaysCheaperAboveOutputTokensPerMonth)} (in between, each added replica costs more than the API until it fills)`;
  } else verdict = `self-hosting costs less above ${formatTokens(b.outputTokensPerMonth)} output tokens a month`;
  const at = b.atWorkload
    ? `; at this workload (${formatTokens(b.atWorkload.outputTokensPerMonth)} output tokens a month) self-hosting costs ${dollars(b.atWorkload.selfHostedUsdPerMonth)} a month against ${dollars(b.atWorkload.apiUsdPerMonth)} on the API, so ${b.atWorkload.cheaper === 'api' ? 'the API' : 'self-hosting'} is cheaper`
    : '';
  const frontier = b.kind === 'frontier' ? ' (a different model: this compares cost, not quality)' : '';
  return `${verdict}: ${replica}; ${api}${at}${frontier}`;
}

/** 1.2B, 340M, 12k. */
export function formatTokens(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(n >= 1e10 ? 0 : 1)}B`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(0)}k`;
  return n.toFixed(0);
}
