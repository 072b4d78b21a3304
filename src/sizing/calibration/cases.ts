/**
 * The calibration set as sizing inputs: every record of gpu-measurements.json (and every secondary point in
 * its `also` block) mapped to a model, GPU, layout, precision and scenario, or listed with the reason it cannot
 * be predicted. Measured values are read from the JSON, never retyped here.
 */
import type { Gpu, Precision } from '../../registry/schema/index.ts';
import type { GpuSpec } from '../deployment.ts';
import type { EngineId } from '../memory.ts';
import type { Layout } from '../parallelism.ts';
import type { KvPrecision } from '../precision.ts';
import { CALIBRATION_ARCHITECTURES, type CalibrationModel } from './architectures.ts';

/** What was measured. */
export type Metric =
  | 'output_tokens_per_s' // total output throughput of the replica
  | 'itl_ms' // inter-token latency (TPOT) a user sees
  | 'ttft_ms' // time to first token on an idle server
  | 'prefill_ms' // prefill of one request
  | 'decode_ms' // one decode step
  | 'request_latency_ms'; // prefill + all decode steps of one request

export type Scenario =
  | { kind: 'offline'; isl: number; osl: number }
  | { kind: 'concurrency'; isl: number; osl: number; concurrency: number };

export interface CalibrationCase {
  /** `<record id>` for the headline value, `<record id>#<also key>` for a secondary point. */
  id: string;
  record: string;
  /** Path of the measured value in the record: ["value"] or ["also", key, …]. */
  path: string[];
  model: CalibrationModel;
  /** Registry GPU id, or an id from CALIBRATION_GPUS. */
  gpu: string;
  layout: Layout;
  precision: Precision;
  kvPrecision: KvPrecision;
  engine: EngineId;
  scenario: Scenario;
  metric: Metric;
  /** Routed-expert precision when it differs from `precision` (MXFP4 experts with BF16 attention). */
  expertPrecision?: Precision;
}

export interface ExcludedPoint {
  record: string;
  path: string[];
  reason: string;
}

/** GPUs in the calibration set that the catalog does not carry. */
export const CALIBRATION_GPUS: Record<string, GpuSpec> = {
  // kipply's FasterTransformer runs: A100 SXM 40GB, 1,555 GB/s HBM2, 312 TFLOPS dense FP16 (NVIDIA A100 datasheet).
  'a100-sxm-40gb': {
    id: 'a100-sxm-40gb',
    name: 'NVIDIA A100 40GB SXM',
    vendor: 'NVIDIA',
    architecture: 'Ampere',
    form_factor: 'SXM4',
    memory_gb: 40,
    memory_type: 'HBM2',
    memory_bandwidth_tbps: 1.555,
    dense_tflops: { bf16: 312, fp8: null, fp4: null, int8: 624 },
    interconnect: { type: 'NVLink 3', gbps_bidirectional: 600, scale_up_domain: 8 },
    tdp_w: 400,
    prices: [],
    citations: {},
    reviewed: '2026-11-22',
  } satisfies Gpu & { id: string },
};

const tp = (n: number): Layout => ({ gpus: n, tensorParallel: n, pipelineParallel: 1, attention: 'tensor-parallel' });
const pp = (n: number): Layout => ({ gpus: n, tensorParallel: 1, pipelineParallel: n, attention: 'tensor-parallel' });
const dpEp = (n: number): Layout => ({ gpus: n, tensorParallel: 1, pipelineParallel: 1, attention: 'data-parallel' });
const offline = (isl: number, osl: number): Scenario => ({ kind: 'offline', isl, osl });
const at = (isl: number, osl: number, concurrency: number): Scenario => ({ kind: 'concurrency', isl, osl, concurrency });

type Base = Omit<CalibrationCase, 'id' | 'path' | 'scenario' | 'metric'>;

