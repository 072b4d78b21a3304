/**
 * Differential oracle for the LiteLLM reader: from real-looking LiteLLM proxy configs that pass, inject a
 * non-commercial, retired or (in a regulated tier) denied model at every place LiteLLM can reach a model from —
 * a deployment's model, base_model behind a deployment name, litellm_params.fallbacks, every fallback list in
 * router_settings and litellm_settings (group, "*" and bare entries), default_fallbacks, a fallback to another
 * group serving a regulated tier, model_group_alias, model_alias_map, YAML merge keys, include files, api_base
 * from environment_variables / litellm_settings / os.environ, custom_llm_provider, and another vendor's API prefix — and check the
 * verdict: the config without the injection passes, with it it does not, and nothing throws.
 * 10,000 generated cases per run.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { provider, testPolicy, testRegistry } from './__fixtures__/registry.ts';
import { lintTexts } from './engine.ts';
import { FAST_SHAPES } from './fast-shapes.node.ts';
import type { IncludeReader } from './router-config.ts';

const TODAY = '2026-11-22';
const REGISTRY = testRegistry();
// Lifecycle is per channel (a vendor's date does not retire a model elsewhere, and weights you run do not
// retire): here acme/old is an API-only model retired on its vendor's API and, as recorded, on HostCo too, so
// every way of reaching it fails — and a "self-hosted" API-only model is not a route at all.
Object.assign(REGISTRY.models['acme/old']!, { kind: 'api-only', license: undefined, weights: undefined, api_terms: 'acme-api' });
REGISTRY.models['acme/old']!.routes = [{ provider: 'hostco', model_id: 'acme-old', as_of: '2026-11-01', status: 'verified', sources: [{ source: 'test-source' }], lifecycle: { status: 'retired', retired_on: '2025-10-28' } }];
REGISTRY.providers['dragon-api'] = provider({ name: 'Dragon API', relationship: 'first-party-api', vendor: 'dragon', country: 'CN', litellm_prefixes: ['dragon_api'], regions: [{ id: 'cn', country: 'CN' }] });
const POLICY = testPolicy(
  'name: oracle\ndeny:\n  - vendor_countries: [CN]\n    tier_tags: [regulated]\n    reason: customer contracts\ntier_requirements:\n  - tag: sovereign\n    hosting: [self-hosted, eu-controlled-provider]\n    regions: [EU]\n',
);

/** Deployments that pass the policy anywhere. */
const BENIGN: readonly Record<string, string>[] = [
  { model: 'hostco/acme/Open-7B' },
  { model: 'acme_api/acme-nc' },
  { model: 'eucloud/acme/Open-7B', region_name: 'fr-par' },
  { model: 'ollama/open:7b' },
  { model: 'hosted_vllm/acme/Open-7B', api_base: 'http://10.0.0.2:8000/v1' },
  { model: 'openai/acme/Open-7B', api_base: 'http://vllm.internal:8000/v1' },
  { model: 'bedrock/acme.open-7b-v1:0' },
];
/** Model strings whose terms forbid the use: non-commercial weights, a retired model. */
const FORBIDDEN = ['hostco/acme-ai/NC-104B', 'ollama/acme-ai/NC-104B', 'hostco/acme-old', 'acme_api/acme-old', 'eucloud/acme-ai/NC-104B'];
/** Registry ids of forbidden models, for base_model. */
const FORBIDDEN_IDS = ['acme/nc', 'acme/old'];
/** Group names, prototype names among them: they must neither crash nor change the verdict. */
const NAMES = ['chat', 'rag', 'gpt-4o', 'fast', 'openai/gpt-4', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'reasoning'];
// (`constructor`, `prototype` and `__proto__` as keys are refused by the YAML reader: exit 2, never a pass.)
const FALLBACK_KEYS = ['fallbacks', 'context_window_fallbacks', 'content_policy_fallbacks'] as const;
const SETTINGS = ['router_settings', 'litellm_settings'] as const;

interface Group {
  name: string;
  params: Record<string, unknown>;
  info?: Record<string, unknown>;
}

interface Config {
  groups: Group[];
  router: Record<string, unknown>;
  litellm: Record<string, unknown>;
  env: Record<string, string>;
  /** Raw top-level YAML (anchors for merge keys), written before model_list. */
  anchors: string[];
  /** Raw `<<: *x` merges into router_settings. */
  routerMerges: string[];
  include: string[];
  files: Record<string, string>;
}

