/**
 * Models that real LiteLLM configs route to and the registry did not know: Qwen3.6-27B, Qwen3.5-27B, Qwen3.5-122B-A10B,
 * Qwen3.5-0.8B / 2B / 4B, Kimi K2.6 (with its own Modified MIT text), Hermes 3 Llama 3.1 405B and the Llama 3.1 405B
 * base it chains to, and MiniMax-M2.5 (a new vendor, whose Modified MIT has no threshold). Each test pins the license and what the linter decides on a route to it, the derivative chain,
 * and, where an architecture is recorded, the shapes that decide sizing and a fit the math predicts.
 */
import { describe, expect, it } from 'vitest';
import { testPolicy } from '../policy/__fixtures__/registry.ts';
import { lintText } from '../policy/index.ts';
import { kvBytesPerToken } from '../sizing/kv-cache.ts';
import { aliasIndex, modelChain } from './index.ts';
import { architectureProblems, contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-04';
const { registry, findings } = contentRegistry(TODAY);
const { model, architecture: arch, size, license } = lookups(registry);
const status = (id: string, field: string) => model(id).citations[field]?.status;
const litellm = (route: string) => `model_list:\n  - model_name: m\n    litellm_params:\n      model: ${route}\n`;
const lint = (route: string) => lintText('router.yaml', litellm(route), registry, testPolicy('name: test\n'), TODAY).findings;
const codes = (route: string) => [...new Set(lint(route).map((f) => f.code))].sort();
const obligations = (route: string) => lint(route).find((f) => f.code === 'license/obligations')?.message ?? '';
const GB = 1e9 / 2 ** 30;

const ADDED = [
  'alibaba/qwen3.6-27b', 'alibaba/qwen3.5-27b', 'alibaba/qwen3.5-122b-a10b', 'alibaba/qwen3.5-0.8b', 'alibaba/qwen3.5-2b',
  'alibaba/qwen3.5-4b', 'moonshot/kimi-k2.6', 'nous/hermes-3-llama-3.1-405b', 'meta/llama-3.1-405b', 'minimax/minimax-m2.5',
];
const WITH_ARCHITECTURE = ['alibaba/qwen3.6-27b', 'alibaba/qwen3.5-27b', 'moonshot/kimi-k2.6', 'nous/hermes-3-llama-3.1-405b', 'meta/llama-3.1-405b', 'minimax/minimax-m2.5'];

describe('models real configs route to', () => {
  it('load without errors or warnings, cite only sources that exist, and add no alias another entry holds', () => {
    const files = new Set([...ADDED.map((id) => `content/models/${id}.yaml`), 'content/licenses/modified-mit-kimi-k2.6.yaml', 'content/licenses/modified-mit-minimax-m2.5.yaml', 'content/vendors/minimax.yaml']);
    expect(findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && files.has(f.file))).toEqual([]);
    expect(architectureProblems({ registry, findings }, WITH_ARCHITECTURE)).toEqual([]);
    for (const id of ADDED) {
      for (const [field, c] of Object.entries(model(id).citations)) for (const ref of c.sources) expect(registry.sources[ref.source], `${id} ${field} cites ${ref.source}`).toBeDefined();
    }
    const index = aliasIndex(registry);
    for (const id of ADDED) for (const alias of model(id).aliases) expect(index.get(alias.toLowerCase()), `${id} alias ${alias}`).toBe(id);
    // The three without an architecture say why they do not size.
    for (const id of ['alibaba/qwen3.5-122b-a10b', 'alibaba/qwen3.5-0.8b', 'alibaba/qwen3.5-2b', 'alibaba/qwen3.5-4b']) {
      expect(model(id).architecture, id).toBeUndefined();
      expect(model(id).traps?.join(' '), id).toContain('Gated DeltaNet head counts');
    }
  });

  it('Qwen: every size is Apache-2.0, each checked on its own (Qwen has had per-size licenses), and a self-hosted route owes only the Apache notices', () => {
    for (const id of ADDED.filter((i) => i.startsWith('alibaba/'))) {
      expect(model(id).license, id).toBe('apache-2.0');
      expect(model(id).citations['license']?.sources.map((s) => s.source), id).toContain('qwen3.6-github-readme');
      expect(model(id).procurement_flags?.map((f) => f.flag), id).toContain('origin:CN');
    }
    // Qwen's README names the Qwen3.5 sizes in its News; the 27B of Qwen3.6 shipped after the commit read.
    for (const id of ['alibaba/qwen3.5-27b', 'alibaba/qwen3.5-122b-a10b', 'alibaba/qwen3.5-0.8b', 'alibaba/qwen3.5-2b', 'alibaba/qwen3.5-4b']) expect(status(id, 'license'), id).toBe('verified');
    expect(status('alibaba/qwen3.6-27b', 'license')).toBe('secondary');
    for (const route of ['hosted_vllm/Qwen/Qwen3.6-27B', 'hosted_vllm/Qwen/Qwen3.5-27B-FP8', 'hosted_vllm/Qwen/Qwen3.5-122B-A10B']) {
      expect(codes(route), route).toEqual(['license/obligations']);
      expect(obligations(route), route).toContain('Apache License 2.0 (apache-2.0), self-hosted');
    }
  });

  it('Qwen release dates: Qwen\'s own News for Qwen3.5 (24 February medium, 2 March small); one third party for Qwen3.6-27B', () => {
    expect(['27b', '122b-a10b'].map((s) => model(`alibaba/qwen3.5-${s}`).release_date)).toEqual(['2026-02-24', '2026-02-24']);
    expect(['0.8b', '2b', '4b'].map((s) => model(`alibaba/qwen3.5-${s}`).release_date)).toEqual(['2026-03-02', '2026-03-02', '2026-03-02']);
    expect(status('alibaba/qwen3.5-2b', 'release_date')).toBe('verified');
    expect(model('alibaba/qwen3.6-27b')).toMatchObject({ release_date: '2026-04-22' });
    expect(status('alibaba/qwen3.6-27b', 'release_date')).toBe('single-source');
  });

  it('the Ollama qwen3.5 size tags now resolve to the registry entries (they were unknown while the repos were missing)', () => {
    for (const s of ['0.8b', '2b', '4b']) {
      const route = `ollama/qwen3.5:${s}`;
      expect(codes(route), route).not.toContain('registry/unknown-model');
      expect(obligations(route), route).toContain('apache-2.0');
    }
    expect(codes('ollama_chat/qwen3.5:4b')).not.toContain('registry/unknown-model');
    // A quantized tag reads as a quantization of the same checkpoint.
    expect(codes('ollama/qwen3.5:2b-q4_K_M')).not.toContain('registry/unknown-model');
    // A served name equal to the repo name without its org resolves, but only as an assumed model; a third-party AWQ name reads as a re-upload.
    expect(codes('openai/Qwen3.5-27B')).toContain('route/assumed-model');
    expect(codes('openai/Qwen3.5-27B')).not.toContain('registry/unknown-model');
    expect(codes('openai/qwen3.5-4b-awq')).not.toContain('registry/unknown-model');
    // No source read maps Ollama's qwen3.6 tags, so they stay unknown rather than guessed.
    expect(codes('ollama_chat/qwen3.6:27b')).toContain('registry/unknown-model');
  });

  it('NVIDIA\'s catalog id for Qwen3.5-122B-A10B resolves through the provider path to the Hugging Face repo', () => {
    expect(codes('nvidia_nim/qwen/qwen3.5-122b-a10b')).not.toContain('registry/unknown-model');
    expect(model('alibaba/qwen3.5-122b-a10b').aliases).toEqual(expect.arrayContaining(['Qwen/Qwen3.5-122B-A10B-FP8', 'Qwen/Qwen3.5-122B-A10B-GPTQ-Int4']));
    // QuantTrio's AWQ repo is a third party's, not an alias.
    expect(model('alibaba/qwen3.5-122b-a10b').aliases.some((a) => a.includes('AWQ'))).toBe(false);
  });

  it('Qwen3.6-27B and Qwen3.5-27B: 16 of 64 layers keep KV (65,536 B per token at bf16); 27.78B of bf16 weights fit one H100', () => {
    for (const id of ['alibaba/qwen3.6-27b', 'alibaba/qwen3.5-27b']) {
      expect(arch(id), id).toMatchObject({
        layers: 64, hidden_size: 5120, intermediate_size: 17408, vocab_size: 248320, tied_embeddings: false,
        attention: { kind: 'gqa', heads: 24, kv_heads: 4, head_dim: 256 },
        linear_attention: { kind: 'gated-deltanet', layers: 48, key_heads: 16, value_heads: 48, key_head_dim: 128, value_head_dim: 128 },
      });
      expect(kvBytesPerToken(arch(id), 'bf16'), id).toBe(16 * 2 * 4 * 256 * 2);
      expect(status(id, 'architecture'), id).toBe('secondary');
    }
    // The 3.5-27B's linear-attention heads are borrowed from the 3.6-27B, and say so.
    expect(status('alibaba/qwen3.5-27b', 'architecture.linear_attention')).toBe('directional');
    expect(arch('alibaba/qwen3.6-27b')).toMatchObject({ params_total_b: 27.78, params_nominal_b: 27 });
    expect(status('alibaba/qwen3.6-27b', 'architecture.params_total_b')).toBe('directional');
    const r = size('alibaba/qwen3.6-27b', 'h100-sxm', 1, 'bf16');
    expect(r.fits).toBe(true);
    expect(r.weightsGib / GB).toBeCloseTo(27.78 * 2, 1);
    expect(size('alibaba/qwen3.6-27b', 'l4', 1, 'bf16').fits).toBe(false);
  });

  it("Kimi K2.6 has its own Modified MIT: \"Kimi K2.6\" on the UI above 100M MAU or USD 20M a month, distinct from K2.5's and K2's", () => {
    const k26 = license('modified-mit-kimi-k2.6');
    expect(k26).toMatchObject({ kind: 'weights-license', class: 'open-weights-restricted', vendor: 'moonshot', derived_from: 'mit' });
    expect(k26.commercial_use).toMatchObject({ value: 'allowed', status: 'secondary' });
    expect(k26.commercial_use.quote).toContain('"Kimi K2.6"');
    expect(k26.obligations).toEqual([expect.objectContaining({ value: 'attribution-display', applies_when: 'use' })]);
    expect(k26.mau_cap?.value).toBeNull();
    expect(k26.flow_down?.value).toBe('yes');
    expect(new Set([k26.spdx, license('modified-mit-kimi-k2.5').spdx, license('modified-mit-kimi').spdx]).size).toBe(3);
    expect(model('moonshot/kimi-k2.6')).toMatchObject({ license: 'modified-mit-kimi-k2.6', modalities: { input: ['text', 'image', 'video'] }, context_tokens: 262144 });
    // Self-hosted and NVIDIA's hosted route both owe the display duty; neither is unknown.
    for (const route of ['hosted_vllm/moonshotai/Kimi-K2.6', 'nvidia_nim/moonshotai/kimi-k2.6']) {
      expect(codes(route), route).not.toContain('registry/unknown-model');
      expect(obligations(route), route).toContain('"Kimi K2.6"');
    }
    expect(obligations('hosted_vllm/moonshotai/Kimi-K2.6')).toContain('self-hosted');
    // No release date: NVIDIA's and the press's dates disagree.
    expect(model('moonshot/kimi-k2.6').release_date).toBeUndefined();
  });

  it('Kimi K2.6 sizes like K2.5 (the card table matches it), with the borrowed shapes marked directional; INT4 experts, 61 MLA layers', () => {
    expect(arch('moonshot/kimi-k2.6')).toMatchObject({
      layers: 61, hidden_size: 7168, native_precision: 'bf16', native_expert_precision: 'int4',
      attention: { kind: 'mla', heads: 64, kv_lora_rank: 512, qk_rope_head_dim: 64 },
      moe: { experts_total: 384, experts_active: 8, experts_shared: 1, moe_layers: 60, expert_intermediate_size: 2048 },
    });
    expect(arch('moonshot/kimi-k2.6')).toEqual(arch('moonshot/kimi-k2.5'));
    expect(status('moonshot/kimi-k2.6', 'architecture')).toBe('secondary');
    for (const f of ['architecture.attention', 'architecture.params_total_b', 'architecture.vocab_size']) expect(status('moonshot/kimi-k2.6', f), f).toBe('directional');
    // MLA caches the latent and the rope key: 61 x (512 + 64) x 2 bytes per token at bf16.
    expect(kvBytesPerToken(arch('moonshot/kimi-k2.6'), 'bf16')).toBe(61 * (512 + 64) * 2);
    expect(size('moonshot/kimi-k2.6', 'h200-sxm', 8).fits).toBe(true);
    expect(size('moonshot/kimi-k2.6', 'h200-sxm', 2).fits).toBe(false);
  });

  it('Hermes 3 405B is a full fine-tune of the Llama 3.1 405B base (not the Instruct), on the Llama 3.1 chain', () => {
    expect(model('nous/hermes-3-llama-3.1-405b').base_model).toEqual({ model: 'meta/llama-3.1-405b', relation: 'fine-tune' });
    expect(status('nous/hermes-3-llama-3.1-405b', 'base_model')).toBe('verified');
    expect(modelChain(registry, 'nous/hermes-3-llama-3.1-405b').map((m) => m.license)).toEqual(['llama-3.1-community', 'llama-3.1-community']);
    expect(model('nous/hermes-3-llama-3.1-405b').procurement_flags?.map((f) => f.flag)).toContain('llama-naming-duty');
    expect(model('meta/llama-3.1-405b').aliases).not.toContain('meta-llama/Llama-3.1-405B-Instruct');
    // The OpenRouter free route resolves, and is flagged for its free-tier terms.
    expect(codes('openrouter/nousresearch/hermes-3-llama-3.1-405b:free')).toEqual(expect.arrayContaining(['route/free-endpoint']));
    expect(codes('openrouter/nousresearch/hermes-3-llama-3.1-405b:free')).not.toContain('registry/unknown-model');
    expect(obligations('hosted_vllm/NousResearch/Hermes-3-Llama-3.1-405B-FP8')).toContain('llama-3.1-community');
  });

  it('the 405B shapes (base and Hermes): 126 layers x 8 KV heads of 128 (516,096 B per token); bf16 needs more than 8 x H100, FP8 fits', () => {
    for (const id of ['meta/llama-3.1-405b', 'nous/hermes-3-llama-3.1-405b']) {
      expect(arch(id), id).toEqual(arch('meta/llama-3.1-405b-instruct'));
      expect(kvBytesPerToken(arch(id), 'bf16'), id).toBe(126 * 2 * 8 * 128 * 2);
    }
    expect(size('nous/hermes-3-llama-3.1-405b', 'h100-sxm', 8, 'bf16').fits).toBe(false);
    expect(size('nous/hermes-3-llama-3.1-405b', 'h100-sxm', 8, 'fp8').fits).toBe(true);
  });

  it('MiniMax-M2.5: its Modified MIT (read in full) owes "MiniMax M2.5" on the UI of every commercial product, with no threshold', () => {
    const l = license('modified-mit-minimax-m2.5');
    expect(l).toMatchObject({ class: 'open-weights-restricted', vendor: 'minimax', derived_from: 'mit' });
    expect(l.commercial_use).toMatchObject({ value: 'allowed', status: 'verified' });
    expect(l.commercial_use.quote).toContain('“MiniMax M2.5”');
    expect(l.mau_cap?.value).toBeNull();
    expect(l.revenue_cap?.value).toBeNull();
    expect(l.obligations.map((o) => [o.value, o.applies_when])).toEqual([['attribution-display', 'use'], ['license-notice', 'distribution']]);
    expect(registry.vendors['minimax']).toMatchObject({ country: 'CN' });
    expect(model('minimax/minimax-m2.5')).toMatchObject({ license: 'modified-mit-minimax-m2.5', context_tokens: 196608 });
    expect(model('minimax/minimax-m2.5').procurement_flags?.map((f) => f.flag)).toContain('origin:CN');
    expect(obligations('hosted_vllm/MiniMaxAI/MiniMax-M2.5')).toContain('"MiniMax M2.5"');
    // MiniMax's API id on an OpenAI-compatible route is read by the repo name without its org, as an assumed model only;
    // Ollama's cloud tag is a hosted service, not recorded as an alias.
    expect(codes('openai/MiniMax-M2.5')).toContain('route/assumed-model');
    expect(codes('ollama/minimax-m2.5:cloud')).toContain('registry/unknown-model');
  });

  it('MiniMax-M2.5 sizes as an FP8 checkpoint: 62 full-attention layers (253,952 B of KV per token at bf16, MiniMax\'s 240 GB per 1M); fits 4 x H100, not 2', () => {
    expect(arch('minimax/minimax-m2.5')).toMatchObject({
      layers: 62, hidden_size: 3072, vocab_size: 200064, native_precision: 'fp8', tied_embeddings: false,
      attention: { kind: 'gqa', heads: 48, kv_heads: 8, head_dim: 128 },
      moe: { experts_total: 256, experts_active: 8, experts_shared: 0, moe_layers: 62, expert_intermediate_size: 1536 },
    });
    expect(arch('minimax/minimax-m2.5').linear_attention).toBeUndefined();
    expect(kvBytesPerToken(arch('minimax/minimax-m2.5'), 'bf16')).toBe(62 * 2 * 8 * 128 * 2);
    expect(arch('minimax/minimax-m2.5')).toMatchObject({ params_total_b: 228.69, params_active_b: 11.03 });
    expect(status('minimax/minimax-m2.5', 'architecture.params_total_b')).toBe('directional');
    expect(size('minimax/minimax-m2.5', 'h100-sxm', 4).fits).toBe(true);
    expect(size('minimax/minimax-m2.5', 'h100-sxm', 2).fits).toBe(false);
  });
});
