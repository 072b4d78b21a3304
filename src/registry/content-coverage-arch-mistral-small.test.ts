/**
 * Architecture for the Mistral open-weights entries that lacked it: Devstral Small 2505 / 2507 / 2 (2512), Magistral
 * Small 2506 / 2507 / 2509, Mistral Small 4 (2603), Ministral 8B (2410) and Ministral 3 3B / 8B / 14B (2512). Each test
 * pins the shapes that decide sizing against the source the entry cites, and the status of the citation; the sizing
 * tests check that the new architectures produce the KV and weight figures the shapes give.
 */
import { describe, expect, it } from 'vitest';
import { kvBytesPerSequence, kvBytesPerToken, kvLayout } from '../sizing/kv-cache.ts';
import { architectureProblems, contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-04';
const { registry, findings } = contentRegistry(TODAY);
const { model, architecture: arch, size } = lookups(registry);

const status = (id: string, field: string) => model(id).citations[field]?.status;
const sources = (id: string, field: string) => model(id).citations[field]!.sources.map((s) => s.source);
const GB = 1e9 / 2 ** 30;

const ADDED = [
  'mistral/devstral-small-2505', 'mistral/devstral-small-2507', 'mistral/devstral-small-2-24b-instruct-2512',
  'mistral/magistral-small-2506', 'mistral/magistral-small-2507', 'mistral/magistral-small-2509',
  'mistral/mistral-small-4-2603', 'mistral/ministral-8b-instruct-2410',
  'mistral/ministral-3-3b-instruct-2512', 'mistral/ministral-3-8b-instruct-2512', 'mistral/ministral-3-14b-instruct-2512',
];

/** The Mistral Small 3.x text decoder every 24B entry here shares. */
const SMALL_3_DECODER = {
  layers: 40, hidden_size: 5120, intermediate_size: 32768, vocab_size: 131072,
  attention: { kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 128 },
};

/** Dense GQA parameter count from the shapes: layers x (attention + SwiGLU MLP + 2 norms) + embedding (+ head) + final norm. */
function denseCount(id: string): number {
  const a = arch(id);
  if (a.attention.kind !== 'gqa') throw new Error(`${id} is not GQA`);
  const { heads, kv_heads, head_dim } = a.attention;
  const h = a.hidden_size;
  const attention = 2 * h * heads * head_dim + 2 * h * kv_heads * head_dim;
  const mlp = 3 * h * a.intermediate_size!;
  const embeddings = a.vocab_size! * h * (a.tied_embeddings ? 1 : 2);
  return a.layers * (attention + mlp + 2 * h) + embeddings + h;
}

describe('Mistral Small-family architectures added for sizing', () => {
  it('load without errors or warnings and cite only sources that exist', () => {
    expect(architectureProblems({ registry, findings }, ADDED)).toEqual([]);
  });

  it('Devstral Small 1.1 (2507): the mirrored params.json and safetensors index give 23,572,403,200 text-only parameters', () => {
    const id = 'mistral/devstral-small-2507';
    expect(arch(id)).toMatchObject({ ...SMALL_3_DECODER, params_total_b: 23.57, params_nominal_b: 24, native_precision: 'bf16', tied_embeddings: false });
    expect(denseCount(id)).toBe(23_572_403_200);
    expect(status(id, 'architecture')).toBe('secondary');
    expect(sources(id, 'architecture')[0]).toBe('devstral-small-2507-repo-mirror');
    expect(status(id, 'architecture.params_total_b')).toBe('secondary');
    expect(model(id).citations['architecture.params_total_b']!.note).toContain('23,572,403,200');
    expect(status(id, 'architecture.native_precision')).toBe('secondary');
  });

  it('Devstral Small 1.0 (2505): the parent Mistral Small 3.1 decoder without its vision layer, count and dtype derived', () => {
    const id = 'mistral/devstral-small-2505';
    expect(arch(id)).toMatchObject({ ...SMALL_3_DECODER, params_total_b: 23.57, native_precision: 'bf16' });
    expect(status(id, 'architecture')).toBe('secondary');
    expect(sources(id, 'architecture')).toEqual(['axolotl-devstral-example-readme', 'hf-mistral-small-3.1-instruct-config', 'devstral-small-2507-repo-mirror']);
    expect(status(id, 'architecture.params_total_b')).toBe('directional');
    expect(status(id, 'architecture.native_precision')).toBe('directional');
    // The old context note said no architecture was recorded; it no longer may.
    expect(model(id).citations['context_tokens']!.note).not.toContain('no architecture');
  });

  it('Devstral Small 2 (2512): Small 3.x decoder from a requant\'s config.json; FP8 weights; 24.01B with the Pixtral encoder', () => {
    const id = 'mistral/devstral-small-2-24b-instruct-2512';
    expect(arch(id)).toMatchObject({ ...SMALL_3_DECODER, params_total_b: 24.01, params_nominal_b: 24, native_precision: 'fp8', tied_embeddings: false });
    expect(arch(id).window).toBeUndefined();
    expect(status(id, 'architecture')).toBe('secondary');
    expect(sources(id, 'architecture')[0]).toBe('devstral-small-2-awq-config-copy');
    expect(status(id, 'architecture.params_total_b')).toBe('directional');
    // Text decoder + the 438,958,080-parameter vision side the note itemises.
    expect(model(id).citations['architecture.params_total_b']!.note).toContain('24,011,361,280');
    expect(denseCount(id) + 438_958_080).toBe(24_011_361_280);
    expect(status(id, 'architecture.native_precision')).toBe('secondary');
  });

  it('Magistral Small 1.0 / 1.1 are text-only (KerasHub counts 23,572,403,200); 1.2 carries the vision encoder (Mistral\'s 24B)', () => {
    for (const v of ['2506', '2507']) {
      const id = `mistral/magistral-small-${v}`;
      expect(arch(id), id).toMatchObject({ ...SMALL_3_DECODER, params_total_b: 23.57, native_precision: 'bf16' });
      expect(status(id, 'architecture'), id).toBe('secondary');
      expect(status(id, 'architecture.params_total_b'), id).toBe('secondary');
      expect(sources(id, 'architecture.params_total_b'), id).toEqual(['keras-hub-mistral-presets']);
      expect(status(id, 'architecture.native_precision'), id).toBe('directional');
    }
    // Only 2506's card was read; 2507 does not cite it.
    expect(sources('mistral/magistral-small-2506', 'architecture')[0]).toBe('magistral-small-2506-card-copy');
    expect(sources('mistral/magistral-small-2507', 'architecture')).not.toContain('magistral-small-2506-card-copy');
    const id = 'mistral/magistral-small-2509';
    expect(arch(id)).toMatchObject({ ...SMALL_3_DECODER, params_total_b: 24 });
    expect(status(id, 'architecture.params_total_b')).toBe('verified');
    expect(sources(id, 'architecture.params_total_b')[0]).toBe('mistral-docs-model-catalogue');
    expect(model(id).modalities.input).toContain('image');
  });

  it('Ministral 3: 26 / 34 / 40 layers at 3072 / 4096 / 5120, 32 / 8 heads; only the 3B ties embeddings; FP8 Instruct weights', () => {
    const rows: [string, number, number, number, boolean, number, number][] = [
      // size, layers, hidden, FFN, tied, text decoder (exact), params_total_b (text + Mistral's 0.4B encoder)
      ['3b', 26, 3072, 9216, true, 3_429_006_336, 3.83],
      ['8b', 34, 4096, 14336, false, 8_489_553_920, 8.89],
      ['14b', 40, 5120, 16384, false, 13_506_073_600, 13.91],
    ];
    for (const [s, layers, hidden, ffn, tied, text, total] of rows) {
      const id = `mistral/ministral-3-${s}-instruct-2512`;
      expect(arch(id), id).toMatchObject({
        layers, hidden_size: hidden, intermediate_size: ffn, vocab_size: 131072, tied_embeddings: tied,
        attention: { kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 128 }, native_precision: 'fp8', params_total_b: total,
      });
      expect(denseCount(id), id).toBe(text);
      expect(arch(id).params_total_b, id).toBeCloseTo(text / 1e9 + 0.4, 2);
      for (const field of ['architecture', 'architecture.vocab_size', 'architecture.tied_embeddings', 'architecture.params_total_b', 'architecture.native_precision']) {
        expect(status(id, field), `${id} ${field}`).toBe('secondary');
      }
      expect(sources(id, 'architecture')[0], id).toBe('megatron-bridge-ministral3-provider');
      expect(model(id).context_tokens, id).toBe(262144);
    }
  });

  it('Ministral 8B (2410): 36 layers, 1 full : 3 sliding layers with a 32K window; count and dtype derived', () => {
    const id = 'mistral/ministral-8b-instruct-2410';
    expect(arch(id)).toMatchObject({
      layers: 36, hidden_size: 4096, intermediate_size: 12288, vocab_size: 131072, params_total_b: 8.02,
      attention: { kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 128 },
      window: { kind: 'sliding', size: 32768, windowed_layers: 27 },
    });
    expect(arch(id).tied_embeddings).toBeUndefined();
    expect(denseCount(id)).toBe(8_019_808_256);
    expect(status(id, 'architecture')).toBe('secondary');
    expect(status(id, 'architecture.window')).toBe('secondary');
    expect(sources(id, 'architecture.window')).toEqual(['transformers-ministral-docs', 'genz-mistral-model-configs']);
    expect(status(id, 'architecture.params_total_b')).toBe('directional');
    expect(status(id, 'architecture.native_precision')).toBe('directional');
  });

  it('Mistral Small 4 (2603): MLA with a 256-rank latent, 128 experts (4 routed + 1 shared) in all 36 layers; FP8', () => {
    const id = 'mistral/mistral-small-4-2603';
    expect(arch(id)).toMatchObject({
      params_total_b: 119, params_active_b: 6.5, layers: 36, hidden_size: 4096, vocab_size: 131072, native_precision: 'fp8', tied_embeddings: false,
      attention: { kind: 'mla', heads: 32, kv_lora_rank: 256, q_lora_rank: 1024, qk_rope_head_dim: 64, qk_nope_head_dim: 64, v_head_dim: 128 },
      moe: { experts_total: 128, experts_active: 4, experts_shared: 1, moe_layers: 36, expert_intermediate_size: 2048 },
    });
    // No dense layers, so no dense FFN width is recorded.
    expect(arch(id).intermediate_size).toBeUndefined();
    expect(status(id, 'architecture')).toBe('secondary');
    expect(sources(id, 'architecture')[0]).toBe('transformers-mistral4-config');
    expect(status(id, 'architecture.attention')).toBe('single-source');
    expect(status(id, 'architecture.params_total_b')).toBe('verified');
    expect(status(id, 'architecture.native_precision')).toBe('secondary');
    expect(model(id).citations['architecture']!.note).toContain('118,972,826,624');
  });
});

describe('the added Mistral architectures size', () => {
  it('the 24B Small 3.x decoders: 163,840 B of KV per token (40 x 2 x 8 x 128 x 2)', () => {
    for (const id of ['mistral/devstral-small-2505', 'mistral/devstral-small-2507', 'mistral/devstral-small-2-24b-instruct-2512', 'mistral/magistral-small-2506', 'mistral/magistral-small-2507', 'mistral/magistral-small-2509']) {
      expect(kvBytesPerToken(arch(id), 'bf16'), id).toBe(40 * 2 * 8 * 128 * 2);
    }
  });

  it('Devstral Small 1.1: 47.1 GB of bf16 weights fit one H100 but not one L4', () => {
    const r = size('mistral/devstral-small-2507', 'h100-sxm', 1, 'bf16');
    expect(r.fits).toBe(true);
    expect(r.weightsGib / GB).toBeCloseTo(23.57 * 2, 0);
    expect(size('mistral/devstral-small-2507', 'l4', 1, 'bf16').fits).toBe(false);
  });

  it('Devstral Small 2 at its native FP8: about 24 GB of weights on one H100', () => {
    const r = size('mistral/devstral-small-2-24b-instruct-2512', 'h100-sxm', 1);
    expect(r.fits).toBe(true);
    expect(r.weightsGib / GB).toBeGreaterThan(24);
    expect(r.weightsGib / GB).toBeLessThan(26);
  });

  it('Ministral 3 14B: fits one L4 at its native FP8, not at bf16; the 3B ties its head, so its KV is 26 x 2 x 8 x 128 x 2', () => {
    expect(size('mistral/ministral-3-14b-instruct-2512', 'l4', 1).fits).toBe(true);
    expect(size('mistral/ministral-3-14b-instruct-2512', 'l4', 1, 'bf16').fits).toBe(false);
    expect(kvBytesPerToken(arch('mistral/ministral-3-3b-instruct-2512'), 'bf16')).toBe(26 * 2 * 8 * 128 * 2);
    expect(kvBytesPerToken(arch('mistral/ministral-3-8b-instruct-2512'), 'bf16')).toBe(34 * 2 * 8 * 128 * 2);
  });

  it('Ministral 8B (2410): the 27 windowed layers stop growing at 32K, so a 128K sequence holds 9 x 128K + 27 x 32K tokens of KV', () => {
    const a = arch('mistral/ministral-8b-instruct-2410');
    const perLayerToken = 2 * 8 * 128 * 2;
    expect(kvBytesPerToken(a, 'bf16')).toBe(36 * perLayerToken);
    const layout = kvLayout(a, 'bf16');
    expect(kvBytesPerSequence(layout, 131072)).toBe(9 * 131072 * perLayerToken + 27 * 32768 * perLayerToken);
    expect(kvBytesPerSequence(layout, 16384)).toBe(36 * 16384 * perLayerToken);
    expect(size('mistral/ministral-8b-instruct-2410', 'l4', 1, 'bf16').fits).toBe(true);
  });

  it('Mistral Small 4: one (256 + 64)-wide latent per layer and token; 119 GB of FP8 weights need two H100s, not one', () => {
    const a = arch('mistral/mistral-small-4-2603');
    expect(kvBytesPerToken(a, 'bf16')).toBe(36 * (256 + 64) * 2);
    expect(size('mistral/mistral-small-4-2603', 'h100-sxm', 1).fits).toBe(false);
    const r = size('mistral/mistral-small-4-2603', 'h100-sxm', 2);
    expect(r.fits).toBe(true);
    expect(r.weightsGib / GB).toBeGreaterThan(119);
  });
});
