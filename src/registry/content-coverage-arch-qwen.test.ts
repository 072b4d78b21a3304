/**
 * Architecture for the Qwen open-weights entries that lacked it (Qwen3 0.6B / 1.7B / 14B, Qwen2.5-Coder 0.5B-32B
 * Instruct, Qwen3-Coder 480B-A35B and 30B-A3B, Qwen2.5-Math 1.5B / 7B, Qwen3-Next-80B-A3B, Qwen3.5-35B-A3B and 9B). Each
 * test pins the shapes that decide sizing against the source the entry cites, and the status of the citation; one
 * sizing assertion per family checks that the new architecture produces a plan with the numbers the shapes give.
 */
import { describe, expect, it } from 'vitest';
import { kvBytesPerToken } from '../sizing/kv-cache.ts';
import { architectureProblems, contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-03';
const { registry, findings } = contentRegistry(TODAY);
const { model, architecture: arch, size } = lookups(registry);

const status = (id: string, field: string) => model(id).citations[field]?.status;
const GB = 1e9 / 2 ** 30;

const ADDED = [
  'alibaba/qwen3-0.6b', 'alibaba/qwen3-1.7b', 'alibaba/qwen3-14b',
  'alibaba/qwen2.5-coder-0.5b-instruct', 'alibaba/qwen2.5-coder-1.5b-instruct', 'alibaba/qwen2.5-coder-3b-instruct',
  'alibaba/qwen2.5-coder-7b-instruct', 'alibaba/qwen2.5-coder-14b-instruct', 'alibaba/qwen2.5-coder-32b-instruct',
  'alibaba/qwen3-coder-480b-a35b-instruct', 'alibaba/qwen3-coder-30b-a3b-instruct',
  'alibaba/qwen2.5-math-1.5b', 'alibaba/qwen2.5-math-7b', 'alibaba/qwen3-next-80b-a3b-instruct', 'alibaba/qwen3.5-35b-a3b',
  'alibaba/qwen3.5-9b',
];

describe('Qwen architectures added for sizing', () => {
  it('load without errors or warnings and cite only sources that exist', () => {
    expect(architectureProblems({ registry, findings }, ADDED)).toEqual([]);
  });

  it('Qwen3 dense: layers, heads and tying from Qwen\'s spec table (verified), shapes from config copies (secondary)', () => {
    expect(arch('alibaba/qwen3-14b')).toMatchObject({
      params_total_b: 14.77, layers: 40, hidden_size: 5120, intermediate_size: 17408, vocab_size: 151936,
      attention: { kind: 'gqa', heads: 40, kv_heads: 8, head_dim: 128 }, native_precision: 'bf16', tied_embeddings: false,
    });
    expect(arch('alibaba/qwen3-1.7b')).toMatchObject({ params_total_b: 1.72, layers: 28, hidden_size: 2048, intermediate_size: 6144, attention: { heads: 16, kv_heads: 8, head_dim: 128 }, tied_embeddings: true });
    expect(arch('alibaba/qwen3-0.6b')).toMatchObject({ params_total_b: 0.6, layers: 28, hidden_size: 1024, intermediate_size: 3072, attention: { heads: 16, kv_heads: 8, head_dim: 128 }, tied_embeddings: true });
    for (const id of ['alibaba/qwen3-0.6b', 'alibaba/qwen3-1.7b', 'alibaba/qwen3-14b']) {
      expect(status(id, 'architecture'), id).toBe('verified');
      expect(model(id).citations['architecture']!.sources[0]!.source).toBe('qwen3-blog-spec-table');
      expect(status(id, 'architecture.hidden_size'), id).toBe('secondary');
    }
    // Only a derivative's config was read for the 1.7B dtype.
    expect(status('alibaba/qwen3-1.7b', 'architecture.native_precision')).toBe('single-source');
  });

  it('Qwen2.5-Coder: the Coder-family blog table for layers, heads, tying and context; 3B is the Qwen Research one', () => {
    const rows: [string, number, number, number, number, number, number, boolean, number][] = [
      // id, params, layers, hidden, intermediate, heads, kv heads, tied, context
      ['0.5b', 0.49, 24, 896, 4864, 14, 2, true, 32768],
      ['1.5b', 1.54, 28, 1536, 8960, 12, 2, true, 32768],
      ['3b', 3.09, 36, 2048, 11008, 16, 2, true, 32768],
      ['7b', 7.62, 28, 3584, 18944, 28, 4, false, 131072],
      ['14b', 14.77, 48, 5120, 13824, 40, 8, false, 131072],
      ['32b', 32.76, 64, 5120, 27648, 40, 8, false, 131072],
    ];
    for (const [size, params, layers, hidden, inter, heads, kv, tied, ctx] of rows) {
      const id = `alibaba/qwen2.5-coder-${size}-instruct`;
      expect(arch(id), id).toMatchObject({ params_total_b: params, layers, hidden_size: hidden, intermediate_size: inter, attention: { heads, kv_heads: kv, head_dim: hidden / heads }, tied_embeddings: tied });
      expect(arch(id).vocab_size, id).toBe(tied ? 151936 : 152064);
      expect(model(id).context_tokens, id).toBe(ctx);
      expect(status(id, 'architecture'), id).toBe('verified');
      expect(status(id, 'context_tokens'), id).toBe('verified');
      expect(model(id).citations['architecture']!.sources[0]!.source).toBe('qwen2.5-coder-family-blog');
    }
    expect(arch('alibaba/qwen2.5-coder-0.5b-instruct').attention).toMatchObject({ head_dim: 64 });
    // 1.5B and 7B came first (September), the other four in November.
    expect(['0.5b', '1.5b', '3b', '7b', '14b', '32b'].map((s) => model(`alibaba/qwen2.5-coder-${s}-instruct`).release_date)).toEqual(['2024-11-12', '2024-09-19', '2024-11-12', '2024-09-19', '2024-11-12', '2024-11-12']);
    // The shapes give 32.76B, not the 32.5B of the table; the note says so.
    expect(model('alibaba/qwen2.5-coder-32b-instruct').citations['architecture.params_total_b']).toMatchObject({ status: 'secondary' });
    expect(model('alibaba/qwen2.5-coder-32b-instruct').citations['architecture.params_total_b']!.note).toContain('32,763,876,352');
    expect(status('alibaba/qwen2.5-coder-3b-instruct', 'architecture.native_precision')).toBe('directional');
    expect(model('alibaba/qwen2.5-coder-3b-instruct').license).toBe('qwen-research-license');
  });

  it('Qwen3-Coder: 480B-A35B is 62 layers, 96 / 8 heads, 160 experts (8 routed); 30B-A3B is 48 layers, 128 experts', () => {
    expect(arch('alibaba/qwen3-coder-480b-a35b-instruct')).toMatchObject({
      params_total_b: 480.15, params_active_b: 35.47, layers: 62, hidden_size: 6144, vocab_size: 151936,
      attention: { kind: 'gqa', heads: 96, kv_heads: 8, head_dim: 128 },
      moe: { experts_total: 160, experts_active: 8, experts_shared: 0, moe_layers: 62, expert_intermediate_size: 2560 },
    });
    expect(status('alibaba/qwen3-coder-480b-a35b-instruct', 'architecture')).toBe('secondary');
    expect(status('alibaba/qwen3-coder-480b-a35b-instruct', 'architecture.hidden_size')).toBe('single-source');
    expect(status('alibaba/qwen3-coder-480b-a35b-instruct', 'architecture.native_precision')).toBe('directional');
    expect(arch('alibaba/qwen3-coder-30b-a3b-instruct')).toMatchObject({
      params_total_b: 30.53, params_active_b: 3.35, layers: 48, hidden_size: 2048,
      attention: { heads: 32, kv_heads: 4, head_dim: 128 },
      moe: { experts_total: 128, experts_active: 8, experts_shared: 0, moe_layers: 48, expert_intermediate_size: 768 },
    });
    expect(status('alibaba/qwen3-coder-30b-a3b-instruct', 'architecture')).toBe('secondary');
    expect(model('alibaba/qwen3-coder-30b-a3b-instruct')).toMatchObject({ context_tokens: 262144, release_date: '2025-07-31' });
    expect(status('alibaba/qwen3-coder-30b-a3b-instruct', 'release_date')).toBe('verified');
    expect(model('alibaba/qwen3-coder-30b-a3b-instruct').citations['release_date']!.sources[0]!.source).toBe('qwen3-coder-readme-2507-31');
  });

  it('Qwen2.5-Math: Qwen2.5 shapes with a 4K window, all from config copies (secondary)', () => {
    expect(arch('alibaba/qwen2.5-math-7b')).toMatchObject({ params_total_b: 7.62, layers: 28, hidden_size: 3584, intermediate_size: 18944, vocab_size: 152064, attention: { heads: 28, kv_heads: 4, head_dim: 128 }, tied_embeddings: false });
    expect(arch('alibaba/qwen2.5-math-1.5b')).toMatchObject({ params_total_b: 1.54, layers: 28, hidden_size: 1536, intermediate_size: 8960, vocab_size: 151936, attention: { heads: 12, kv_heads: 2, head_dim: 128 }, tied_embeddings: true });
    for (const id of ['alibaba/qwen2.5-math-1.5b', 'alibaba/qwen2.5-math-7b']) {
      expect(model(id).context_tokens, id).toBe(4096);
      expect(status(id, 'architecture'), id).toBe('secondary');
      expect(status(id, 'context_tokens'), id).toBe('secondary');
      // The inactive sliding_window of the config is not a window.
      expect(arch(id).window, id).toBeUndefined();
    }
  });

  it('Qwen3-Next and Qwen3.5: gated-deltanet layers beside every 4th full-attention layer', () => {
    expect(arch('alibaba/qwen3-next-80b-a3b-instruct')).toMatchObject({
      params_total_b: 80, params_active_b: 3, layers: 48, hidden_size: 2048, vocab_size: 151936,
      attention: { kind: 'gqa', heads: 16, kv_heads: 2, head_dim: 256 },
      linear_attention: { kind: 'gated-deltanet', layers: 36, key_heads: 16, value_heads: 32, key_head_dim: 128, value_head_dim: 128, conv_kernel: 4 },
      moe: { experts_total: 512, experts_active: 10, experts_shared: 1, moe_layers: 48, expert_intermediate_size: 512 },
    });
    expect(arch('alibaba/qwen3.5-35b-a3b')).toMatchObject({
      params_total_b: 35, params_active_b: 3, layers: 40, hidden_size: 2048, vocab_size: 248320,
      attention: { kind: 'gqa', heads: 16, kv_heads: 2, head_dim: 256 },
      linear_attention: { kind: 'gated-deltanet', layers: 30, key_heads: 16, value_heads: 32, key_head_dim: 128, value_head_dim: 128, conv_kernel: 4 },
      moe: { experts_total: 256, experts_active: 8, experts_shared: 1, moe_layers: 40, expert_intermediate_size: 512 },
    });
    for (const id of ['alibaba/qwen3-next-80b-a3b-instruct', 'alibaba/qwen3.5-35b-a3b']) {
      expect(status(id, 'architecture'), id).toBe('secondary');
      expect(status(id, 'architecture.native_precision'), id).toBe('directional');
      const a = arch(id);
      expect(a.layers - a.linear_attention!.layers, id).toBe(a.layers / 4);
    }
    // Qwen3.5-9B: attention and MLP from two readings; the linear heads only from the transformers defaults.
    expect(arch('alibaba/qwen3.5-9b')).toMatchObject({
      params_total_b: 9.65, params_nominal_b: 9, layers: 32, hidden_size: 4096, intermediate_size: 12288, vocab_size: 248320,
      attention: { kind: 'gqa', heads: 16, kv_heads: 4, head_dim: 256 },
      linear_attention: { kind: 'gated-deltanet', layers: 24, key_heads: 16, value_heads: 32, key_head_dim: 128, value_head_dim: 128 },
    });
    expect(arch('alibaba/qwen3.5-9b').moe).toBeUndefined();
    expect(status('alibaba/qwen3.5-9b', 'architecture')).toBe('secondary');
    expect(status('alibaba/qwen3.5-9b', 'architecture.linear_attention')).toBe('single-source');
    expect(status('alibaba/qwen3.5-9b', 'architecture.params_total_b')).toBe('directional');
  });
});

describe('the added Qwen architectures size', () => {
  it('Qwen3-14B: 163,840 B of KV per token (40 x 2 x 8 x 128 x 2); fits one H100 at bf16 with 29.54 GB of weights', () => {
    expect(kvBytesPerToken(arch('alibaba/qwen3-14b'), 'bf16')).toBe(40 * 2 * 8 * 128 * 2);
    const r = size('alibaba/qwen3-14b', 'h100-sxm', 1, 'bf16');
    expect(r.fits).toBe(true);
    expect(r.weightsGib / GB).toBeCloseTo(14.77 * 2, 1);
  });

  it('Qwen2.5-Coder-32B: 262,144 B of KV per token; fits one H100 at bf16 (65.5 GB of weights)', () => {
    expect(kvBytesPerToken(arch('alibaba/qwen2.5-coder-32b-instruct'), 'bf16')).toBe(64 * 2 * 8 * 128 * 2);
    const r = size('alibaba/qwen2.5-coder-32b-instruct', 'h100-sxm', 1, 'bf16');
    expect(r.fits).toBe(true);
    expect(r.weightsGib / GB).toBeCloseTo(32.76 * 2, 1);
  });

  it('Qwen3-Coder-480B: 253,952 B of KV per token; 960 GB of bf16 weights fit 8 x H200 but not 4 x H200', () => {
    expect(kvBytesPerToken(arch('alibaba/qwen3-coder-480b-a35b-instruct'), 'bf16')).toBe(62 * 2 * 8 * 128 * 2);
    const r = size('alibaba/qwen3-coder-480b-a35b-instruct', 'h200-sxm', 8, 'bf16');
    expect(r.fits).toBe(true);
    expect(r.weightsGib / GB).toBeCloseTo(480.15 * 2, 0);
    expect(size('alibaba/qwen3-coder-480b-a35b-instruct', 'h200-sxm', 4, 'bf16').fits).toBe(false);
  });

  it('Qwen3-Next-80B: only the 12 full-attention layers hold KV (24,576 B per token); 160 GB fit 4 x H100, not 2', () => {
    expect(kvBytesPerToken(arch('alibaba/qwen3-next-80b-a3b-instruct'), 'bf16')).toBe(12 * 2 * 2 * 256 * 2);
    expect(size('alibaba/qwen3-next-80b-a3b-instruct', 'h100-sxm', 4, 'bf16').fits).toBe(true);
    expect(size('alibaba/qwen3-next-80b-a3b-instruct', 'h100-sxm', 2, 'bf16').fits).toBe(false);
  });

  it('Qwen3.5: 35B-A3B holds KV in 10 layers (20,480 B per token) and fits one H100; 9B in 8 layers (32,768 B) and fits one L4', () => {
    expect(kvBytesPerToken(arch('alibaba/qwen3.5-35b-a3b'), 'bf16')).toBe(10 * 2 * 2 * 256 * 2);
    expect(size('alibaba/qwen3.5-35b-a3b', 'h100-sxm', 1, 'bf16').fits).toBe(true);
    expect(kvBytesPerToken(arch('alibaba/qwen3.5-9b'), 'bf16')).toBe(8 * 2 * 4 * 256 * 2);
    const r = size('alibaba/qwen3.5-9b', 'l4', 1, 'bf16');
    expect(r.fits).toBe(true);
    expect(r.weightsGib / GB).toBeCloseTo(9.65 * 2, 1);
  });

  it('Qwen2.5-Math-7B: 57,344 B of KV per token; fits one L4 at bf16 (15.2 GB of weights)', () => {
    expect(kvBytesPerToken(arch('alibaba/qwen2.5-math-7b'), 'bf16')).toBe(28 * 2 * 4 * 128 * 2);
    const r = size('alibaba/qwen2.5-math-7b', 'l4', 1, 'bf16');
    expect(r.fits).toBe(true);
    expect(r.weightsGib / GB).toBeCloseTo(7.62 * 2, 1);
  });
});
