/**
 * Architecture for the encoder models proxies route (embeddings, rerankers, classifiers): BGE Reranker v2 M3,
 * jina-embeddings-v3, jina-reranker-v2-base-multilingual, nomic-embed-text-v1.5, Llama Prompt Guard 2 86M and 22M,
 * EmbeddingGemma 300M. They are recorded the way BGE-M3 is: kind gqa (kv_heads = heads except EmbeddingGemma's
 * multi-query Gemma 3 stack), native precision, params computed from the shapes, one embedding table (no LM head).
 * Each test pins the shapes that decide weight memory against the source the entry cites and the citation status;
 * the sizing assertions check that weight memory is params x bytes and that one L4 holds each model.
 */
import { describe, expect, it } from 'vitest';
import { kvBytesPerToken } from '../sizing/kv-cache.ts';
import { sizeDeployment } from '../sizing/plan.ts';
import { paramGroups } from '../sizing/weights.ts';
import { contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-04';
const { registry, findings } = contentRegistry(TODAY);
const { model, architecture: arch, size } = lookups(registry);

const status = (id: string, field: string) => model(id).citations[field]?.status;
const firstSource = (id: string, field: string) => model(id).citations[field]?.sources[0]?.source;
const GB = 1e9 / 2 ** 30;

const ADDED = [
  'baai/bge-reranker-v2-m3',
  'jina/jina-embeddings-v3',
  'jina/jina-reranker-v2-base-multilingual',
  'nomic/nomic-embed-text-v1.5',
  'meta/llama-prompt-guard-2-86m',
  'meta/llama-prompt-guard-2-22m',
  'google/embeddinggemma-300m',
];

/** One 500-token pass, inside the 512- and 1024-token windows of the short-context encoders. */
function sizeShort(id: string, gpu: string) {
  const spec = registry.gpus[gpu];
  if (!spec) throw new Error(`content/gpus/${gpu}.yaml is missing`);
  return sizeDeployment({
    model: { id, name: model(id).name, architecture: arch(id) },
    gpu: { ...spec, id: gpu },
    gpus: 1,
    workload: { isl: 500, osl: 1 },
  });
}

describe('encoder architectures added for sizing', () => {
  it('load without errors or warnings and cite only sources that exist', () => {
    const files = new Set(ADDED.map((id) => `content/models/${id}.yaml`));
    // The Prompt Guard entries carried two research-notes warnings on their Groq routes before this change.
    const mine = findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && files.has(f.file));
    expect(mine.filter((f) => f.code !== 'registry/cites-research-notes')).toEqual([]);
    for (const id of ADDED) {
      const cites = Object.entries(model(id).citations).filter(([field]) => field === 'architecture' || field.startsWith('architecture.'));
      expect(cites.length, id).toBeGreaterThan(0);
      for (const [, c] of cites) for (const ref of c.sources) expect(registry.sources[ref.source], `${id} cites ${ref.source}`).toBeDefined();
      // Every encoder is one embedding table with no LM head, and its note says there is no KV cache to size.
      expect(arch(id).tied_embeddings, id).toBe(true);
      expect(model(id).citations['architecture']!.note, id).toMatch(/no KV cache/);
    }
  });

  it('BGE Reranker v2 M3: BAAI\'s config.json (verified); 0.568B from the shapes, float32, 8192 tokens, 2024-03-18', () => {
    expect(arch('baai/bge-reranker-v2-m3')).toMatchObject({
      params_total_b: 0.568, layers: 24, hidden_size: 1024, intermediate_size: 4096, vocab_size: 250002,
      attention: { kind: 'gqa', heads: 16, kv_heads: 16, head_dim: 64 }, native_precision: 'fp32',
    });
    // Same encoder as BGE-M3, its base, plus the classification head.
    const m3 = arch('baai/bge-m3');
    expect([m3.layers, m3.hidden_size, m3.vocab_size]).toEqual([24, 1024, 250002]);
    expect(model('baai/bge-reranker-v2-m3').context_tokens).toBe(8192);
    expect(model('baai/bge-reranker-v2-m3').release_date).toBe('2024-03-18');
    for (const f of ['architecture', 'context_tokens', 'release_date']) expect(status('baai/bge-reranker-v2-m3', f), f).toBe('verified');
    expect(firstSource('baai/bge-reranker-v2-m3', 'architecture')).toBe('hf-bge-reranker-v2-m3-config');
    expect(model('baai/bge-reranker-v2-m3').citations['architecture']!.note).toContain('567,755,777');
  });

  it('jina-embeddings-v3: shapes from config copies (secondary), 572M from Jina\'s post (verified), bf16 single-source', () => {
    expect(arch('jina/jina-embeddings-v3')).toMatchObject({
      params_total_b: 0.572, layers: 24, hidden_size: 1024, intermediate_size: 4096, vocab_size: 250002,
      attention: { kind: 'gqa', heads: 16, kv_heads: 16, head_dim: 64 }, native_precision: 'bf16',
    });
    expect(status('jina/jina-embeddings-v3', 'architecture')).toBe('secondary');
    expect(status('jina/jina-embeddings-v3', 'architecture.params_total_b')).toBe('verified');
    expect(firstSource('jina/jina-embeddings-v3', 'architecture.params_total_b')).toBe('jina-embeddings-v3-blog');
    expect(status('jina/jina-embeddings-v3', 'architecture.vocab_size')).toBe('secondary');
    expect(status('jina/jina-embeddings-v3', 'architecture.native_precision')).toBe('single-source');
    expect(model('jina/jina-embeddings-v3').context_tokens).toBe(8192);
    expect(model('jina/jina-embeddings-v3').release_date).toBe('2024-09-18');
    expect(status('jina/jina-embeddings-v3', 'release_date')).toBe('verified');
  });

  it('jina-reranker-v2-base-multilingual: Jina\'s config.json (verified); 0.278B matches the 278M of the model page; 1024 tokens', () => {
    expect(arch('jina/jina-reranker-v2-base-multilingual')).toMatchObject({
      params_total_b: 0.278, layers: 12, hidden_size: 768, intermediate_size: 3072, vocab_size: 250002,
      attention: { kind: 'gqa', heads: 12, kv_heads: 12, head_dim: 64 }, native_precision: 'bf16',
    });
    expect(status('jina/jina-reranker-v2-base-multilingual', 'architecture')).toBe('verified');
    expect(firstSource('jina/jina-reranker-v2-base-multilingual', 'architecture')).toBe('hf-jina-reranker-v2-config');
    expect(model('jina/jina-reranker-v2-base-multilingual').context_tokens).toBe(1024);
    expect(model('jina/jina-reranker-v2-base-multilingual').release_date).toBe('2024-06-25');
    expect(status('jina/jina-reranker-v2-base-multilingual', 'release_date')).toBe('verified');
  });

  it('nomic-embed-text-v1.5: Nomic\'s config.json (verified); 136,731,648 parameters from the SwiGLU shapes; padding and dtype weaker', () => {
    expect(arch('nomic/nomic-embed-text-v1.5')).toMatchObject({
      params_total_b: 0.137, layers: 12, hidden_size: 768, intermediate_size: 3072, vocab_size: 30528,
      attention: { kind: 'gqa', heads: 12, kv_heads: 12, head_dim: 64 }, native_precision: 'fp32',
    });
    // The count the note gives: embeddings + 12 x (QKV + out + SwiGLU in/in/out + two norms), no biases.
    const h = 768, ff = 3072, v = 30528;
    expect(v * h + 4 * h + 12 * (h * 3 * h + h * h + 2 * h * ff + ff * h + 4 * h)).toBe(136_731_648);
    expect(model('nomic/nomic-embed-text-v1.5').citations['architecture']!.note).toContain('136,731,648');
    expect(status('nomic/nomic-embed-text-v1.5', 'architecture')).toBe('verified');
    expect(status('nomic/nomic-embed-text-v1.5', 'architecture.vocab_size')).toBe('directional');
    expect(status('nomic/nomic-embed-text-v1.5', 'architecture.native_precision')).toBe('single-source');
  });

  it('Llama Prompt Guard 2: base-model shapes (secondary); the backbone counts plus the embedding tables', () => {
    expect(arch('meta/llama-prompt-guard-2-86m')).toMatchObject({
      params_total_b: 0.279, layers: 12, hidden_size: 768, intermediate_size: 3072, vocab_size: 251000,
      attention: { kind: 'gqa', heads: 12, kv_heads: 12, head_dim: 64 }, native_precision: 'fp32',
    });
    expect(arch('meta/llama-prompt-guard-2-22m')).toMatchObject({
      params_total_b: 0.071, layers: 12, hidden_size: 384, intermediate_size: 1536, vocab_size: 128100,
      attention: { kind: 'gqa', heads: 6, kv_heads: 6, head_dim: 64 }, native_precision: 'fp32',
    });
    // "86M" / "22M" name the backbones: 12 DeBERTa layers of 7.09M and 1.77M; the rest is the embedding table.
    const layer = (h: number, ff: number) => 4 * (h * h + h) + (h * ff + ff) + (ff * h + h) + 4 * h;
    expect(12 * layer(768, 3072) / 1e6).toBeCloseTo(85.05, 2);
    expect(12 * layer(384, 1536) / 1e6).toBeCloseTo(21.29, 2);
    expect(paramGroups(arch('meta/llama-prompt-guard-2-86m')).embeddingStored).toBe(251000 * 768);
    for (const id of ['meta/llama-prompt-guard-2-86m', 'meta/llama-prompt-guard-2-22m']) {
      expect(status(id, 'architecture'), id).toBe('secondary');
      expect(status(id, 'architecture.params_total_b'), id).toBe('secondary');
      expect(firstSource(id, 'architecture'), id).toBe('llama-prompt-guard-2-model-card');
      expect(model(id).context_tokens, id).toBe(512);
    }
    expect(firstSource('meta/llama-prompt-guard-2-86m', 'architecture.params_total_b')).toBe('llama-prompt-guard-2-model-card');
    expect(status('meta/llama-prompt-guard-2-86m', 'architecture.native_precision')).toBe('single-source');
    expect(status('meta/llama-prompt-guard-2-22m', 'architecture.native_precision')).toBe('directional');
  });

  it('EmbeddingGemma 300M: the transformers conversion config (secondary), 308M from Google (verified), multi-query 3 x 256', () => {
    expect(arch('google/embeddinggemma-300m')).toMatchObject({
      params_total_b: 0.308, layers: 24, hidden_size: 768, intermediate_size: 1152, vocab_size: 262144,
      attention: { kind: 'gqa', heads: 3, kv_heads: 1, head_dim: 256 }, native_precision: 'fp32',
    });
    expect(arch('google/embeddinggemma-300m').window).toBeUndefined();
    expect(status('google/embeddinggemma-300m', 'architecture')).toBe('secondary');
    expect(firstSource('google/embeddinggemma-300m', 'architecture')).toBe('transformers-gemma3-conversion');
    expect(status('google/embeddinggemma-300m', 'architecture.params_total_b')).toBe('verified');
    expect(firstSource('google/embeddinggemma-300m', 'architecture.params_total_b')).toBe('gemma-docs-embeddinggemma');
    expect(status('google/embeddinggemma-300m', 'architecture.native_precision')).toBe('single-source');
    expect(model('google/embeddinggemma-300m').release_date).toBe('2025-09-04');
    expect(status('google/embeddinggemma-300m', 'release_date')).toBe('secondary');
    // Gemma 3 text stack: 201.3M embedding + 24 x 4.23M layers = 302.9M; the projections make up the rest of 308M.
    expect(paramGroups(arch('google/embeddinggemma-300m')).embeddingStored).toBe(262144 * 768);
    // Sizing accepts the multi-query layout: 24 x 2 x 1 x 256 x 2 B of (unused) KV per token.
    expect(kvBytesPerToken(arch('google/embeddinggemma-300m'), 'bf16')).toBe(24 * 2 * 1 * 256 * 2);
  });

  it('weight memory is params x bytes at the native precision (one embedding table), and one L4 holds each', () => {
    const rows: [string, number, number][] = [
      // id, params (B), bytes per weight at native precision
      ['baai/bge-reranker-v2-m3', 0.568, 4],
      ['jina/jina-embeddings-v3', 0.572, 2],
      ['jina/jina-reranker-v2-base-multilingual', 0.278, 2],
      ['nomic/nomic-embed-text-v1.5', 0.137, 4],
      ['meta/llama-prompt-guard-2-86m', 0.279, 4],
      ['meta/llama-prompt-guard-2-22m', 0.071, 4],
      ['google/embeddinggemma-300m', 0.308, 4],
    ];
    for (const [id, params, bytes] of rows) {
      const r = size(id, 'l4', 1);
      expect(r.fits, id).toBe(true);
      expect(r.weightsGib / GB, id).toBeCloseTo(params * bytes, 2);
    }
    // The short-context encoders also size for one pass that fits their window (the CLI refuses 1000 + 1000 there).
    for (const id of ['jina/jina-reranker-v2-base-multilingual', 'meta/llama-prompt-guard-2-86m', 'meta/llama-prompt-guard-2-22m']) {
      expect(500 + 1, id).toBeLessThanOrEqual(model(id).context_tokens!);
      expect(sizeShort(id, 'l4').fits, id).toBe(true);
    }
    // Untied, the 251000 x 768 table would be counted twice (385.5M > 279M) and overstate the weights.
    const untied = { ...arch('meta/llama-prompt-guard-2-86m'), tied_embeddings: false };
    expect(paramGroups(untied).embeddingStored * 4 / 1e9).toBeGreaterThan(0.279 * 4);
  });
});
