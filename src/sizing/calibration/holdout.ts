/**
 * A holdout set the fit never sees: the other ISL/OSL rows of the TensorRT-LLM v1.0 perf-overview tables whose
 * 1000/1000 (and a few other) rows are in gpu-measurements.json. Same engine and method, other shapes, so the
 * bench can show how the calibrated model generalises across workloads. Output tokens/s for the whole replica.
 * Source: github.com/NVIDIA/TensorRT-LLM/blob/00f37686aa854010d68bcbd0f4ab000221541ca6/docs/source/performance/perf-overview.md
 * (retrieved 2026-11-22); FP8/NVFP4 ModelOpt checkpoints, FP8 KV, MoE runs with attention-DP.
 */
import type { Precision } from '../../registry/schema/index.ts';
import type { Layout } from '../parallelism.ts';
import type { CalibrationModel } from './architectures.ts';
import type { CalibrationCase } from './cases.ts';

export const HOLDOUT_SOURCE =
  'https://github.com/NVIDIA/TensorRT-LLM/blob/00f37686aa854010d68bcbd0f4ab000221541ca6/docs/source/performance/perf-overview.md';

const SHAPES: Array<[number, number]> = [
  [128, 128],
  [128, 2048],
  [128, 4096],
  [500, 2000],
  [1000, 1000],
  [1000, 2000],
  [2048, 128],
  [2048, 2048],
  [5000, 500],
  [20000, 2000],
];

const tp = (n: number): Layout => ({ gpus: n, tensorParallel: n, pipelineParallel: 1, attention: 'tensor-parallel' });
const dpEp = (n: number): Layout => ({ gpus: n, tensorParallel: 1, pipelineParallel: 1, attention: 'data-parallel' });

interface Table {
  name: string;
  model: CalibrationModel;
  gpu: string;
  layout: Layout;
  precision: Precision;
  /** Output tokens/s per shape in SHAPES order; null where the table has no value. */
  values: Array<number | null>;
}

const TABLES: Table[] = [
  { name: 'Llama-3.3-70B B200 TP1 FP4', model: 'llama-3.3-70b', gpu: 'b200', layout: tp(1), precision: 'nvfp4', values: [11147, 9922, 6831, 7762, 7007, 6271, 1339, 4783, 1459, 665] },
  { name: 'Llama-3.3-70B H200 TP1 FP8', model: 'llama-3.3-70b', gpu: 'h200-sxm', layout: tp(1), precision: 'fp8', values: [3803, 4336, 2872, 3666, 2909, 2994, 442, 2003, 566, 283] },
  { name: 'Llama-3.3-70B H100 TP2 FP8', model: 'llama-3.3-70b', gpu: 'h100-sxm', layout: tp(2), precision: 'fp8', values: [6378, 6651, 4199, 5222, 4205, 4146, 762, 3082, 898, 437] },
  { name: 'Llama-3.1-8B H200 TP1 FP8', model: 'llama-3.1-8b', gpu: 'h200-sxm', layout: tp(1), precision: 'fp8', values: [27911, 26221, 18027, 20770, 17744, 16828, 3538, 12194, 3902, 1804] },
  { name: 'Llama-3.1-8B H100 TP1 FP8', model: 'llama-3.1-8b', gpu: 'h100-sxm', layout: tp(1), precision: 'fp8', values: [28312, 22714, 14325, 17660, 15220, 13899, 3450, 9305, 3459, 1351] },
  { name: 'Llama-3.1-405B H100 TP8 FP8', model: 'llama-3.1-405b', gpu: 'h100-sxm', layout: tp(8), precision: 'fp8', values: [3627, 4340, 3116, 3994, 2919, 2895, 453, 2296, 610, 345] },
  { name: 'Llama-3.1-405B H200 TP8 FP8', model: 'llama-3.1-405b', gpu: 'h200-sxm', layout: tp(8), precision: 'fp8', values: [3814, 5348, 4741, 4724, 3330, 3722, 456, 2948, 650, 505] },
  { name: 'Llama-3.1-405B B200 TP4 FP4', model: 'llama-3.1-405b', gpu: 'b200', layout: tp(4), precision: 'nvfp4', values: [6281, 8020, 6345, 6244, 5209, 4933, 749, 4212, 1048, 672] },
  { name: 'Qwen3-235B-A22B H200 TP8 FP8', model: 'qwen3-235b-a22b', gpu: 'h200-sxm', layout: dpEp(8), precision: 'fp8', values: [30429, 42821, 26852, 28026, 23789, 22061, 3331, 16672, 3623, 1876] },
  { name: 'Qwen3-235B-A22B H100 TP8 FP8', model: 'qwen3-235b-a22b', gpu: 'h100-sxm', layout: dpEp(8), precision: 'fp8', values: [null, 19658, 12447, 18351, 14898, 15136, null, 9924, 3225, null] },
  { name: 'Qwen3-235B-A22B B200 TP8 FP4', model: 'qwen3-235b-a22b', gpu: 'b200', layout: dpEp(8), precision: 'nvfp4', values: [63362, 66057, 39496, 57117, 42391, 34105, 7329, 26854, 8190, 4453] },
  { name: 'Llama-4-Maverick H200 TP8 FP8', model: 'llama-4-maverick', gpu: 'h200-sxm', layout: dpEp(8), precision: 'fp8', values: [63994, 40572, 24616, 37835, 31782, 34734, 7307, 20957, 8456, 4106] },
  { name: 'Llama-4-Maverick B200 TP8 FP4', model: 'llama-4-maverick', gpu: 'b200', layout: dpEp(8), precision: 'nvfp4', values: [124323, 112676, 68170, null, 79617, 63766, 18088, 52195, null, 12678] },
  { name: 'Qwen3-30B-A3B B200 TP1 FP4', model: 'qwen3-30b-a3b', gpu: 'b200', layout: tp(1), precision: 'nvfp4', values: [39827, 37844, 24953, 27817, 25828, 22051, 6251, 17554, 6142, 2944] },
];

