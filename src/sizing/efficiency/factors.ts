/**
 * Efficiency factors: how far real engines fall short of the roofline, as data with their rationale and
 * sources. Priors come from gpu-sizing.md §2.8; fitted values (fitted.ts, written by `npm run fit:sizing`
 * from calibration/gpu-measurements.json) replace them per (dense vs MoE, GPU family) where measurements exist.
 */
import type { Gpu } from '../../registry/schema/index.ts';
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
  /** fitted: on measurements of this (kind, family); pooled: fitted on this kind across families; prior: literature only. */
  basis: 'fitted' | 'pooled' | 'prior';
  /** Measurements behind the fit. */
  points: number;
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

/** Efficiency for a (kind, family): fitted when measured, else pooled over the kind, else the prior. */
export function efficiencyFor(kind: ModelKind, family: GpuFamily | null): EfficiencyEntry {
  const fitted = FITTED.groups.find((g) => g.kind === kind && g.family === family);
  if (fitted && family) {
    return {
      kind,
      family,
      basis: 'fitted',
      memory: fitted.memory,
      compute: fitted.compute,
      stepOverheadMs: fitted.stepOverheadMs,
      prefillLaunchMsPerLayer: FITTED.prefillLaunchMsPerLayer,
      decodeLayerOverheadMs: FITTED.decodeLayerOverheadMs,
      collective: FITTED.collective,
      pipelineHostMsPerSequence: FITTED.pipelineHostMsPerSequence,
      points: fitted.points,
      errorBand: fitted.errorBand,
      rationale: `Fitted on ${fitted.points} published measurements of ${kind} models on ${family} GPUs (${FITTED.method}).`,
      sources: fitted.sources,
    };
  }
  const prior = PRIORS[kind];
  const pooled = FITTED.pooled.find((g) => g.kind === kind);
  if (pooled) {
    return {
      kind,
      family: family ?? 'hopper',
      basis: 'pooled',
      memory: pooled.memory,
      compute: pooled.compute,
      stepOverheadMs: pooled.stepOverheadMs,
      prefillLaunchMsPerLayer: FITTED.prefillLaunchMsPerLayer,
      decodeLayerOverheadMs: FITTED.decodeLayerOverheadMs,
      collective: FITTED.collective,
      pipelineHostMsPerSequence: FITTED.pipelineHostMsPerSequence,
      points: pooled.points,
      // Another family's software and memory system: widen the fitted band to at least the prior's.
      errorBand: { low: Math.min(pooled.errorBand.low, prior.errorBand.low), high: Math.max(pooled.errorBand.high, prior.errorBand.high) },
      rationale: `No measurement of ${kind} models on ${family ?? 'this'} GPUs: factors pooled over ${pooled.points} ${kind} measurements on other families; the error band is widened accordingly.`,
      sources: pooled.sources,
    };
  }
  return { kind, family: family ?? 'hopper', basis: 'prior', memory: prior.memory, compute: prior.compute, stepOverheadMs: prior.stepOverheadMs, prefillLaunchMsPerLayer: prior.prefillLaunchMsPerLayer, decodeLayerOverheadMs: prior.decodeLayerOverheadMs, collective: prior.collective, pipelineHostMsPerSequence: prior.pipelineHostMsPerSequence, points: 0, errorBand: prior.errorBand, rationale: prior.rationale, sources: prior.sources };
}
