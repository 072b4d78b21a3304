/**
 * Retrieval models proxies route besides chat (embeddings, rerankers): their licenses differ from their
 * neighbours' in the pipeline, and self-hosting a non-commercial one is the trap.
 */
import { describe, expect, it } from 'vitest';
import { testPolicy } from '../policy/__fixtures__/registry.ts';
import { lintText } from '../policy/index.ts';
import { contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-03';
const { registry } = contentRegistry(TODAY);
const { model } = lookups(registry);
const litellm = (id: string) => `model_list:\n  - model_name: retrieval\n    litellm_params:\n      model: ${id}\n`;
const codes = (id: string) => [...new Set(lintText('router.yaml', litellm(id), registry, testPolicy('name: test\n'), TODAY).findings.map((f) => f.code))].sort();

describe('embedding and reranker models', () => {
  it('Jina v3 embeddings and the v2 reranker are CC BY-NC 4.0 when self-hosted, cited to their cards', () => {
    for (const id of ['jina/jina-embeddings-v3', 'jina/jina-reranker-v2-base-multilingual']) {
      const m = model(id);
      expect(m.license).toBe('cc-by-nc-4.0');
      expect(m.citations.license).toMatchObject({ status: 'verified' });
      expect(m.procurement_flags?.map((f) => f.flag)).toContain('non-commercial');
    }
    expect(model('jina/jina-embeddings-v3').citations.license?.sources[0]?.where).toContain('licensed under CC BY-NC 4.0');
    expect(codes('hosted_vllm/jinaai/jina-embeddings-v3')).toContain('license/non-commercial');
    expect(codes('huggingface/jinaai/jina-reranker-v2-base-multilingual')).toContain('license/non-commercial');
  });

  it('Jina’s own API is another channel whose terms are not recorded: it fails closed instead of borrowing either reading', () => {
    expect(codes('jina_ai/jina-embeddings-v3')).toEqual(['registry/unknown-model']);
  });

  it('BGE Reranker v2 M3 is Apache-2.0 (BGE-M3 is MIT) and keeps the China-origin flag', () => {
    const m = model('baai/bge-reranker-v2-m3');
    expect(m.license).toBe('apache-2.0');
    expect(model('baai/bge-m3').license).toBe('mit');
    expect(m.procurement_flags?.map((f) => f.flag)).toContain('origin:CN');
    expect(codes('huggingface/BAAI/bge-reranker-v2-m3')).not.toContain('license/non-commercial');
  });
});