/** Renders as YAML flow/JSON text (YAML 1.2 is a superset of JSON), with anchors and merge keys where asked. */
function render(c: Config): string {
  const lines: string[] = [...c.anchors];
  if (c.include.length > 0) lines.push(`include: ${JSON.stringify(c.include)}`);
  if (Object.keys(c.env).length > 0) lines.push(`environment_variables: ${JSON.stringify(c.env)}`);
  lines.push(`model_list: ${JSON.stringify(c.groups.map((g) => ({ model_name: g.name, litellm_params: g.params, ...(g.info ? { model_info: g.info } : {}) })))}`);
  const router = JSON.stringify(c.router);
  lines.push(`router_settings: ${c.routerMerges.length > 0 ? `{${c.routerMerges.map((m) => `<<: ${m}`).join(', ')}${router === '{}' ? '' : `, ${router.slice(1, -1)}`}}` : router}`);
  lines.push(`litellm_settings: ${JSON.stringify(c.litellm)}`);
  lines.push('general_settings: {"master_key": "os.environ/LITELLM_MASTER_KEY"}');
  return `${lines.join('\n')}\n`;
}

const baselines = new Map<string, number>();

/** Exit code of a config; baselines repeat across cases, so they are cached by text. */
/** The same config as block YAML, the way people write it (no anchors: those need the flow rendering). */
function renderBlock(c: Config): string {
  return stringify({
    ...(c.include.length > 0 ? { include: c.include } : {}),
    ...(Object.keys(c.env).length > 0 ? { environment_variables: c.env } : {}),
    model_list: c.groups.map((g) => ({ model_name: g.name, litellm_params: g.params, ...(g.info ? { model_info: g.info } : {}) })),
    router_settings: c.router,
    litellm_settings: c.litellm,
    general_settings: { master_key: 'os.environ/LITELLM_MASTER_KEY' },
  });
}

function verdict(c: Config): number {
  const text = render(c);
  const cached = baselines.get(text);
  if (cached !== undefined) return cached;
  const readInclude: IncludeReader = (_from, name) => (Object.hasOwn(c.files, name) ? { file: name, id: name, text: c.files[name]! } : { error: 'does not exist' });
  const code = lintTexts([{ file: 'config.yaml', text }], REGISTRY, POLICY, TODAY, { shapes: FAST_SHAPES, readInclude }).exitCode;
  baselines.set(text, code);
  return code;
}

const clone = (c: Config): Config => structuredClone(c);

/** A passing config: benign deployments, fallbacks among its groups, aliases, settings noise. */
const baseArb = fc
  .record({
    names: fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 4 }),
    deployments: fc.array(fc.record({ group: fc.nat(3), benign: fc.nat(BENIGN.length - 1), regulated: fc.boolean() }), { minLength: 1, maxLength: 5 }),
    edges: fc.array(fc.record({ from: fc.nat(3), to: fc.nat(3), key: fc.constantFrom(...FALLBACK_KEYS), settings: fc.constantFrom(...SETTINGS) }), { maxLength: 3 }),
    alias: fc.option(fc.record({ name: fc.constantFrom('gpt-4', 'claude', 'default'), to: fc.nat(3) }), { nil: undefined }),
    defaults: fc.option(fc.nat(3), { nil: undefined }),
  })
  .map(({ names, deployments, edges, alias, defaults }): Config => {
    const groups: Group[] = deployments.map((d) => ({ name: names[d.group % names.length]!, params: { ...BENIGN[d.benign]!, ...(d.regulated ? { tags: ['regulated'] } : {}), api_key: 'os.environ/KEY' } }));
    const c: Config = { groups, router: { routing_strategy: 'simple-shuffle', num_retries: 2 }, litellm: { drop_params: true }, env: {}, anchors: [], routerMerges: [], include: [], files: {} };
    const present = [...new Set(groups.map((g) => g.name))];
    for (const e of edges) {
      const settings = e.settings === 'router_settings' ? c.router : c.litellm;
      const list = (settings[e.key] ??= []) as unknown[];
      list.push({ [present[e.from % present.length]!]: [present[e.to % present.length]!] });
    }
    if (alias) c.router.model_group_alias = { [alias.name]: present[alias.to % present.length]! };
    if (defaults !== undefined) c.router.default_fallbacks = [present[defaults % present.length]!];
    return c;
  });

type Injector = (c: Config, pick: number, forbidden: string) => void;

