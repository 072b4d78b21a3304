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
const pp = (n: number): Layout => ({ gpus: n, tensorParallel: 1, pipelineParallel: n, attention: 'tensor-parallel' });
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
  // RTX PRO 6000 Blackwell Server Edition tables (PCIe only): pipeline-parallel dense runs and MoE runs over PCIe.
  // Not included: the MoE tables run with pipeline stages (Scout TP2×PP2 and TP4×PP2, Qwen3-235B TP2×PP4,
  // Maverick TP4×PP2) use attention-DP inside each stage, a layout sizing does not model.
  { name: 'Llama-3.3-70B RTX PRO 6000 PP1 FP4', model: 'llama-3.3-70b', gpu: 'rtx-pro-6000', layout: pp(1), precision: 'nvfp4', values: [3264, 2422, 1349, 1856, 1787, 1594, 393, 1074, 401, 142] },
  { name: 'Llama-3.3-70B RTX PRO 6000 PP2 FP4', model: 'llama-3.3-70b', gpu: 'rtx-pro-6000', layout: pp(2), precision: 'nvfp4', values: [6172, 4993, 2893, 4114, 3707, 2993, 813, 2336, 812, 319] },
  { name: 'Llama-3.3-70B RTX PRO 6000 PP4 FP4', model: 'llama-3.3-70b', gpu: 'rtx-pro-6000', layout: pp(4), precision: 'nvfp4', values: [9641, 7922, 4978, 6939, 5961, 5274, 1511, 3870, 1511, 630] },
  { name: 'Llama-3.3-70B RTX PRO 6000 PP8 FP4', model: 'llama-3.3-70b', gpu: 'rtx-pro-6000', layout: pp(8), precision: 'nvfp4', values: [11881, 9833, 7352, 9435, 8166, 6943, 2495, 6078, 2491, 1148] },
  { name: 'Llama-3.1-405B RTX PRO 6000 PP8 FP4', model: 'llama-3.1-405b', gpu: 'rtx-pro-6000', layout: pp(8), precision: 'nvfp4', values: [4452, 2981, null, null, 2369, 1931, 579, 1442, null, null] },
  { name: 'Qwen3-30B-A3B RTX PRO 6000 TP1 FP4', model: 'qwen3-30b-a3b', gpu: 'rtx-pro-6000', layout: tp(1), precision: 'nvfp4', values: [28011, 12540, 7491, 10695, 9910, 8378, 3257, 5908, 2530, 871] },
  { name: 'Qwen3-30B-A3B RTX PRO 6000 TP2 FP4', model: 'qwen3-30b-a3b', gpu: 'rtx-pro-6000', layout: dpEp(2), precision: 'nvfp4', values: [32646, 22744, 15049, 17266, 16431, 13323, 3785, 10679, 3799, 1558] },
  { name: 'Qwen3-30B-A3B RTX PRO 6000 TP4 FP4', model: 'qwen3-30b-a3b', gpu: 'rtx-pro-6000', layout: dpEp(4), precision: 'nvfp4', values: [36819, 35715, 28139, 26175, 24046, 25131, 4311, 18134, 5212, 2551] },
  { name: 'Qwen3-30B-A3B RTX PRO 6000 TP8 FP4', model: 'qwen3-30b-a3b', gpu: 'rtx-pro-6000', layout: dpEp(8), precision: 'nvfp4', values: [39490, 52676, 33895, 44088, 31785, 28881, 4798, 22391, 5965, null] },
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
  'Llama-3.3-70B RTX PRO 6000 PP1 FP4': ['1000/1000', '2048/2048'],
  'Llama-3.3-70B RTX PRO 6000 PP2 FP4': ['1000/1000'],
  'Llama-3.3-70B RTX PRO 6000 PP4 FP4': ['1000/1000'],
  'Llama-3.3-70B RTX PRO 6000 PP8 FP4': ['1000/1000'],
  'Qwen3-30B-A3B RTX PRO 6000 TP1 FP4': ['1000/1000'],
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
