/** Router config parsing: format detection, LiteLLM features, located errors, and the provider-prefix rules. */
import { describe, expect, it } from 'vitest';
import { testPolicy, testRegistry } from './__fixtures__/registry.ts';
import { createResolver, lintText, parseRouterConfig } from './index.ts';
import { lookupKeys } from './resolve.ts';

describe('parseRouterConfig', () => {
  it('detects the tiered format and the LiteLLM format', () => {
    expect(parseRouterConfig('a.yaml', 'name: x\ntiers:\n  - id: t\n    routes:\n      - {model: a/b, via: self-hosted}\n').config?.format).toBe('native');
    expect(parseRouterConfig('b.yaml', 'model_list:\n  - model_name: a\n    litellm_params: {model: openai/gpt-4o}\n').config?.format).toBe('litellm');
  });

  it('refuses files that are neither, or both', () => {
    expect(parseRouterConfig('c.yaml', 'hello: world\n').findings.map((f) => f.code)).toEqual(['config/unknown-format']);
    expect(parseRouterConfig('c.yaml', '').findings.map((f) => f.code)).toEqual(['config/unknown-format']);
    expect(parseRouterConfig('c.yaml', '- a\n- b\n').findings.map((f) => f.code)).toEqual(['config/unknown-format']);
    expect(parseRouterConfig('c.yaml', 'tiers: []\nmodel_list: []\n').findings.map((f) => f.code)).toEqual(['config/unknown-format']);
  });

  it('locates schema errors at file:line:col of the offending key', () => {
    const { findings } = parseRouterConfig('r.yaml', 'name: x\ntiers:\n  - id: t\n    routes:\n      - model: a/b\n        via: self-hosted\n        colour: blue\n');
    expect(findings).toMatchObject([{ code: 'config/invalid', line: 7, column: 9, path: 'tiers[0].routes[0].colour' }]);
    const wrongType = parseRouterConfig('r.yaml', 'model_list:\n  - model_name: a\n    litellm_params:\n      model: 42\n');
    expect(wrongType.findings).toMatchObject([{ code: 'config/invalid', line: 4, column: 7, path: 'model_list[0].litellm_params.model' }]);
  });

  it('rejects duplicate tier ids', () => {
    const { findings } = parseRouterConfig('r.yaml', 'name: x\ntiers:\n  - id: t\n    routes: [{model: a/b, via: x}]\n  - id: t\n    routes: [{model: a/b, via: x}]\n');
    expect(findings).toMatchObject([{ code: 'config/invalid', line: 5 }]);
  });

  it('reads LiteLLM groups, tags, regions, base_model, aliases and every fallback list', () => {
    const text = `model_list:
  - model_name: chat
    litellm_params:
      model: bedrock/eu.acme.open-7b-v1:0
      tags: [sovereign]
  - model_name: chat
    litellm_params:
      model: azure/my-deployment
      api_base: https://x.openai.azure.com
    model_info:
      base_model: acme/open
router_settings:
  model_group_alias:
    gpt-4: chat
    legacy: {model: hostco/acme-old, hidden: true}
  fallbacks:
    - chat: [hostco/acme-ai/Vision]
litellm_settings:
  context_window_fallbacks:
    - chat: [chat]
  default_fallbacks: [ollama/open:7b]
`;
    const { config } = parseRouterConfig('l.yaml', text);
    expect(config!.tiers).toMatchObject([{ id: 'chat', tags: ['sovereign'] }]);
    expect(config!.routes.map((r) => [r.tier, r.role, r.spec, r.region, r.baseModel])).toEqual([
      ['chat', 'primary', 'bedrock/eu.acme.open-7b-v1:0', 'eu', undefined],
      ['chat', 'primary', 'azure/my-deployment', undefined, 'acme/open'],
      ['legacy', 'alias', 'hostco/acme-old', undefined, undefined],
      ['chat', 'fallback', 'hostco/acme-ai/Vision', undefined, undefined],
      // default_fallbacks serve every group: linted under each group's tier.
      ['chat', 'fallback', 'ollama/open:7b', undefined, undefined],
    ]);
    const findings = lintText('l.yaml', text, testRegistry(), testPolicy(), '2026-11-22').findings;
    expect(findings.filter((f) => f.code !== 'license/obligations').map((f) => [f.code, f.line])).toEqual([
      // The alias target is retired on its vendor's API; on hostco its lifecycle is unknown: a warning.
      ['lifecycle/deprecated', 15],
      ['organization/unset', 1],
    ]);
    // The domicile is unset: the exclusion on the Vision fallback (line 17) is one of the checks left open.
    expect(findings.find((f) => f.code === 'organization/unset')!.locations!.map((l) => l.line)).toEqual([1, 17]);
  });

  it('treats a fallback to an alias of a model group as that group, linted under the falling-back tier', () => {
    const text = `model_list:\n  - model_name: chat\n    litellm_params: {model: hostco/acme/Open-7B}\n  - model_name: big\n    litellm_params: {model: hostco/acme-ai/Capped-72B}\nrouter_settings:\n  model_group_alias: {gpt-4: big}\n  fallbacks:\n    - chat: [gpt-4]\n`;
    expect(parseRouterConfig('a.yaml', text).config!.routes.map((r) => [r.tier, r.role, r.spec, r.line])).toEqual([
      ['chat', 'primary', 'hostco/acme/Open-7B', 3],
      ['big', 'primary', 'hostco/acme-ai/Capped-72B', 5],
      ['chat', 'fallback', 'hostco/acme-ai/Capped-72B', 9],
    ]);
  });

  it('tells Azure users to set model_info.base_model', () => {
    const findings = lintText('az.yaml', litellmOne('azure/my-gpt4o-prod'), testRegistry(), testPolicy(), '2026-11-22').findings;
    expect(findings.map((f) => f.code)).toEqual(['registry/unknown-model']);
    expect(findings[0]!.hint).toContain('model_info.base_model');
  });

  it('refuses hostile YAML: alias bombs, duplicate keys, __proto__ and oversized files', () => {
    const bomb = `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\nmodel_list: *f\n`;
    expect(parseRouterConfig('x.yaml', bomb).findings.map((f) => f.code)).toEqual(['yaml/alias-limit']);
    expect(parseRouterConfig('x.yaml', 'model_list: []\nmodel_list: []\n').findings.map((f) => f.code)).toEqual(['yaml/duplicate-key']);
    expect(parseRouterConfig('x.yaml', 'model_list:\n  - __proto__: {polluted: true}\n').findings.map((f) => f.code)).toEqual(['yaml/forbidden-key']);
    expect(parseRouterConfig('x.yaml', `model_list: []\n#${'x'.repeat(2_100_000)}\n`).findings.map((f) => f.code)).toEqual(['yaml/too-large']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('provider-prefix rules', () => {
  const resolver = createResolver(testRegistry());
  const resolve = (spec: string) => {
    const r = resolver.resolveModel(spec, spec.includes('/') ? spec.slice(0, spec.indexOf('/')) : undefined);
    return r.kind === 'model' ? r.id : r.kind;
  };

  it('strips known prefixes and provider-specific decorations', () => {
    expect(resolve('hostco/acme/Open-7B')).toBe('acme/open');
    expect(resolve('openrouter/acme/Open-7B:free')).toBe('acme/open');
    expect(resolve('bedrock/eu.acme.open-7b-v1:0')).toBe('acme/open');
    expect(resolve('bedrock/converse/acme.open-7b-v1:0')).toBe('acme/open');
    expect(resolve('ACME/OPEN')).toBe('acme/open');
    expect(lookupKeys('fireworks_ai/accounts/fireworks/models/x-7b', undefined, new Set(['fireworks_ai']))).toContain('x-7b');
  });

  it('does not guess: an unknown checkpoint stays unknown', () => {
    expect(resolve('hostco/acme/Open-7B-Turbo')).toBe('unknown');
    expect(resolve('acme/open-8b')).toBe('unknown');
  });

  it('derives the relationship from the prefix', () => {
    const relationship = (model: string, apiBase?: string) => {
      const { config } = parseRouterConfig('r.yaml', `model_list:\n  - model_name: a\n    litellm_params:\n      model: ${model}\n${apiBase ? `      api_base: ${apiBase}\n` : ''}`);
      const route = config!.routes[0]!;
      const r = resolver.resolveModel(route.spec, route.prefix);
      return resolver.serving(route, r.kind === 'model' ? r.id : '').relationship;
    };
    expect(relationship('acme_api/acme-nc')).toBe('first-party-api');
    expect(relationship('hostco/acme-ai/NC-104B')).toBe('hosted-oss');
    expect(relationship('ollama/open:7b')).toBe('self-hosted');
    expect(relationship('hosted_vllm/acme-ai/NC-104B')).toBe('self-hosted');
    expect(relationship('openai/acme-ai/NC-104B', 'http://10.0.0.5:8000/v1')).toBe('self-hosted');
    expect(relationship('openai/acme-ai/NC-104B', 'https://api.openai.com/v1')).toBe('unknown');
    expect(relationship('cerebras/acme-ai/NC-104B')).toBe('unknown');
    expect(relationship('acme-api-1')).toBe('first-party-api');
  });
});

function litellmOne(model: string): string {
  return `model_list:\n  - model_name: chat\n    litellm_params:\n      model: ${model}\n`;
}
