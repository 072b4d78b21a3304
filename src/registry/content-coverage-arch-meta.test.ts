/**
 * Architectures added so GPU sizing covers more open-weights entries: DeepSeek-R1-0528, GLM-4.5 and GLM-4.5-Air,
 * Llama 3.2 11B / 90B Vision, Code Llama 7B / 13B / 34B / 70B Instruct, Llama Guard 4 12B and Nemotron Nano 9B v2.
 * Each test pins the values that decide sizing against what the cited source says, the status of the
 * `architecture` citation, and that the entry sizes: a plan on one GPU kind with the KV bytes per token the
 * shapes give (bf16 KV: layers × 2 × kv_heads × head_dim × 2 bytes; MLA: layers × (kv_lora_rank + rope dim) × 2).
 */
import { describe, expect, it } from 'vitest';
import { contentRegistry, lookups } from './test-support/content.ts';
import { kvBytesPerToken, kvLayout } from '../sizing/kv-cache.ts';

const TODAY = '2026-12-03';
const { registry, findings } = contentRegistry(TODAY);
const { model, architecture: arch, size } = lookups(registry);

const cited = (id: string, field = 'architecture') => model(id).citations[field];
const gqaKv = (layers: number, kvHeads: number, headDim: number) => layers * 2 * kvHeads * headDim * 2;


const IDS = [
  'deepseek/deepseek-r1-0528',
  'zhipu/glm-4.5',
  'zhipu/glm-4.5-air',
  'meta/llama-3.2-11b-vision-instruct',
  'meta/llama-3.2-90b-vision-instruct',
  'meta/codellama-7b-instruct-hf',
  'meta/codellama-13b-instruct-hf',
  'meta/codellama-34b-instruct-hf',
  'meta/codellama-70b-instruct-hf',
  'meta/llama-guard-4-12b',
  'nvidia/nvidia-nemotron-nano-9b-v2',
];

