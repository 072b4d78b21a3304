/**
 * Efficiency factors: how far real engines fall short of the roofline, as data with their rationale and
 * sources. Priors come from gpu-sizing.md §2.8; fitted values (fitted.ts, written by `npm run fit:sizing`
 * from calibration/gpu-measurements.json) replace them per (dense vs MoE, GPU family) where measurements exist.
 */
import type { Gpu } from '../../registry/schema/index.ts';
import type { EngineId } from '../memory.ts';
import type { FittedGroup } from './fitted-types.ts';
import { FITTED } from './fitted.ts';

export type ModelKind = 'dense' | 'moe';

/** GPU families share software maturity and memory system, so they share efficiency factors. */
export type GpuFamily = 'ampere' | 'ada' | 'hopper' | 'blackwell' | 'blackwell-gddr' | 'cdna3' | 'cdna4' | 'gaudi';

export const GPU_FAMILIES: readonly GpuFamily[] = ['ampere', 'ada', 'hopper', 'blackwell', 'blackwell-gddr', 'cdna3', 'cdna4', 'gaudi'];

/**
 * The family of a GPU, from its architecture. GDDR Blackwell cards (RTX PRO 6000) are their own family:
 * no NVLink, a third of B200's bandwidth, and TensorRT-LLM runs them with pipeline parallelism.
 */
export function gpuFamily(gpu: Pick<Gpu, 'architecture' | 'memory_type'>): GpuFamily | null {
  const arch = gpu.architecture.toLowerCase();
  if (arch.includes('blackwell')) return /gddr/i.test(gpu.memory_type) ? 'blackwell-gddr' : 'blackwell';
  if (arch.includes('hopper')) return 'hopper';
  if (arch.includes('ada')) return 'ada';
  if (arch.includes('ampere')) return 'ampere';
  if (arch.includes('cdna 4') || arch.includes('cdna4')) return 'cdna4';
  if (arch.includes('cdna')) return 'cdna3';
  if (arch.includes('gaudi')) return 'gaudi';
  return null;
}

/** The factors one prediction uses. */
export interface EfficiencyFactors {
  /** Achieved fraction of peak memory bandwidth in decode (weights + KV reads). */
  memory: number;
  /** Achieved fraction of dense peak FLOPS (prefill, and decode when compute-bound). */
  compute: number;
  /** Fixed time per decode step: scheduling, launches, sampling, ms. */
  stepOverheadMs: number;
  /**
   * Kernel-launch time per layer of a prefill pass, ms: prefill runs eagerly while decode replays CUDA graphs,
   * so short prompts pay ten to twenty launches per layer. Fitted once across all groups.
   */
  prefillLaunchMsPerLayer: number;
  /** Fixed time per layer of every decode step, ms (kernels that do not scale with bytes or FLOPs). Fitted once across all groups. */
  decodeLayerOverheadMs: number;
  /**
   * Achieved fraction of the link's peak bandwidth in collectives (TP all-reduce, EP all-to-all). Decode messages
   * are a few MB, where NCCL stays well under the NVLink peak. Fitted once across all groups.
   */
  collective: number;
  /**
   * Host time per sequence of a pipeline-parallel micro-batch step, ms. Without pipeline parallelism TensorRT-LLM's
   * PyTorch executor overlaps host work (scheduling, request updates, response handling) with the GPU; with
   * pp_size > 1 it runs `_executor_loop_pp`, which does that work, and relays each micro-batch's sampled tokens
   * rank to rank as host objects, serially between forward steps. So the work adds to every stage step and grows
   * with the sequences in the micro-batch. Fitted once across all groups (only the PP points constrain it).
   */
  pipelineHostMsPerSequence: number;
}

/** Factors with where they come from and how far to trust them. */
export interface EfficiencyEntry extends EfficiencyFactors {
  kind: ModelKind;
  family: GpuFamily;
  /** fitted: on this (kind, family, engine); other-engine: this (kind, family) on another engine; pooled: this kind across families; prior: literature only. */
  basis: 'fitted' | 'other-engine' | 'sibling-family' | 'pooled' | 'prior';
  /** Measurements behind the fit. */
  points: number;
  /** Held-out measurements the band comes from. */
  heldOutPoints: number;
  /** The calibration group used, kind/family/era. */
  group: string;
  /** The band rests on too few held-out points (or on another group) and is wide. */
  thin: boolean;
  /** Expected relative error of a throughput prediction, as fractions (e.g. -0.25 / +0.30). */
  errorBand: { low: number; high: number };
  rationale: string;
  sources: string[];
}

