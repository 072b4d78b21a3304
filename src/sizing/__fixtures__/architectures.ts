/**
 * Architectures for formula tests, taken from each model's config.json (values as gpu-sizing.md §4 lists
 * them with their config copies). The registry's own entries are tested separately in registry.test.ts.
 */
import type { Architecture } from '../../registry/schema/index.ts';
import { CALIBRATION_ARCHITECTURES } from '../calibration/architectures.ts';

/** meta-llama/Llama-3.1-70B-Instruct config.json; 70,553,706,496 parameters (safetensors total). */
export const LLAMA_31_70B: Architecture = CALIBRATION_ARCHITECTURES['llama-3.3-70b'];

/** deepseek-ai/DeepSeek-V3 config.json: 61 layers, MLA kv_lora_rank 512 + rope 64, 256 routed experts top-8 + 1 shared. */
export const DEEPSEEK_V3: Architecture = {
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

/** deepseek-ai/DeepSeek-V3.2-Exp config.json: V3 plus the lightning indexer (64 heads × 128, top-2048). */
export const DEEPSEEK_V32: Architecture = {
  ...DEEPSEEK_V3,
  sparse_attention: { kind: 'deepseek-dsa', index_heads: 64, index_head_dim: 128, top_k: 2048 },
};

/** google/gemma-3-27b-it config.json: 62 layers, 32/16 heads × 128, sliding window 1024 on 5 of every 6 layers. */
export const GEMMA_3_27B: Architecture = {
  params_total_b: 27,
  layers: 62,
  hidden_size: 5376,
  intermediate_size: 21504,
  vocab_size: 262208,
  tied_embeddings: true,
  attention: { kind: 'gqa', heads: 32, kv_heads: 16, head_dim: 128 },
  window: { kind: 'sliding', size: 1024, windowed_layers: 52, pattern: '5 local : 1 global' },
  native_precision: 'bf16',
};

/** Llama-4-Maverick-17B-128E-Instruct config: chunked attention 8192 on 36 of 48 layers. */
export const LLAMA_4_MAVERICK: Architecture = CALIBRATION_ARCHITECTURES['llama-4-maverick'];

/** Qwen/Qwen3.5-397B-A17B config.json: 60 layers = 15 × (3 Gated DeltaNet + 1 full attention), 512 experts top-10. */
export const QWEN_35_397B: Architecture = {
  params_total_b: 397,
  params_active_b: 17,
  layers: 60,
  hidden_size: 4096,
  vocab_size: 248320,
  attention: { kind: 'gqa', heads: 32, kv_heads: 2, head_dim: 256 },
  linear_attention: { kind: 'gated-deltanet', layers: 45, key_heads: 16, value_heads: 64, key_head_dim: 128, value_head_dim: 128, conv_kernel: 4, state_precision: 'fp32' },
  moe: { experts_total: 512, experts_active: 10, experts_shared: 1, moe_layers: 60, expert_intermediate_size: 1024 },
  native_precision: 'bf16',
};

/**
 * mistralai/Mistral-Large-3-675B-Instruct-2512 params.json (copy in the unsloth tests; gpu-sizing.md §4):
 * 61 layers, MLA (DeepSeek-V3 style), 128 experts top-4 + 1 shared, 675B total / 41B active.
 */
export const MISTRAL_LARGE_3: Architecture = {
  params_total_b: 675,
  params_active_b: 41,
  layers: 61,
  hidden_size: 7168,
  attention: { kind: 'mla', heads: 128, kv_lora_rank: 512, q_lora_rank: 1536, qk_rope_head_dim: 64, qk_nope_head_dim: 128, v_head_dim: 128 },
  moe: { experts_total: 128, experts_active: 4, experts_shared: 1, moe_layers: 58, expert_intermediate_size: 4096 },
  native_precision: 'fp8',
};
