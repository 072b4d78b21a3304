/**
 * Architectures added so GPU sizing covers more open-weights entries: the Granite 4.0 H Mamba-2 hybrids, Command R7B
 * and the Command A family (3 sliding-window layers per global layer), and four Phi-3 / Phi-3.5 / Phi-4 checkpoints.
 * Each test pins the values that decide sizing against what the cited source says, the status of the citation, and
 * that the real registry sizes the model on H100s with the numbers the shapes give. Gemma 3n / Gemma 4 E2B-E4B (per-layer
 * embeddings and KV sharing), EmbeddingGemma (an encoder for embeddings) and Aya-101 (an mT5 encoder-decoder) stay without
 * an architecture: the schema sizes decoder-only generation.
 */
import { describe, expect, it } from 'vitest';
import { kvBytesPerSequence, kvBytesPerToken, kvLayout } from '../sizing/kv-cache.ts';
import { contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-03';
const { registry, findings } = contentRegistry(TODAY);
const { model, architecture: arch, size } = lookups(registry);
const status = (id: string, field: string) => model(id).citations[field]?.status;
const onH100 = (id: string, gpus?: number) => size(id, 'h100-sxm', gpus, 'bf16');

const MINE = [
  'ibm/granite-4.0-h-micro', 'ibm/granite-4.0-h-tiny', 'ibm/granite-4.0-h-small',
  'cohere/command-r7b-12-2024', 'cohere/command-a-03-2025', 'cohere/command-a-reasoning-08-2025', 'cohere/command-a-vision-07-2025',
  'microsoft/phi-4-mini-instruct', 'microsoft/phi-3-medium-128k-instruct', 'microsoft/phi-3.5-moe-instruct', 'microsoft/phi-3.5-vision-instruct',
];

describe('architectures added for sizing coverage (misc-a)', () => {
  it('load without errors or warnings and cite sources that exist', () => {
    const files = new RegExp(`^content/(models/(${MINE.join('|').replace(/\./g, '\\.')})\\.yaml|sources/(granite-4\\.0-h-|docker-model-runner-granite|kiadev-ibm-granite|kerasformers-cohere2|transformers-cohere2-docs|hf-svngoku|phi-4-mini-config|phi-3-medium-128k-config|transformers-phimoe|phi-3\\.5-vision-config))`);
    expect(findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && files.test(f.file))).toEqual([]);
    for (const id of MINE) {
      const c = model(id).citations.architecture;
      expect(c, id).toBeDefined();
      for (const ref of c!.sources) expect(registry.sources[ref.source], `${id} cites ${ref.source}`).toBeDefined();
    }
  });

  it('Granite 4.0 H: 4 attention + 36 Mamba-2 layers, with the card table and config copies behind them', () => {
    expect(arch('ibm/granite-4.0-h-micro')).toMatchObject({
      layers: 40, hidden_size: 2048, intermediate_size: 8192, params_total_b: 3.2, tied_embeddings: true,
      attention: { kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 64 },
      linear_attention: { kind: 'mamba2', layers: 36, key_heads: 1, value_heads: 64, key_head_dim: 128, value_head_dim: 64, conv_kernel: 4 },
    });
    expect(arch('ibm/granite-4.0-h-micro').moe).toBeUndefined();
    expect(arch('ibm/granite-4.0-h-tiny')).toMatchObject({
      layers: 40, hidden_size: 1536, vocab_size: 100352, params_total_b: 6.94, params_active_b: 1.47,
      attention: { kind: 'gqa', heads: 12, kv_heads: 4, head_dim: 128 },
      linear_attention: { kind: 'mamba2', layers: 36, key_heads: 1, value_heads: 48, key_head_dim: 128, value_head_dim: 64 },
      moe: { experts_total: 64, experts_active: 6, experts_shared: 1, moe_layers: 40, expert_intermediate_size: 512 },
    });
    expect(arch('ibm/granite-4.0-h-small')).toMatchObject({
      layers: 40, hidden_size: 4096, vocab_size: 100352, params_total_b: 32.21, params_active_b: 8.8,
      attention: { kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 128 },
      linear_attention: { kind: 'mamba2', layers: 36, key_heads: 1, value_heads: 128, key_head_dim: 128, value_head_dim: 64 },
      moe: { experts_total: 72, experts_active: 10, experts_shared: 1, moe_layers: 40, expert_intermediate_size: 768 },
    });
    for (const id of ['ibm/granite-4.0-h-micro', 'ibm/granite-4.0-h-tiny', 'ibm/granite-4.0-h-small']) {
      expect(status(id, 'architecture'), id).toBe('secondary');
      expect(model(id).citations.architecture!.sources.map((s) => s.source)).toContain('granite-4.0-h-card-copy');
    }
    expect(status('ibm/granite-4.0-h-micro', 'architecture.linear_attention')).toBe('single-source');
    expect(status('ibm/granite-4.0-h-tiny', 'architecture.linear_attention')).toBe('secondary');
    expect(status('ibm/granite-4.0-h-tiny', 'architecture.params_total_b')).toBe('directional');
    expect(status('ibm/granite-4.0-h-small', 'architecture.params_total_b')).toBe('single-source');
  });

  it('Granite 4.0 H sizes its 4 attention layers as KV cache and its 36 Mamba-2 layers as a fixed state per sequence', () => {
    // KV: 4 layers x 2 (K, V) x kv_heads x head_dim x 2 bytes.
    expect(kvBytesPerToken(arch('ibm/granite-4.0-h-micro'), 'bf16')).toBe(4 * 2 * 8 * 64 * 2);
    expect(kvBytesPerToken(arch('ibm/granite-4.0-h-tiny'), 'bf16')).toBe(4 * 2 * 4 * 128 * 2);
    expect(kvBytesPerToken(arch('ibm/granite-4.0-h-small'), 'bf16')).toBe(4 * 2 * 8 * 128 * 2);
    // State: 36 x (heads x d_head x d_state x 4 bytes fp32 + (d_inner + 2 x groups x d_state) x (4 - 1) x 2 bytes).
    expect(kvLayout(arch('ibm/granite-4.0-h-micro'), 'bf16').stateBytesPerSequence).toBe(36 * (64 * 64 * 128 * 4 + (4096 + 256) * 3 * 2));
    expect(kvLayout(arch('ibm/granite-4.0-h-tiny'), 'bf16').stateBytesPerSequence).toBe(36 * (48 * 64 * 128 * 4 + (3072 + 256) * 3 * 2));
    expect(kvLayout(arch('ibm/granite-4.0-h-small'), 'bf16').stateBytesPerSequence).toBe(36 * (128 * 64 * 128 * 4 + (8192 + 256) * 3 * 2));
    // Granite 4.0 H Small in BF16: 32.21B x 2 bytes = 64.42 GB of weights, on one H100.
    const small = onH100('ibm/granite-4.0-h-small');
    expect(small.fits).toBe(true);
    expect(small.gpusPerReplica).toBe(1);
    expect((small.weightsGib * 2 ** 30) / 1e9).toBeCloseTo(64.42, 1);
  });

  it('Command R7B: 32 layers, GQA 32 / 8, 24 of 32 layers on a 4,096-token window, two copies agreeing', () => {
    expect(arch('cohere/command-r7b-12-2024')).toMatchObject({
      layers: 32, hidden_size: 4096, intermediate_size: 14336, vocab_size: 256000, params_total_b: 8.03, params_nominal_b: 7, tied_embeddings: true,
      attention: { kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 128 },
      window: { kind: 'sliding', size: 4096, windowed_layers: 24 },
    });
    expect(status('cohere/command-r7b-12-2024', 'architecture')).toBe('secondary');
    expect(status('cohere/command-r7b-12-2024', 'architecture.window')).toBe('secondary');
    expect(status('cohere/command-r7b-12-2024', 'architecture.native_precision')).toBe('directional');
    // 32 layers x 2 x 8 x 128 x 2 bytes per token while every layer grows; at 32K tokens the 24 windowed layers stop at 4,096.
    expect(kvBytesPerToken(arch('cohere/command-r7b-12-2024'), 'bf16')).toBe(131_072);
    const layout = kvLayout(arch('cohere/command-r7b-12-2024'), 'bf16');
    expect(kvBytesPerSequence(layout, 32_768)).toBe(8 * 4096 * 32_768 + 24 * 4096 * 4096);
    const plan = onH100('cohere/command-r7b-12-2024');
    expect(plan.fits).toBe(true);
    expect(plan.gpusPerReplica).toBe(1);
  });

  it('Command A (03-2025, Reasoning, Vision): 64 layers, GQA 96 / 8, 48 windowed layers, 111B / 112B from Cohere', () => {
    for (const id of ['cohere/command-a-03-2025', 'cohere/command-a-reasoning-08-2025', 'cohere/command-a-vision-07-2025']) {
      expect(arch(id), id).toMatchObject({
        layers: 64, hidden_size: 12288, intermediate_size: 36864, vocab_size: 256000, tied_embeddings: true,
        attention: { kind: 'gqa', heads: 96, kv_heads: 8, head_dim: 128 },
        window: { kind: 'sliding', size: 4096, windowed_layers: 48 },
      });
      expect(status(id, 'architecture'), id).toBe('single-source');
      expect(status(id, 'architecture.params_total_b'), id).toBe('verified');
    }
    expect(arch('cohere/command-a-03-2025').params_total_b).toBe(111.06);
    expect(arch('cohere/command-a-reasoning-08-2025').params_total_b).toBe(111.06);
    expect(arch('cohere/command-a-vision-07-2025').params_total_b).toBe(112);
    expect(kvBytesPerToken(arch('cohere/command-a-03-2025'), 'bf16')).toBe(64 * 2 * 8 * 128 * 2);
    // 111.06B x 2 bytes = 222 GB in BF16: not on two H100s (111 GB each), on four (TP4 divides the 8 KV heads).
    expect(onH100('cohere/command-a-03-2025', 2).fits).toBe(false);
    const plan = onH100('cohere/command-a-03-2025');
    expect(plan.fits).toBe(true);
    expect(plan.gpusPerReplica).toBe(4);
    expect((plan.weightsGib * 2 ** 30) / 1e9).toBeCloseTo(222.12, 1);
  });

  it('Phi-4-mini, Phi-3-medium-128k, Phi-3.5-MoE and Phi-3.5-vision: the shapes the copies and defaults give', () => {
    expect(arch('microsoft/phi-4-mini-instruct')).toMatchObject({
      layers: 32, hidden_size: 3072, intermediate_size: 8192, vocab_size: 200064, params_total_b: 3.84, tied_embeddings: true,
      attention: { kind: 'gqa', heads: 24, kv_heads: 8, head_dim: 128 },
    });
    expect(arch('microsoft/phi-3-medium-128k-instruct')).toMatchObject({
      layers: 40, hidden_size: 5120, intermediate_size: 17920, vocab_size: 32064, params_total_b: 13.96, tied_embeddings: false,
      attention: { kind: 'gqa', heads: 40, kv_heads: 10, head_dim: 128 },
    });
    expect(arch('microsoft/phi-3.5-moe-instruct')).toMatchObject({
      layers: 32, hidden_size: 4096, vocab_size: 32064, params_total_b: 41.87, params_active_b: 6.64, tied_embeddings: false,
      attention: { kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 128 },
      moe: { experts_total: 16, experts_active: 2, experts_shared: 0, moe_layers: 32, expert_intermediate_size: 6400 },
    });
    expect(arch('microsoft/phi-3.5-vision-instruct')).toMatchObject({
      layers: 32, hidden_size: 3072, intermediate_size: 8192, params_total_b: 4.2,
      attention: { kind: 'gqa', heads: 32, kv_heads: 32, head_dim: 96 },
    });
    for (const id of ['microsoft/phi-4-mini-instruct', 'microsoft/phi-3-medium-128k-instruct', 'microsoft/phi-3.5-moe-instruct', 'microsoft/phi-3.5-vision-instruct']) {
      expect(status(id, 'architecture'), id).toBe('secondary');
    }
    expect(status('microsoft/phi-3-medium-128k-instruct', 'architecture.vocab_size')).toBe('directional');
    expect(status('microsoft/phi-3.5-vision-instruct', 'architecture.params_total_b')).toBe('verified');
    expect(model('microsoft/phi-3.5-moe-instruct').citations.architecture!.sources[0]!.source).toBe('transformers-phimoe-config');
  });

  it('sizes the Phi checkpoints on H100: the MoE needs two GPUs for its 83.7 GB of BF16 weights, the rest one', () => {
    expect(kvBytesPerToken(arch('microsoft/phi-4-mini-instruct'), 'bf16')).toBe(32 * 2 * 8 * 128 * 2);
    expect(kvBytesPerToken(arch('microsoft/phi-3-medium-128k-instruct'), 'bf16')).toBe(40 * 2 * 10 * 128 * 2);
    expect(kvBytesPerToken(arch('microsoft/phi-3.5-vision-instruct'), 'bf16')).toBe(32 * 2 * 32 * 96 * 2);
    const moe = onH100('microsoft/phi-3.5-moe-instruct');
    expect(moe.fits).toBe(true);
    expect(moe.gpusPerReplica).toBe(2);
    expect((moe.weightsGib * 2 ** 30) / 1e9).toBeCloseTo(83.74, 1);
    for (const id of ['microsoft/phi-4-mini-instruct', 'microsoft/phi-3-medium-128k-instruct', 'microsoft/phi-3.5-vision-instruct']) {
      const plan = onH100(id);
      expect(plan.fits, id).toBe(true);
      expect(plan.gpusPerReplica, id).toBe(1);
    }
  });

  it('leaves the per-layer-embedding Gemmas and the encoder-decoder Aya-101 without an architecture', () => {
    // EmbeddingGemma now records its encoder shapes for weight memory (content-coverage-arch-encoders.test.ts).
    for (const id of ['google/gemma-3n-e2b-it', 'google/gemma-3n-e4b-it', 'google/gemma-4-e2b-it', 'google/gemma-4-e4b-it', 'cohere/aya-101']) {
      expect(model(id).architecture, id).toBeUndefined();
    }
  });
});