/**
 * Literature priors (gpu-sizing.md §2.8), used where no measurement of a (kind, family) exists.
 * - memory 0.55: batch-1 MBU 0.45–0.75 and dense end-to-end 0.38–0.73 (median ≈0.55) on TensorRT-LLM v1.0.
 * - compute 0.45: prefill MFU 0.33 (TRT-LLM v0.5, H100 FP8 TP4), 0.45 (NIM, H100 FP8 TP2), 0.61 (A100 FP16).
 * - MoE memory 0.25: MoE models reach 0.20–0.32 of the roofline on 8 GPUs (EP all-to-all, load imbalance,
 *   small per-expert GEMMs).
 */
export const PRIORS: Record<ModelKind, EfficiencyFactors & { errorBand: { low: number; high: number }; rationale: string; sources: string[] }> = {
  dense: {
    memory: 0.55,
    compute: 0.45,
    stepOverheadMs: 1,
    prefillLaunchMsPerLayer: 0.1,
    decodeLayerOverheadMs: 0,
    collective: 0.7,
    pipelineHostMsPerSequence: 0,
    errorBand: { low: -0.4, high: 0.4 },
    rationale:
      'No measurement on this GPU family: literature priors. Batch-1 decode MBU 0.45–0.75, dense serving at ≈0.55 of the roofline, prefill MFU 0.33–0.61; the band is widened to ±40% because the family is unmeasured.',
    sources: [
      'gpu-sizing.md §2.8 (TensorRT-LLM v1.0 perf-overview back-test; NIM 1.8.0 Llama-3.3-70B; TRT-LLM v0.5 low-latency tables; llm-analysis FasterTransformer README)',
    ],
  },
  moe: {
    memory: 0.25,
    compute: 0.35,
    stepOverheadMs: 1,
    prefillLaunchMsPerLayer: 0.1,
    decodeLayerOverheadMs: 0,
    collective: 0.7,
    pipelineHostMsPerSequence: 0,
    errorBand: { low: -0.5, high: 0.5 },
    rationale:
      'No measurement on this GPU family: MoE models reach only 0.20–0.32 of the roofline on 8 GPUs (EP all-to-all, load imbalance, small per-expert GEMMs); band ±50%.',
    sources: ['gpu-sizing.md §2.8 and §6.2 (TensorRT-LLM v1.0: Qwen3-235B and Llama-4-Maverick on 8×H100/H200)'],
  },
};

/** Eras of each engine, newest first (must match calibration/split.ts ENGINE_ERAS). */
const ERAS: Record<EngineId, string[]> = { trtllm: ['trtllm-1.0', 'trtllm-0.x'], vllm: ['vllm'], sglang: ['sglang'] };

function entry(g: FittedGroup, kind: ModelKind, family: GpuFamily, basis: EfficiencyEntry['basis'], rationale: string, band: { low: number; high: number }): EfficiencyEntry {
  return {
    kind,
    family,
    basis,
    memory: g.memory,
    compute: g.compute,
    stepOverheadMs: g.stepOverheadMs,
    prefillLaunchMsPerLayer: FITTED.prefillLaunchMsPerLayer,
    decodeLayerOverheadMs: FITTED.decodeLayerOverheadMs,
    collective: FITTED.collective,
    pipelineHostMsPerSequence: FITTED.pipelineHostMsPerSequence,
    points: g.points,
    heldOutPoints: g.heldOutPoints,
    group: `${g.kind}/${g.family}/${g.era}`,
    errorBand: band,
    thin: g.thin || basis !== 'fitted',
    rationale,
    sources: g.sources,
  };
}

/** Widens a band to at least ±min. */
const atLeast = (band: { low: number; high: number }, min: number) => ({ low: Math.min(band.low, -min), high: Math.max(band.high, min) });

