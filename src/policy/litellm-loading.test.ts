/**
 * How Clearance reads a LiteLLM config, one regression per way a config used to pass while LiteLLM would call a
 * forbidden model (issue #10, items 1–7). Each asserts the finding code and its file:line:col.
 */
import { describe, expect, it } from 'vitest';
import type { Registry } from '../registry/registry.ts';
import { provider, testPolicy, testRegistry } from './__fixtures__/registry.ts';
import { lintTexts, parseRouterConfig, type IncludeReader, type PolicyFinding } from './index.ts';

const TODAY = '2026-11-22';

/** The test registry plus a second vendor's first-party API and a hosted provider on a real host. */
function registry(): Registry {
  const r = testRegistry();
  r.providers['dragon-api'] = provider({ name: 'Dragon API', relationship: 'first-party-api', vendor: 'dragon', country: 'CN', litellm_prefixes: ['dragon_api'], regions: [{ id: 'cn', country: 'CN' }] });
  r.providers.together = provider({ name: 'Together', litellm_prefixes: ['together_ai'], regions: [{ id: 'us', country: 'US' }] });
  return r;
}

const REG = registry();

function lint(text: string, policy = 'name: t\n', files: Record<string, string> = {}): PolicyFinding[] {
  const readInclude: IncludeReader = (from, name) => {
    const dir = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
    const id = `${dir}${name}`.replace(/(^|\/)\.\//g, '$1');
    return Object.hasOwn(files, id) ? { file: id, id, text: files[id]! } : { error: `${id} does not exist` };
  };
  return lintTexts([{ file: 'config.yaml', text }], REG, testPolicy(policy), TODAY, { readInclude }).findings.filter((f) => f.code !== 'license/obligations');
}

const at = (findings: PolicyFinding[]) => findings.map((f) => `${f.code} ${f.file}:${f.line}:${f.column}`);

describe('1. model_info.base_model explains a name; it never replaces a model LiteLLM can call', () => {
  it('lints the called id, and reports a base_model that names another model', () => {
    const text = `model_list:\n  - model_name: chat\n    litellm_params:\n      model: hostco/acme-ai/NC-104B\n    model_info:\n      base_model: acme/open\n`;
    expect(at(lint(text))).toEqual(['license/non-commercial config.yaml:4:7', 'config/base-model-mismatch config.yaml:6:7']);
  });

  it('uses base_model for a deployment name the registry cannot resolve (Azure), and only there', () => {
    const azure = `model_list:\n  - model_name: chat\n    litellm_params:\n      model: azure/prod-eu-1\n    model_info:\n      base_model: acme/nc\n`;
    expect(at(lint(azure))).toEqual(['license/non-commercial config.yaml:4:7']);
    const hosted = `model_list:\n  - model_name: chat\n    litellm_params:\n      model: hostco/some-served-name\n    model_info:\n      base_model: acme/open\n`;
    expect(at(lint(hosted))).toEqual(['registry/unknown-model config.yaml:4:7']);
  });
});

describe("2. a vendor's API prefix in front of another vendor's weights is not first-party", () => {
  it('governs the route by the weights license, not the model vendor API terms', () => {
    const text = `model_list:\n  - model_name: chat\n    litellm_params:\n      model: dragon_api/acme-ai/NC-104B\n`;
    expect(at(lint(text))).toEqual(['license/non-commercial config.yaml:4:7']);
    // The model's own vendor API stays first-party, under its commercial API terms.
    expect(at(lint(text.replace('dragon_api/acme-ai/NC-104B', 'acme_api/acme-nc')))).toEqual([]);
  });
});

describe('2b. custom_llm_provider decides the provider, as get_llm_provider applies it', () => {
  it('lints acme_api/acme-nc sent to a vLLM server as self-hosted NC weights', () => {
    const text = `model_list:\n  - model_name: chat\n    litellm_params:\n      model: acme_api/acme-nc\n      custom_llm_provider: hosted_vllm\n`;
    expect(at(lint(text))).toEqual(['license/non-commercial config.yaml:4:7']);
  });
});

describe('2c. deployment_id and azure: true send the call to Azure', () => {
  it('lints the Azure deployment completion() really calls', () => {
    const text = `model_list:\n  - model_name: chat\n    litellm_params:\n      model: hostco/acme/Open-7B\n      deployment_id: nc-prod\n    model_info:\n      base_model: acme/nc\n`;
    expect(at(lint(text))).toEqual(['license/non-commercial config.yaml:4:7']);
    // azure: true makes it azure/hostco/acme/Open-7B, a deployment name only base_model explains.
    expect(at(lint(text.replace('      deployment_id: nc-prod\n', '      azure: true\n')))).toEqual(['license/non-commercial config.yaml:4:7']);
  });
});

describe('3. api_base from elsewhere in the file applies as LiteLLM applies it', () => {
  const firstParty = `model_list:\n  - model_name: chat\n    litellm_params:\n      model: acme_api/acme-nc\n`;
  it('reads environment_variables <PROVIDER>_API_BASE', () => {
    expect(at(lint(`${firstParty}environment_variables:\n  ACME_API_API_BASE: http://10.1.2.3:8000/v1\n`))).toEqual(['license/non-commercial config.yaml:4:7']);
  });
  it('reads litellm_settings.api_base', () => {
    expect(at(lint(`${firstParty}litellm_settings:\n  api_base: http://gpu-box:8000\n`))).toEqual(['license/non-commercial config.yaml:4:7']);
  });
  it('does not let a global api_base move a provider route to a private network', () => {
    const selfHosted = 'name: t\ntier_requirements:\n  - tag: onprem\n    hosting: [self-hosted]\n';
    const text = `model_list:\n  - model_name: chat\n    litellm_params:\n      model: hostco/acme/Open-7B\n      tags: [onprem]\nlitellm_settings:\n  api_base: http://10.0.0.5:8000\n`;
    expect(at(lint(text, selfHosted))).toEqual(['tier/requirement config.yaml:4:7']);
  });
  it('reads base_url as the call api_base, and over api_base (completion(): `api_base = base_url`)', () => {
    expect(at(lint(`${firstParty}      base_url: http://vllm.internal:8000/v1\n`))).toEqual(['license/non-commercial config.yaml:4:7']);
    expect(at(lint(`${firstParty}      api_base: https://api.acme.example\n      base_url: http://vllm.internal:8000/v1\n`, 'name: t\n'))).toEqual(['license/non-commercial config.yaml:4:7']);
  });
});

describe('4. the api_base host decides who serves the route', () => {
  const sovereign = 'name: t\ntier_requirements:\n  - tag: sovereign\n    hosting: [self-hosted]\n    regions: [EU]\n';
  const route = (model: string, apiBase: string) => `model_list:\n  - model_name: chat\n    litellm_params:\n      model: ${model}\n      api_base: ${apiBase}\n      region_name: eu\n      tags: [sovereign]\n`;
  it('a vendor prefix with a private api_base is self-hosted weights', () => {
    expect(at(lint(route('acme_api/acme-nc', 'http://vllm.internal:8000/v1'), sovereign))).toEqual(['license/non-commercial config.yaml:4:7']);
  });
  it('openai/ with a third-party host is that provider, with its deny lists', () => {
    const deny = 'name: t\ndeny:\n  - providers: [together]\n    reason: no US hosting\n';
    expect(at(lint(route('openai/acme/Open-7B', 'https://api.together.xyz/v1'), deny))).toEqual(['procurement/flagged config.yaml:4:7']);
  });
  it('an unknown host is an unknown provider, never "self-hosted in the right region"', () => {
    expect(at(lint(route('openai/acme/Open-7B', 'https://llm.example.net/v1'), sovereign))).toEqual(['tier/requirement config.yaml:4:7']);
    expect(at(lint(route('openai/acme/Open-7B', 'http://10.0.0.8:8000/v1'), sovereign))).toEqual([]);
  });
  it('an api_base read from the environment is unknown, not proof of self-hosting', () => {
    expect(at(lint(route('openai/acme/Open-7B', 'os.environ/LLM_BASE'), sovereign))).toEqual(['tier/requirement config.yaml:4:7']);
    const fromConfig = `${route('openai/acme/Open-7B', 'os.environ/LLM_BASE')}environment_variables:\n  LLM_BASE: http://10.0.0.8:8000\n`;
    expect(at(lint(fromConfig, sovereign))).toEqual([]);
  });
});

describe('5. YAML merge keys are applied, and what they merge is linted where the anchor writes it', () => {
  it('lints a fallback merged into router_settings', () => {
    const text = `model_list:\n  - model_name: chat\n    litellm_params: {model: hostco/acme/Open-7B}\nshared: &shared\n  fallbacks:\n    - chat: [hostco/acme-ai/NC-104B]\nrouter_settings:\n  <<: *shared\n`;
    expect(at(lint(text))).toEqual(['license/non-commercial config.yaml:6:14']);
  });
  it('applies a list of merges', () => {
    const text = `base: &base {model: hostco/acme/Open-7B}\nnc: &nc {model: hostco/acme-ai/NC-104B}\nmodel_list:\n  - model_name: chat\n    litellm_params:\n      <<: [*nc, *base]\n`;
    expect(at(lint(text))).toEqual(['license/non-commercial config.yaml:2:10']);
  });
});

describe('6. include: files are followed and their routes linted at their own file:line:col', () => {
  const main = `include:\n  - models/list.yaml\nlitellm_settings:\n  callbacks: [prometheus]\n`;
  it('lints routes of included files where they are written, relative to the including file', () => {
    const files = { 'models/list.yaml': 'include:\n  - more.yaml\nmodel_list:\n  - model_name: chat\n    litellm_params: {model: hostco/acme/Open-7B}\n', 'models/more.yaml': 'model_list:\n  - model_name: nc\n    litellm_params: {model: hostco/acme-ai/NC-104B}\n' };
    expect(at(lint(main, undefined, files))).toEqual(['license/non-commercial models/more.yaml:3:22']);
  });
  it("also lints the file a nested include names relative to the top config's directory (older LiteLLM releases read that one)", () => {
    const files = { 'models/list.yaml': 'include: [more.yaml]\nmodel_list: []\n', 'models/more.yaml': 'model_list: []\n', 'more.yaml': 'model_list:\n  - model_name: nc\n    litellm_params: {model: hostco/acme-ai/NC-104B}\n' };
    expect(at(lint(main, undefined, files))).toEqual(['license/non-commercial more.yaml:3:22']);
  });
  it('refuses missing files and cycles with a located error', () => {
    expect(at(lint(main))).toEqual(['config/include config.yaml:2:5']);
    const files = { 'models/list.yaml': 'include: [../config.yaml]\nmodel_list: []\n', 'config.yaml': main };
    expect(at(lint(main, undefined, files))).toEqual(['config/include models/list.yaml:1:11']);
  });
  it('fails closed where files cannot be read (the playground)', () => {
    expect(parseRouterConfig('config.yaml', main).findings.map((f) => f.code)).toEqual(['config/include']);
  });
});

describe('7. every fallback LiteLLM reads is linted under the tags of every group it can serve', () => {
  const regulated = 'name: t\ndeny:\n  - vendor_countries: [CN]\n    tier_tags: [regulated]\n    reason: customer contracts\n';
  const groups = `model_list:\n  - model_name: reg\n    litellm_params: {model: hostco/acme/Open-7B, tags: [regulated]}\n  - model_name: cheap\n    litellm_params: {model: hostco/dragon-ai/Open}\n`;
  it('default_fallbacks serve every group', () => {
    const findings = lint(`${groups}router_settings:\n  default_fallbacks: [cheap]\n`, regulated);
    expect(findings.map((f) => `${f.code} ${f.tier} ${f.line}:${f.column}`)).toEqual(['procurement/flagged reg 7:23']);
    expect(findings[0]!.message).toContain('reached as a fallback of "reg"');
  });
  it('a group fallback, a "*" fallback and a bare fallback entry serve the tier that falls back', () => {
    for (const settings of ['router_settings:\n  fallbacks: [{reg: [cheap]}]\n', 'litellm_settings:\n  context_window_fallbacks: [{"*": [cheap]}]\n', 'router_settings:\n  content_policy_fallbacks: [cheap]\n']) {
      expect(lint(`${groups}${settings}`, regulated).map((f) => `${f.code} ${f.tier}`)).toEqual(['procurement/flagged reg']);
    }
  });
  it("a fallback dict's api_base overrides the api_base of the group it falls back to", () => {
    const text = `model_list:\n  - model_name: chat\n    litellm_params: {model: hostco/acme/Open-7B}\n  - model_name: premium\n    litellm_params: {model: acme_api/acme-nc}\nrouter_settings:\n  fallbacks: [{chat: [{model: premium, api_base: "http://10.0.0.9:8000/v1"}]}]\n`;
    expect(at(lint(text))).toEqual(['license/non-commercial config.yaml:7:24']);
  });
  it('a fallback to a model_group_alias that names a model id calls that model', () => {
    const findings = lint(`${groups}router_settings:\n  model_group_alias: {budget: hostco/dragon-ai/Open}\n  fallbacks: [{reg: [budget]}]\n`, regulated);
    expect(findings.map((f) => `${f.code} ${f.tier} ${f.line}:${f.column}`)).toEqual(['procurement/flagged reg 7:23']);
  });
  it('follows fallbacks transitively, and a fallback key written without its provider prefix', () => {
    const chain = `model_list:\n  - model_name: openai/reg\n    litellm_params: {model: hostco/acme/Open-7B, tags: [regulated]}\n  - model_name: mid\n    litellm_params: {model: hostco/acme/Open-7B}\n  - model_name: cheap\n    litellm_params: {model: hostco/dragon-ai/Open}\nrouter_settings:\n  fallbacks: [{reg: [mid]}, {mid: [cheap]}]\n`;
    expect(lint(chain, regulated).map((f) => `${f.code} ${f.tier} ${f.line}`)).toEqual(['procurement/flagged openai/reg 9']);
  });
  it('lints litellm_settings.model_fallbacks (litellm.model_fallbacks) under every group', () => {
    const findings = lint(`${groups}litellm_settings:\n  model_fallbacks: [hostco/acme-ai/NC-104B]\n`);
    expect(findings.map((f) => `${f.code} ${f.tier} ${f.line}:${f.column}`)).toEqual(['license/non-commercial reg 7:21', 'license/non-commercial cheap 7:21']);
  });
  it('lints litellm_params.fallbacks, model_group_alias and model_alias_map targets', () => {
    const base = `model_list:\n  - model_name: chat\n    litellm_params:\n      model: hostco/acme/Open-7B\n`;
    expect(at(lint(`${base}      fallbacks: [hostco/acme-ai/NC-104B]\n`))).toEqual(['license/non-commercial config.yaml:5:19']);
    expect(at(lint(`${base}router_settings:\n  model_group_alias: {gpt-4: hostco/acme-ai/NC-104B}\n`))).toEqual(['license/non-commercial config.yaml:6:23']);
    expect(at(lint(`${base}litellm_settings:\n  model_alias_map: {hostco/acme/Open-7B: hostco/acme-ai/NC-104B}\n`))).toEqual(['license/non-commercial config.yaml:6:21']);
  });
});
