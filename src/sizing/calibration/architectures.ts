/**
 * Architectures of the models in the calibration set, from their config.json files, so the fit does not
 * depend on which models the registry happens to hold. Values as listed in gpu-sizing.md §4 (which cites the
 * config copies) unless noted; a registry entry for the same checkpoint must agree (checked in calibration.test.ts).
 */
import type { Architecture } from '../../registry/schema/index.ts';

/** meta-llama/Llama-3.3-70B-Instruct (= Llama-3.1-70B) config.json: 80 layers, 8192 hidden, 64/8 heads, vocab 128256. */
const llama70b: Architecture = {
  params_total_b: 70.55,
  layers: 80,
  hidden_size: 8192,
  intermediate_size: 28672,
  vocab_size: 128256,
  attention: { kind: 'gqa', heads: 64, kv_heads: 8, head_dim: 128 },
  native_precision: 'bf16',
};

/** meta-llama/Llama-3.1-8B-Instruct config.json: 32 layers, 4096 hidden, 32/8 heads, vocab 128256; 8.03B. */
const llama8b: Architecture = {
  params_total_b: 8.03,
  layers: 32,
  hidden_size: 4096,
  intermediate_size: 14336,
  vocab_size: 128256,
  attention: { kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 128 },
  native_precision: 'bf16',
};

/** meta-llama/Llama-3.1-405B-Instruct config.json: 126 layers, 16384 hidden, 128/8 heads, vocab 128256; 405B per the measurement record. */
const llama405b: Architecture = {
  params_total_b: 405,
  layers: 126,
  hidden_size: 16384,
  intermediate_size: 53248,
  vocab_size: 128256,
  attention: { kind: 'gqa', heads: 128, kv_heads: 8, head_dim: 128 },
  native_precision: 'bf16',
};

/** Qwen/Qwen3-235B-A22B config.json: 94 layers, 4096 hidden, 64/4 heads, 128 experts top-8, moe_intermediate 1536, vocab 151936. */
const qwen3_235b: Architecture = {
  params_total_b: 235,
  params_active_b: 22,
  layers: 94,
  hidden_size: 4096,
  vocab_size: 151936,
  attention: { kind: 'gqa', heads: 64, kv_heads: 4, head_dim: 128 },
  moe: { experts_total: 128, experts_active: 8, experts_shared: 0, moe_layers: 94, expert_intermediate_size: 1536 },
  native_precision: 'bf16',
};

/** Qwen/Qwen3-30B-A3B config.json: 48 layers, 2048 hidden, 32/4 heads, 128 experts top-8, moe_intermediate 768, vocab 151936. */
const qwen3_30b: Architecture = {
  params_total_b: 30.5,
  params_active_b: 3.3,
  layers: 48,
  hidden_size: 2048,
  vocab_size: 151936,
  attention: { kind: 'gqa', heads: 32, kv_heads: 4, head_dim: 128 },
  moe: { experts_total: 128, experts_active: 8, experts_shared: 0, moe_layers: 48, expert_intermediate_size: 768 },
  native_precision: 'bf16',
};

/**
 * meta-llama/Llama-4-Maverick-17B-128E-Instruct config (TRT-LLM test config; HF blog): 48 layers, 5120 hidden,
 * 40/8 heads, 128 experts top-1 + 1 shared on every 2nd layer, expert FFN 8192; chunked attention 8192 on 3 of
 * every 4 layers (every 4th is a NoPE global layer). ~400B total / 17B active.
 */
const maverick: Architecture = {
  params_total_b: 400,
  params_active_b: 17,
  layers: 48,
  hidden_size: 5120,
  intermediate_size: 16384,
  vocab_size: 202048,
  attention: { kind: 'gqa', heads: 40, kv_heads: 8, head_dim: 128 },
  window: { kind: 'chunked', size: 8192, windowed_layers: 36, pattern: '3 chunked : 1 global (NoPE)' },
  moe: { experts_total: 128, experts_active: 1, experts_shared: 1, moe_layers: 24, expert_intermediate_size: 8192 },
  native_precision: 'bf16',
};

