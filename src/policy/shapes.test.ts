/**
 * The two shape checks agree: `clearance lint` decides validity with precompiled ajv validators and plain
 * checks (fast-shapes.node.ts) and the playground with zod (zod-shapes.ts). On realistic documents and on
 * thousands of mutations of them, both accept the same documents with the same value, and a rejection is
 * explained with zod's own messages.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { FAST_SHAPES } from './fast-shapes.node.ts';
import type { ShapeResult, Shapes } from './shapes.ts';
import { ZOD_SHAPES } from './zod-shapes.ts';

const read = (path: string) => parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')) as unknown;

const SEEDS: Record<keyof Shapes, unknown[]> = {
  policy: [
    read('content/policies/default.yaml'),
    read('src/cli/__fixtures__/lint-itsm-hybrid/policy.yaml'),
    read('src/cli/__fixtures__/lint-litellm-proxy/policy.yaml'),
    {
      name: 'full',
      organization: { name: 'Example GmbH', domicile: 'DE', monthly_active_users: 2_500_000, trains_on_outputs: true },
      severity: { 'license/obligations': 'off', 'registry/unknown-model': 'error' },
      mau_warning_ratio: 0.8,
      staleness: { max_age_days: 365 },
      deny: [{ vendor_countries: ['CN', 'EU'], tier_tags: ['regulated'], reason: 'r' }, { models: ['m'], providers: ['p'], flags: ['f'], vendors: ['v'], reason: 'r' }],
      tier_requirements: [{ tag: 'sovereign', hosting: ['eu-controlled-provider', 'self-hosted'], regions: ['EU', 'NO'], min_seal_level: 2, certifications: ['iso27001'], reason: 'r' }],
      waivers: [{ rule: 'license/mau-cap', model: 'Qwen/Qwen2.5-72B-Instruct', tier: 'long-context', reason: 'r', approved_by: 'a', expires: '2027-06-30' }],
    },
  ],
  routerConfig: [read('content/routers/itsm-hybrid.yaml'), read('src/cli/__fixtures__/size-router/config.yaml')],
  litellm: [
    read('src/cli/__fixtures__/lint-litellm-proxy/config.yaml'),
    {
      model_list: [{ model_name: 'a', litellm_params: { model: 'bedrock/eu.x', aws_region_name: null, tags: ['sovereign'] }, model_info: { base_model: 'x', mode: 'chat' } }],
      router_settings: { model_group_alias: { b: 'a', c: { model: 'a', hidden: true } }, fallbacks: [{ a: 'b' }], content_policy_fallbacks: [{ a: ['b'] }], default_fallbacks: ['a'] },
      litellm_settings: { context_window_fallbacks: [{ a: ['c'] }], drop_params: true },
    },
    {
      include: ['models.yaml'],
      environment_variables: { OPENAI_API_BASE: 'http://10.0.0.1:8000', RETRIES: 3 },
      model_list: [{ model_name: 'a', litellm_params: { model: 'x', base_url: 'http://y', custom_llm_provider: 'hosted_vllm', deployment_id: 'd', azure: false, fallbacks: ['m', { model: 'n', api_base: 'http://z' }] } }],
      router_settings: { fallbacks: ['bare', { '*': [{ model: 'm', base_url: null }] }] },
      litellm_settings: { model_alias_map: { a: 'b' }, api_base: 'http://q', model_fallbacks: ['m', { model: 'n' }] },
    },
  ],
};

/** Values a mutation writes: right and wrong types, edge numbers, bad dates and codes, fail-closed rule codes. */
const VALUES: unknown[] = [
  null, '', 'x', 'EU', 'DE', 'de', 'Bad Tag', 'sovereign', 0, -1, 0.5, 1.5, 2, 5, 1e21, Infinity, -Infinity, true, false, [], {}, ['x'], [1], { x: 1 }, { model: 'a' },
  '2026-02-30', '2027-12-31', '2027-1-1', 'route/wildcard', 'waiver/expired', 'license/mau-cap', 'off', 'error', 'self-hosted', 'h200-sxm', 'fp8', 'iso27001', ['EU'], ['sovereign'],
  [{ model: 'a', via: 'self-hosted' }], [{ id: 't', routes: [{ model: 'a', via: 'b' }] }], { vendors: [] }, { reason: 'r' },
];

type Path = (string | number)[];

function paths(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...at, i])));
  else if (typeof value === 'object' && value !== null) for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...at, k]));
  return out;
}

interface Mutation {
  at: number;
  op: 'set' | 'delete' | 'add-key' | 'duplicate';
  value: number;
}