describe('architectures added for sizing coverage (meta batch)', () => {
  it('load without errors or warnings in the files touched, and every cited source exists', () => {
    const mine = new RegExp(`^content/models/(${IDS.map((i) => i.replace(/[.]/g, '\\.')).join('|')})\\.yaml`);
    expect(findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && mine.test(f.file))).toEqual([]);
    for (const id of IDS) {
      expect(model(id).architecture, id).toBeDefined();
      for (const [field, c] of Object.entries(model(id).citations)) {
        if (!field.startsWith('architecture')) continue;
        for (const ref of c.sources) expect(registry.sources[ref.source], `${id} ${field} cites ${ref.source}`).toBeDefined();
      }
    }
  });

  it('DeepSeek-R1-0528: the DeepSeek-V3 MLA / MoE shapes in FP8, resting on NVIDIA\'s card of the checkpoint (secondary)', () => {
    const a = arch('deepseek/deepseek-r1-0528');
    expect(a).toMatchObject({ params_total_b: 671, params_active_b: 37, layers: 61, hidden_size: 7168, vocab_size: 129280, native_precision: 'fp8', mtp_params_b: 14 });
    expect(a.attention).toEqual({ kind: 'mla', heads: 128, kv_lora_rank: 512, q_lora_rank: 1536, qk_rope_head_dim: 64, qk_nope_head_dim: 128, v_head_dim: 128 });
    expect(a.moe).toMatchObject({ experts_total: 256, experts_active: 8, experts_shared: 1, moe_layers: 58, expert_intermediate_size: 2048 });
    expect(a).toEqual(arch('deepseek/deepseek-r1'));
    expect(cited('deepseek/deepseek-r1-0528')?.status).toBe('secondary');
    expect(cited('deepseek/deepseek-r1-0528')?.sources.map((s) => s.source)).toContain('nvidia-nim-deepseek-r1-0528-card');
    expect(registry.sources['nvidia-nim-deepseek-r1-0528-card']?.note).toContain('Network Architecture: DeepSeek-V3-Base');
    // Same fit as DeepSeek V3: FP8 on 8×H200, not on 8×H100.
    const h200 = size('deepseek/deepseek-r1-0528', 'h200-sxm', 8, 'fp8');
    expect(h200.fits).toBe(true);
    // An FP8 plan keeps the MLA latent in FP8 (1 byte); BF16 KV doubles it.
    expect(h200.kvPrecision).toBe('fp8');
    expect(h200.kvBytesPerToken).toBe(61 * (512 + 64) * 1);
    expect(kvBytesPerToken(arch('deepseek/deepseek-r1-0528'), 'bf16')).toBe(61 * (512 + 64) * 2);
    expect(size('deepseek/deepseek-r1-0528', 'h100-sxm', 8, 'fp8').fits).toBe(false);
  });

  it('GLM-4.5 and GLM-4.5-Air: GQA 96 / 8 heads, 160 and 128 experts (8 routed + 1 shared), params computed from the shapes', () => {
    const big = arch('zhipu/glm-4.5');
    expect(big).toMatchObject({ params_total_b: 352.8, params_nominal_b: 355, params_active_b: 33.6, layers: 92, hidden_size: 5120, intermediate_size: 12288, vocab_size: 151552, native_precision: 'bf16', tied_embeddings: false });
    expect(big.attention).toEqual({ kind: 'gqa', heads: 96, kv_heads: 8, head_dim: 128 });
    expect(big.moe).toEqual({ experts_total: 160, experts_active: 8, experts_shared: 1, moe_layers: 89, expert_intermediate_size: 1536 });
    const air = arch('zhipu/glm-4.5-air');
    expect(air).toMatchObject({ params_total_b: 106.9, params_nominal_b: 106, params_active_b: 13.4, layers: 46, hidden_size: 4096, intermediate_size: 10944, vocab_size: 151552, native_precision: 'bf16' });
    expect(air.attention).toEqual({ kind: 'gqa', heads: 96, kv_heads: 8, head_dim: 128 });
    expect(air.moe).toEqual({ experts_total: 128, experts_active: 8, experts_shared: 1, moe_layers: 45, expert_intermediate_size: 1408 });
    for (const id of ['zhipu/glm-4.5', 'zhipu/glm-4.5-air']) {
      expect(cited(id)?.status, id).toBe('secondary');
      expect(cited(id)?.sources.map((s) => s.source), id).toEqual(['slime-glm-4.5-megatron-args', 'megatron-bridge-glm-4.5-doc', 'glm-4.5-readme']);
      expect(cited(id, 'architecture.native_precision')?.status, id).toBe('verified');
    }
    // BF16: 705.6 GB of weights fit 8×H200 but not 8×H100; the Air's 213.8 GB fit 4×H100, not 2 (Z.ai's README
    // lists BF16 on H100 × 16 / H200 × 8 and, for the Air, H100 × 4 / H200 × 2).
    const glm = size('zhipu/glm-4.5', 'h200-sxm', 8, 'bf16');
    expect(glm.fits).toBe(true);
    expect(glm.weightsGb).toBeCloseTo(352.8 * 2, 1);
    expect(glm.kvBytesPerToken).toBe(gqaKv(92, 8, 128));
    expect(size('zhipu/glm-4.5', 'h100-sxm', 8, 'bf16').fits).toBe(false);
    const a4 = size('zhipu/glm-4.5-air', 'h100-sxm', 4, 'bf16');
    expect(a4.fits).toBe(true);
    expect(a4.kvBytesPerToken).toBe(gqaKv(46, 8, 128));
    expect(size('zhipu/glm-4.5-air', 'h100-sxm', 2, 'bf16').fits).toBe(false);
  });

  it('Llama 3.2 Vision: the Llama 3.1 8B / 70B text shapes plus 8 / 20 cross-attention layers, all counted (verified)', () => {
    const small = arch('meta/llama-3.2-11b-vision-instruct');
    expect(small).toMatchObject({ params_total_b: 10.6, params_nominal_b: 11, layers: 32 + 8, hidden_size: 4096, intermediate_size: 14336, vocab_size: 128256, native_precision: 'bf16' });
    expect(small.attention).toEqual({ kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 128 });
    const large = arch('meta/llama-3.2-90b-vision-instruct');
    expect(large).toMatchObject({ params_total_b: 88.8, params_nominal_b: 90, layers: 80 + 20, hidden_size: 8192, intermediate_size: 28672, vocab_size: 128256 });
    expect(large.attention).toEqual({ kind: 'gqa', heads: 64, kv_heads: 8, head_dim: 128 });
    for (const id of ['meta/llama-3.2-11b-vision-instruct', 'meta/llama-3.2-90b-vision-instruct']) {
      expect(cited(id)?.status, id).toBe('verified');
      expect(cited(id)?.sources[0]?.source, id).toBe('llama-stack-sku-list');
      expect(cited(id, 'architecture.layers')?.note, id).toContain('cross-attention');
      expect(cited(id, 'architecture.native_precision')?.status, id).toBe('directional');
    }
    const v11 = size('meta/llama-3.2-11b-vision-instruct', 'h100-sxm', 1, 'bf16');
    expect(v11.fits).toBe(true);
    expect(v11.kvBytesPerToken).toBe(gqaKv(40, 8, 128));
    const v90 = size('meta/llama-3.2-90b-vision-instruct', 'h100-sxm', 4, 'bf16');
    expect(v90.fits).toBe(true);
    expect(v90.kvBytesPerToken).toBe(gqaKv(100, 8, 128));
    expect(size('meta/llama-3.2-90b-vision-instruct', 'h100-sxm', 2, 'bf16').fits).toBe(false);
  });

  it('Code Llama Instruct: Llama 2 shapes, multi-head attention at 7B / 13B, GQA (8 KV heads) at 34B / 70B', () => {
    const rows: [string, number, number, number, number, number, number, string][] = [
      // id, params, layers, hidden, heads, kv heads, vocab, status
      ['meta/codellama-7b-instruct-hf', 6.74, 32, 4096, 32, 32, 32016, 'secondary'],
      ['meta/codellama-13b-instruct-hf', 13.02, 40, 5120, 40, 40, 32016, 'secondary'],
      ['meta/codellama-34b-instruct-hf', 33.74, 48, 8192, 64, 8, 32000, 'single-source'],
      ['meta/codellama-70b-instruct-hf', 68.98, 80, 8192, 64, 8, 32016, 'single-source'],
    ];
    for (const [id, params, layers, hidden, heads, kv, vocab, status] of rows) {
      const a = arch(id);
      expect(a, id).toMatchObject({ params_total_b: params, layers, hidden_size: hidden, vocab_size: vocab, tied_embeddings: false });
      expect(a.attention, id).toEqual({ kind: 'gqa', heads, kv_heads: kv, head_dim: 128 });
      expect(cited(id)?.status, id).toBe(status);
      expect(cited(id, 'architecture.native_precision')?.status, id).toBe('directional');
    }
    expect(arch('meta/codellama-34b-instruct-hf').intermediate_size).toBe(22016);
    expect(arch('meta/codellama-70b-instruct-hf').intermediate_size).toBe(28672);
    const c7 = size('meta/codellama-7b-instruct-hf', 'h100-sxm', 1, 'bf16');
    expect(c7.fits).toBe(true);
    expect(c7.kvBytesPerToken).toBe(gqaKv(32, 32, 128));
    const c34 = size('meta/codellama-34b-instruct-hf', 'h100-sxm', 2, 'bf16');
    expect(c34.fits).toBe(true);
    expect(c34.kvBytesPerToken).toBe(gqaKv(48, 8, 128));
    const c70 = size('meta/codellama-70b-instruct-hf', 'h100-sxm', 4, 'bf16');
    expect(c70.fits).toBe(true);
    expect(c70.weightsGb).toBeCloseTo(68.98 * 2, 1);
    expect(c70.kvBytesPerToken).toBe(gqaKv(80, 8, 128));
  });

  it('Llama Guard 4 12B: Scout\'s attention with the shared expert as a dense 8,192-wide FFN, no window recorded', () => {
    const a = arch('meta/llama-guard-4-12b');
    expect(a).toMatchObject({ params_total_b: 12, layers: 48, hidden_size: 5120, intermediate_size: 8192, vocab_size: 202048, native_precision: 'bf16' });
    expect(a.attention).toEqual({ kind: 'gqa', heads: 40, kv_heads: 8, head_dim: 128 });
    expect(a.moe).toBeUndefined();
    expect(a.window).toBeUndefined();
    expect(cited('meta/llama-guard-4-12b')?.status).toBe('secondary');
    expect(cited('meta/llama-guard-4-12b')?.sources.map((s) => s.source)).toEqual(['llama-guard-4-model-card', 'llama4-scout-config-copy']);
    const g = size('meta/llama-guard-4-12b', 'h100-sxm', 1, 'bf16');
    expect(g.fits).toBe(true);
    expect(g.kvBytesPerToken).toBe(gqaKv(48, 8, 128));
  });

  it('Nemotron Nano 9B v2: 27 Mamba-2 + 4 attention layers carry state, the 25 MLP blocks none', () => {
    const a = arch('nvidia/nvidia-nemotron-nano-9b-v2');
    expect(a).toMatchObject({ params_total_b: 8.89, params_nominal_b: 9, layers: 31, hidden_size: 4480, intermediate_size: 15680, vocab_size: 131072, native_precision: 'bf16', tied_embeddings: false });
    expect(a.attention).toEqual({ kind: 'gqa', heads: 40, kv_heads: 8, head_dim: 128 });
    expect(a.linear_attention).toEqual({ kind: 'mamba2', layers: 27, key_heads: 8, value_heads: 128, key_head_dim: 128, value_head_dim: 80 });
    expect(cited('nvidia/nvidia-nemotron-nano-9b-v2')?.status).toBe('secondary');
    expect(registry.sources['megatron-bridge-nemotron-nano-v2']?.note).toContain('M-M-M-MM-M-M-M*-M-M-M*-M-M-M-M*-M-M-M-M*-M-MM-M-M-M-M-M-');
    // KV only in the 4 attention layers; per sequence 27 × (128 heads × 80 × 128 state in fp32 + (10,240 + 2 × 8 × 128) × 3 conv in bf16).
    expect(kvBytesPerToken(a, 'bf16')).toBe(gqaKv(4, 8, 128));
    expect(kvLayout(a, 'bf16', 1).stateBytesPerSequence).toBe(27 * (128 * 128 * 80 * 4 + (10240 + 2 * 8 * 128) * 3 * 2));
    const n = size('nvidia/nvidia-nemotron-nano-9b-v2', 'h100-sxm', 1, 'bf16');
    expect(n.fits).toBe(true);
    expect(n.weightsGb).toBeCloseTo(8.89 * 2, 1);
  });

  it('Llama 3.1 405B Instruct: BF16 precision verified from Meta\'s SKU entry for the instruct repo', () => {
    const c = cited('meta/llama-3.1-405b-instruct', 'architecture.native_precision');
    expect(c?.status).toBe('verified');
    expect(c?.sources[0]?.source).toBe('llama-stack-sku-list');
    expect(c?.sources[0]?.where).toContain('Llama 3.1 405b instruct model (BF16 weights)');
    expect(arch('meta/llama-3.1-405b-instruct').native_precision).toBe('bf16');
  });
});