/** One case per ISL/OSL shape of a TensorRT-LLM v1.0 perf-overview record (FP8/NVFP4 checkpoints with FP8 KV). */
function shapes(base: Base, points: Record<string, [number, number]>): CalibrationCase[] {
  return Object.entries(points).map(([key, [isl, osl]]) => {
    const path = key === 'value' ? ['value'] : ['also', key];
    return { ...base, id: key === 'value' ? base.record : `${base.record}#${key}`, path, scenario: offline(isl, osl), metric: 'output_tokens_per_s' };
  });
}

const FIVE_SHAPES = { value: [1000, 1000], '128/2048': [128, 2048], '2048/2048': [2048, 2048], '5000/500': [5000, 500], '20000/2000': [20000, 2000] } as const;
const trt = { engine: 'trtllm', kvPrecision: 'fp8' } as const;

export const CALIBRATION_CASES: CalibrationCase[] = [
  ...shapes({ record: 'trt10-h200-llama3.3-70b-fp8-1000-1000', model: 'llama-3.3-70b', gpu: 'h200-sxm', layout: tp(1), precision: 'fp8', ...trt }, FIVE_SHAPES as never),
  ...shapes({ record: 'trt10-h100-llama3.3-70b-fp8-tp2-1000-1000', model: 'llama-3.3-70b', gpu: 'h100-sxm', layout: tp(2), precision: 'fp8', ...trt }, FIVE_SHAPES as never),
  ...shapes({ record: 'trt10-b200-llama3.3-70b-fp4-1000-1000', model: 'llama-3.3-70b', gpu: 'b200', layout: tp(1), precision: 'nvfp4', ...trt }, FIVE_SHAPES as never),
  ...shapes({ record: 'trt10-rtxpro6000-llama3.3-70b-fp4-1000-1000', model: 'llama-3.3-70b', gpu: 'rtx-pro-6000', layout: tp(1), precision: 'nvfp4', ...trt }, { value: [1000, 1000], '1 GPU 2048/2048': [2048, 2048] }),
  ...[2, 4, 8].flatMap((n) =>
    shapes({ record: 'trt10-rtxpro6000-llama3.3-70b-fp4-1000-1000', model: 'llama-3.3-70b', gpu: 'rtx-pro-6000', layout: pp(n), precision: 'nvfp4', ...trt }, { [`${n} GPUs TP1,PP${n}`]: [1000, 1000] }),
  ),
  ...shapes({ record: 'trt10-h100-llama3.1-8b-fp8-1000-1000', model: 'llama-3.1-8b', gpu: 'h100-sxm', layout: tp(1), precision: 'fp8', ...trt }, { value: [1000, 1000], '128/2048': [128, 2048], '2048/2048': [2048, 2048], '5000/500': [5000, 500] }),
  ...shapes({ record: 'trt10-h100-llama3.1-8b-fp8-1000-1000', model: 'llama-3.1-8b', gpu: 'h200-sxm', layout: tp(1), precision: 'fp8', ...trt }, { 'H200 1000/1000': [1000, 1000] }),
  // MoE runs: "TP8 (+EP, attention-DP per MoE recipe)" — the perf-overview MoE options set enable_attention_dp.
  ...shapes({ record: 'trt10-h200-qwen3-235b-fp8-tp8-1000-1000', model: 'qwen3-235b-a22b', gpu: 'h200-sxm', layout: dpEp(8), precision: 'fp8', ...trt }, { value: [1000, 1000], 'H200 2048/2048': [2048, 2048] }),
  ...shapes({ record: 'trt10-h200-qwen3-235b-fp8-tp8-1000-1000', model: 'qwen3-235b-a22b', gpu: 'h100-sxm', layout: dpEp(8), precision: 'fp8', ...trt }, { 'H100 TP8 1000/1000': [1000, 1000] }),
  ...shapes({ record: 'trt10-h200-qwen3-235b-fp8-tp8-1000-1000', model: 'qwen3-235b-a22b', gpu: 'b200', layout: dpEp(8), precision: 'nvfp4', ...trt }, { 'B200 TP8 FP4 1000/1000': [1000, 1000] }),
  ...shapes({ record: 'trt10-h200-llama4-maverick-fp8-tp8-1000-1000', model: 'llama-4-maverick', gpu: 'h200-sxm', layout: dpEp(8), precision: 'fp8', ...trt }, { value: [1000, 1000], 'H200 2048/2048': [2048, 2048] }),
  ...shapes({ record: 'trt10-h200-llama4-maverick-fp8-tp8-1000-1000', model: 'llama-4-maverick', gpu: 'h100-sxm', layout: dpEp(8), precision: 'fp8', ...trt }, { 'H100 TP8 1000/1000': [1000, 1000] }),
  ...shapes({ record: 'trt10-h200-llama4-maverick-fp8-tp8-1000-1000', model: 'llama-4-maverick', gpu: 'b200', layout: dpEp(8), precision: 'nvfp4', ...trt }, { 'B200 TP8 FP4 1000/1000': [1000, 1000] }),
  ...shapes({ record: 'trt10-b200-qwen3-30b-a3b-fp4-1000-1000', model: 'qwen3-30b-a3b', gpu: 'b200', layout: tp(1), precision: 'nvfp4', ...trt }, { value: [1000, 1000], 'B200 2048/2048': [2048, 2048] }),
  ...shapes({ record: 'trt10-b200-qwen3-30b-a3b-fp4-1000-1000', model: 'qwen3-30b-a3b', gpu: 'rtx-pro-6000', layout: tp(1), precision: 'nvfp4', ...trt }, { 'RTX PRO 6000 1 GPU FP4 1000/1000': [1000, 1000] }),
  ...shapes({ record: 'trt10-h100-llama3.1-405b-fp8-tp8-1000-1000', model: 'llama-3.1-405b', gpu: 'h100-sxm', layout: tp(8), precision: 'fp8', ...trt }, { value: [1000, 1000] }),
  ...shapes({ record: 'trt10-h100-llama3.1-405b-fp8-tp8-1000-1000', model: 'llama-3.1-405b', gpu: 'h200-sxm', layout: tp(8), precision: 'fp8', ...trt }, { 'H200 TP8 FP8': [1000, 1000] }),
  ...shapes({ record: 'trt10-h100-llama3.1-405b-fp8-tp8-1000-1000', model: 'llama-3.1-405b', gpu: 'b200', layout: tp(4), precision: 'nvfp4', ...trt }, { 'B200 TP4 FP4': [1000, 1000] }),

  // NIM 1.8.0, Llama-3.3-70B FP8 on 2×H100 TP2 (TensorRT-LLM profile): latency at fixed concurrency.
  ...nim('value', at(5000, 500, 1), 'itl_ms'),
  ...nim('also.ttft_ms', at(5000, 500, 1), 'ttft_ms'),
  ...nim('also.throughput_tokens_per_s', at(5000, 500, 1), 'output_tokens_per_s'),
  ...nim('also.isl500_osl2000_c1.ttft_ms', at(500, 2000, 1), 'ttft_ms'),
  ...nim('also.isl500_osl2000_c1.itl_ms', at(500, 2000, 1), 'itl_ms'),
  ...nim('also.isl500_osl2000_c1.throughput_tokens_per_s', at(500, 2000, 1), 'output_tokens_per_s'),
  ...nim('also.isl5000_osl500_saturation.itl_ms', at(5000, 500, 150), 'itl_ms'),
  ...nim('also.isl5000_osl500_saturation.throughput_tokens_per_s', at(5000, 500, 150), 'output_tokens_per_s'),
  ...nim('also.isl5000_osl500_c50.itl_ms', at(5000, 500, 50), 'itl_ms'),
  ...nim('also.isl5000_osl500_c50.throughput_tokens_per_s', at(5000, 500, 50), 'output_tokens_per_s'),

  // TensorRT-LLM v0.5 low-latency tables: batch-1 first-token latency with OSL 1 = one prefill.
  prefill('value', 'llama-2-70b', 'h100-sxm', tp(4), 'fp8', 2048),
  prefill('also.isl128_ttft_ms', 'llama-2-70b', 'h100-sxm', tp(4), 'fp8', 128),
  prefill('also.A100_FP16_TP4_isl2048_ttft_ms', 'llama-2-70b', 'a100-sxm-80gb', tp(4), 'fp16', 2048),
  prefill('also.A100_FP16_TP4_isl128_ttft_ms', 'llama-2-70b', 'a100-sxm-80gb', tp(4), 'fp16', 128),
  prefill('also.H100_FP8_LLaMA7B_TP1_isl2048_ms', 'llama-7b', 'h100-sxm', tp(1), 'fp8', 2048),
  prefill('also.L40S_FP8_LLaMA7B_isl2048_ms', 'llama-7b', 'l40s', tp(1), 'fp8', 2048),

  // kipply's FasterTransformer 13B on A100 40GB, batch 1, 512-token prompt, 10 output tokens.
  ft('value', tp(1), 'decode_ms'),
  ft('also.prefill_ms', tp(1), 'prefill_ms'),
  ft('also.total_ms', tp(1), 'request_latency_ms'),
  ft('also.tp2_decode_ms', tp(2), 'decode_ms'),
  ft('also.tp2_prefill_ms', tp(2), 'prefill_ms'),
];

