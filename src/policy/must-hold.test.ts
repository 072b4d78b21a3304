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
    expect(outcome.findings[0]!.message).toMatch(/did you mean "anthropic\/claude-opus-4-7"/);
  });

  it('a YAML syntax error → exit 2 with its line', () => {
    const outcome = lint('model_list:\n  - model_name: a\n    litellm_params: {model: "x"\n');
    expect(outcome.exitCode).toBe(2);
    expect(outcome.findings[0]).toMatchObject({ code: 'yaml/syntax', line: expect.any(Number) });
    expect(outcome.findings[0]!.line).toBeGreaterThanOrEqual(3);
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