/** Rows already in gpu-measurements.json (calibration points), which the holdout skips. */
const CALIBRATED: Record<string, string[]> = {
  'Llama-3.3-70B B200 TP1 FP4': ['1000/1000', '128/2048', '2048/2048', '5000/500', '20000/2000'],
  'Llama-3.3-70B H200 TP1 FP8': ['1000/1000', '128/2048', '2048/2048', '5000/500', '20000/2000'],
  'Llama-3.3-70B H100 TP2 FP8': ['1000/1000', '128/2048', '2048/2048', '5000/500', '20000/2000'],
  'Llama-3.1-8B H200 TP1 FP8': ['1000/1000'],
  'Llama-3.1-8B H100 TP1 FP8': ['1000/1000', '128/2048', '2048/2048', '5000/500'],
  'Llama-3.1-405B H100 TP8 FP8': ['1000/1000'],
  'Llama-3.1-405B H200 TP8 FP8': ['1000/1000'],
  'Llama-3.1-405B B200 TP4 FP4': ['1000/1000'],
  'Qwen3-235B-A22B H200 TP8 FP8': ['1000/1000', '2048/2048'],
  'Qwen3-235B-A22B H100 TP8 FP8': ['1000/1000'],
  'Qwen3-235B-A22B B200 TP8 FP4': ['1000/1000'],
  'Llama-4-Maverick H200 TP8 FP8': ['1000/1000', '2048/2048'],
  'Llama-4-Maverick B200 TP8 FP4': ['1000/1000'],
  'Qwen3-30B-A3B B200 TP1 FP4': ['1000/1000', '2048/2048'],
};

export interface HoldoutCase extends Omit<CalibrationCase, 'record' | 'path'> {
  table: string;
  measured: number;
}

/** Every holdout point: rows of the same tables that gpu-measurements.json does not carry. */
export function holdoutCases(): HoldoutCase[] {
  const out: HoldoutCase[] = [];
  for (const t of TABLES) {
    SHAPES.forEach(([isl, osl], i) => {
      const measured = t.values[i];
      const shape = `${isl}/${osl}`;
      if (measured == null) return;
      if (CALIBRATED[t.name]?.includes(shape)) return;
      out.push({
        id: `${t.name} ${shape}`,
        table: t.name,
        model: t.model,
        gpu: t.gpu,
        layout: t.layout,
        precision: t.precision,
        kvPrecision: 'fp8',
        engine: 'trtllm',
        scenario: { kind: 'offline', isl, osl },
        metric: 'output_tokens_per_s',
        measured,
      });
    });
  }
  return out;
}
