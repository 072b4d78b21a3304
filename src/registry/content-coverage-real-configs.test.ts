/**
 * Model strings from real LiteLLM configs that did not resolve (provider ids of existing checkpoints, Mistral
 * -latest pointers, GPT-5.x chat / codex variants, retired Claude / Gemini / DeepSeek ids, Moonshot v1, Gemma on
 * the Gemini API). Each spelling is pinned to the entry it resolves to and to the terms that govern its route, read
 * from the real registry in content/, so an alias that moves or a lifecycle that is dropped fails CI.
 */
import { describe, expect, it } from 'vitest';
import { testPolicy } from '../policy/__fixtures__/registry.ts';
import { lintText } from '../policy/index.ts';
import { createResolver } from '../policy/resolve.ts';
import { governingTerms } from '../policy/terms.ts';
import type { RouteRelationship } from '../policy/types.ts';
import { contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-04';
const { registry, findings } = contentRegistry(TODAY);
const { model } = lookups(registry);
const resolver = createResolver(registry);
const idOf = (spec: string) => {
  const r = resolver.resolveModel(spec, spec.includes('/') ? spec.slice(0, spec.indexOf('/')) : undefined);
  return r.kind === 'model' ? r.id : r.kind;
};
const terms = (id: string, relationship: RouteRelationship) => governingTerms(registry, [id], relationship).map((t) => t.licenseId);

type Route = { model: string; api_base?: string };
const config = (routes: Route[]) =>
  `model_list:\n${routes.map((r, i) => `  - model_name: route-${i}\n    litellm_params:\n      model: ${r.model}\n${r.api_base ? `      api_base: ${r.api_base}\n` : ''}`).join('')}`;
const lint = (routes: Route[]) => lintText('litellm_config.yaml', config(routes), registry, testPolicy('name: test\n'), TODAY).findings;
/** The codes raised on route i (its model_list entry). */
const codesOn = (fs: ReturnType<typeof lint>, i: number) => [...new Set(fs.filter((f) => f.path.startsWith(`model_list[${i}]`) || f.locations?.some((l) => l.line === 4 + i * 4)).map((f) => f.code))].sort();

const ADDED = [
  'mistral/mistral-medium-3.5',
  'mistral/magistral-medium-2509',
  'google/gemini-3.1-flash-lite',
  'google/gemini-1.5-flash',
  'anthropic/claude-3-sonnet',
  'moonshot/moonshot-v1',
  'openai/gpt-5.1-chat',
  'openai/gpt-5.2-chat',
  'openai/gpt-5.3-chat',
  'openai/gpt-5.1-codex',
  'openai/gpt-5.2-codex',
];

// Every spelling the configs used, and the entry it must resolve to.
const SPELLINGS: Record<string, string> = {
  'cerebras/gpt-oss-120b': 'openai/gpt-oss-120b',
  'cerebras/zai-glm-4.7': 'zhipu/glm-4.7',
  'openrouter/qwen/qwen3-coder': 'alibaba/qwen3-coder-480b-a35b-instruct',
  'openrouter/qwen/qwen3-coder:free': 'alibaba/qwen3-coder-480b-a35b-instruct',
  'groq/deepseek-r1-distill-llama-70b': 'deepseek/deepseek-r1-distill-llama-70b',
  'cerebras/deepseek-r1-distill-llama-70b': 'deepseek/deepseek-r1-distill-llama-70b',
  'mistral/mistral-medium-latest': 'mistral/mistral-medium-3.5',
  'mistral/mistral-medium-3-5': 'mistral/mistral-medium-3.5',
  'mistral/magistral-medium-latest': 'mistral/magistral-medium-2509',
  'gemini/gemini-3.1-flash-lite': 'google/gemini-3.1-flash-lite',
  'gemini/gemini-3.1-flash-lite-preview': 'google/gemini-3.1-flash-lite-preview',
  'azure/gpt-5.1-chat': 'openai/gpt-5.1-chat',
  'gpt-5.1-chat-latest': 'openai/gpt-5.1-chat',
  'azure/gpt-5.2-chat': 'openai/gpt-5.2-chat',
  'azure/gpt-5.3-chat': 'openai/gpt-5.3-chat',
  'azure/gpt-5.1-codex': 'openai/gpt-5.1-codex',
  'gpt-5.1-codex': 'openai/gpt-5.1-codex',
  'azure/gpt-5.2-codex': 'openai/gpt-5.2-codex',
  'gpt-5.2-codex': 'openai/gpt-5.2-codex',
  'azure/gpt-5.1': 'openai/gpt-5.1',
  'claude-3-sonnet-20240229': 'anthropic/claude-3-sonnet',
  'anthropic/claude-3-sonnet-20240229': 'anthropic/claude-3-sonnet',
  'bedrock/anthropic.claude-3-sonnet-20240229-v1:0': 'anthropic/claude-3-sonnet',
  'claude-3-5-sonnet-20240620': 'anthropic/claude-3.5-sonnet',
  'moonshot/moonshot-v1-8k': 'moonshot/moonshot-v1',
  'moonshot/moonshot-v1-32k': 'moonshot/moonshot-v1',
  'moonshot/moonshot-v1-128k': 'moonshot/moonshot-v1',
  'openai/moonshot-v1-auto': 'moonshot/moonshot-v1',
  'gemini/gemini-1.5-flash': 'google/gemini-1.5-flash',
  'gemini/gemini-1.5-pro': 'google/gemini-1.5-pro',
  'deepseek/deepseek-chat': 'deepseek/deepseek-v4-flash',
  'deepseek/deepseek-reasoner': 'deepseek/deepseek-v4-flash',
  'gemini/gemma-3-27b-it': 'google/gemma-3-27b-it',
};

describe('model strings from real LiteLLM configs', () => {
  it('the added entries and sources load without errors or new warnings', () => {
    const mine = /^content\/(models\/(mistral\/(mistral-medium-3\.5|magistral-medium-2509)|google\/(gemini-3\.1-flash-lite|gemini-1\.5-flash|gemma-3-27b-it)|anthropic\/claude-3-sonnet|moonshot\/moonshot-v1|openai\/gpt-5\.[123]-(chat|codex)|deepseek\/deepseek-(v4-flash|r1-distill-llama-70b)|zhipu\/glm-4\.7|alibaba\/qwen3-coder-480b-a35b-instruct)\.yaml|licenses\/mistral-medium-3\.5-modified-mit\.yaml|sources\/(cerebras-|openrouter-qwen3-coder|gemma-on-gemini-api|moonshot-platform-introduction|spring-ai-moonshot-models|azure-foundry-openai-models|deepseek-api-first-call))/;
    expect(findings.filter((f) => mine.test(f.file) && (f.severity === 'error' || f.severity === 'warning'))).toEqual([]);
    for (const id of ADDED) expect(model(id).reviewed, id).toBe(TODAY);
  });

  it('every spelling resolves to the entry it names', () => {
    const got = Object.fromEntries(Object.keys(SPELLINGS).map((s) => [s, idOf(s)]));
    expect(got).toEqual(SPELLINGS);
  });

  it('spellings with no readable vendor source stay unknown', () => {
    // cohere/command-a is Vercel AI Gateway's slug, not an id Cohere's docs or LiteLLM's catalogue list for Cohere's API.
    expect(idOf('cohere/command-a')).not.toBe('cohere/command-a-03-2025');
    // Gemma 4 on the Gemini API: Google's page read names only gemma-3-27b-it.
    expect(idOf('gemini/gemma-4-31b-it')).not.toBe('google/gemma-4-31b-it');
    expect(idOf('gpt-5.1-mini')).not.toMatch(/^openai\//);
  });

  it('a realistic config lints with every route resolved, retired ids failing and pointers flagged', () => {
    const routes: Route[] = [
      { model: 'cerebras/gpt-oss-120b' }, // 0
      { model: 'openrouter/qwen/qwen3-coder:free' }, // 1
      { model: 'mistral/mistral-medium-latest' }, // 2
      { model: 'mistral/magistral-medium-latest' }, // 3
      { model: 'gemini/gemini-3.1-flash-lite' }, // 4
      { model: 'claude-3-sonnet-20240229' }, // 5
      { model: 'openai/moonshot-v1-auto', api_base: 'https://api.moonshot.ai/v1' }, // 6
      { model: 'gemini/gemini-1.5-flash' }, // 7
      { model: 'deepseek/deepseek-chat' }, // 8
      { model: 'gemini/gemma-3-27b-it' }, // 9
      { model: 'azure/gpt-5.2-chat', api_base: 'https://example.openai.azure.com' }, // 10
    ];
    const fs = lint(routes);
    expect(fs.filter((f) => f.code === 'registry/unknown-model' || f.code === 'registry/wildcard-model')).toEqual([]);
    const retired = (i: number) => codesOn(fs, i).includes('lifecycle/retired');
    const assumed = (i: number) => codesOn(fs, i).includes('route/assumed-model');
    expect([0, 1, 2, 4, 6, 9, 10].map(retired)).toEqual([false, false, false, false, false, false, false]);
    expect([3, 5, 7, 8].map(retired)).toEqual([true, true, true, true]);
    // -latest pointers and the Azure deployment name are assumptions the linter states.
    expect([2, 3, 10].map(assumed)).toEqual([true, true, true]);
    expect(fs.find((f) => f.code === 'lifecycle/retired' && f.path.startsWith('model_list[3]'))?.message).toContain('2026-07-31');
    expect(fs.find((f) => f.code === 'lifecycle/retired' && f.path.startsWith('model_list[5]'))?.message).toContain('2025-07-21');
  });

  it('provider ids of open weights keep the weights license; vendor APIs get their API terms', () => {
    expect(terms('openai/gpt-oss-120b', 'hosted-oss')).toEqual(['apache-2.0']);
    expect(terms('zhipu/glm-4.7', 'hosted-oss')).toEqual(['mit']);
    expect(terms('alibaba/qwen3-coder-480b-a35b-instruct', 'hosted-oss')).toEqual(['apache-2.0']);
    // The distill carries its Llama base's terms too.
    expect(terms('deepseek/deepseek-r1-distill-llama-70b', 'hosted-oss')).toContain('mit');
    expect(terms('moonshot/moonshot-v1', 'first-party-api')).toEqual(['kimi-openplatform-terms']);
    expect(terms('anthropic/claude-3-sonnet', 'managed-cloud')).toEqual(['anthropic-commercial-terms']);
    expect(terms('google/gemini-3.1-flash-lite', 'first-party-api')).toEqual(['google-gemini-api-terms']);
    expect(terms('google/gemini-1.5-flash', 'first-party-api')).toEqual(['google-gemini-api-terms']);
    for (const id of ['openai/gpt-5.1-chat', 'openai/gpt-5.2-chat', 'openai/gpt-5.3-chat', 'openai/gpt-5.1-codex', 'openai/gpt-5.2-codex']) {
      expect(terms(id, 'first-party-api'), id).toEqual(['openai-services-agreement']);
    }
  });

  it('Gemma 3 27B on the Gemini API is governed by the Gemini API terms; other hosts by the Gemma terms', () => {
    const m = model('google/gemma-3-27b-it');
    expect(m).toMatchObject({ kind: 'open-weights', license: 'gemma-terms', api_terms: 'google-gemini-api-terms' });
    expect(m.citations.api_terms?.sources.map((s) => s.source)).toContain('gemma-on-gemini-api');
    expect(m.routes?.find((r) => r.provider === 'google-ai-studio')).toMatchObject({ model_id: 'gemma-3-27b-it', relationship: 'first-party-api', status: 'verified' });
    expect(terms('google/gemma-3-27b-it', 'first-party-api')).toEqual(['google-gemini-api-terms']);
    expect(terms('google/gemma-3-27b-it', 'hosted-oss')).toEqual(['gemma-terms']);
    const fs = lint([{ model: 'gemini/gemma-3-27b-it' }, { model: 'openrouter/google/gemma-3-27b-it' }]);
    const duties = (i: number) => fs.filter((f) => f.code === 'license/obligations' && (f.path.startsWith(`model_list[${i}]`) || f.locations?.some((l) => l.line === 4 + i * 4))).map((f) => f.message);
    expect(duties(0).join(' ')).toContain('google-gemini-api-terms');
    expect(duties(1).join(' ')).toContain('gemma-terms');
  });

  it('Mistral pointers sit on the model Mistral\'s catalogue lists them under, with its lifecycle', () => {
    const medium = model('mistral/mistral-medium-3.5');
    expect(medium).toMatchObject({ kind: 'open-weights', license: 'mistral-medium-3.5-modified-mit', api_terms: 'mistral-commercial-terms', release_date: '2026-04-28', context_tokens: 262144 });
    expect(medium.aliases).toEqual(expect.arrayContaining(['mistral-medium-latest', 'mistral-medium-3', 'mistral-medium-3-5']));
    expect(medium.citations.aliases?.sources[0]?.where).toContain('mistral-medium-3-5-26-04.ts identifiers.apiNames');
    // The license is known by name only: its commercial terms are unknown, not guessed from Devstral 2's.
    expect(registry.licenses['mistral-medium-3.5-modified-mit']?.commercial_use).toMatchObject({ value: 'unknown', status: 'unknown' });
    expect(terms('mistral/mistral-medium-3.5', 'first-party-api')).toEqual(['mistral-commercial-terms']);
    expect(terms('mistral/mistral-medium-3.5', 'self-hosted')).toEqual(['mistral-medium-3.5-modified-mit']);
    const magistral = model('mistral/magistral-medium-2509');
    expect(magistral).toMatchObject({ kind: 'api-only', api_terms: 'mistral-commercial-terms' });
    expect(magistral.lifecycle).toEqual({ status: 'retired', deprecated_on: '2026-05-22', retired_on: '2026-07-31', replacement: 'mistral/mistral-medium-3.5' });
    expect(magistral.citations.lifecycle).toMatchObject({ status: 'verified' });
    // The older Medium 3.1 does not claim the pointer.
    expect(model('mistral/mistral-medium-2508').aliases).not.toContain('mistral-medium-latest');
  });

  it('retired ids carry the vendor\'s dates from its own deprecation pages', () => {
    expect(model('anthropic/claude-3-sonnet').lifecycle).toEqual({ status: 'retired', deprecated_on: '2025-01-21', retired_on: '2025-07-21' });
    expect(model('anthropic/claude-3-sonnet').citations.lifecycle?.sources[0]).toMatchObject({ source: 'anthropic-model-deprecations-zh-cn' });
    expect(model('google/gemini-1.5-flash').lifecycle).toMatchObject({ status: 'retired', retired_on: '2025-09-24' });
    expect(model('google/gemini-3.1-flash-lite')).toMatchObject({ release_date: '2026-05-07', lifecycle: { status: 'active' } });
    expect(model('google/gemini-3.1-flash-lite').citations.release_date).toMatchObject({ status: 'verified', sources: [{ source: 'gemini-deprecations' }] });
    // Cerebras deprecated the R1 Llama distill on its own API in August 2025; Groq's date was not readable.
    const distill = model('deepseek/deepseek-r1-distill-llama-70b').routes ?? [];
    expect(distill.find((r) => r.provider === 'cerebras')?.lifecycle).toEqual({ status: 'deprecated', deprecated_on: '2025-08-12' });
    expect(distill.find((r) => r.provider === 'groq')?.lifecycle).toBeUndefined();
  });

  it('DeepSeek\'s deepseek-chat / deepseek-reasoner are recorded as retired pointers to V4-Flash', () => {
    const flash = model('deepseek/deepseek-v4-flash');
    expect(flash.aliases).toEqual(expect.arrayContaining(['deepseek/deepseek-chat', 'deepseek/deepseek-reasoner']));
    expect(flash.citations.aliases).toMatchObject({ status: 'verified', sources: [{ source: 'deepseek-api-first-call' }, { source: 'deepseek-api-change-log' }] });
    expect(flash.traps?.some((t) => t.includes('2026-07-24 15:59 UTC'))).toBe(true);
    expect(terms('deepseek/deepseek-v4-flash', 'first-party-api')).toEqual(['deepseek-api-terms']);
  });
});