const at = <T>(list: readonly T[], i: number): T => list[i % list.length]!;
const anyGroup = (c: Config, pick: number) => at(c.groups, pick);
const settingsOf = (c: Config, pick: number) => (pick % 2 === 0 ? c.router : c.litellm);

const INJECTORS: Record<string, Injector> = {
  model: (c, pick, f) => c.groups.push({ name: anyGroup(c, pick).name, params: { model: f } }),
  'base-model': (c, pick) => c.groups.push({ name: anyGroup(c, pick).name, params: { model: `azure/prod-deployment-${pick % 7}`, api_base: 'https://acme.openai.azure.com' }, info: { base_model: at(FORBIDDEN_IDS, pick) } }),
  'params-fallbacks': (c, pick, f) => {
    anyGroup(c, pick).params.fallbacks = pick % 3 === 0 ? [{ model: f }] : [f];
    // base_url wins over api_base in completion(): a public api_base does not hide a private base_url.
    if (pick % 5 === 1) Object.assign(anyGroup(c, pick + 1).params, { model: 'acme_api/acme-nc', api_base: 'https://api.acme.example', base_url: 'http://10.2.0.9:8000/v1' });
  },
  'settings-fallback': (c, pick, f) => {
    const list = (settingsOf(c, pick)[at(FALLBACK_KEYS, pick >> 1)] ??= []) as unknown[];
    const key = pick % 5 === 0 ? '*' : anyGroup(c, pick >> 2).name;
    list.push(pick % 7 === 0 ? f : { [key]: pick % 3 === 0 ? f : [f] });
  },
  'default-fallbacks': (c, pick, f) => {
    ((settingsOf(c, pick).default_fallbacks ??= []) as unknown[]).push(f);
  },
  'model-fallbacks': (c, pick, f) => {
    ((c.litellm.model_fallbacks ??= []) as unknown[]).push(pick % 2 === 0 ? f : { model: f });
  },
  'deployment-id': (c, pick) => c.groups.push({ name: anyGroup(c, pick).name, params: { model: 'hostco/acme/Open-7B', ...(pick % 2 === 0 ? { deployment_id: 'nc-prod' } : { azure: true }) }, info: { base_model: 'acme/nc' } }),
  'regulated-fallback': (c, pick) => {
    // A group that passes on its own (no regulated tag) serves a regulated group's traffic as its fallback.
    const regulated = anyGroup(c, pick);
    regulated.params.tags = ['regulated'];
    c.groups.push({ name: 'cheap', params: { model: 'hostco/dragon-ai/Open' } });
    const how = pick % 4;
    if (how === 0) ((c.router.default_fallbacks ??= []) as unknown[]).push('cheap');
    else if (how === 1) ((c.router.fallbacks ??= []) as unknown[]).push({ [regulated.name]: ['cheap'] });
    else if (how === 2) ((c.litellm.context_window_fallbacks ??= []) as unknown[]).push({ '*': ['cheap'] });
    else {
      c.router.model_group_alias = { ...(c.router.model_group_alias as object), budget: 'cheap' };
      ((c.router.content_policy_fallbacks ??= []) as unknown[]).push({ [regulated.name]: ['budget'] });
    }
  },
  'fallback-override': (c, pick) => {
    // A fallback dict's api_base overrides the deployment's: acme_api/acme-nc (API terms) then runs on a private host.
    const from = anyGroup(c, pick).name;
    c.groups.push({ name: 'premium', params: { model: 'acme_api/acme-nc' } });
    ((c.router.fallbacks ??= []) as unknown[]).push({ [from]: [{ model: 'premium', [pick % 2 === 0 ? 'api_base' : 'base_url']: 'http://10.0.0.9:8000/v1' }] });
  },
  'group-alias': (c, pick, f) => {
    settingsOf(c, pick).model_group_alias = { ...(settingsOf(c, pick).model_group_alias as object), [`legacy-${pick % 3}`]: pick % 2 === 0 ? f : { model: f, hidden: true } };
  },
  'alias-map': (c, pick, f) => {
    const key = pick % 3 === 0 ? String(anyGroup(c, pick).params.model) : pick % 3 === 1 ? anyGroup(c, pick).name : `other-${pick % 5}`;
    c.litellm.model_alias_map = { [key]: f };
  },
  'merge-key': (c, pick, f) => {
    if (pick % 2 === 0) {
      // A key written in place overrides the merged one (YAML merge semantics), so the merged key must be the only one.
      const key = at(FALLBACK_KEYS, pick >> 1);
      delete c.router[key];
      c.anchors.push(`x-shared: &shared {"${key}": [{${JSON.stringify(anyGroup(c, pick).name)}: [${JSON.stringify(f)}]}]}`);
      c.routerMerges.push('*shared');
    } else {
      c.anchors.push(`x-params: &params {"model": ${JSON.stringify(f)}}`);
      c.groups.push({ name: anyGroup(c, pick).name, params: { '<<': '*params' } });
    }
  },
  include: (c, pick, f) => {
    const nested = pick % 2 === 0;
    c.include.push(nested ? 'outer.yaml' : 'models.yaml');
    if (nested) c.files['outer.yaml'] = 'include: [models.yaml]\nmodel_list: []\n';
    c.files['models.yaml'] = `model_list:\n  - model_name: ${JSON.stringify(anyGroup(c, pick).name)}\n    litellm_params: {model: ${JSON.stringify(f)}}\n`;
  },
  'env-api-base': (c, pick) => {
    // acme_api/acme-nc passes through the vendor's API; pointed at a private host it is the NC weights, self-hosted.
    const how = pick % 3;
    const params: Record<string, unknown> = { model: 'acme_api/acme-nc' };
    if (how === 0) c.env.ACME_API_API_BASE = 'http://10.9.0.4:8000/v1';
    else if (how === 1) c.litellm.api_base = 'http://gpu-box:8000';
    else {
      params.api_base = 'os.environ/NC_BASE';
      c.env.NC_BASE = 'http://vllm.internal:8000/v1';
    }
    c.groups.push({ name: anyGroup(c, pick).name, params });
  },
  'unchecked-host': (c, pick) => {
    // A sovereign group must be self-hosted in the EU; an api_base from the environment or on an unknown host proves neither.
    const api_base = pick % 2 === 0 ? 'os.environ/LLM_BASE' : at(['https://llm.example.net/v1', 'https://inference.acme-partner.io', 'http://203.0.113.7:8000'], pick >> 1);
    c.groups.push({ name: anyGroup(c, pick).name, params: { model: 'openai/acme/Open-7B', api_base, region_name: 'eu', tags: ['sovereign'] } });
  },
  'custom-provider': (c, pick) => c.groups.push({ name: anyGroup(c, pick).name, params: { model: 'acme_api/acme-nc', custom_llm_provider: at(['hosted_vllm', 'ollama', 'openai_like'], pick) } }),
  'vendor-prefix': (c, pick) => c.groups.push({ name: anyGroup(c, pick).name, params: { model: pick % 2 === 0 ? 'dragon_api/acme-ai/NC-104B' : 'dragon_api/acme-old' } }),
};