/** meta-llama/Llama-2-70b config.json: 80 layers, 8192 hidden, 64/8 heads, vocab 32000; 69B (TRT-LLM v0.5 "LLaMA 70B"). */
const llama2_70b: Architecture = {
  params_total_b: 69,
  layers: 80,
  hidden_size: 8192,
  intermediate_size: 28672,
  vocab_size: 32000,
  attention: { kind: 'gqa', heads: 64, kv_heads: 8, head_dim: 128 },
  native_precision: 'fp16',
};

/** LLaMA 7B (TRT-LLM v0.5 "LLaMA 7B"): 32 layers, 4096 hidden, 32 heads (MHA), vocab 32000; 6.74B. */
const llama7b: Architecture = {
  params_total_b: 6.74,
  layers: 32,
  hidden_size: 4096,
  intermediate_size: 11008,
  vocab_size: 32000,
  attention: { kind: 'gqa', heads: 32, kv_heads: 32, head_dim: 128 },
  native_precision: 'fp16',
};

/**
 * kipply's 13B GPT on FasterTransformer, as llm-analysis models it (llm_analysis/model_configs/test-13b.json):
 * 40 layers, 5120 hidden, 40 heads (MHA), FFN 20480 (ungated), vocab 50272, tied embeddings → 12.84B (derived:
 * 40 × (4·5120² + 2·5120·20480) + 50272·5120).
 */
const gpt13b: Architecture = {
  params_total_b: 12.84,
  layers: 40,
  hidden_size: 5120,
  intermediate_size: 20480,
  vocab_size: 50272,
  tied_embeddings: true,
  attention: { kind: 'gqa', heads: 40, kv_heads: 40, head_dim: 128 },
  native_precision: 'fp16',
};

/**
 * mistralai/Mixtral-8x7B-Instruct-v0.1 config.json: 32 layers, 4096 hidden, 32/8 heads (head_dim 128), 8 local
 * experts top-2 on every layer, expert FFN 14336, vocab 32000, untied embeddings; 46.7B total / 12.9B active
 * (Mistral AI's announcement).
 */
const mixtral8x7b: Architecture = {
  params_total_b: 46.7,
  params_active_b: 12.9,
  layers: 32,
  hidden_size: 4096,
  vocab_size: 32000,
  attention: { kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 128 },
  moe: { experts_total: 8, experts_active: 2, experts_shared: 0, moe_layers: 32, expert_intermediate_size: 14336 },
  native_precision: 'bf16',
};

/**
 * mistralai/Mixtral-8x22B-Instruct-v0.1 config.json: 56 layers, 6144 hidden, 48/8 heads (head_dim 128), 8 experts
 * top-2, expert FFN 16384, vocab 32768; 141B total / 39B active (Mistral AI's announcement).
 */
const mixtral8x22b: Architecture = {
  params_total_b: 141,
  params_active_b: 39,
  layers: 56,
  hidden_size: 6144,
  vocab_size: 32768,
  attention: { kind: 'gqa', heads: 48, kv_heads: 8, head_dim: 128 },
  moe: { experts_total: 8, experts_active: 2, experts_shared: 0, moe_layers: 56, expert_intermediate_size: 16384 },
  native_precision: 'bf16',
};

/**
 * openai/gpt-oss-20b config.json (as content/models/openai/gpt-oss-20b.yaml records it): 24 layers, 2880 hidden,
 * 64/8 heads of 64, 32 experts top-4 with FFN 2880, every other layer a 128-token sliding window, vocab 201088;
 * 21B total / 3.6B active; experts in MXFP4, the rest BF16.
 */
const gptOss20b: Architecture = {
  params_total_b: 21,
  params_active_b: 3.6,
  layers: 24,
  hidden_size: 2880,
  vocab_size: 201088,
  attention: { kind: 'gqa', heads: 64, kv_heads: 8, head_dim: 64 },
  window: { kind: 'sliding', size: 128, windowed_layers: 12, pattern: 'alternating sliding (128) and full attention' },
  moe: { experts_total: 32, experts_active: 4, experts_shared: 0, moe_layers: 24, expert_intermediate_size: 2880 },
  native_precision: 'bf16',
  native_expert_precision: 'mxfp4',
};