function nim(key: string, scenario: Scenario, metric: Metric): CalibrationCase[] {
  const record = 'nim-llama3.3-70b-fp8-2xh100-c1';
  const path = key.split('.');
  return [{ id: key === 'value' ? record : `${record}#${path.slice(1).join('.')}`, record, path, model: 'llama-3.3-70b', gpu: 'h100-sxm', layout: tp(2), precision: 'fp8', kvPrecision: 'fp8', engine: 'trtllm', scenario, metric }];
}

function prefill(key: string, model: CalibrationModel, gpu: string, layout: Layout, precision: Precision, isl: number): CalibrationCase {
  const record = 'trt05-ttft-llama70b-fp8-h100-tp4';
  const path = key.split('.');
  return { id: key === 'value' ? record : `${record}#${path.slice(1).join('.')}`, record, path, model, gpu, layout, precision, kvPrecision: precision === 'fp8' ? 'fp8' : 'bf16', engine: 'trtllm', scenario: at(isl, 1, 1), metric: 'prefill_ms' };
}

function ft(key: string, layout: Layout, metric: Metric): CalibrationCase {
  const record = 'fastertransformer-13b-a100-batch1';
  const path = key.split('.');
  return { id: key === 'value' ? record : `${record}#${path.slice(1).join('.')}`, record, path, model: 'gpt-13b', gpu: 'a100-sxm-40gb', layout, precision: 'fp16', kvPrecision: 'bf16', engine: 'trtllm', scenario: at(512, 10, 1), metric };
}

