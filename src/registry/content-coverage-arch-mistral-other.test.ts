/**
 * Architecture for the Mistral open-weights entries that lacked it: Pixtral 12B (2409), Pixtral Large (2411), Voxtral
 * Small (2507) and Mathstral 7B. Each test pins the shapes that decide sizing against the source the entry cites, the
 * status of the citation, and the parameter count computed from those shapes (multimodal entries count the vision or
 * audio encoder the checkpoint ships). Devstral 2 123B (no config read) and Voxtral TTS (a speech generator the
 * decoder-only sizing does not describe) stay without an architecture, and a test says so.
 */
import { describe, expect, it } from 'vitest';
import { kvBytesPerToken } from '../sizing/kv-cache.ts';
import { architectureProblems, contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-04';
const { registry, findings } = contentRegistry(TODAY);
const { model, architecture: arch, size } = lookups(registry);

const status = (id: string, field: string) => model(id).citations[field]?.status;
const sources = (id: string, field: string) => model(id).citations[field]?.sources.map((s) => s.source) ?? [];
const GB = 1e9 / 2 ** 30;

const ADDED = ['mistral/pixtral-12b-2409', 'mistral/pixtral-large-instruct-2411', 'mistral/voxtral-small-24b-2507', 'mistral/mathstral-7b-v0.1'];

/** Decoder-only count of a Mistral text model: bias-free GQA attention and SwiGLU MLP, two RMSNorms a layer, untied. */
function mistralText(dim: number, layers: number, heads: number, kv: number, headDim: number, ffn: number, vocab: number): number {
  const perLayer = dim * heads * headDim * 2 + dim * kv * headDim * 2 + 3 * dim * ffn + 2 * dim;
  return layers * perLayer + dim + 2 * vocab * dim;
}

describe('Mistral architectures added for sizing', () => {
  it('load without errors or warnings and cite only sources that exist', () => {
    expect(architectureProblems({ registry, findings }, ADDED)).toEqual([]);
  });

  it('Pixtral 12B: Mistral Nemo shapes from its own params.json (verified), 12.68B with the 0.4B vision encoder', () => {
    const id = 'mistral/pixtral-12b-2409';
    expect(arch(id)).toMatchObject({
      params_total_b: 12.68, params_nominal_b: 12, params_active_b: 12.68, layers: 40, hidden_size: 5120, intermediate_size: 14336,
      vocab_size: 131072, attention: { kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 128 }, native_precision: 'bf16', tied_embeddings: false,
    });
    expect(arch(id).window).toBeUndefined();
    expect(status(id, 'architecture')).toBe('verified');
    expect(sources(id, 'architecture')).toEqual(['hf-pixtral-12b-2409-params']);
    expect(status(id, 'architecture.params_total_b')).toBe('verified');
    // Only the dtype rests on a conversion: params.json has no dtype field.
    expect(status(id, 'architecture.native_precision')).toBe('secondary');
    // Text 12,247,782,400 + vision encoder 403,489,792 + adapter with bias 31,467,520.
    const text = mistralText(5120, 40, 32, 8, 128, 14336, 131072);
    const vision = 3 * 16 * 16 * 1024 + 1024 + 24 * (4 * 1024 * 1024 + 3 * 1024 * 4096 + 2 * 1024);
    const adapter = 1024 * 5120 + 5120 * 5120 + 2 * 5120;
    expect([text, vision, adapter]).toEqual([12_247_782_400, 403_489_792, 31_467_520]);
    expect(arch(id).params_total_b).toBeCloseTo((text + vision + adapter) / 1e9, 2);
    expect(model(id).citations['architecture.params_total_b']!.note).toContain('12,682,739,712');
  });

  it('Pixtral Large: the Mistral Large 2 decoder (88 layers, 96 / 8 heads, vocab 32768) plus a 1.36B vision encoder, from copies', () => {
    const id = 'mistral/pixtral-large-instruct-2411';
    expect(arch(id)).toMatchObject({
      params_total_b: 124.13, params_nominal_b: 124, layers: 88, hidden_size: 12288, intermediate_size: 28672, vocab_size: 32768,
      attention: { kind: 'gqa', heads: 96, kv_heads: 8, head_dim: 128 }, native_precision: 'bf16', tied_embeddings: false,
    });
    // The decoder is the one Mistral Large 2411 records.
    const large = arch('mistral/mistral-large-2411');
    expect({ layers: large.layers, hidden: large.hidden_size, ffn: large.intermediate_size, vocab: large.vocab_size, attention: large.attention })
      .toEqual({ layers: 88, hidden: 12288, ffn: 28672, vocab: 32768, attention: arch(id).attention });
    expect(status(id, 'architecture')).toBe('secondary');
    expect(sources(id, 'architecture')).toContain('hf-mistral-large-2411-params-copy');
    expect(status(id, 'architecture.params_total_b')).toBe('secondary');
    const text = mistralText(12288, 88, 96, 8, 128, 28672, 32768);
    const vision = 3 * 16 * 16 * 1408 + 1408 + 40 * (4 * 1408 * 1408 + 3 * 1408 * 6144 + 2 * 1408);
    const adapter = 1408 * 12288 + 12288 * 12288; // no projector bias in Pixtral Large
    expect(text + vision + adapter).toBe(124_134_845_824);
    expect(arch(id).params_total_b).toBeCloseTo((text + vision + adapter) / 1e9, 2);
  });

  it('Voxtral Small: Mistral Small 3 decoder plus the Whisper-style audio encoder, 24.26B (23.57B is the decoder alone)', () => {
    const id = 'mistral/voxtral-small-24b-2507';
    expect(arch(id)).toMatchObject({
      params_total_b: 24.26, params_nominal_b: 24, layers: 40, hidden_size: 5120, intermediate_size: 32768, vocab_size: 131072,
      attention: { kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 128 }, native_precision: 'bf16', tied_embeddings: false,
    });
    expect(status(id, 'architecture')).toBe('secondary');
    expect(status(id, 'architecture.params_total_b')).toBe('secondary');
    const text = mistralText(5120, 40, 32, 8, 128, 32768, 131072);
    expect(text).toBe(23_572_403_200);
    // Whisper large-v3 encoder: convs with bias, 1,500 positions, per layer q/v/out with bias and k without, 2 LayerNorms, fc1/fc2.
    const d = 1280, ffn = 5120;
    const encoder = 128 * d * 3 + d + d * d * 3 + d + 1500 * d + 32 * (4 * d * d + 3 * d + 4 * d + d * ffn + ffn + ffn * d + d) + 2 * d;
    const projector = 5120 * 5120 * 2;
    expect([encoder, projector]).toEqual([636_968_960, 52_428_800]);
    expect(arch(id).params_total_b).toBeCloseTo((text + encoder + projector) / 1e9, 2);
    // The decoder-only figure would undercount the checkpoint.
    expect(arch(id).params_total_b).not.toBeCloseTo(text / 1e9, 1);
    expect(model(id).citations['architecture.params_total_b']!.note).toContain('24,261,800,960');
  });

  it('Mathstral 7B: Mistral 7B v0.3 shapes from a config copy (secondary), 7.25B, dtype assumed', () => {
    const id = 'mistral/mathstral-7b-v0.1';
    const base = arch('mistral/mistral-7b-instruct-v0.3');
    expect(arch(id)).toMatchObject({
      params_total_b: 7.25, params_nominal_b: 7, layers: base.layers, hidden_size: base.hidden_size, intermediate_size: base.intermediate_size,
      vocab_size: base.vocab_size, attention: base.attention, tied_embeddings: false,
    });
    expect(arch(id).params_total_b).toBeCloseTo(mistralText(4096, 32, 32, 8, 128, 14336, 32768) / 1e9, 2);
    expect(status(id, 'architecture')).toBe('secondary');
    expect(status(id, 'architecture.native_precision')).toBe('directional');
    expect(model(id).context_tokens).toBe(32768);
  });

  it('Devstral 2 and Voxtral TTS stay without an architecture', () => {
    // No config of Devstral 2 123B was read; Voxtral TTS is a speech generator (decoder + acoustic model + codec).
    expect(model('mistral/devstral-2-123b-instruct-2512').architecture).toBeUndefined();
    expect(model('mistral/voxtral-4b-tts-2603').architecture).toBeUndefined();
    expect(model('mistral/voxtral-4b-tts-2603').traps?.some((t) => t.includes('Architecture not recorded'))).toBe(true);
  });
});

describe('the added Mistral architectures size', () => {
  it('Pixtral 12B: 163,840 B of KV per token; 25.4 GB of bf16 weights fit one H100 but need two L4s', () => {
    const id = 'mistral/pixtral-12b-2409';
    expect(kvBytesPerToken(arch(id), 'bf16')).toBe(40 * 2 * 8 * 128 * 2);
    const r = size(id, 'h100-sxm', 1, 'bf16');
    expect(r.fits).toBe(true);
    expect(r.weightsGib / GB).toBeCloseTo(12.68 * 2, 1);
    expect(size(id, 'l4', 1, 'bf16').fits).toBe(false);
  });

  it('Pixtral Large: 360,448 B of KV per token; 248 GB of bf16 weights fit 4 x H100 but not 2', () => {
    const id = 'mistral/pixtral-large-instruct-2411';
    expect(kvBytesPerToken(arch(id), 'bf16')).toBe(88 * 2 * 8 * 128 * 2);
    const r = size(id, 'h100-sxm', 4, 'bf16');
    expect(r.fits).toBe(true);
    expect(r.weightsGib / GB).toBeCloseTo(124.13 * 2, 0);
    expect(size(id, 'h100-sxm', 2, 'bf16').fits).toBe(false);
  });

  it('Voxtral Small: 163,840 B of KV per token; 48.5 GB of bf16 weights fit one H100 but not one L40S', () => {
    const id = 'mistral/voxtral-small-24b-2507';
    expect(kvBytesPerToken(arch(id), 'bf16')).toBe(40 * 2 * 8 * 128 * 2);
    const r = size(id, 'h100-sxm', 1, 'bf16');
    expect(r.fits).toBe(true);
    expect(r.weightsGib / GB).toBeCloseTo(24.26 * 2, 1);
    expect(size(id, 'l40s', 1, 'bf16').fits).toBe(false);
  });

  it('Mathstral 7B: 131,072 B of KV per token; 14.5 GB of bf16 weights fit one L4', () => {
    const id = 'mistral/mathstral-7b-v0.1';
    expect(kvBytesPerToken(arch(id), 'bf16')).toBe(32 * 2 * 8 * 128 * 2);
    const r = size(id, 'l4', 1, 'bf16');
    expect(r.fits).toBe(true);
    expect(r.weightsGib / GB).toBeCloseTo(7.25 * 2, 1);
  });
});
