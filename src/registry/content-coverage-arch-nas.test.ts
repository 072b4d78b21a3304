/**
 * Architecture for Llama-3.3-Nemotron-Super-49B-v1, the NAS-derived (DeciLM / nemotron-nas) Llama whose 80 blocks
 * are irregular: 31 have no attention, FFN widths vary. The entry records the 49 attention blocks as `layers` (the
 * Nemotron-H convention: blocks without per-sequence state are not layers) and the exact parameter count computed
 * from block_configs. These tests pin the shapes against NVIDIA's NeMo copy of the checkpoint's config.json, the
 * citation status, and that sizing produces the weights and KV cache the shapes give. Llama-3.1-Nemotron-Nano-8B-v1
 * (a plain Llama 3.1 8B network) is checked for consistency with its base.
 */
import { describe, expect, it } from 'vitest';
import { kvBytesPerToken } from '../sizing/kv-cache.ts';
import { attentionParams } from '../sizing/weights.ts';
import { contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-04';
const { registry, findings } = contentRegistry(TODAY);
const { model, architecture: arch, size } = lookups(registry);

const SUPER = 'nvidia/llama-3_3-nemotron-super-49b-v1';
const NANO = 'nvidia/llama-3.1-nemotron-nano-8b-v1';
const GB = 1e9 / 2 ** 30;

// From the block_configs of the NeMo config copy: FFN width (int(2 x ffn_mult x 8192 / 3) rounded up to 256) -> blocks.
const FFN_WIDTHS: [number, number][] = [[2816, 6], [5632, 8], [7168, 10], [14336, 6], [17920, 1], [28672, 49]];
const ATTENTION_BLOCKS = 49;
const NO_OP_ATTENTION_BLOCKS = [6, 7, 11, 42, 43, 44, 45, 46, 47, 48, 49, 50, 51, ...Array.from({ length: 18 }, (_, i) => 53 + i)];

describe('Llama-3.3-Nemotron-Super-49B-v1 architecture (NAS blocks)', () => {
  it('loads without errors or warnings and cites sources that exist', () => {
    const file = `content/models/${SUPER}.yaml`;
    expect(findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && f.file === file)).toEqual([]);
    const c = model(SUPER).citations['architecture']!;
    expect(c.status).toBe('secondary');
    expect(c.sources.map((s) => s.source)).toEqual(['nemo-llama-nemotron-super-49b-config-copy', 'vllm-nemotron-nas-model', 'nemotron-super-49b-v1-card-copy']);
    for (const ref of c.sources) expect(registry.sources[ref.source], ref.source).toBeDefined();
    expect(registry.sources['nemo-llama-nemotron-super-49b-config-copy']!.url).toContain('github.com/NVIDIA/NeMo/blob/8cfedd7203462cb251a914e700e5605444277561/');
  });

  it('records the 49 attention blocks as layers, 64 / 8 heads of 128, hidden 8192, vocab 128,256, untied, bf16', () => {
    expect(arch(SUPER)).toMatchObject({
      params_total_b: 49.87, params_nominal_b: 49, params_active_b: 49.87, layers: ATTENTION_BLOCKS, hidden_size: 8192, vocab_size: 128256,
      attention: { kind: 'gqa', heads: 64, kv_heads: 8, head_dim: 128 }, native_precision: 'bf16', tied_embeddings: false,
    });
    // No single FFN width is honest for six widths, so none is recorded.
    expect(arch(SUPER).intermediate_size).toBeUndefined();
    expect(NO_OP_ATTENTION_BLOCKS).toHaveLength(80 - ATTENTION_BLOCKS);
    expect(FFN_WIDTHS.reduce((n, [, blocks]) => n + blocks, 0)).toBe(80);
    const note = model(SUPER).citations['architecture']!.note!;
    expect(note).toContain('31 have attention no_op true (blocks 6, 7, 11, 42-51, 53-70)');
    expect(note).toContain('49 keep real attention with n_heads_in_group 8');
    expect(note).toContain('49,867,145,216');
  });

  it('params_total_b is the count the block shapes give (attention x 49, six FFN widths, untied embeddings)', () => {
    const h = 8192;
    const attention = ATTENTION_BLOCKS * (2 * h * 64 * 128 + 2 * h * 8 * 128);
    const ffn = FFN_WIDTHS.reduce((n, [width, blocks]) => n + blocks * 3 * h * width, 0);
    const embeddings = 2 * 128256 * h;
    const norms = (ATTENTION_BLOCKS + 80 + 1) * h;
    expect(attention + ffn + embeddings + norms).toBe(49_867_145_216);
    expect(arch(SUPER).params_total_b).toBeCloseTo((attention + ffn + embeddings + norms) / 1e9, 2);
    // Sizing's attention-parameter term counts exactly the 49 attention blocks.
    expect(attentionParams(arch(SUPER))).toBe(attention);
  });

  it('the trap no longer says no architecture is recorded, and names the 31 blocks without attention', () => {
    const traps = model(SUPER).traps!.join('\n');
    expect(traps).not.toContain('records no architecture');
    expect(traps).toContain('31 of its 80 blocks');
  });

  it('KV cache is 200,704 B per token (49 x 2 x 8 x 128 x 2): 49/80 of the Llama 3.3 70B it came from', () => {
    expect(kvBytesPerToken(arch(SUPER), 'bf16')).toBe(49 * 2 * 8 * 128 * 2);
    const base = arch('meta/llama-3.3-70b-instruct');
    expect(base.layers).toBe(80);
    expect(kvBytesPerToken(arch(SUPER), 'bf16') / kvBytesPerToken(base, 'bf16')).toBeCloseTo(49 / 80, 6);
  });

  it('sizes: 99.7 GB at bf16 does not fit one H100 but fits two, or one H200; FP8 fits one H100', () => {
    const one = size(SUPER, 'h100-sxm', 1, 'bf16');
    expect(one.weightsGib / GB).toBeCloseTo(49.87 * 2, 0);
    expect(one.fits).toBe(false);
    expect(size(SUPER, 'h100-sxm', 2, 'bf16').fits).toBe(true);
    expect(size(SUPER, 'h200-sxm', 1, 'bf16').fits).toBe(true);
    const fp8 = size(SUPER, 'h100-sxm', 1, 'fp8');
    expect(fp8.fits).toBe(true);
    expect(fp8.weightsGib).toBeLessThan(one.weightsGib * 0.55);
  });
});

describe('Llama-3.1-Nemotron-Nano-8B-v1 stays consistent with its Llama 3.1 8B network', () => {
  it('records the base shapes (32 layers, 32 / 8 heads of 128, hidden 4096) and says they are the base\'s', () => {
    const nano = arch(NANO);
    const base = arch('meta/llama-3.1-8b-instruct');
    for (const k of ['params_total_b', 'layers', 'hidden_size', 'intermediate_size', 'vocab_size', 'tied_embeddings'] as const) expect(nano[k], k).toBe(base[k]);
    expect(nano.attention).toEqual(base.attention);
    expect(nano.attention).toMatchObject({ kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 128 });
    expect(model(NANO).citations['architecture']!.status).toBe('secondary');
    expect(model(NANO).citations['architecture']!.note).toContain("Shapes are the base's");
    // Unlike the Super, the Nano is uniform: every layer holds KV.
    expect(kvBytesPerToken(nano, 'bf16')).toBe(32 * 2 * 8 * 128 * 2);
  });
});
