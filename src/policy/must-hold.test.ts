/**
 * The cases that must hold (issue 4), on the real registry in content/. Assertions are on codes and exit
 * codes; wording is pinned by the CLI golden files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../registry/load.ts';
import type { Registry } from '../registry/registry.ts';
import { testPolicy } from './__fixtures__/registry.ts';
import { lintText, parsePolicy, parseRouterConfig } from './index.ts';

const require = createRequire(import.meta.url);
const Ajv2020 = require('ajv/dist/2020') as new (options: object) => { compile(schema: object): ValidateFunction };
const addFormats = require('ajv-formats') as (ajv: object) => void;

const TODAY = '2026-11-22';
let registry: Registry;

beforeAll(() => {
  registry = loadRegistry(new URL('../../content', import.meta.url).pathname, { today: TODAY }).registry;
});

function lint(config: string, policy = 'name: test\n') {
  return lintText('router.yaml', config, registry, testPolicy(policy), TODAY);
}
const codes = (config: string, policy?: string) => [...new Set(lint(config, policy).findings.map((f) => f.code))].sort();
const litellm = (...models: string[]) => `model_list:\n${models.map((m, i) => `  - model_name: m${i}\n    litellm_params:\n      model: ${m}\n`).join('')}`;
const selfHosted = (model: string) => `name: t\ntiers:\n  - id: oss\n    routes:\n      - model: ${model}\n        via: self-hosted\n`;
const org = (fields: string) => `name: t\norganization:\n${fields}`;

describe('cases that must hold, on the real registry', () => {
  it('self-hosted Command R+ weights → license/non-commercial', () => {
    expect(codes(selfHosted('cohere/command-r-plus-08-2024'))).toContain('license/non-commercial');
    expect(codes(litellm('hosted_vllm/CohereLabs/c4ai-command-r-plus-08-2024'))).toContain('license/non-commercial');
  });

  it("Command R+ through Cohere's API is not flagged as CC-BY-NC", () => {
    const outcome = lint(litellm('cohere/command-r-plus-08-2024', 'cohere_chat/command-r-plus-08-2024'));
    expect(outcome.findings.map((f) => f.code)).not.toContain('license/non-commercial');
    expect(outcome.findings.map((f) => f.code)).not.toContain('registry/unknown-model');
  });

  it('a non-commercial model only in a fallback list is still caught', () => {
    const direct = `${litellm('anthropic/claude-opus-4-7')}router_settings:\n  fallbacks:\n    - m0: [hosted_vllm/CohereLabs/c4ai-command-r-plus-08-2024]\n`;
    const found = lint(direct).findings.filter((f) => f.code === 'license/non-commercial');
    expect(found.map((f) => f.path)).toEqual(['router_settings.fallbacks[0].m0[0]']);
    const group = `model_list:\n  - model_name: main\n    litellm_params:\n      model: anthropic/claude-opus-4-7\n  - model_name: rag-backup\n    litellm_params:\n      model: hosted_vllm/CohereLabs/c4ai-command-r-plus-08-2024\nlitellm_settings:\n  context_window_fallbacks:\n    - main: [rag-backup]\n`;
    expect(codes(group)).toContain('license/non-commercial');
    const nativeFallback = `name: t\ntiers:\n  - id: rag\n    routes:\n      - model: cohere/command-r-plus-08-2024\n        via: cohere\n    fallbacks:\n      - model: CohereLabs/c4ai-command-r-plus-08-2024\n        via: self-hosted\n`;
    const nf = lint(nativeFallback).findings.filter((f) => f.code === 'license/non-commercial');
    expect(nf.map((f) => f.path)).toEqual(['tiers[0].fallbacks[0].model']);
  });

  it('Llama 4 Maverick self-hosted with an EU-domiciled organization → license/geo-restriction; not for a US one', () => {
    const config = selfHosted('meta/llama-4-maverick-17b-128e-instruct');
    expect(codes(config, org('  domicile: DE\n'))).toContain('license/geo-restriction');
    expect(codes(config, org('  domicile: FR\n'))).toContain('license/geo-restriction');
    expect(codes(config, org('  domicile: US\n'))).not.toContain('license/geo-restriction');
    expect(lint(config, org('  domicile: DE\n')).exitCode).toBe(1);
  });

  it('DeepSeek R1-Distill-Llama-70B with 800M MAU → license/mau-cap (the Llama base license applies)', () => {
    const outcome = lint(selfHosted('deepseek/deepseek-r1-distill-llama-70b'), org('  monthly_active_users: 800000000\n'));
    const cap = outcome.findings.filter((f) => f.code === 'license/mau-cap');
    expect(cap.map((f) => f.severity)).toContain('error');
    expect(outcome.exitCode).toBe(1);
  });

  it('Qwen2.5-72B at 150M MAU → license/mau-cap, while Qwen3-235B passes', () => {
    const policy = org('  monthly_active_users: 150000000\n');
    expect(codes(selfHosted('alibaba/qwen2.5-72b-instruct'), policy)).toContain('license/mau-cap');
    const qwen3 = lint(selfHosted('alibaba/qwen3-235b-a22b'), policy);
    expect(qwen3.findings.map((f) => f.code)).not.toContain('license/mau-cap');
    expect(qwen3.exitCode).toBe(0);
  });

  it('a retired model → lifecycle/retired', () => {
    expect(codes(`name: t\ntiers:\n  - id: f\n    routes:\n      - model: anthropic/claude-3.5-sonnet\n        via: anthropic\n`)).toContain('lifecycle/retired');
  });

  it('an expired waiver → waiver/expired', () => {
    const policy = `name: t\norganization:\n  monthly_active_users: 150000000\nwaivers:\n  - rule: license/mau-cap\n    model: Qwen/Qwen2.5-72B-Instruct\n    reason: Commercial agreement with Alibaba Cloud\n    approved_by: legal@example.com\n    expires: 2026-06-30\n`;
    const outcome = lint(selfHosted('alibaba/qwen2.5-72b-instruct'), policy);
    expect(outcome.findings.map((f) => f.code)).toEqual(expect.arrayContaining(['waiver/expired', 'license/mau-cap']));
    expect(outcome.exitCode).toBe(1);
  });

  it('openai/* → route/wildcard', () => {
    const outcome = lint(litellm('openai/*'));
    expect(outcome.findings.map((f) => f.code)).toEqual(['route/wildcard']);
    expect(outcome.exitCode).toBe(1);
  });

  it('an unknown id → exit 1 with a "did you mean"', () => {
    const outcome = lint(litellm('anthropic/claude-opus-4-8'));
    expect(outcome.exitCode).toBe(1);
    // With the 4.x siblings in the registry the suggestions are the nearest Opus ids (4-0, 4-1, 4-5 ...).
    expect(outcome.findings[0]!.message).toMatch(/did you mean "anthropic\/claude-opus-4-\d"/);
  });

  it('a YAML syntax error → exit 2 with its line', () => {
    const outcome = lint('model_list:\n  - model_name: a\n    litellm_params: {model: "x"\n');
    expect(outcome.exitCode).toBe(2);
    expect(outcome.findings[0]).toMatchObject({ code: 'yaml/syntax', line: expect.any(Number) });
    expect(outcome.findings[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('`cohere/command-r-plus` through Cohere\'s API is not CC-BY-NC either: the undated alias is the April 2024 checkpoint, deprecated', () => {
    // Cohere's undated alias names the April 2024 Command R+ (command-r-plus-04-2024), not 08-2024; Cohere deprecated both on 2025-09-15.
    const outcome = lint(litellm('cohere/command-r-plus'));
    const found = outcome.findings.map((f) => f.code);
    expect(found).toContain('lifecycle/deprecated');
    expect(found).not.toContain('license/non-commercial');
    expect(found).not.toContain('registry/unknown-model');
    expect(outcome.findings.find((f) => f.code === 'lifecycle/deprecated')!.message).toContain('cohere/command-r-plus-08-2024');
  });
});

describe('LiteLLM features on the real registry', () => {
  const sovereign = 'name: t\ntier_requirements:\n  - tag: sovereign\n    hosting: [eu-controlled-provider, self-hosted]\n    regions: [EU]\n';
  const tagged = (model: string, extra = '') => `model_list:\n  - model_name: s\n    litellm_params:\n      model: ${model}\n${extra}      tags: [sovereign]\n`;
  const messages = (config: string, policy: string, code: string) => {
    const { findings } = lint(config, policy);
    // Every route must resolve, or an empty list below would prove nothing.
    expect(findings.filter((f) => f.code === 'registry/unknown-model' || f.code.startsWith('config/'))).toEqual([]);
    return findings.filter((f) => f.code === code).map((f) => f.message);
  };

  it('openrouter/…:free resolves to the model behind it', () => {
    const outcome = lint(litellm('openrouter/meta-llama/llama-3.3-70b-instruct:free'));
    expect(outcome.findings.filter((f) => f.severity !== 'info').map((f) => f.code)).not.toContain('registry/unknown-model');
    expect(outcome.findings.every((f) => f.code === 'organization/unset' || f.model === 'meta/llama-3.3-70b-instruct')).toBe(true);
  });

  it('openai/… with an api_base is a self-hosted OpenAI-compatible server, governed by the weights license', () => {
    const config = 'model_list:\n  - model_name: r\n    litellm_params:\n      model: openai/CohereLabs/c4ai-command-r-plus-08-2024\n      api_base: http://vllm.internal:8000/v1\n';
    const found = lint(config).findings.filter((f) => f.code === 'license/non-commercial');
    expect(found.map((f) => f.message)).toEqual([expect.stringContaining('self-hosted')]);
  });

  it('router_settings.model_group_alias targets are linted like routes', () => {
    const config = `${litellm('anthropic/claude-opus-4-7')}router_settings:\n  model_group_alias:\n    gpt-3.5-turbo: hosted_vllm/CohereLabs/c4ai-command-r-plus-08-2024\n`;
    const found = lint(config).findings.filter((f) => f.code === 'license/non-commercial');
    expect(found.map((f) => [f.path, f.tier, f.line])).toEqual([['router_settings.model_group_alias.gpt-3.5-turbo', 'gpt-3.5-turbo', 7]]);
  });

  it('fallbacks count in litellm_settings as in router_settings', () => {
    const nc = 'hosted_vllm/CohereLabs/c4ai-command-r-plus-08-2024';
    for (const [settings, key] of [['litellm_settings', 'fallbacks'], ['router_settings', 'context_window_fallbacks'], ['litellm_settings', 'content_policy_fallbacks']]) {
      const config = `${litellm('anthropic/claude-opus-4-7')}${settings}:\n  ${key}:\n    - m0: [${nc}]\n`;
      expect(lint(config).findings.filter((f) => f.code === 'license/non-commercial').map((f) => f.path)).toEqual([`${settings}.${key}[0].m0[0]`]);
    }
  });

  it('a provider region whose country is the group "EU" counts as EU for a sovereign tier', () => {
    // content/providers/mistral.yaml: region eu, country EU (several member states).
    expect(messages(tagged('mistral/mistral-large-2512', '      region_name: eu\n'), sovereign, 'tier/requirement')).toEqual([]);
    expect(messages('name: t\ntiers:\n  - id: s\n    tags: [sovereign]\n    routes:\n      - {model: mistral/mistral-large-3, via: mistral, region: eu}\n', sovereign, 'tier/requirement')).toEqual([]);
    // No region: Mistral may also serve from the US.
    expect(messages(tagged('mistral/mistral-large-2512'), sovereign, 'tier/requirement')).toEqual([expect.stringContaining('may run in US')]);
    // EU is not within one member state.
    const germanyOnly = sovereign.replace('regions: [EU]', 'regions: [DE]');
    expect(messages(tagged('mistral/mistral-large-2512', '      region_name: eu\n'), germanyOnly, 'tier/requirement')).toEqual([expect.stringContaining('may run in EU')]);
  });

  it('Bedrock cross-region profiles decide where a route runs: eu. is the EU, us. is the US', () => {
    const model = (geo: string) => `bedrock/${geo}.anthropic.claude-sonnet-4-5-20250929-v1:0`;
    const regionsOnly = 'name: t\ntier_requirements:\n  - tag: sovereign\n    regions: [EU]\n';
    expect(messages(tagged(model('eu')), regionsOnly, 'tier/requirement')).toEqual([]);
    // The profile wins over aws_region_name, which only says where the call enters.
    expect(messages(tagged(model('eu'), '      aws_region_name: us-east-1\n'), regionsOnly, 'tier/requirement')).toEqual([]);
    expect(messages(tagged(model('us')), regionsOnly, 'tier/requirement')).toEqual([expect.stringContaining('may run in US')]);
    // Bedrock is not EU-controlled, whatever the region.
    expect(messages(tagged(model('eu')), sovereign, 'tier/requirement')).toEqual([expect.stringContaining('not EU-controlled')]);
  });

  it('the shipped ITSM router resolves every model', () => {
    const text = loadText('../../content/routers/itsm-hybrid.yaml');
    const outcome = lintText('content/routers/itsm-hybrid.yaml', text, registry, testPolicy(), TODAY);
    expect(outcome.findings.filter((f) => f.code === 'registry/unknown-model' || f.code.startsWith('config/'))).toEqual([]);
  });
});

function loadText(relative: string): string {
  return readFileSync(new URL(relative, import.meta.url), 'utf8');
}

describe('shipped policies and router configs', () => {
  const dir = (sub: string) => new URL(`../../content/${sub}/`, import.meta.url);
  const files = (sub: string) => readdirSync(dir(sub)).filter((f) => f.endsWith('.yaml'));

  it('every policy in content/policies is valid, by zod and by the generated JSON Schema', () => {
    const validate = jsonSchemaValidator('policy');
    for (const f of files('policies')) {
      const text = readFileSync(new URL(f, dir('policies')), 'utf8');
      expect(parsePolicy(f, text).findings).toEqual([]);
      expect(validate(parse(text))).toBe(true);
    }
  });

  it('every router in content/routers is valid, by zod and by the generated JSON Schema', () => {
    const validate = jsonSchemaValidator('router-config');
    for (const f of files('routers')) {
      const text = readFileSync(new URL(f, dir('routers')), 'utf8');
      expect(parseRouterConfig(f, text).findings).toEqual([]);
      expect(validate(parse(text))).toBe(true);
    }
  });
});

function jsonSchemaValidator(name: string) {
  const schema = JSON.parse(readFileSync(new URL(`../../schemas/${name}.schema.json`, import.meta.url), 'utf8'));
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema);
}