/**
 * Efficiency for a (kind, family, engine), most specific first:
 * 1. fitted on this kind, family and the engine's newest era that has a fit;
 * 2. this kind and family fitted on another engine (the family's memory system and kernels, another scheduler):
 *    band widened to at least ±35% (dense) / ±45% (MoE);
 * 3. this kind on this engine pooled over other families: band at least the prior's (±40% / ±50%);
 * 4. this kind pooled over everything, same band; 5. the literature prior.
 */
export function efficiencyFor(kind: ModelKind, family: GpuFamily | null, engine: EngineId = 'vllm', era?: string): EfficiencyEntry {
  // An explicit era (the bench and tests predicting a point of that era) overrides the engine's newest.
  const eras = era ? [era] : ERAS[engine];
  const prior = PRIORS[kind];
  const fam = family ?? 'hopper';
  const label = ENGINE_LABEL[engine];
  if (family) {
    for (const era of eras) {
      const g = FITTED.groups.find((x) => x.kind === kind && x.family === family && x.era === era);
      if (g)
        return entry(g, kind, family, 'fitted', `Fitted on ${g.points} published measurements of ${kind} models on ${family} GPUs with ${label} (${era}); band from ${g.heldOutPoints} held-out points${g.thin ? ' — too few, so it is the wide prior band' : ''}.`, g.errorBand);
    }
    // Another engine's newest release line first: closer in kernels and schedulers than an older line.
    const other = FITTED.groups.filter((x) => x.kind === kind && x.family === family).sort((a, b) => ERA_RECENCY.indexOf(a.era) - ERA_RECENCY.indexOf(b.era))[0];
    if (other)
      return entry(other, kind, family, 'other-engine', `No measurement of ${kind} models on ${family} GPUs with ${label}: factors fitted on ${other.points} points of the same family with ${other.era}; band widened because the engine differs.`, atLeast(other.errorBand, kind === 'moe' ? 0.45 : 0.35));
    // A newer or older generation of the same vendor's line shares its software stack (ROCm, AITER kernels).
    const sibling = SIBLING[family];
    const near = sibling ? (FITTED.groups.find((x) => x.kind === kind && x.family === sibling && eras.includes(x.era)) ?? FITTED.groups.filter((x) => x.kind === kind && x.family === sibling).sort((a, b) => b.points - a.points)[0]) : undefined;
    if (near)
      return entry(near, kind, family, 'sibling-family', `No measurement of ${kind} models on ${family} GPUs: factors of the same vendor's ${near.family} GPUs (${near.points} points, ${near.era}), as fractions of this GPU's own peaks; band widened to at least ±50%.`, atLeast(near.errorBand, 0.5));
  }
  const pooledEngine = FITTED.pooled.find((x) => x.kind === kind && eras.includes(x.era));
  const pooled = pooledEngine ?? FITTED.pooled.find((x) => x.kind === kind && x.era === 'all');
  if (pooled)
    return entry(pooled, kind, fam, 'pooled', `No measurement of ${kind} models on ${family ?? 'this'} GPUs${pooledEngine ? ` with ${label}` : ''}: factors pooled over ${pooled.points} ${kind} measurements on other ${pooledEngine ? `families with ${label}` : 'families and engines'}; the band is wide accordingly.`, atLeast(pooled.errorBand, prior.errorBand.high));
  return { kind, family: fam, basis: 'prior', memory: prior.memory, compute: prior.compute, stepOverheadMs: prior.stepOverheadMs, prefillLaunchMsPerLayer: prior.prefillLaunchMsPerLayer, decodeLayerOverheadMs: prior.decodeLayerOverheadMs, collective: prior.collective, pipelineHostMsPerSequence: prior.pipelineHostMsPerSequence, points: 0, heldOutPoints: 0, group: `${kind}/prior`, errorBand: prior.errorBand, thin: true, rationale: prior.rationale, sources: prior.sources };
}

/** Engine eras from the newest line to the oldest, for borrowing across engines. */
const ERA_RECENCY = ['trtllm-1.0', 'sglang', 'vllm', 'trtllm-0.x'];

/** GPU families of one vendor line whose factors stand in for each other when one is unmeasured. */
const SIBLING: Partial<Record<GpuFamily, GpuFamily>> = { cdna4: 'cdna3', cdna3: 'cdna4' };

const ENGINE_LABEL: Record<EngineId, string> = { vllm: 'vLLM', trtllm: 'TensorRT-LLM', sglang: 'SGLang' };
