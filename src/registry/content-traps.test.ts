/**
 * License traps, read from the real registry (content/): each test pins one fact legal relies on, so a content
 * edit that breaks it fails CI rather than a compliance review.
 */
import { describe, expect, it } from 'vitest';
import { aliasIndex, modelChain, type License, type Model } from './index.ts';
import { contentRegistry, lookups } from './test-support/content.ts';

const { registry, findings } = contentRegistry();

const { model, license } = lookups(registry);
const isMultimodal = (m: Model) => m.modalities.input.some((x) => x !== 'text');
/** The EU exclusions of a model's weights license that reach this model (multimodal-only clauses need image/audio/video input). */
function euExclusions(id: string) {
  const m = model(id);
  return license(m.license).geo_exclusions.filter(
    (g) => g.regions.includes('EU') && (g.applies_to === 'all-models' || (g.applies_to === 'multimodal-models' && isMultimodal(m))),
  );
}

describe('Meta, Mistral, Cohere and Google license traps', () => {
  it('loads the open-weights part B entries without errors', () => {
    const mine = /^content\/(models\/(meta|mistral|cohere|google)\/|licenses\/(llama-|mistral-research|cc-by-nc-4.0-cohere|gemma-terms))/;
    expect(findings.filter((f) => f.severity === 'error' && mine.test(f.file))).toEqual([]);
  });

  it('Llama 4 Maverick and Llama Guard 4 carry the EU multimodal exclusion from the Llama 4 AUP; Prompt Guard 2 does not', () => {
    for (const id of ['meta/llama-4-maverick-17b-128e-instruct', 'meta/llama-guard-4-12b', 'meta/llama-4-scout-17b-16e-instruct']) {
      const [clause, ...rest] = euExclusions(id);
      expect(rest).toEqual([]);
      expect(clause).toMatchObject({ basis: 'domicile', applies_to: 'multimodal-models', in_document: 'acceptable-use-policy', status: 'verified' });
      expect(clause!.exempt).toMatch(/end users/i);
      expect(model(id).procurement_flags?.map((f) => f.flag)).toContain('eu-multimodal-exclusion');
    }
    for (const id of ['meta/llama-prompt-guard-2-86m', 'meta/llama-prompt-guard-2-22m']) {
      expect(model(id).license).toBe('llama-4-community');
      expect(model(id).modalities.input).toEqual(['text']);
      expect(euExclusions(id)).toEqual([]);
      expect(model(id).procurement_flags?.map((f) => f.flag)).not.toContain('eu-multimodal-exclusion');
    }
  });

  it('the Llama 3.3 AUP has the same multimodal EU clause, which does not reach the text-only Llama 3.3 70B', () => {
    expect(license('llama-3.3-community').geo_exclusions.map((g) => g.applies_to)).toEqual(['multimodal-models']);
    expect(euExclusions('meta/llama-3.3-70b-instruct')).toEqual([]);
  });

  it('Llama 2 forbids using outputs to improve other models, while Llama 3.1+ allows it with the "Llama" name prefix', () => {
    expect(license('llama-2-community').output_training.value).toBe('forbidden');
    for (const id of ['llama-3.1-community', 'llama-3.3-community', 'llama-4-community']) {
      const l = license(id);
      expect(l.output_training.value).toBe('restricted');
      expect(l.obligations.map((o) => o.value)).toEqual(expect.arrayContaining(['attribution-display', 'name-prefix']));
      expect(l.mau_cap?.value).toBe(700_000_000);
    }
  });

  it('Mistral Large 2 (2411) forbids commercial use while Mistral Large 3 allows it', () => {
    expect(license(model('mistral/mistral-large-2411').license).commercial_use.value).toBe('forbidden');
    const large3 = model('mistral/mistral-large-3');
    expect(large3.license).toBe('apache-2.0');
    expect(license(large3.license).commercial_use.value).toBe('allowed');
  });

  it('Command R+ weights are CC-BY-NC-4.0 while Cohere\'s own API route is governed by commercial API terms', () => {
    const commandRPlus = model('cohere/command-r-plus-08-2024');
    const weights = license(commandRPlus.license);
    expect(weights.spdx).toBe('CC-BY-NC-4.0');
    expect(weights.commercial_use.value).toBe('forbidden');
    const api = license(commandRPlus.api_terms);
    expect(api.kind).toBe('api-terms');
    expect(api.commercial_use.value).not.toBe('forbidden');
    const cohereRoute = commandRPlus.routes?.find((r) => r.provider === 'cohere');
    expect(cohereRoute?.relationship ?? registry.providers.cohere?.relationship).toBe('first-party-api');
  });

  it('Llama Guard 4 derives from Llama 4 Scout, so its chain stays under the Llama 4 license', () => {
    expect(modelChain(registry, 'meta/llama-guard-4-12b').map((m) => m.license)).toEqual(['llama-4-community', 'llama-4-community']);
  });

  it('router ids resolve to the exact checkpoint', () => {
    const index = aliasIndex(registry);
    expect(index.get('groq/llama-3.3-70b-versatile')).toBe('meta/llama-3.3-70b-instruct');
    expect(index.get('bedrock/us.meta.llama4-maverick-17b-instruct-v1:0')).toBe('meta/llama-4-maverick-17b-128e-instruct');
    expect(index.get('mistral/mistral-large-2411')).toBe('mistral/mistral-large-2411');
    expect(index.get('mistral/mistral-large-2512')).toBe('mistral/mistral-large-3');
    expect(index.get('coherelabs/c4ai-command-r-plus-08-2024')).toBe('cohere/command-r-plus-08-2024');
  });
});