describe('LiteLLM oracle: an injected forbidden model never passes', () => {
  it('10,000 generated configs: each passes without the injection and fails with it, and nothing throws', () => {
    let cases = 0;
    fc.assert(
      fc.property(baseArb, fc.constantFrom(...Object.keys(INJECTORS)), fc.nat(1_000), fc.constantFrom(...FORBIDDEN), (base, kind, pick, forbidden) => {
        expect(verdict(base), `baseline must pass:\n${render(base)}`).toBe(0);
        const injected = clone(base);
        INJECTORS[kind]!(injected, pick, forbidden);
        // The merge-key injector writes `<<` as a JSON key; make it a real YAML merge of the anchor.
        const block = pick % 3 === 0 && injected.anchors.length === 0;
        const text = block ? renderBlock(injected) : render(injected).replace(/"<<":"\*params"/g, '<<: *params');
        const readInclude: IncludeReader = (_from, name) => (Object.hasOwn(injected.files, name) ? { file: name, id: name, text: injected.files[name]! } : { error: 'does not exist' });
        const outcome = lintTexts([{ file: 'config.yaml', text }], REGISTRY, POLICY, TODAY, { shapes: FAST_SHAPES, readInclude });
        expect(outcome.exitCode, `${kind} passed:\n${text}`).not.toBe(0);
        // Not refused as unreadable: every injection is a config LiteLLM loads, so the verdict is a policy error.
        expect(outcome.exitCode, `${kind} could not be evaluated:\n${text}\n${outcome.findings.filter((f) => f.severity === 'error').map((f) => `${f.code} ${f.message}`).join('\n')}`).toBe(1);
        cases++;
      }),
      { numRuns: 10_000 },
    );
    expect(cases).toBe(10_000);
    // 20,000 lints: seconds on an idle machine, minutes on a loaded CI runner; the limit only stops a hang.
  }, 600_000);
});