/** Points of the measurement file no case predicts, and why. */
export const EXCLUDED_POINTS: ExcludedPoint[] = [
  { record: 'nim-llama3.1-70b-c1', path: ['value'], reason: 'GPU type, count and ISL/OSL were not captured in the record (marked INCOMPLETE, confidence low)' },
  { record: 'nim-llama3.1-70b-c1', path: ['also', 'ttft_ms'], reason: 'same record: hardware and shape unknown' },
  { record: 'nim-llama3.1-70b-c1', path: ['also', 'throughput_tokens_per_s'], reason: 'same record: hardware and shape unknown' },
  { record: 'nim-llama3.1-70b-c1', path: ['also', 'c200_itl_ms'], reason: 'same record: hardware and shape unknown' },
  { record: 'nim-llama3.3-70b-fp8-2xh100-c1', path: ['also', 'isl5000_osl500_saturation', 'concurrency'], reason: 'a setting of the run, not a measurement' },
  { record: 'nim-llama3.3-70b-fp8-2xh100-c1', path: ['also', 'isl5000_osl500_saturation', 'ttft_ms'], reason: 'TTFT under saturation is queueing delay, which the sizing model does not predict (it keeps ρ below ρ_max instead)' },
  { record: 'nim-llama3.3-70b-fp8-2xh100-c1', path: ['also', 'isl5000_osl500_c50', 'ttft_ms'], reason: 'TTFT at 50 concurrent users includes queueing behind other prefills, which the sizing model does not predict' },
];

export const CALIBRATION_MODELS = CALIBRATION_ARCHITECTURES;