/**
 * deepseek-ai/DeepSeek-V3 / DeepSeek-R1 config.json (as content/models/deepseek/deepseek-r1.yaml records it):
 * 61 layers (first 3 dense, FFN 18432), 7168 hidden, MLA with 128 heads, kv_lora_rank 512, q_lora_rank 1536,
 * rope 64 / nope 128 / v 128; 256 routed experts top-8 + 1 shared, expert FFN 2048, on 58 layers; vocab 129280;
 * 671B / 37B active; FP8 (128×128 blocks) as released.
 */
const deepseekV3: Architecture = {
  params_total_b: 671,
  params_active_b: 37,
  layers: 61,
  hidden_size: 7168,
  intermediate_size: 18432,
  vocab_size: 129280,
  attention: { kind: 'mla', heads: 128, kv_lora_rank: 512, q_lora_rank: 1536, qk_rope_head_dim: 64, qk_nope_head_dim: 128, v_head_dim: 128 },
  moe: { experts_total: 256, experts_active: 8, experts_shared: 1, moe_layers: 58, expert_intermediate_size: 2048 },
  native_precision: 'fp8',
};

/**
 * openai/gpt-oss-120b config.json (as content/models/openai/gpt-oss-120b.yaml records it): 36 layers, 2880 hidden,
 * 64/8 heads of 64, 128 experts top-4 with FFN 2880, alternating 128-token sliding window, vocab 201088;
 * 117B / 5.1B active; experts MXFP4, the rest BF16.
 */
const gptOss120b: Architecture = {
  params_total_b: 117,
  params_active_b: 5.1,
  layers: 36,
  hidden_size: 2880,
  vocab_size: 201088,
  attention: { kind: 'gqa', heads: 64, kv_heads: 8, head_dim: 64 },
  window: { kind: 'sliding', size: 128, windowed_layers: 18, pattern: 'alternating sliding (128) and full attention' },
  moe: { experts_total: 128, experts_active: 4, experts_shared: 0, moe_layers: 36, expert_intermediate_size: 2880 },
  native_precision: 'bf16',
  native_expert_precision: 'mxfp4',
};

/**
 * meta-llama/Llama-4-Scout-17B-16E-Instruct config (as content/models/meta/llama-4-scout-17b-16e-instruct.yaml
 * records it): 48 layers, 5120 hidden, 40/8 heads, 16 experts top-1 + 1 shared on every layer, expert FFN 8192,
 * chunked attention 8192 on 3 of 4 layers; 109B / 17B active.
 */
const llama4Scout: Architecture = {
  params_total_b: 109,
  params_active_b: 17,
  layers: 48,
  hidden_size: 5120,
  vocab_size: 202048,
  attention: { kind: 'gqa', heads: 40, kv_heads: 8, head_dim: 128 },
  window: { kind: 'chunked', size: 8192, windowed_layers: 36, pattern: '3 chunked : 1 global (NoPE)' },
  moe: { experts_total: 16, experts_active: 1, experts_shared: 1, moe_layers: 48, expert_intermediate_size: 8192 },
  native_precision: 'bf16',
};

export const CALIBRATION_ARCHITECTURES = {
  'llama-3.3-70b': llama70b,
  'llama-3.1-8b': llama8b,
  'llama-3.1-405b': llama405b,
  'qwen3-235b-a22b': qwen3_235b,
  'qwen3-30b-a3b': qwen3_30b,
  'llama-4-maverick': maverick,
  'llama-2-70b': llama2_70b,
  'llama-7b': llama7b,
  'gpt-13b': gpt13b,
  'mixtral-8x7b': mixtral8x7b,
  'mixtral-8x22b': mixtral8x22b,
  'gpt-oss-20b': gptOss20b,
  'gpt-oss-120b': gptOss120b,
  'deepseek-v3': deepseekV3,
  'llama-4-scout': llama4Scout,
} satisfies Record<string, Architecture>;

export type CalibrationModel = keyof typeof CALIBRATION_ARCHITECTURES;
