/**
 * The measurement pool and its split. Every published point (gpu-measurements.json via cases.ts, the TensorRT-LLM
 * v1.0 rows in holdout.ts, the tables in tables.ts) becomes one point with its calibration group
 * (dense vs MoE × GPU family × engine era); a fixed hash of the point's id puts about a third of every group in a
 * held-out set that the fit never sees. The printed error band of each group comes from its held-out residuals.
 */
import type { Gpu } from '../../registry/schema/index.ts';
import { gpuFamily, type GpuFamily, type ModelKind } from '../efficiency/factors.ts';
import { CALIBRATION_ARCHITECTURES } from './architectures.ts';
import { CALIBRATION_GPUS } from './cases.ts';
import { holdoutCases } from './holdout.ts';
import { resolveCalibration, type CalibrationPoint, type MeasurementsFile, type ResolvedCalibration } from './predict.ts';
import { tableCases } from './tables.ts';

/**
 * Engine eras: one engine's results on the same hardware moved by about 2× between release lines (TensorRT-LLM
 * 0.x with its C++ engine builder vs 1.0 with the PyTorch backend, attention-DP and new MoE kernels), so each line
 * is its own calibration group. Newest first per engine: sizing uses the newest era that has a fit.
 */
export const ENGINE_ERAS = { trtllm: ['trtllm-1.0', 'trtllm-0.x'], vllm: ['vllm'], sglang: ['sglang'] } as const;
export type EngineEra = (typeof ENGINE_ERAS)[keyof typeof ENGINE_ERAS][number];

export interface PoolPoint extends CalibrationPoint {
  era: EngineEra;
  /** Where the number was published. */
  source: string;
  engineVersion: string;
  date: string;
  heldOut: boolean;
}

/** FNV-1a, 32 bit: a stable hash so the split never changes unless a point's id does. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** About one point in three is held out. */
export function isHeldOut(id: string): boolean {
  return fnv1a(id) % 3 === 0;
}

function eraOfRecord(record: string): { era: EngineEra; engineVersion: string; date: string } {
  if (record.startsWith('trt10-')) return { era: 'trtllm-1.0', engineVersion: '1.0', date: '~2025-09 (1.0 release line)' };
  if (record.startsWith('nim-')) return { era: 'trtllm-1.0', engineVersion: 'NIM 1.8.0 (TensorRT-LLM profile)', date: '~2025 (NIM 1.8.0)' };
  if (record.startsWith('trt05-')) return { era: 'trtllm-0.x', engineVersion: '0.5', date: '~2023-10 (0.5 release)' };
  return { era: 'trtllm-0.x', engineVersion: 'FasterTransformer (kipply, 2022)', date: '2022 (kipply, FasterTransformer)' };
}

export interface Pool {
  calibration: ResolvedCalibration;
  points: PoolPoint[];
}

/** Every point of every source, with its group and split. */
export function measurementPool(file: MeasurementsFile, gpus: Record<string, Gpu>): Pool {
  const calibration = resolveCalibration(file, gpus);
  const byRecord = new Map(file.measurements.map((m) => [m.id, m]));
  const points: PoolPoint[] = calibration.points.map((p) => {
    const record = byRecord.get(p.record) as { source?: { url?: string } } | undefined;
    return { ...p, ...eraOfRecord(p.record), source: record?.source?.url ?? 'gpu-measurements.json', heldOut: isHeldOut(p.id) };
  });
  const resolveGpu = (id: string) => (gpus[id] ? { ...gpus[id]!, id } : CALIBRATION_GPUS[id]);
  const family = (gpu: Gpu): GpuFamily => {
    const f = gpuFamily(gpu);
    if (!f) throw new Error(`calibration GPU ${gpu.name} has no known family`);
    return f;
  };
  const kindOf = (model: keyof typeof CALIBRATION_ARCHITECTURES): ModelKind => (CALIBRATION_ARCHITECTURES[model].moe ? 'moe' : 'dense');
  for (const c of holdoutCases()) {
    const gpu = resolveGpu(c.gpu);
    if (!gpu) throw new Error(`holdout GPU ${c.gpu} not found`);
    points.push({ ...c, record: c.table, path: [], gpuSpec: gpu, kind: kindOf(c.model), family: family(gpu), era: 'trtllm-1.0', engineVersion: '1.0', date: '~2025-09 (1.0 release line)', source: 'https://github.com/NVIDIA/TensorRT-LLM/blob/00f37686aa854010d68bcbd0f4ab000221541ca6/docs/source/performance/perf-overview.md', heldOut: isHeldOut(c.id) });
  }
  for (const c of tableCases()) {
    const gpu = resolveGpu(c.gpu);
    if (!gpu) throw new Error(`table GPU ${c.gpu} not found`);
    points.push({ ...c, record: c.table, path: [], gpuSpec: gpu, kind: kindOf(c.model), family: family(gpu), era: c.era as EngineEra, heldOut: isHeldOut(c.id) });
  }
  return { calibration, points };
}

/** The calibration group of a point: kind/family/era. */
export function groupKey(p: { kind: ModelKind; family: GpuFamily; era: string }): string {
  return `${p.kind}/${p.family}/${p.era}`;
}

/** Vendor of a GPU family, for the bench's per-vendor groups. */
export function vendorOf(family: GpuFamily): 'nvidia' | 'amd' | 'intel' {
  return family === 'cdna3' || family === 'cdna4' ? 'amd' : family === 'gaudi' ? 'intel' : 'nvidia';
}
