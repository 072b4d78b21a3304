/**
 * Published benchmark tables, each with its source, engine and engine version and the date the numbers were
 * published, expanded into calibration cases. Every number here was read in the cited document; nothing is
 * derived except where a comment says so. Together with gpu-measurements.json (cases.ts) and the TensorRT-LLM
 * v1.0 rows (holdout.ts) they form the measurement pool that split.ts divides into a fit set and a held-out set.
 *
 * Not used, and not to be added (they are reserved for evaluating this model): MLPerf Inference v4.1 and v5.0
 * AMD results, AMD's ROCm vLLM performance page, dstack's DeepSeek-R1 MI300X/H200 benchmark, and the
 * InferenceX DeepSeek-R1 and gpt-oss sweeps.
 */
import type { Precision } from '../../registry/schema/index.ts';
import type { EngineId } from '../memory.ts';
import type { Layout } from '../parallelism.ts';
import type { KvPrecision } from '../precision.ts';
import type { CalibrationModel } from './architectures.ts';
import type { CalibrationCase, Metric } from './cases.ts';

export interface TableSource {
  url: string;
  location: string;
  retrieved: string;
}

export interface PublishedTable {
  name: string;
  source: TableSource;
  engine: EngineId;
  /** Engine release the numbers were measured with, as the source states it (or "not stated"). */
  engineVersion: string;
  /** Calibration era of the engine (see split.ts): a release line whose results moved by ~2× gets its own. */
  era: string;
  /** Publication date given by the source (YYYY-MM-DD), or "~" and the release it names when it gives none. */
  date: string;
  model: CalibrationModel;
  gpu: string;
  layout: Layout;
  precision: Precision;
  expertPrecision?: Precision;
  kvPrecision: KvPrecision;
  metric: Metric;
  /** [ISL, OSL, concurrency (null: offline, as many as fit), value]. */
  rows: Array<[number, number, number | null, number]>;
}

const tp = (n: number): Layout => ({ gpus: n, tensorParallel: n, pipelineParallel: 1, attention: 'tensor-parallel' });
const dpEp = (n: number): Layout => ({ gpus: n, tensorParallel: 1, pipelineParallel: 1, attention: 'data-parallel' });

