/**
 * Architectures added so GPU sizing covers StarCoder2 (3B, 7B, 15B), EXAONE 3.5 (32B, 2.4B), EXAONE 4.0 32B and
 * Falcon2-11B, and InternVL3-78B / InternVL2-8B (language-model shapes, vision encoder counted in the parameters). Each test pins the values that decide sizing against what the cited source says, the status of the
 * `architecture` citation, and that the sizing core produces the plan the math gives (weights = parameters x bytes,
 * KV bytes per token = layers x 2 x KV heads x head_dim x 2 bytes at BF16).
 */
import { describe, expect, it } from 'vitest';
import { contentRegistry, lookups } from './test-support/content.ts';
import { kvLayout } from '../sizing/kv-cache.ts';

const TODAY = '2026-12-03';
const { registry, findings } = contentRegistry(TODAY);
const { model, architecture: arch, size: plan } = lookups(registry);

/** BF16 KV bytes per token of one layer: K and V, kv_heads x head_dim, 2 bytes each. */
const perLayer = (kvHeads: number, headDim: number) => 2 * kvHeads * headDim * 2;

const MINE = ['bigcode/starcoder2-3b', 'bigcode/starcoder2-7b', 'bigcode/starcoder2-15b', 'lg/exaone-3.5-32b-instruct', 'lg/exaone-3.5-2.4b-instruct', 'lg/exaone-4.0-32b', 'tii/falcon-11b', 'opengvlab/internvl3-78b', 'opengvlab/internvl2-8b'];

