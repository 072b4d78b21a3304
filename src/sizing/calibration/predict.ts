/**
 * Resolves calibration cases against the measurement file and predicts each one with the sizing model:
 * the shared engine of `npm run fit:sizing`, `npm run bench:sizing` and the calibration tests.
 */
import type { Gpu } from '../../registry/schema/index.ts';
import { batchLimit, deploy, operatingPoint, type GpuSpec } from '../deployment.ts';
import { gpuFamily, type EfficiencyFactors, type GpuFamily, type ModelKind } from '../efficiency/factors.ts';
import { ENGINES } from '../memory.ts';
import { CALIBRATION_ARCHITECTURES } from './architectures.ts';
import { CALIBRATION_CASES, CALIBRATION_GPUS, EXCLUDED_POINTS, type CalibrationCase } from './cases.ts';

/** The parts of gpu-measurements.json sizing reads. */
export interface MeasurementsFile {
  measurements: Array<{ id: string; model: string; value: number; unit: string; metric: string; also?: Record<string, unknown> }>;
}

export interface CalibrationPoint extends CalibrationCase {
  measured: number;
  kind: ModelKind;
  family: GpuFamily;
  gpuSpec: GpuSpec;
}

export interface ResolvedCalibration {
  points: CalibrationPoint[];
  /** Numeric values in the file that no case predicts and no exclusion explains. */
  uncovered: string[];
  /** Cases whose path is missing from the file. */
  missing: string[];
  /** Records in the file. */
  records: number;
}

function numericLeaves(value: unknown, path: string[], out: string[][]): void {
  if (typeof value === 'number') out.push(path);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) numericLeaves(v, [...path, k], out);
}

function getPath(value: unknown, path: string[]): unknown {
  let v = value;
  for (const key of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

/** Matches every case to its measured value and checks that every measured number is accounted for. */
export function resolveCalibration(file: MeasurementsFile, gpus: Record<string, Gpu>, cases: CalibrationCase[] = CALIBRATION_CASES): ResolvedCalibration {
  const byId = new Map(file.measurements.map((m) => [m.id, m]));
  const points: CalibrationPoint[] = [];
  const missing: string[] = [];
  for (const c of cases) {
    const record = byId.get(c.record);
    const measured = record ? getPath(record, c.path) : undefined;
    const gpu = gpus[c.gpu] ? { ...gpus[c.gpu]!, id: c.gpu } : CALIBRATION_GPUS[c.gpu];
    if (typeof measured !== 'number' || !gpu) {
      missing.push(`${c.id} (${!gpu ? `GPU "${c.gpu}" not found` : `no number at ${c.path.join('.')}`})`);
      continue;
    }
    const arch = CALIBRATION_ARCHITECTURES[c.model];
    const family = gpuFamily(gpu);
    if (!family) {
      missing.push(`${c.id} (GPU "${c.gpu}" has no known family)`);
      continue;
    }
    points.push({ ...c, measured, kind: arch.moe ? 'moe' : 'dense', family, gpuSpec: gpu });
  }
  const covered = new Set([...cases.map((c) => `${c.record}:${c.path.join('.')}`), ...EXCLUDED_POINTS.map((e) => `${e.record}:${e.path.join('.')}`)]);
  const uncovered: string[] = [];
  for (const m of file.measurements) {
    const leaves: string[][] = [];
    numericLeaves({ value: m.value, also: m.also ?? {} }, [], leaves);
    for (const leaf of leaves) if (!covered.has(`${m.id}:${leaf.join('.')}`)) uncovered.push(`${m.id}:${leaf.join('.')}`);
  }
  return { points, uncovered, missing, records: file.measurements.length };
}

/** What a point's deployment and batch limit are regardless of the efficiency factors (the fit asks thousands of times). */
const BASE = new WeakMap<object, { dep: ReturnType<typeof deploy>; limit: number }>();

/** The model's prediction for one calibration point at the given efficiency factors (NaN when it does not fit). */
export function predictPoint(point: CalibrationCase & { gpuSpec: GpuSpec }, efficiency: EfficiencyFactors): number {
  // deploy() only carries the factors along; memory, layout and KV capacity do not depend on them, so they are
  // computed once per point and the factors swapped in.
  let base = BASE.get(point);
  if (!base) {
    const dep = deploy({
      architecture: CALIBRATION_ARCHITECTURES[point.model],
      gpu: point.gpuSpec,
      precision: point.precision,
      ...(point.expertPrecision ? { expertPrecision: point.expertPrecision } : {}),
      kvPrecision: point.kvPrecision,
      engine: ENGINES[point.engine],
      layout: point.layout,
      efficiency,
    });
    base = { dep, limit: batchLimit(dep, point.scenario.isl, point.scenario.osl).limit };
    BASE.set(point, base);
  }
  const dep = { ...base.dep, efficiency };
  const { isl, osl } = point.scenario;
  const limit = base.limit;
  if (limit < 1) return Number.NaN;
  const batch = point.scenario.kind === 'offline' ? limit : Math.min(point.scenario.concurrency, limit);
  const op = operatingPoint(dep, isl, osl, batch);
  switch (point.metric) {
    case 'output_tokens_per_s':
      return op.outputTokensPerSecond;
    case 'itl_ms':
      return op.tpotMs;
    case 'ttft_ms':
      return op.ttftMs;
    case 'prefill_ms':
      return op.prefill.latencyMs;
    case 'decode_ms':
      return op.step.ms;
    case 'request_latency_ms':
      // A request's prefill, then its OSL tokens at the TPOT it sees (the step plus interleaved prefills).
      return op.prefill.latencyMs + osl * op.tpotMs;
  }
}
