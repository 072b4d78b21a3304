/**
 * Coverage of API vendors and their open weights (issue 12): OpenAI, Anthropic, Google (Gemini API, Gemma 2/3/4,
 * the unpaid-tier terms), Cohere (API models and the CC-BY-NC Command R / R+ / Aya releases), Amazon Nova and xAI.
 * Each test pins a fact legal relies on, read from the real registry in content/, so a content edit that breaks
 * it fails CI.
 */
import { describe, expect, it } from 'vitest';
import { testPolicy } from '../policy/__fixtures__/registry.ts';
import { lintText } from '../policy/index.ts';
import { aliasIndex, modelChain } from './index.ts';
import { contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-02';
const { registry, findings } = contentRegistry(TODAY);
const index = aliasIndex(registry);

const { model, license } = lookups(registry);
const litellm = (...models: string[]) => `model_list:\n${models.map((m, i) => `  - model_name: m${i}\n    litellm_params:\n      model: ${m}\n`).join('')}`;
const selfHosted = (m: string) => `name: t\ntiers:\n  - id: oss\n    routes:\n      - model: ${m}\n        via: self-hosted\n`;
const codes = (config: string) => [...new Set(lintText('router.yaml', config, registry, testPolicy('name: test\n'), TODAY).findings.map((f) => f.code))].sort();

describe('API vendors and their open weights', () => {
  it('loads every entry of these vendors without errors', () => {
    const mine = /^content\/(models\/(openai|anthropic|google|cohere|amazon|xai)\/|licenses\/(aws-service-terms|xai-enterprise-terms|google-gemini-api-unpaid-terms)\.yaml|vendors\/(amazon|xai)\.yaml|providers\/(xai|cloudflare-workers-ai)\.yaml)/;
    expect(findings.filter((f) => f.severity === 'error' && mine.test(f.file))).toEqual([]);
    for (const vendor of ['openai', 'anthropic', 'google', 'cohere', 'amazon', 'xai']) {
      expect(Object.keys(registry.models).filter((id) => id.startsWith(`${vendor}/`)).length).toBeGreaterThan(4);
    }
  });

  it('the April 2024 Command R+ and the March 2024 Command R weights are CC-BY-NC: self-hosting them is non-commercial', () => {
    for (const id of ['cohere/c4ai-command-r-plus', 'cohere/c4ai-command-r-v01', 'cohere/aya-expanse-8b', 'cohere/aya-expanse-32b', 'cohere/command-r-08-2024', 'cohere/command-r7b-12-2024']) {
      const weights = license(model(id).license);
      expect(weights.spdx).toBe('CC-BY-NC-4.0');
      expect(weights.commercial_use.value).toBe('forbidden');
      expect(model(id).procurement_flags?.map((f) => f.flag)).toContain('non-commercial');
    }
    expect(model('cohere/c4ai-command-r-v01').citations.license).toMatchObject({ status: 'verified' });
    expect(codes(selfHosted('cohere/c4ai-command-r-plus'))).toContain('license/non-commercial');
    expect(codes(litellm('hosted_vllm/CohereForAI/c4ai-command-r-plus'))).toContain('license/non-commercial');
    expect(codes(litellm('hosted_vllm/CohereForAI/c4ai-command-r-v01'))).toContain('license/non-commercial');
    expect(codes(litellm('hosted_vllm/CohereLabs/aya-expanse-32b'))).toContain('license/non-commercial');
    // The family name does not tell the license: Aya 101 (February 2024) is Apache-2.0.
    expect(model('cohere/aya-101').license).toBe('apache-2.0');
    expect(codes(selfHosted('CohereForAI/aya-101'))).not.toContain('license/non-commercial');
  });

  it("the same Command R / R+ through Cohere's API is not CC-BY-NC, but the API ids were deprecated in September 2025", () => {
    expect(index.get('command-r-plus')).toBe('cohere/c4ai-command-r-plus');
    expect(index.get('cohere/command-r')).toBe('cohere/c4ai-command-r-v01');
    expect(index.get('command-r-plus-08-2024')).toBe('cohere/command-r-plus-08-2024');
    const api = codes(litellm('cohere/command-r-plus', 'cohere_chat/command-r'));
    expect(api).not.toContain('license/non-commercial');
    expect(api).not.toContain('registry/unknown-model');
    expect(api).toContain('lifecycle/deprecated');
    expect(model('cohere/c4ai-command-r-plus').lifecycle).toMatchObject({ status: 'deprecated', deprecated_on: '2025-09-15' });
    expect(model('cohere/c4ai-command-r-plus').citations.lifecycle).toMatchObject({ status: 'verified' });
  });

  it('Gemma 2 and 3 are under the Gemma terms (use restrictions flow down); Gemma 4 is Apache-2.0, as Google states', () => {
    const gemmaTerms = ['google/gemma-2-2b-it', 'google/gemma-2-9b-it', 'google/gemma-2-27b-it', 'google/gemma-3-1b-it', 'google/gemma-3-4b-it', 'google/gemma-3-12b-it'];
    for (const id of gemmaTerms) {
      const l = license(model(id).license);
      expect(model(id).license).toBe('gemma-terms');
      expect(l.flow_down?.value).toBe('yes');
      expect(l.obligations.map((o) => o.value)).toContain('aup-flow-down');
      expect(model(id).procurement_flags?.map((f) => f.flag)).toContain('use-restriction-flow-down');
    }
    for (const id of ['google/gemma-4-e2b-it', 'google/gemma-4-e4b-it', 'google/gemma-4-26b-a4b-it', 'google/gemma-4-31b-it']) {
      expect(model(id).license).toBe('apache-2.0');
      expect(license(model(id).license).class).toBe('permissive');
      expect(model(id).citations.license).toMatchObject({ status: 'verified' });
      expect(model(id).procurement_flags?.map((f) => f.flag)).not.toContain('use-restriction-flow-down');
    }
    // Per-size differences the card tables give: 1B is text-only at 32K; E2B/E4B take audio; 26B/31B have 256K.
    expect(model('google/gemma-3-1b-it')).toMatchObject({ context_tokens: 32768, modalities: { input: ['text'] } });
    expect(model('google/gemma-3-4b-it').modalities.input).toContain('image');
    expect(model('google/gemma-4-e4b-it').modalities.input).toContain('audio');
    expect(model('google/gemma-4-31b-it').modalities.input).not.toContain('audio');
    expect(model('google/gemma-4-31b-it').context_tokens).toBe(262144);
  });

  it('Gemma sizing shapes: Gemma 2 alternates 4K sliding and global layers, Gemma 3 keeps one global layer in six', () => {
    const g2 = model('google/gemma-2-9b-it').architecture!;
    expect(g2).toMatchObject({ layers: 42, hidden_size: 3584, attention: { kind: 'gqa', heads: 16, kv_heads: 8, head_dim: 256 } });
    expect(g2.window).toMatchObject({ kind: 'sliding', size: 4096, windowed_layers: 21 });
    const g3 = model('google/gemma-3-4b-it').architecture!;
    expect(g3.window).toMatchObject({ kind: 'sliding', size: 1024, windowed_layers: 29 });
    expect(g3.layers).toBe(34);
    // Computed parameter counts land on the card sizes.
    expect(model('google/gemma-2-27b-it').architecture!.params_total_b).toBeCloseTo(27.2, 0);
    expect(model('cohere/c4ai-command-r-plus').architecture!.params_total_b).toBeCloseTo(104, -1);
    expect(model('cohere/c4ai-command-r-v01').architecture!.params_total_b).toBeCloseTo(35, 0);
    // Command R v01 has no grouped-query attention: its KV cache is eight times the 08-2024 update's.
    const v01 = model('cohere/c4ai-command-r-v01').architecture!.attention;
    const r0824 = model('cohere/command-r-08-2024').architecture!.attention;
    expect(v01.kind === 'gqa' && r0824.kind === 'gqa' && v01.kv_heads / r0824.kv_heads).toBe(8);
    // Gemma 3 1B is not a scaled-down 4B: one KV head and a 512-token window.
    const g31 = model('google/gemma-3-1b-it').architecture!;
    expect(g31).toMatchObject({ layers: 26, hidden_size: 1152, attention: { kind: 'gqa', heads: 4, kv_heads: 1, head_dim: 256 } });
    expect(g31.window).toMatchObject({ size: 512, windowed_layers: 22 });
    // Gemma 4: the 26B A4B is a mixture of experts with about 4B active, the 31B is dense.
    const moe = model('google/gemma-4-26b-a4b-it').architecture!;
    expect(moe.moe).toMatchObject({ experts_total: 128, experts_active: 8 });
    expect(moe.params_total_b).toBeCloseTo(26, -1);
    expect(moe.params_active_b).toBeLessThan(5);
    const dense = model('google/gemma-4-31b-it').architecture!;
    expect(dense.moe).toBeUndefined();
    expect(dense.params_total_b).toBeCloseTo(31, 0);
    // The edge sizes use per-layer embeddings and KV sharing the schema cannot express: left unrecorded, not guessed.
    expect(model('google/gemma-4-e2b-it').architecture).toBeUndefined();
  });

  it('the Gemini unpaid tier trains on prompts and may not serve users in the EEA, Switzerland or the UK', () => {
    const unpaid = license('google-gemini-api-unpaid-terms');
    expect(unpaid.kind).toBe('api-terms');
    expect(unpaid.commercial_use.value).toBe('conditional');
    const [geo, ...rest] = unpaid.geo_exclusions;
    expect(rest).toEqual([]);
    expect(geo).toMatchObject({ regions: ['EEA', 'CH', 'GB'], basis: 'location', in_document: 'terms', status: 'verified' });
    expect(unpaid.other_clauses?.map((c) => c.value)).toContain('unpaid-data-used-for-training');
    expect(unpaid.competing_models?.value).toBe('forbidden');
    // ...except that for users in the EEA, Switzerland and the UK the paid data terms apply to the free tier too.
    expect(unpaid.other_clauses?.map((c) => c.value)).toContain('eea-ch-uk-paid-data-terms');
    // API terms carry Clearance's own license ids, never an SPDX id.
    for (const id of ['google-gemini-api-unpaid-terms', 'aws-service-terms', 'xai-enterprise-terms']) expect(license(id).spdx).toBe(`LicenseRef-clearance-${id}`);
    expect(license('google-gemini-api-terms').geo_exclusions).toEqual([]);
  });

  it('retired API ids fail closed as lifecycle/retired; scheduled shutdowns warn as deprecated', () => {
    for (const id of ['gpt-4.1-nano', 'o4-mini', 'gpt-3.5-turbo', 'anthropic/claude-sonnet-4-20250514', 'gemini/gemini-2.0-flash', 'xai/grok-3', 'xai/grok-4-0709']) {
      expect(codes(litellm(id))).toContain('lifecycle/retired');
    }
    for (const id of ['gpt-4o-mini', 'openai/gpt-5-mini', 'anthropic/claude-opus-4-5-20251101']) {
      expect(codes(litellm(id))).toContain('lifecycle/deprecated');
    }
    // Gemini 2.5 Pro's reported shutdown date, 2026-12-01, has passed: recorded as retired on it.
    expect(model('google/gemini-2.5-pro').lifecycle).toMatchObject({ status: 'retired', retired_on: '2026-12-01' });
    expect(codes(litellm('gemini/gemini-2.5-pro'))).toContain('lifecycle/retired');
    expect(codes(litellm('anthropic/claude-haiku-4-5-20251001', 'xai/grok-4.3'))).not.toContain('lifecycle/retired');
  });

  it('xAI retires slugs by silently redirecting them to grok-4.3 at its price', () => {
    for (const id of ['xai/grok-3', 'xai/grok-4', 'xai/grok-4-fast', 'xai/grok-4.1-fast', 'xai/grok-code-fast-1']) {
      expect(model(id).lifecycle).toMatchObject({ status: 'retired', retired_on: '2026-05-15', replacement: 'xai/grok-4.3' });
      expect(model(id).traps?.join(' ')).toMatch(/redirect|served by grok-4\.3/);
    }
    const terms = license('xai-enterprise-terms');
    expect(terms.other_clauses?.find((c) => c.value === 'silent-model-redirects')).toMatchObject({ status: 'verified' });
    expect(terms.commercial_use).toMatchObject({ value: 'conditional', status: 'verified' });
  });

  it('router spellings resolve to the exact checkpoint', () => {
    const expected: Record<string, string> = {
      'ollama/gemma3': 'google/gemma-3-4b-it',
      'ollama/gemma3:1b': 'google/gemma-3-1b-it',
      'ollama/gemma2': 'google/gemma-2-9b-it',
      'ollama/gemma4:e2b': 'google/gemma-4-e2b-it',
      'google/gemma-4-26b-a4b-it': 'google/gemma-4-26b-a4b-it',
      'cloudflare/@cf/google/gemma-4-26b-a4b-it': 'google/gemma-4-26b-a4b-it',
      'gemini/gemini-2.5-flash': 'google/gemini-2.5-flash',
      'vertex_ai/claude-haiku-4-5@20251001': 'anthropic/claude-haiku-4.5',
      'bedrock/eu.anthropic.claude-sonnet-4-20250514-v1:0': 'anthropic/claude-sonnet-4',
      'azure/gpt-4.1-2025-04-14': 'openai/gpt-4.1',
      'openrouter/openai/gpt-5-nano': 'openai/gpt-5-nano',
      'bedrock/us.amazon.nova-pro-v1:0': 'amazon/nova-pro',
      'amazon_nova/nova-micro-v1': 'amazon/nova-micro',
      'xai/grok-4-0709': 'xai/grok-4',
      'azure_ai/grok-code-fast-1': 'xai/grok-code-fast-1',
      'cohere.command-r-plus-v1:0': 'cohere/c4ai-command-r-plus',
      'text-embedding-3-small': 'openai/text-embedding-3-small',
    };
    for (const [alias, id] of Object.entries(expected)) expect([alias, index.get(alias.toLowerCase())]).toEqual([alias, id]);
    // The bare gemma4 tag is not mapped: which size Ollama serves for it was not read.
    expect(index.get('ollama/gemma4')).toBeUndefined();
  });

  it('API-only models carry their vendor terms and no weights license', () => {
    const terms: Record<string, string> = { openai: 'openai-services-agreement', anthropic: 'anthropic-commercial-terms', amazon: 'aws-service-terms', xai: 'xai-enterprise-terms' };
    for (const [id, m] of Object.entries(registry.models)) {
      const vendor = id.split('/')[0]!;
      if (m.kind !== 'api-only' || !(vendor in terms)) continue;
      expect([id, m.api_terms, m.license]).toEqual([id, terms[vendor], undefined]);
    }
    expect(modelChain(registry, 'google/gemma-3-12b-it').map((m) => m.license)).toEqual(['gemma-terms']);
  });
});