describe('architectures added (misc-b)', () => {
  it('load without errors or warnings and cite sources that exist', () => {
    const files = new Set(MINE.map((id) => `content/models/${id}.yaml`));
    expect(findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && files.has(f.file))).toEqual([]);
    for (const id of MINE) {
      const c = model(id).citations['architecture'];
      expect(c, id).toBeDefined();
      for (const ref of c!.sources) expect(registry.sources[ref.source], `${id} cites ${ref.source}`).toBeDefined();
    }
  });

  describe('StarCoder2 (BigCode config.json)', () => {
    const cases = [
      { id: 'bigcode/starcoder2-3b', params: 3.03, layers: 30, hidden: 3072, ffn: 12288, heads: 24, kv: 2, precision: 'fp32', tied: true, source: 'hf-starcoder2-3b-config' },
      { id: 'bigcode/starcoder2-7b', params: 7.17, layers: 32, hidden: 4608, ffn: 18432, heads: 36, kv: 4, precision: 'bf16', tied: true, source: 'hf-starcoder2-7b-config' },
      { id: 'bigcode/starcoder2-15b', params: 15.96, layers: 40, hidden: 6144, ffn: 24576, heads: 48, kv: 4, precision: 'fp32', tied: false, source: 'hf-starcoder2-15b-config' },
    ] as const;
    for (const c of cases) {
      it(`${c.id}: ${c.layers} layers, ${c.heads}/${c.kv} heads, every layer in the 4,096-token window`, () => {
        expect(arch(c.id)).toMatchObject({
          params_total_b: c.params,
          layers: c.layers,
          hidden_size: c.hidden,
          intermediate_size: c.ffn,
          vocab_size: 49152,
          attention: { kind: 'gqa', heads: c.heads, kv_heads: c.kv, head_dim: 128 },
          window: { kind: 'sliding', size: 4096, windowed_layers: c.layers },
          native_precision: c.precision,
          tied_embeddings: c.tied,
        });
        expect(model(c.id).context_tokens).toBe(16384);
        expect(model(c.id).citations['architecture']).toMatchObject({ status: 'verified', sources: [{ source: c.source }] });
        expect(registry.sources[c.source]).toMatchObject({ kind: 'model-config', publisher: 'BigCode' });
        const kv = kvLayout(arch(c.id), 'bf16');
        expect(kv).toMatchObject({ globalBytesPerToken: 0, localBytesPerToken: c.layers * perLayer(c.kv, 128), window: 4096 });
      });
    }

    it('sizes on one H100 SXM at BF16 (weights = parameters x 2 bytes) and at the FP32 release precision', () => {
      for (const c of cases) {
        const bf16 = plan(c.id, 'h100-sxm', 1, 'bf16');
        expect(bf16.fits, c.id).toBe(true);
        expect(bf16.weightsGb).toBeCloseTo(c.params * 2, 6);
      }
      // The 15B ships float32 weights: sized at its native precision it needs 4 bytes per parameter.
      const native = plan('bigcode/starcoder2-15b', 'h100-sxm', 1);
      expect(native.fits).toBe(true);
      expect(native.weightsGb).toBeCloseTo(15.96 * 4, 6);
    });
  });

  describe('EXAONE (LG)', () => {
    it('EXAONE 3.5 32B: 64 layers, 40/8 heads, untied, 32.0B from the shapes', () => {
      expect(arch('lg/exaone-3.5-32b-instruct')).toMatchObject({
        params_total_b: 32.0, layers: 64, hidden_size: 5120, intermediate_size: 27392, vocab_size: 102400,
        attention: { kind: 'gqa', heads: 40, kv_heads: 8, head_dim: 128 }, native_precision: 'bf16', tied_embeddings: false,
      });
      expect(arch('lg/exaone-3.5-32b-instruct').window).toBeUndefined();
      expect(model('lg/exaone-3.5-32b-instruct').citations['architecture']).toMatchObject({ status: 'verified', sources: [{ source: 'exaone-3.5-32b-awq-config' }, { source: 'exaone-3.5-32b-config-copies' }] });
      expect(registry.sources['exaone-3.5-32b-awq-config']).toMatchObject({ kind: 'model-config', publisher: 'LG AI Research' });
      expect(kvLayout(arch('lg/exaone-3.5-32b-instruct'), 'bf16')).toMatchObject({ globalBytesPerToken: 64 * perLayer(8, 128), localBytesPerToken: 0, window: null });
    });

    it('EXAONE 3.5 2.4B: 30 layers, head_dim 80, tied (single-source, the sources disagree)', () => {
      expect(arch('lg/exaone-3.5-2.4b-instruct')).toMatchObject({
        params_total_b: 2.41, params_nominal_b: 2.4, layers: 30, hidden_size: 2560, intermediate_size: 7168, vocab_size: 102400,
        attention: { kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 80 }, tied_embeddings: true,
      });
      const c = model('lg/exaone-3.5-2.4b-instruct').citations;
      expect(c['architecture']?.status).toBe('verified');
      expect(c['architecture.tied_embeddings']?.status).toBe('single-source');
      expect(c['architecture.params_total_b']?.status).toBe('single-source');
      expect(kvLayout(arch('lg/exaone-3.5-2.4b-instruct'), 'bf16').globalBytesPerToken).toBe(30 * perLayer(8, 80));
    });

    it('EXAONE 4.0 32B: 3 sliding-window layers per global layer (48 + 16), 4,096-token window, 131,072 context', () => {
      expect(arch('lg/exaone-4.0-32b')).toMatchObject({
        params_total_b: 32.0, layers: 64, hidden_size: 5120, intermediate_size: 27392, vocab_size: 102400,
        attention: { kind: 'gqa', heads: 40, kv_heads: 8, head_dim: 128 },
        window: { kind: 'sliding', size: 4096, windowed_layers: 48 }, native_precision: 'bf16', tied_embeddings: false,
      });
      expect(model('lg/exaone-4.0-32b').context_tokens).toBe(131072);
      const c = model('lg/exaone-4.0-32b').citations;
      expect(c['architecture']?.status).toBe('secondary');
      expect(c['architecture.window']?.sources.map((s) => s.source)).toEqual(['exaone-4.0-readme', 'transformers-exaone4-config']);
      expect(kvLayout(arch('lg/exaone-4.0-32b'), 'bf16')).toMatchObject({ globalBytesPerToken: 16 * perLayer(8, 128), localBytesPerToken: 48 * perLayer(8, 128), window: 4096 });
    });

    it('the 32B models fit one H100 SXM at BF16 (64 GB of weights) but not one L40S; the 2.4B fits both', () => {
      for (const id of ['lg/exaone-3.5-32b-instruct', 'lg/exaone-4.0-32b']) {
        const h100 = plan(id, 'h100-sxm', 1, 'bf16');
        expect(h100.fits, id).toBe(true);
        expect(h100.weightsGb).toBeCloseTo(64.0, 6);
        expect(plan(id, 'l40s', 1, 'bf16').fits, id).toBe(false);
      }
      const small = plan('lg/exaone-3.5-2.4b-instruct', 'l40s', 1, 'bf16');
      expect(small.fits).toBe(true);
      expect(small.weightsGb).toBeCloseTo(2.41 * 2, 6);
    });
  });

  describe('Falcon2-11B (TII)', () => {
    it('60 layers, 32/8 heads, untied, 11.1B; context 8,192', () => {
      expect(arch('tii/falcon-11b')).toMatchObject({
        params_total_b: 11.1, params_nominal_b: 11, layers: 60, hidden_size: 4096, intermediate_size: 16384, vocab_size: 65024,
        attention: { kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 128 }, native_precision: 'bf16', tied_embeddings: false,
      });
      expect(model('tii/falcon-11b').context_tokens).toBe(8192);
      expect(model('tii/falcon-11b').citations['architecture']).toMatchObject({ status: 'secondary', sources: [{ source: 'falcon-11b-config-copies' }, { source: 'falcon-11b-model-card' }] });
      expect(kvLayout(arch('tii/falcon-11b'), 'bf16').globalBytesPerToken).toBe(60 * perLayer(8, 128));
    });

    it('fits one L40S at BF16 with 22.2 GB of weights', () => {
      const r = plan('tii/falcon-11b', 'l40s', 1, 'bf16');
      expect(r.fits).toBe(true);
      expect(r.weightsGb).toBeCloseTo(11.1 * 2, 6);
    });
  });

  describe('InternVL (OpenGVLab): the language model sets the KV cache, the vision encoder counts in the weights', () => {
    it('InternVL3-78B: Qwen2.5-72B shapes (80 layers, 64/8 heads), 78.41B with InternViT-6B and the projector', () => {
      expect(arch('opengvlab/internvl3-78b')).toMatchObject({
        params_total_b: 78.41, params_nominal_b: 78, layers: 80, hidden_size: 8192, intermediate_size: 29568, vocab_size: 151674,
        attention: { kind: 'gqa', heads: 64, kv_heads: 8, head_dim: 128 }, native_precision: 'bf16', tied_embeddings: false,
      });
      // The vision encoder and projector are parameters only: the language model alone is Qwen's 72.7B.
      expect(arch('opengvlab/internvl3-78b').params_total_b).toBeGreaterThan(arch('alibaba/qwen2.5-72b').params_total_b + 5.5);
      const c = model('opengvlab/internvl3-78b').citations;
      expect(c['architecture']?.status).toBe('secondary');
      expect(c['architecture']?.sources.map((s) => s.source)).toContain('opengvlab-internvl-readme');
      expect(c['architecture.params_total_b']?.status).toBe('secondary');
      expect(model('opengvlab/internvl3-78b')).toMatchObject({ release_date: '2025-04-11', base_model: { model: 'alibaba/qwen2.5-72b' } });
      expect(c['base_model']?.status).toBe('verified');
      expect(kvLayout(arch('opengvlab/internvl3-78b'), 'bf16').globalBytesPerToken).toBe(80 * perLayer(8, 128));
    });

    it('InternVL2-8B: internlm2_5-7b-chat shapes (32 layers, 32/8 heads), 8.08B with InternViT-300M; 8K context, released 2024-07-04', () => {
      expect(arch('opengvlab/internvl2-8b')).toMatchObject({
        params_total_b: 8.08, params_nominal_b: 8, layers: 32, hidden_size: 4096, intermediate_size: 14336, vocab_size: 92553,
        attention: { kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 128 }, native_precision: 'bf16', tied_embeddings: false,
      });
      expect(model('opengvlab/internvl2-8b')).toMatchObject({ context_tokens: 8192, release_date: '2024-07-04' });
      expect(model('opengvlab/internvl2-8b').citations['architecture']?.status).toBe('secondary');
      expect(kvLayout(arch('opengvlab/internvl2-8b'), 'bf16').globalBytesPerToken).toBe(32 * perLayer(8, 128));
    });

    it('InternVL3-78B needs 4 H100 SXM at BF16 (156.8 GB of weights), not 2; InternVL2-8B fits one L40S', () => {
      expect(plan('opengvlab/internvl3-78b', 'h100-sxm', 2, 'bf16').fits).toBe(false);
      const four = plan('opengvlab/internvl3-78b', 'h100-sxm', 4, 'bf16');
      expect(four.fits).toBe(true);
      expect(four.weightsGb).toBeCloseTo(78.41 * 2, 6);
      const small = plan('opengvlab/internvl2-8b', 'l40s', 1, 'bf16');
      expect(small.fits).toBe(true);
      expect(small.weightsGb).toBeCloseTo(8.08 * 2, 6);
    });
  });
});