function mutate(doc: unknown, mutations: readonly Mutation[]): unknown {
  let root = structuredClone(doc);
  for (const m of mutations) {
    const all = paths(root);
    const path = all[m.at % all.length]!;
    const value = structuredClone(VALUES[m.value % VALUES.length]);
    if (path.length === 0) {
      if (m.op === 'set') root = value;
      continue;
    }
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root) as Record<string | number, unknown> | unknown[];
    const key = path[path.length - 1]!;
    if (m.op === 'set') (parent as Record<string | number, unknown>)[key] = value;
    else if (m.op === 'delete') {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
    } else if (m.op === 'add-key') {
      const target = (parent as Record<string | number, unknown>)[key];
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) (target as Record<string, unknown>)[['colour', 'model', 'tags', 'via', 'expires'][m.value % 5]!] = value;
    } else if (Array.isArray(parent)) parent.push(structuredClone(parent[key as number]));
  }
  return root;
}

function expectSameVerdict(kind: keyof Shapes, doc: unknown): ShapeResult<unknown> {
  const fast = FAST_SHAPES[kind](structuredClone(doc));
  const slow = ZOD_SHAPES[kind](structuredClone(doc));
  expect({ kind, doc, ok: fast.ok }).toEqual({ kind, doc, ok: slow.ok });
  if (fast.ok && slow.ok) expect(fast.value).toEqual(slow.value);
  else expect(fast).toEqual(slow);
  return slow;
}

const mutation = fc.record({ at: fc.nat(), op: fc.constantFrom('set', 'set', 'delete', 'add-key', 'duplicate') as fc.Arbitrary<Mutation['op']>, value: fc.nat() });

describe('fast shape checks agree with the zod schemas', () => {
  for (const kind of Object.keys(SEEDS) as (keyof Shapes)[]) {
    it(`${kind}: the realistic documents are valid for both`, () => {
      for (const doc of SEEDS[kind]) expect(expectSameVerdict(kind, doc).ok).toBe(true);
    });

    it(`${kind}: mutated documents get the same verdict and value from both`, () => {
      let rejected = 0;
      fc.assert(
        fc.property(fc.nat(SEEDS[kind].length - 1), fc.array(mutation, { minLength: 1, maxLength: 4 }), (seed, mutations) => {
          if (!expectSameVerdict(kind, mutate(SEEDS[kind][seed], mutations)).ok) rejected++;
        }),
        { numRuns: 600 },
      );
      // The mutations must exercise both verdicts, or the test proves little.
      expect(rejected).toBeGreaterThan(60);
      expect(rejected).toBeLessThan(560);
    });
  }

  it('catches what JSON Schema alone cannot: refinements, calendar dates, infinite numbers', () => {
    const policy = SEEDS.policy[3] as Record<string, unknown>;
    const tiered = SEEDS.routerConfig[0] as { tiers: unknown[] };
    const cases: [keyof Shapes, unknown][] = [
      ['policy', { ...policy, severity: { 'route/wildcard': 'warning' } }],
      ['policy', { ...policy, deny: [{ reason: 'names nothing' }] }],
      ['policy', { ...policy, waivers: [{ rule: 'waiver/expired', model: 'm', reason: 'r', approved_by: 'a', expires: '2027-01-01' }] }],
      ['policy', { ...policy, waivers: [{ rule: 'license/mau-cap', model: 'm', reason: 'r', approved_by: 'a', expires: '2027-02-30' }] }],
      ['policy', { ...policy, mau_warning_ratio: Infinity }],
      ['routerConfig', { ...tiered, tiers: [tiered.tiers[0], tiered.tiers[0]] }],
      ['routerConfig', { ...tiered, tiers: [{ id: 't', routes: [{ model: 'a', via: 'b' }], workload: { requests_per_day: Infinity, input_tokens: 1, output_tokens: 1 } }] }],
      ['litellm', { model_list: [{ model_name: 'a', litellm_params: { model: '' } }] }],
      ['litellm', { model_list: [{ model_name: 'a', litellm_params: { model: 'x' } }], router_settings: { fallbacks: [{ a: [1] }] } }],
    ];
    for (const [kind, doc] of cases) {
      const result = expectSameVerdict(kind, doc);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.issues[0]!.message.length).toBeGreaterThan(0);
    }
  });

  it('fills in the defaults zod fills in', () => {
    const policy = FAST_SHAPES.policy({ name: 'p' });
    expect(policy.ok && policy.value.organization).toEqual({});
    const config = FAST_SHAPES.routerConfig({ name: 'c', tiers: [{ id: 't', routes: [{ model: 'a', via: 'b' }] }] });
    expect(config.ok && config.value.tiers[0]!.tags).toEqual([]);
  });
});