const V10: TableSource = {
  url: 'https://github.com/NVIDIA/TensorRT-LLM/blob/00f37686aa854010d68bcbd0f4ab000221541ca6/docs/source/performance/perf-overview.md',
  location: "'Throughput Measurements' tables (v1.0, 'Total Output Throughput (tokens/sec)'); MoE runs use enable_attention_dp per the MoE llm_options",
  retrieved: '2026-12-02',
};
const V10_SHAPES: Array<[number, number]> = [
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

/** A TensorRT-LLM v1.0 perf-overview column: values in V10_SHAPES order, null where the table is empty. */
function v10(name: string, model: CalibrationModel, gpu: string, layout: Layout, precision: Precision, values: Array<number | null>): PublishedTable[] {
  return [
    {
      name,
      source: V10,
      engine: 'trtllm',
      engineVersion: '1.0',
      era: 'trtllm-1.0',
      date: '~2025-09 (1.0 release line)',
      model,
      gpu,
      layout,
      precision,
      kvPrecision: 'fp8',
      metric: 'output_tokens_per_s',
      rows: V10_SHAPES.flatMap(([isl, osl], i): Array<[number, number, number | null, number]> => {
        const v = values[i];
        return v == null ? [] : [[isl, osl, null, v]];
      }),
    },
  ];
}

const DSR1_TRT: TableSource = {
  url: 'https://github.com/NVIDIA/TensorRT-LLM/blob/01c4ece911eb569e72cf4177f83238a0520641c2/docs/source/blogs/Best_perf_practice_on_DeepSeek-R1_in_TensorRT-LLM.md',
  location: "'B200 max-throughput for R1-0528 with FP8 KV cache', 'B200 max-throughput for R1 with FP16 KV cache', 'H200 max-throughput' (Expected Result Format blocks)",
  retrieved: '2026-12-02',
};

const SGLANG_GPT_OSS: TableSource = {
  url: 'https://github.com/lm-sys/lm-sys.github.io/blob/03d9c09220efbab643f4cf898a839c2f672e5c04/blog/2025-08-27-gpt-oss.md',
  location: "'Low-Latency Performance (Batch Size = 1)' table; method in sgl-project/sglang benchmark/gpt_oss/README.md (bench_one_batch_server --batch-size 1 --input-len 1024 --output-len 512)",
  retrieved: '2026-12-02',
};

const SGLANG_AMD_MTP: TableSource = {
  url: 'https://github.com/lm-sys/lm-sys.github.io/blob/03d5107bbe479b2fa51ec61ac1372903ead0f403/blog/2025-09-02-sglang-amd-deepseek-v3-mtp.md',
  location: "Table 1 ('Without MTP' column), end-to-end latency per request in ms, random dataset, 8× MI300X",
  retrieved: '2026-12-02',
};

const V017: TableSource = {
  url: 'https://github.com/NVIDIA/TensorRT-LLM/blob/258c7540c03517def55d9a5aadfa9288af474e1b/docs/source/performance/perf-overview.md',
  location: "'Throughput Measurements' table ('All data in the table below was generated using version 0.17'), output tokens/s, trtllm-bench offline max-throughput",
  retrieved: '2026-12-02',
};
const V017_SHAPES: Array<[number, number]> = [
  [128, 128],
  [128, 2048],
  [128, 4096],
  [500, 2000],
  [1000, 1000],
  [2048, 128],
  [2048, 2048],
  [5000, 500],
  [20000, 2000],
];

/** One TensorRT-LLM v0.17 column: values in V017_SHAPES order, null where the table is empty. */
function v017(name: string, model: CalibrationModel, gpu: string, n: number, precision: Precision, values: Array<number | null>): PublishedTable {
  return {
    name,
    source: V017,
    engine: 'trtllm',
    engineVersion: '0.17',
    era: 'trtllm-0.x',
    // The table states the release, not a date: v0.17 shipped in early 2025.
    date: '~2025-02 (0.17 release)',
    model,
    gpu,
    layout: tp(n),
    precision,
    // "If you specify FP8 quantization, the KV cache will automatically be set to FP8 as well!"
    kvPrecision: precision === 'fp8' ? 'fp8' : 'bf16',
    metric: 'output_tokens_per_s',
    rows: V017_SHAPES.flatMap(([isl, osl], i): Array<[number, number, number | null, number]> => {
      const v = values[i];
      return v == null ? [] : [[isl, osl, null, v]];
    }),
  };
}

const ORACLE_MI300X: TableSource = {
  url: 'https://blogs.oracle.com/cloud-infrastructure/post/serving-llama-31-405b-model-with-amd-mi300x-gpus',
  location: "'Latency measurements' (vLLM benchmark_latency.py, 128 in / 128 out, per batch size) and 'Throughput measurements' (benchmark_throughput.py) tables",
  retrieved: '2026-12-02',
};

const VLLM_FP8_KV: TableSource = {
  url: 'https://github.com/vllm-project/vllm-project.github.io/blob/c3a01c4a5807c8d900ae468897e45263373e534e/_posts/2026-04-22-fp8-kvcache.md',
  location: "'Throughput under Load', Tables 4 (Llama-3.1-8B) and 5 (gpt-oss-20b): one H100, 150 requests at concurrency 8, ~20k input / ~2k output tokens (±15%)",
  retrieved: '2026-12-02',
};

export const PUBLISHED_TABLES: PublishedTable[] = [
  // TensorRT-LLM v0.17, Mixtral (MoE, tensor-parallel experts as the v0.17 engine flow builds them).
  v017('Mixtral-8x7B H200 TP1 FP8 (v0.17)', 'mixtral-8x7b', 'h200-sxm', 1, 'fp8', [17157.72, 15095.21, 9534.62, 12105.27, 10371.36, 2009.67, 6940.32, 2309.1, 1151.78]),
  v017('Mixtral-8x7B H100 TP1 FP8 (v0.17)', 'mixtral-8x7b', 'h100-sxm', 1, 'fp8', [15962.49, 8290.13, 4784.86, 6800.6, 6868.52, 1892.81, 3983.1, 1764.7, 673.7]),
  v017('Mixtral-8x7B H200 TP2 FP8 (v0.17)', 'mixtral-8x7b', 'h200-sxm', 2, 'fp8', [27825.34, 29584.05, 21564.68, 23410.63, 19151.19, 3383.16, 14007.29, 4223.68, 2299.21]),
  v017('Mixtral-8x7B H100 TP2 FP8 (v0.17)', 'mixtral-8x7b', 'h100-sxm', 2, 'fp8', [27451.13, 22830.08, 14237.01, 17036.04, 15770.89, 3333.68, 10685.85, 3646.09, 1757.45]),
  v017('Mixtral-8x7B A100 TP2 FP16 (v0.17)', 'mixtral-8x7b', 'a100-sxm-80gb', 2, 'fp16', [5541.47, 4169.78, 2608.05, 3446.37, 3154.52, 649, 2056.58, 724.44, 337.51]),
  v017('Mixtral-8x7B H200 TP4 FP8 (v0.17)', 'mixtral-8x7b', 'h200-sxm', 4, 'fp8', [42551.59, 52291.78, 39513.73, 43818.99, 33580.9, 5467.62, 24980.93, 7084.94, 4236.84]),
  v017('Mixtral-8x7B H100 TP4 FP8 (v0.17)', 'mixtral-8x7b', 'h100-sxm', 4, 'fp8', [41068.23, 41164.73, 27912.48, 34489.34, 27784.74, 5234.98, 19432.08, 6401.56, 3303.83]),
  v017('Mixtral-8x7B L40S TP4 FP8 (v0.17)', 'mixtral-8x7b', 'l40s', 4, 'fp8', [6921.87, 7996.93, 5736.09, 6914.68, 5251.49, 827.62, 3935.32, 1092.88, 682.48]),
  v017('Mixtral-8x7B A100 TP4 FP16 (v0.17)', 'mixtral-8x7b', 'a100-sxm-80gb', 4, 'fp16', [10324.28, 10911.86, 7666.51, 8456.21, 7122.84, 1237.62, 5222.98, 1500.55, 829.59]),
  v017('Mixtral-8x7B H200 TP8 FP8 (v0.17)', 'mixtral-8x7b', 'h200-sxm', 8, 'fp8', [53212.55, 68608.45, 54827.78, 58706.39, 44705.48, 7554.38, 36193.64, 10271.8, 6835.53]),
  v017('Mixtral-8x7B H100 TP8 FP8 (v0.17)', 'mixtral-8x7b', 'h100-sxm', 8, 'fp8', [50849.55, 61607.7, 48280.37, 52583.65, 40631.71, 6988.18, 30983.35, 9210.11, 5602.43]),
  v017('Mixtral-8x7B A100 TP8 FP16 (v0.17)', 'mixtral-8x7b', 'a100-sxm-80gb', 8, 'fp16', [17043.54, 20277.88, 15282.89, 17184.24, 12851.44, 2165.52, 9809.76, 2761.28, 1592.53]),
  v017('Mixtral-8x22B H200 TP8 FP8 (v0.17)', 'mixtral-8x22b', 'h200-sxm', 8, 'fp8', [22948.57, 32415.81, 25753.14, 27429.6, 19712.35, 2899.84, 15798.59, 4031.79, 2815.76]),
  v017('Mixtral-8x22B H100 TP8 FP8 (v0.17)', 'mixtral-8x22b', 'h100-sxm', 8, 'fp8', [21876.08, 25150.03, 18387.4, 21421.86, 16573.24, 2794.97, 12244.93, 3645.27, 2227.63]),
  v017('Mixtral-8x22B A100 TP8 FP16 (v0.17)', 'mixtral-8x22b', 'a100-sxm-80gb', 8, 'fp16', [6381.95, 6685.99, 4789.13, 5648.46, 4549.46, 761.56, 3521.98, 959.14, 575.02]),
  // TensorRT-LLM v0.17, dense Llama 3.1 (same table).
  v017('Llama-3.1-70B H200 TP1 FP8 (v0.17)', 'llama-3.3-70b', 'h200-sxm', 1, 'fp8', [4020.75, 4165.68, 2651.75, 3018.39, 2823.45, 465.99, 1913.8, 560.16, 279.52]),
  v017('Llama-3.1-70B H200 TP2 FP8 (v0.17)', 'llama-3.3-70b', 'h200-sxm', 2, 'fp8', [6823.01, 8290.35, 6526.67, 6848.02, 5164.76, 809, 4183.88, 1025.38, 640.62]),
  v017('Llama-3.1-70B H100 TP2 FP8 (v0.17)', 'llama-3.3-70b', 'h100-sxm', 2, 'fp8', [6645.12, 6169.58, 3897.06, 4972.57, 4390.53, 772.66, 2898.16, 919.73, 443.01]),
  v017('Llama-3.1-70B H200 TP4 FP8 (v0.17)', 'llama-3.3-70b', 'h200-sxm', 4, 'fp8', [11098.63, 14156, 10574.06, 12452.79, 8911.29, 1358.06, 7130.44, 1811.55, 1199.68]),
  v017('Llama-3.1-70B H100 TP4 FP8 (v0.17)', 'llama-3.3-70b', 'h100-sxm', 4, 'fp8', [11127.53, 11511.93, 7439.41, 9836.7, 7430.99, 1302.6, 5480.03, 1602.78, 920.19]),
  v017('Llama-3.1-70B A100 TP4 FP16 (v0.17)', 'llama-3.3-70b', 'a100-sxm-80gb', 4, 'fp16', [2733.48, 2811.27, 1976.49, 2275.79, 1921.77, 325.15, 1393.64, 392.62, 212.08]),
  v017('Llama-3.1-70B H200 TP8 FP8 (v0.17)', 'llama-3.3-70b', 'h200-sxm', 8, 'fp8', [15355.84, 21195.88, 16941.52, 17278.4, 13181.24, 1983.03, 11142.47, 2717.83, 1920.45]),
  v017('Llama-3.1-70B H100 TP8 FP8 (v0.17)', 'llama-3.3-70b', 'h100-sxm', 8, 'fp8', [14730.69, 17061.82, 14171.43, 14679.33, 11451.16, 1923.41, 8801.95, 2457.42, 1512.6]),
  v017('Llama-3.1-8B H200 TP1 FP8 (v0.17)', 'llama-3.1-8b', 'h200-sxm', 1, 'fp8', [29526.04, 25398.86, 17370.8, 21020.81, 17537.96, 3794.14, 11968.5, 3987.79, 1804.1]),
  v017('Llama-3.1-8B H100 TP1 FP8 (v0.17)', 'llama-3.1-8b', 'h100-sxm', 1, 'fp8', [28836.77, 21109.38, 13593.65, 16500.69, 15244.78, 3556.73, 9488.42, 3559.36, 1401.31]),
  v017('Llama-3.1-8B L40S TP1 FP8 (v0.17)', 'llama-3.1-8b', 'l40s', 1, 'fp8', [9104.61, 5365.81, 3025.92, 4273.75, 4054.71, 1066.52, 2225.27, 981.2, 327.97]),
  v017('Llama-3.1-8B A100 TP1 FP16 (v0.17)', 'llama-3.1-8b', 'a100-sxm-80gb', 1, 'fp16', [6627.27, 5255.99, 3453.79, 4276.58, 3786.83, 799.61, 2424.16, 825.13, 330.04]),
  v017('Llama-3.1-405B H200 TP8 FP8 (v0.17)', 'llama-3.1-405b', 'h200-sxm', 8, 'fp8', [3874.19, 5938.09, 5168.37, 5084.29, 3399.69, 463.42, 2940.62, 669.13, 535.31]),

  // vLLM on 8× MI300X (OCI BM.GPU.MI300X.8), Llama 3.1 405B FP8, TP8. The post does not state the vLLM release.
  {
    name: 'Llama-3.1-405B MI300X TP8 FP8 vLLM (OCI, batch sweep)',
    source: ORACLE_MI300X,
    engine: 'vllm',
    engineVersion: 'not stated (ROCm build, autumn 2024)',
    era: 'vllm',
    date: '2024-10-10',
    model: 'llama-3.1-405b',
    gpu: 'mi300x',
    layout: tp(8),
    precision: 'fp8',
    kvPrecision: 'bf16',
    metric: 'output_tokens_per_s',
    rows: [
      [128, 128, 1, 36],
      [128, 128, 2, 71],
      [128, 128, 4, 137],
      [128, 128, 8, 258],
      [128, 128, 16, 468],
      [128, 128, 32, 798],
      [128, 128, 64, 1184],
      [128, 128, 128, 1585],
      [128, 128, 256, 1846],
    ],
  },
  {
    name: 'Llama-3.1-405B MI300X TP8 FP8 vLLM (OCI, offline)',
    source: ORACLE_MI300X,
    engine: 'vllm',
    engineVersion: 'not stated (ROCm build, autumn 2024)',
    era: 'vllm',
    date: '2024-10-10',
    model: 'llama-3.1-405b',
    gpu: 'mi300x',
    layout: tp(8),
    precision: 'fp8',
    kvPrecision: 'bf16',
    metric: 'output_tokens_per_s',
    rows: [
      [128, 128, null, 1993],
      [128, 2048, null, 2794],
    ],
  },

  // TensorRT-LLM v1.0 perf-overview tables not in holdout.ts: Llama 4 Scout, and the H100 column of Maverick.
  ...v10('Llama-4-Scout H200 TP4 FP8', 'llama-4-scout', 'h200-sxm', dpEp(4), 'fp8', [30354, 34316, 21332, 24630, 21636, 18499, 3699, 14949, 4605, 2105]),
  ...v10('Llama-4-Scout H100 TP4 FP8', 'llama-4-scout', 'h100-sxm', dpEp(4), 'fp8', [null, 15130, 8603, 12399, 12129, 9838, 3253, 7972, 3342, null]),
  ...v10('Llama-4-Scout B200 TP1 FP4', 'llama-4-scout', 'b200', tp(1), 'nvfp4', [25342, 14699, 8932, 11977, 10591, 9356, 3137, 7152, 2937, 1644]),
  // 1000/1000 of this column is already in gpu-measurements.json.
  ...v10('Llama-4-Maverick H100 TP8 FP8', 'llama-4-maverick', 'h100-sxm', dpEp(8), 'fp8', [null, 10829, 6744, 10108, null, 9151, null, 6916, 3457, null]),

  // TensorRT-LLM DeepSeek-R1 max-throughput runs (trtllm-bench, attention-DP 8 + EP 8, ISL 1024 / OSL 2048, no MTP).
  {
    name: 'DeepSeek-R1-0528 B200 DP8+EP8 FP4 FP8-KV (trtllm-bench)',
    source: DSR1_TRT,
    engine: 'trtllm',
    engineVersion: 'commit b6261862419c33d6ce2313aff1e7116067d6037d (PyTorch backend)',
    era: 'trtllm-1.0',
    date: '~2025-08 (commit b6261862)',
    model: 'deepseek-v3',
    gpu: 'b200',
    layout: dpEp(8),
    precision: 'nvfp4',
    kvPrecision: 'fp8',
    metric: 'output_tokens_per_s',
    // --concurrency 7168, --max_batch_size 896 per rank: 'Total Output Throughput (tokens/sec): 43146.2042'.
    rows: [[1024, 2048, 7168, 43146.2]],
  },
  {
    name: 'DeepSeek-R1 B200 DP8+EP8 FP4 BF16-KV (trtllm-bench)',
    source: DSR1_TRT,
    engine: 'trtllm',
    engineVersion: 'commit b6261862419c33d6ce2313aff1e7116067d6037d (PyTorch backend)',
    era: 'trtllm-1.0',
    date: '~2025-08 (commit b6261862)',
    model: 'deepseek-v3',
    gpu: 'b200',
    layout: dpEp(8),
    precision: 'nvfp4',
    kvPrecision: 'bf16',
    metric: 'output_tokens_per_s',
    // --concurrency 3072, --max_batch_size 384 per rank: 'Total Output Throughput (tokens/sec): 36384.0838'.
    rows: [[1024, 2048, 3072, 36384.1]],
  },
  {
    name: 'DeepSeek-R1 H200 DP8+EP8 FP8 (trtllm-bench)',
    source: DSR1_TRT,
    engine: 'trtllm',
    engineVersion: 'not stated for this run (same guide; PyTorch backend)',
    era: 'trtllm-1.0',
    date: '~2025-08 (guide revision 01c4ece)',
    model: 'deepseek-v3',
    gpu: 'h200-sxm',
    layout: dpEp(8),
    precision: 'fp8',
    kvPrecision: 'bf16',
    metric: 'output_tokens_per_s',
    // --concurrency 1024, --max_batch_size 128 per rank: 'Total Output Throughput (tokens/sec): 11489.2671'.
    rows: [[1024, 2048, 1024, 11489.3]],
  },

  // SGLang v0.5.1.post3, gpt-oss-120b, bench_one_batch_server batch 1, 1024 in / 512 out: the source gives the
  // batch-1 decode throughput (tok/s); the decode step is 1000 ÷ that (derived).
  ...([
    ['gpt-oss-120b H100 TP8 MXFP4 SGLang bs1', 'h100-sxm', 8, 'mxfp4', 318.53],
    ['gpt-oss-120b B200 TP4 MXFP4 SGLang bs1', 'b200', 4, 'mxfp4', 416.02],
    ['gpt-oss-120b H100 TP8 BF16 SGLang bs1', 'h100-sxm', 8, 'bf16', 293.12],
    ['gpt-oss-120b B200 TP4 BF16 SGLang bs1', 'b200', 4, 'bf16', 315.63],
  ] as const).map(([name, gpu, n, experts, tokPerS]): PublishedTable => ({
    name,
    source: SGLANG_GPT_OSS,
    engine: 'sglang',
    engineVersion: '0.5.1.post3',
    era: 'sglang',
    date: '2025-08-27',
    model: 'gpt-oss-120b',
    gpu,
    layout: tp(n),
    precision: 'bf16',
    expertPrecision: experts,
    kvPrecision: 'bf16',
    metric: 'decode_ms',
    rows: [[1024, 512, 1, Math.round((1000 / tokPerS) * 1000) / 1000]],
  })),

  // SGLang v0.4.10.post1 on 8× MI300X (ROCm 6.3.0), DeepSeek-V3 FP8, TP8, no MTP (baseline column), measured
  // 2025-08-18: mean end-to-end latency per request at each max concurrency, random dataset --random-input 1024
  // --random-output 1024. bench_serving's default --random-range-ratio 0.0 draws lengths uniformly up to those
  // values, so the mean request is taken as 512 in / 512 out (an interpretation of the method, not a number the
  // source prints).
  {
    name: 'DeepSeek-V3 MI300X TP8 FP8 SGLang 0.4.10 (random, no MTP)',
    source: SGLANG_AMD_MTP,
    engine: 'sglang',
    engineVersion: '0.4.10.post1',
    era: 'sglang',
    date: '2025-08-18',
    model: 'deepseek-v3',
    gpu: 'mi300x',
    layout: tp(8),
    precision: 'fp8',
    kvPrecision: 'bf16',
    metric: 'request_latency_ms',
    rows: [
      [512, 512, 1, 17348.25],
      [512, 512, 2, 17162.29],
      [512, 512, 4, 17948.3],
      [512, 512, 8, 19919.06],
      [512, 512, 16, 23708.94],
      [512, 512, 32, 30868.39],
      [512, 512, 64, 43848.2],
    ],
  },

  // vLLM v0.19.1 on one H100 (blog 2026-04-22): output tok/s and median ITL at concurrency 8, 20k/2k.
  ...(['output_tokens_per_s', 'itl_ms'] as const).flatMap((metric): PublishedTable[] => [
    {
      name: `Llama-3.1-8B H100 BF16 vLLM 0.19.1 c8 (${metric}, BF16 KV)`,
      source: VLLM_FP8_KV,
      engine: 'vllm',
      engineVersion: '0.19.1',
      era: 'vllm',
      date: '2026-04-22',
      model: 'llama-3.1-8b',
      gpu: 'h100-sxm',
      layout: tp(1),
      precision: 'bf16',
      kvPrecision: 'bf16',
      metric,
      rows: [[20000, 2000, 8, metric === 'itl_ms' ? 15.18 : 450.3]],
    },
    {
      name: `Llama-3.1-8B H100 BF16 vLLM 0.19.1 c8 (${metric}, FP8 KV)`,
      source: VLLM_FP8_KV,
      engine: 'vllm',
      engineVersion: '0.19.1',
      era: 'vllm',
      date: '2026-04-22',
      model: 'llama-3.1-8b',
      gpu: 'h100-sxm',
      layout: tp(1),
      precision: 'bf16',
      kvPrecision: 'fp8',
      metric,
      rows: [[20000, 2000, 8, metric === 'itl_ms' ? 12.93 : 517.5]],
    },
    {
      name: `gpt-oss-20b H100 MXFP4 vLLM 0.19.1 c8 (${metric}, BF16 KV)`,
      source: VLLM_FP8_KV,
      engine: 'vllm',
      engineVersion: '0.19.1',
      era: 'vllm',
      date: '2026-04-22',
      model: 'gpt-oss-20b',
      gpu: 'h100-sxm',
      layout: tp(1),
      precision: 'bf16',
      expertPrecision: 'mxfp4',
      kvPrecision: 'bf16',
      metric,
      rows: [[20000, 2000, 8, metric === 'itl_ms' ? 8.09 : 831.6]],
    },
    {
      name: `gpt-oss-20b H100 MXFP4 vLLM 0.19.1 c8 (${metric}, FP8 KV)`,
      source: VLLM_FP8_KV,
      engine: 'vllm',
      engineVersion: '0.19.1',
      era: 'vllm',
      date: '2026-04-22',
      model: 'gpt-oss-20b',
      gpu: 'h100-sxm',
      layout: tp(1),
      precision: 'bf16',
      expertPrecision: 'mxfp4',
      kvPrecision: 'fp8',
      metric,
      rows: [[20000, 2000, 8, metric === 'itl_ms' ? 7.9 : 853.0]],
    },
  ]),
];

export interface TableCase extends Omit<CalibrationCase, 'record' | 'path'> {
  table: string;
  measured: number;
  era: string;
  engineVersion: string;
  date: string;
  source: string;
  expertPrecision?: Precision;
}

/** Every row of every published table as a calibration case. */
export function tableCases(tables: PublishedTable[] = PUBLISHED_TABLES): TableCase[] {
  return tables.flatMap((t) =>
    t.rows.map(([isl, osl, concurrency, value]) => ({
      id: `${t.name} ${isl}/${osl}${concurrency === null ? '' : ` c${concurrency}`}`,
      table: t.name,
      model: t.model,
      gpu: t.gpu,
      layout: t.layout,
      precision: t.precision,
      ...(t.expertPrecision ? { expertPrecision: t.expertPrecision } : {}),
      kvPrecision: t.kvPrecision,
      engine: t.engine,
      scenario: concurrency === null ? { kind: 'offline' as const, isl, osl } : { kind: 'concurrency' as const, isl, osl, concurrency },
      metric: t.metric,
      measured: value,
      era: t.era,
      engineVersion: t.engineVersion,
      date: t.date,
      source: t.source.url,
    })),
  );
}