describe('DeepSeek, Qwen, Kimi, gpt-oss, Phi and Granite license traps', () => {
  const licenseChain = (id: string) => modelChain(registry, id).map((m) => m.license);

  it('loads the open-weights part A entries without errors', () => {
    const mine =
      /^content\/(models\/(deepseek|alibaba|moonshot|microsoft|ibm)\/|models\/openai\/gpt-oss-|licenses\/(mit|apache-2\.0|deepseek-license-1\.0|qwen-license|qwen-research-license|modified-mit-kimi|nvidia-open-model-license|openmdw-1\.0)\.yaml|vendors\/(deepseek|alibaba|moonshot|microsoft|ibm|nvidia)\.yaml)/;
    expect(findings.filter((f) => f.severity === 'error' && mine.test(f.file))).toEqual([]);
  });

  it('DeepSeek-R1-Distill-Llama-70B resolves to both MIT and the Llama 3.3 license', () => {
    expect(modelChain(registry, 'deepseek/deepseek-r1-distill-llama-70b').map((m) => m.name)).toHaveLength(2);
    expect(licenseChain('deepseek/deepseek-r1-distill-llama-70b')).toEqual(['mit', 'llama-3.3-community']);
    expect(license('llama-3.3-community').mau_cap?.value).toBe(700_000_000);
  });

  it('DeepSeek-R1-Distill-Qwen-32B stacks MIT on the Apache-2.0 Qwen2.5-32B base', () => {
    expect(licenseChain('deepseek/deepseek-r1-distill-qwen-32b')).toEqual(['mit', 'apache-2.0']);
  });

  it('Qwen2.5-72B carries a 100M MAU cap while every Qwen3 checkpoint is Apache-2.0', () => {
    const qwen25 = license(model('alibaba/qwen2.5-72b-instruct').license);
    expect(qwen25.mau_cap?.value).toBe(100_000_000);
    expect(qwen25.commercial_use.value).toBe('conditional');
    expect(qwen25.obligations.map((o) => o.value)).toContain('attribution-display');
    for (const id of ['alibaba/qwen3-8b', 'alibaba/qwen3-32b', 'alibaba/qwen3-30b-a3b', 'alibaba/qwen3-235b-a22b', 'alibaba/qwen3-235b-a22b-instruct-2507']) {
      expect(model(id).license).toBe('apache-2.0');
      expect(license(model(id).license).mau_cap?.value ?? null).toBeNull();
    }
  });

  it('Qwen2.5-3B forbids commercial use (Qwen Research License)', () => {
    const l = license(model('alibaba/qwen2.5-3b-instruct').license);
    expect(l.class).toBe('non-commercial');
    expect(l.commercial_use.value).toBe('forbidden');
  });

  it('DeepSeek-V3 (December 2024) weights are under the DeepSeek License while R1 and later V3 checkpoints are MIT', () => {
    const v3 = model('deepseek/deepseek-v3');
    expect(v3.release_date).toBe('2024-12-26');
    const deepseekLicense = license(v3.license);
    expect(v3.license).toBe('deepseek-license-1.0');
    expect(deepseekLicense.class).toBe('open-weights-restricted');
    expect(deepseekLicense.flow_down?.value).toBe('yes');
    expect(deepseekLicense.governing_law?.value).toMatch(/PRC/);
    expect(deepseekLicense.other_clauses?.map((c) => c.value)).toEqual(expect.arrayContaining(['use-based-restrictions', 'remote-restriction']));
    for (const id of ['deepseek/deepseek-r1', 'deepseek/deepseek-v3-0324', 'deepseek/deepseek-v3.1', 'deepseek/deepseek-v3.2']) {
      expect(licenseChain(id)).toEqual(['mit']);
    }
  });

  it('Kimi K2 is "modified MIT", not MIT: a UI display duty above 100M MAU or USD 20M monthly revenue', () => {
    const kimi = license(model('moonshot/kimi-k2-instruct').license);
    expect(kimi.derived_from).toBe('mit');
    expect(kimi.spdx).not.toBe('MIT');
    const display = kimi.obligations.find((o) => o.value === 'attribution-display');
    expect(display?.summary).toMatch(/100 million/);
    expect(display?.summary).toMatch(/20 million/);
    expect(kimi.mau_cap?.value ?? null).toBeNull();
  });

  it('sizing architectures carry the attention details sizing needs', () => {
    const v32 = model('deepseek/deepseek-v3.2').architecture!;
    expect(v32.attention).toMatchObject({ kind: 'mla', kv_lora_rank: 512, qk_rope_head_dim: 64 });
    expect(v32.sparse_attention).toMatchObject({ kind: 'deepseek-dsa', index_head_dim: 128, top_k: 2048 });
    const qwen35 = model('alibaba/qwen3.5-397b-a17b').architecture!;
    expect(qwen35.linear_attention).toMatchObject({ kind: 'gated-deltanet', layers: 45 });
    expect(qwen35.layers - qwen35.linear_attention!.layers).toBe(15);
    expect(model('openai/gpt-oss-120b').architecture!.window).toMatchObject({ kind: 'sliding', size: 128, windowed_layers: 18 });
  });

  it('router ids resolve to the exact checkpoint', () => {
    const index = aliasIndex(registry);
    expect(index.get('deepseek-ai/deepseek-v3')).toBe('deepseek/deepseek-v3');
    expect(index.get('fireworks_ai/accounts/fireworks/models/deepseek-v3p2')).toBe('deepseek/deepseek-v3.2');
    expect(index.get('bedrock/us.deepseek.r1-v1:0')).toBe('deepseek/deepseek-r1');
    expect(index.get('together_ai/qwen/qwen3.5-397b-a17b')).toBe('alibaba/qwen3.5-397b-a17b');
    expect(index.get('openrouter/qwen/qwen3-235b-a22b-2507')).toBe('alibaba/qwen3-235b-a22b-instruct-2507');
    expect(index.get('groq/openai/gpt-oss-120b')).toBe('openai/gpt-oss-120b');
    expect(index.get('ollama/qwen2.5:3b')).toBe('alibaba/qwen2.5-3b-instruct');
  });
});

