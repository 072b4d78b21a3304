/** Shape of the fitted efficiency data written by `npm run fit:sizing`. */
import type { GpuFamily, ModelKind } from './factors.ts';

export interface FittedGroup {
  kind: ModelKind;
  family: GpuFamily | 'all';
  /** Engine era (split.ts ENGINE_ERAS), or 'all' for the pooled-over-everything fallback. */
  era: string;
  memory: number;
  compute: number;
  stepOverheadMs: number;
  /** Measurement points the factors were fitted on. */
  points: number;
  /** Held-out points of the group (never fitted). */
  heldOutPoints: number;
  /** Relative error band (measured ÷ predicted − 1) from the held-out residuals: 5th–95th percentile, at least ±15%. */
  errorBand: { low: number; high: number };
  /** Fewer than five held-out points: the band is the wide prior band. */
  thin: boolean;
  /** |predicted ÷ measured − 1| on the fit points. */
  medianAbsError: number;
  worstAbsError: number;
  /** The same on the held-out points (null without any). */
  heldOutMedianAbsError: number | null;
  heldOutWorstAbsError: number | null;
  /** Share of held-out points inside errorBand. */
  heldOutCoverage: number | null;
  /** Calibration case ids the group was fitted on. */
  sources: string[];
}

export interface FittedEfficiency {
  /** Script that wrote the file and the date it ran. */
  generatedBy: string;
  measurements: { file: string; sha256: string; records: number; points: number; fitPoints: number; heldOutPoints: number; tablesSha256: string };
  method: string;
  /** Prefill kernel-launch time per layer, ms, fitted across all groups. */
  prefillLaunchMsPerLayer: number;
  /** Decode overhead per layer, ms, fitted across all groups. */
  decodeLayerOverheadMs: number;
  /** Collective (all-reduce, all-to-all) bandwidth efficiency, fitted across all groups. */
  collective: number;
  /** Host time per sequence of a pipeline-parallel micro-batch step, ms, fitted across all groups. */
  pipelineHostMsPerSequence: number;
  groups: FittedGroup[];
  /** Per model kind, fitted over all families: the fallback for unmeasured families. */
  pooled: FittedGroup[];
}
