/** Shape of the fitted efficiency data written by `npm run fit:sizing`. */
import type { GpuFamily, ModelKind } from './factors.ts';

export interface FittedGroup {
  kind: ModelKind;
  family: GpuFamily | 'all';
  memory: number;
  compute: number;
  stepOverheadMs: number;
  /** Measurement points the factors were fitted on. */
  points: number;
  /** Relative error band of the fit's throughput predictions (min and max residual, widened to at least ±15%). */
  errorBand: { low: number; high: number };
  medianAbsError: number;
  worstAbsError: number;
  /** Calibration case ids the group was fitted on. */
  sources: string[];
}

export interface FittedEfficiency {
  /** Script that wrote the file and the date it ran. */
  generatedBy: string;
  measurements: { file: string; sha256: string; records: number; points: number };
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