describe('content gaps closed in issue 3 (verified against the cited sources)', () => {
  it('Mistral Large 3 carries a DeepSeek-V3-style MLA + MoE architecture, so GPU sizing can run', () => {
    const arch = model('mistral/mistral-large-3').architecture;
    expect(arch).toMatchObject({ params_total_b: 675, params_active_b: 41, layers: 61, hidden_size: 7168, native_precision: 'fp8' });
    expect(arch?.attention).toEqual({ kind: 'mla', heads: 128, kv_lora_rank: 512, q_lora_rank: 1536, qk_rope_head_dim: 64, qk_nope_head_dim: 128, v_head_dim: 128 });
    expect(arch?.moe).toMatchObject({ experts_total: 128, experts_active: 4, experts_shared: 1, moe_layers: 58, expert_intermediate_size: 4096 });
    // Mistral's own deployment statement is kept as a deck fact with its vendor source.
    expect(registry.facts['mistral-large-3-single-node']).toMatchObject({ status: 'verified', subject: { kind: 'model', id: 'mistral/mistral-large-3' } });
  });

  it('Ollama tags resolve to the checkpoint they pull, and ambiguous family tags resolve to nothing', () => {
    const index = aliasIndex(registry);
    expect(index.get('ollama/deepseek-r1:70b')).toBe('deepseek/deepseek-r1-distill-llama-70b');
    expect(index.get('ollama/deepseek-r1:32b')).toBe('deepseek/deepseek-r1-distill-qwen-32b');
    expect(index.get('ollama/llama3.3')).toBe('meta/llama-3.3-70b-instruct');
    expect(index.get('ollama/gemma3:27b')).toBe('google/gemma-3-27b-it');
    // Bare deepseek-r1 is a 7B distill and :671b now pulls R1-0528: neither is a checkpoint in the registry.
    expect(index.get('ollama/deepseek-r1')).toBeUndefined();
    expect(index.get('ollama/deepseek-r1:671b')).toBeUndefined();
    // Bare gemma3 is the 4B (Ollama README table), now in the registry.
    expect(index.get('ollama/gemma3')).toBe('google/gemma-3-4b-it');
  });

  it("Cohere's CC-BY-NC addendum restricts commercial synthetic data from the weights' outputs", () => {
    const l = license(model('cohere/command-a-03-2025').license);
    expect(l.commercial_use).toMatchObject({ value: 'forbidden', status: 'verified' });
    expect(l.output_training.value).toBe('restricted');
  });

  it('DeepSeek V4 licenses record the Apache-2.0 claim as a dispute on both checkpoints, not on one', () => {
    for (const id of ['deepseek/deepseek-v4-pro', 'deepseek/deepseek-v4-flash']) {
      expect(model(id).license).toBe('mit');
      expect(model(id).citations.license?.status).toBe('disputed');
    }
  });
});

describe('no claim without a source, no price without an as-of date (issue 3)', () => {
  type Node = Record<string, unknown>;
  const isNode = (v: unknown): v is Node => v !== null && typeof v === 'object' && !Array.isArray(v);
  /** Every object in an entity that carries a `status` and `sources` pair: citations, clauses, routes, benchmarks, certifications, prices. */
  function provenanceNodes(root: unknown, path: string, out: { path: string; node: Node }[] = []) {
    if (Array.isArray(root)) root.forEach((item, i) => provenanceNodes(item, `${path}[${i}]`, out));
    else if (isNode(root)) {
      if (typeof root.status === 'string' && 'sources' in root) out.push({ path, node: root });
      for (const [k, v] of Object.entries(root)) if (k !== 'sources') provenanceNodes(v, path === '' ? k : `${path}.${k}`, out);
    }
    return out;
  }
  const tables = ['models', 'licenses', 'vendors', 'providers', 'gpus', 'facts'] as const;
  const everyEntity = tables.flatMap((t) => Object.entries(registry[t] as Record<string, unknown>).map(([id, data]) => ({ where: `${t}/${id}`, data })));

  it('holds every checkpoint issue 3 names (under its exact checkpoint id)', () => {
    const named = [
      'deepseek/deepseek-v3', 'deepseek/deepseek-v3-0324', 'deepseek/deepseek-v3.1', 'deepseek/deepseek-v3.2', 'deepseek/deepseek-v4-pro', 'deepseek/deepseek-v4-flash',
      'deepseek/deepseek-r1', 'deepseek/deepseek-r1-distill-qwen-32b', 'deepseek/deepseek-r1-distill-llama-70b',
      'alibaba/qwen3-8b', 'alibaba/qwen3-32b', 'alibaba/qwen3-30b-a3b', 'alibaba/qwen3-235b-a22b', 'alibaba/qwen3-235b-a22b-instruct-2507', 'alibaba/qwen3.5-397b-a17b',
      'alibaba/qwen-plus', 'alibaba/qwen3.5-plus', 'alibaba/qwen2.5-72b-instruct', 'alibaba/qwen2.5-3b-instruct',
      'meta/llama-2-70b-chat', 'meta/llama-3.1-8b-instruct', 'meta/llama-3.1-70b-instruct', 'meta/llama-3.3-70b-instruct',
      'meta/llama-4-scout-17b-16e-instruct', 'meta/llama-4-maverick-17b-128e-instruct', 'meta/llama-guard-4-12b', 'meta/llama-prompt-guard-2-86m', 'meta/llama-prompt-guard-2-22m',
      'mistral/mistral-large-2411', 'mistral/mistral-large-3', 'mistral/mistral-small-3.1-24b-instruct-2503',
      'cohere/command-r-plus-08-2024', 'cohere/command-a-03-2025', 'cohere/rerank-v3.5',
      'google/gemma-3-27b-it', 'google/functiongemma-270m-it', 'google/shieldgemma-2-4b-it',
      'openai/gpt-oss-120b', 'openai/gpt-oss-20b', 'microsoft/phi-4', 'ibm/granite-3.3-8b-instruct', 'ibm/granite-guardian-3.3-8b', 'moonshot/kimi-k2-instruct',
      'anthropic/claude-sonnet-4.5', 'anthropic/claude-sonnet-4.6', 'anthropic/claude-opus-4.7', 'anthropic/claude-3.5-sonnet',
      'openai/gpt-4o', 'openai/gpt-5', 'openai/gpt-5.5', 'google/gemini-1.5-pro', 'google/gemini-3.1-pro-preview',
    ];
    expect(named.filter((id) => !registry.models[id])).toEqual([]);
    // Announced to retire on 2026-11-30; recorded as retired once the date passed.
    expect(model('anthropic/claude-sonnet-4.5').lifecycle).toMatchObject({ status: 'retired', retired_on: '2026-11-30' });
    for (const id of ['anthropic/claude-3.5-sonnet', 'google/gemini-1.5-pro']) expect(model(id).lifecycle.status, id).toBe('retired');
    for (const id of ['alibaba/qwen-plus', 'alibaba/qwen3.5-plus', 'cohere/rerank-v3.5']) expect(model(id).kind, id).toBe('api-only');
  });

  it('walks a registry of the promised size', () => {
    expect(Object.keys(registry.models).length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(registry.licenses).length).toBeGreaterThanOrEqual(18);
    expect(Object.keys(registry.providers).length).toBeGreaterThanOrEqual(12);
  });

  it('every claim (citation, clause, route, benchmark, certification, price point, fact) has a source unless its status is unknown', () => {
    const unsourced: string[] = [];
    let claims = 0;
    for (const { where, data } of everyEntity) {
      for (const { path, node } of provenanceNodes(data, '')) {
        claims++;
        const sources = node.sources as unknown[];
        if (node.status !== 'unknown' && sources.length === 0) unsourced.push(`${where} ${path || '(entry)'} [${String(node.status)}]`);
      }
    }
    expect(claims).toBeGreaterThan(500);
    expect(unsourced).toEqual([]);
  });

  it('every model citation map entry carries sources unless unknown, and a model field making a claim is cited', () => {
    const claimFields = ['license', 'api_terms', 'release_date', 'context_tokens', 'max_output_tokens', 'architecture', 'base_model', 'modalities'] as const;
    const problems: string[] = [];
    for (const [id, m] of Object.entries(registry.models)) {
      for (const [key, c] of Object.entries(m.citations)) if (c.status !== 'unknown' && c.sources.length === 0) problems.push(`${id} citations.${key}`);
      const keys = Object.keys(m.citations);
      for (const field of claimFields) {
        if (m[field] === undefined) continue;
        if (!keys.some((k) => k === field || k.startsWith(`${field}.`))) problems.push(`${id} ${field} uncited`);
      }
      if (m.lifecycle.status !== 'active' && !keys.some((k) => k === 'lifecycle' || k.startsWith('lifecycle.'))) problems.push(`${id} lifecycle ${m.lifecycle.status} uncited`);
    }
    expect(problems).toEqual([]);
  });

  it('every route — and so every route price — has an as-of date and a source; prices are never a placeholder 0', () => {
    const problems: string[] = [];
    let prices = 0;
    for (const [id, m] of Object.entries(registry.models)) {
      for (const [i, r] of (m.routes ?? []).entries()) {
        const at = `${id} routes[${i}] (${r.provider})`;
        if (!/^\d{4}-\d{2}(-\d{2})?$/.test(r.as_of ?? '')) problems.push(`${at}: no as_of`);
        if (r.sources.length === 0) problems.push(`${at}: no source`);
        if (r.price) {
          prices++;
          if (r.price.input_usd_per_mtok === 0 && r.price.output_usd_per_mtok === 0 && !r.price.note) problems.push(`${at}: price 0 / 0 without a note saying why`);
        }
      }
    }
    expect(prices).toBeGreaterThan(50);
    expect(problems).toEqual([]);
  });

  it('every GPU price point is dated and sourced', () => {
    const problems: string[] = [];
    for (const [id, g] of Object.entries(registry.gpus)) {
      g.prices.forEach((p, i) => {
        if (!/^\d{4}-\d{2}(-\d{2})?$/.test(p.as_of ?? '')) problems.push(`${id} prices[${i}]: no as_of`);
        if (p.sources.length === 0) problems.push(`${id} prices[${i}]: no source`);
      });
    }
    expect(problems).toEqual([]);
  });

  it('every fact has a source unless unknown; an unknown fact says why; a price fact is dated and states its terms', () => {
    const problems: string[] = [];
    for (const [id, f] of Object.entries(registry.facts)) {
      if (f.status !== 'unknown' && f.sources.length === 0) problems.push(`${id}: ${f.status} without a source`);
      if (f.status === 'unknown' && f.sources.length === 0 && f.caveats.length === 0 && (f.evidence_against ?? []).length === 0) problems.push(`${id}: unknown without a caveat or evidence saying why`);
      if (f.tags?.includes('circulated-claim') && !f.circulated_as) problems.push(`${id}: circulated claim without circulated_as`);
      if (f.tags?.includes('price')) {
        if (!/^\d{4}-\d{2}(-\d{2})?$/.test(f.as_of)) problems.push(`${id}: price without as_of`);
        if (f.caveats.length === 0) problems.push(`${id}: price without caveats (tier, promotion, region)`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every cited source exists, says where it lives and when it was read', () => {
    const missing: string[] = [];
    for (const { where, data } of everyEntity) {
      for (const { path, node } of provenanceNodes(data, '')) {
        for (const ref of node.sources as { source: string }[]) if (!registry.sources[ref.source]) missing.push(`${where} ${path} → ${ref.source}`);
      }
      for (const [i, e] of ((data as { evidence_against?: { sources: { source: string }[] }[] }).evidence_against ?? []).entries()) {
        for (const ref of e.sources) if (!registry.sources[ref.source]) missing.push(`${where} evidence_against[${i}] → ${ref.source}`);
      }
    }
    expect(missing).toEqual([]);
    for (const [id, s] of Object.entries(registry.sources)) {
      expect(s.url ?? s.document, id).toBeTruthy();
      expect(s.retrieved, id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});
