/**
 * Property-based tests over generated and mutated router configs: the linter never crashes, every finding is
 * located, a config that names an unknown or wildcard model never exits 0, and hostile inputs exit 2 fast.
 */
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { testPolicy, testRegistry } from './__fixtures__/registry.ts';
import { lintText, type LintOutcome } from './index.ts';

const registry = testRegistry();
const TODAY = '2026-11-22';

const KNOWN = ['acme/open', 'acme/Open-7B', 'open:7b', 'acme/nc', 'acme-ai/NC-104B', 'acme/capped', 'acme/vision', 'acme-old', 'acme/aging', 'dragon-ai/Open', 'acme-api-1', 'acme/weak', 'acme/mystery'];
const PREFIXES = ['', 'hostco/', 'eucloud/', 'ollama/', 'hosted_vllm/', 'openrouter/', 'acme_api/', 'together_ai/', 'bedrock/', 'openai/'];
const VIAS = ['self-hosted', 'hostco', 'eucloud', 'acme-api'];

const knownSpec = fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...KNOWN)).map(([p, m]) => `${p}${m}`);
/** Ids that cannot resolve: the registry has no "zz" in any alias. */
const unknownSpec = fc.tuple(fc.constantFrom(...PREFIXES), fc.stringMatching(/^[a-z0-9-]{1,12}$/)).map(([p, s]) => `${p}zz-${s}`);
const wildcardSpec = fc.constantFrom('*', 'openai/*', 'anthropic/*', 'hostco/acme/*', 'together_ai/*');
const tags = fc.subarray(['sovereign', 'regulated', 'frontier']);

const policyArb = fc.record({
  name: fc.constant('generated'),
  organization: fc.record({ domicile: fc.constantFrom('DE', 'US', 'NO', 'FR'), monthly_active_users: fc.nat(2_000_000_000), trains_on_outputs: fc.boolean() }, { requiredKeys: [] }),
  severity: fc.dictionary(fc.constantFrom('license/non-commercial', 'license/mau-cap', 'provenance/weak', 'license/obligations'), fc.constantFrom('error', 'warning', 'info', 'off')),
  tier_requirements: fc.constant([{ tag: 'sovereign', hosting: ['eu-controlled-provider', 'self-hosted'], regions: ['EU'] }]),
  waivers: fc.array(
    fc.record({ rule: fc.constantFrom('license/non-commercial', 'license/mau-cap', 'lifecycle/retired'), model: fc.constantFrom(...KNOWN), reason: fc.constant('r'), approved_by: fc.constant('a'), expires: fc.constantFrom('2026-01-01', '2027-01-01') }),
    { maxLength: 3 },
  ),
});

function nativeConfig(routes: { spec: string; via: string; country?: string }[][], tierTags: string[][]): string {
  return stringify({
    name: 'generated',
    tiers: routes.map((list, i) => ({ id: `t${i}`, tags: tierTags[i] ?? [], routes: list.map((r) => ({ model: r.spec, via: r.via, ...(r.country ? { country: r.country } : {}) })) })),
  });
}

function litellmConfig(specs: string[], fallbacks: string[]): string {
  return stringify({
    model_list: specs.map((s, i) => ({ model_name: `g${i % 3}`, litellm_params: { model: s } })),
    ...(fallbacks.length > 0 ? { router_settings: { fallbacks: [{ g0: fallbacks }] } } : {}),
  });
}

const routeArb = (spec: fc.Arbitrary<string>) => fc.record({ spec, via: fc.constantFrom(...VIAS), country: fc.option(fc.constantFrom('DE', 'US'), { nil: undefined }) });

function assertWellFormed(outcome: LintOutcome, file: string) {
  expect([0, 1, 2]).toContain(outcome.exitCode);
  for (const f of outcome.findings) {
    expect(f.file === file || f.file === 'policy.yaml').toBe(true);
    expect(Number.isInteger(f.line) && f.line >= 1).toBe(true);
    expect(Number.isInteger(f.column) && f.column >= 1).toBe(true);
    expect(typeof f.path).toBe('string');
    expect(f.code).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
    expect(f.message.length).toBeGreaterThan(0);
    expect(['error', 'warning', 'info']).toContain(f.severity);
  }
}

describe('properties', () => {
  it('generated tiered configs: no crash, every finding located', () => {
    fc.assert(
      fc.property(fc.array(fc.array(routeArb(fc.oneof(knownSpec, unknownSpec, wildcardSpec)), { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }), fc.array(tags, { maxLength: 4 }), policyArb, (routes, tierTags, policy) => {
        const outcome = lintText('gen.yaml', nativeConfig(routes, tierTags), registry, testPolicy(stringify(policy)), TODAY);
        assertWellFormed(outcome, 'gen.yaml');
      }),
      { numRuns: 150 },
    );
  });

  it('a config naming an unknown or wildcard model never exits 0, whatever the policy', () => {
    fc.assert(
      fc.property(fc.array(knownSpec, { maxLength: 5 }), fc.oneof(unknownSpec, wildcardSpec), fc.nat(5), fc.boolean(), policyArb, (known, bad, at, inFallback, policy) => {
        const specs = [...known];
        const fallbacks: string[] = [];
        if (inFallback) fallbacks.push(bad);
        else specs.splice(Math.min(at, specs.length), 0, bad);
        if (specs.length === 0) specs.push('acme/open');
        const outcome = lintText('gen.yaml', litellmConfig(specs, fallbacks), registry, testPolicy(stringify(policy)), TODAY);
        assertWellFormed(outcome, 'gen.yaml');
        expect(outcome.exitCode).not.toBe(0);
        expect(outcome.findings.some((f) => f.code === 'registry/unknown-model' || f.code === 'route/wildcard')).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('the same holds in the tiered format', () => {
    fc.assert(
      fc.property(fc.array(routeArb(knownSpec), { maxLength: 4 }), routeArb(fc.oneof(unknownSpec, wildcardSpec)), policyArb, (known, bad, policy) => {
        const outcome = lintText('gen.yaml', nativeConfig([[...known, bad]], [['sovereign']]), registry, testPolicy(stringify(policy)), TODAY);
        expect(outcome.exitCode).not.toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it('mutated configs (characters inserted, deleted, replaced): no crash, located findings, bounded time', () => {
    const base = litellmConfig(['hostco/acme/Open-7B', 'ollama/acme-ai/NC-104B', 'acme_api/acme-nc', 'openai/*'], ['acme-old']);
    const edit = fc.record({ at: fc.nat(base.length), del: fc.nat(6), insert: fc.string({ maxLength: 6, unit: fc.constantFrom(':', '-', ' ', '\n', '{', '[', '&', '*', '!', '"', "'", 'a', '#', '|', '>', '\t', '%', '@') }) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 5 }), (edits) => {
        let text = base;
        for (const e of edits) text = text.slice(0, Math.min(e.at, text.length)) + e.insert + text.slice(Math.min(e.at, text.length) + e.del);
        const started = performance.now();
        const outcome = lintText('mut.yaml', text, registry, testPolicy(), TODAY);
        expect(performance.now() - started).toBeLessThan(2000);
        assertWellFormed(outcome, 'mut.yaml');
        // Mutations that keep the wildcard line intact must still fail.
        if (outcome.exitCode === 0) expect(outcome.findings.some((f) => f.code === 'route/wildcard')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('wrong types anywhere in a config exit 2 with a located finding', () => {
    const wrong = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { minLength: 1, maxLength: 2 }), fc.dictionary(fc.constantFrom('x', 'y'), fc.integer(), { maxKeys: 2 }));
    const where = fc.constantFrom('model_list', 'model_name', 'litellm_params', 'model', 'tiers', 'routes', 'via', 'id');
    fc.assert(
      fc.property(where, wrong, (key, value) => {
        const litellm: Record<string, unknown> = { model_list: [{ model_name: 'a', litellm_params: { model: 'hostco/acme/Open-7B' } }] };
        const native: Record<string, unknown> = { name: 'n', tiers: [{ id: 't', routes: [{ model: 'acme/open', via: 'self-hosted' }] }] };
        const set = (obj: Record<string, unknown>): boolean => {
          for (const [k, v] of Object.entries(obj)) {
            if (k === key) {
              obj[k] = value;
              return true;
            }
            if (Array.isArray(v) && v[0] && typeof v[0] === 'object' && set(v[0] as Record<string, unknown>)) return true;
            if (v && typeof v === 'object' && !Array.isArray(v) && set(v as Record<string, unknown>)) return true;
          }
          return false;
        };
        for (const config of [litellm, native]) {
          if (!set(config)) continue;
          const outcome = lintText('w.yaml', stringify(config), registry, testPolicy(), TODAY);
          assertWellFormed(outcome, 'w.yaml');
          expect(outcome.exitCode).toBe(2);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('hostile inputs exit 2 quickly: a 10 MB file, an alias bomb, duplicate keys, __proto__', () => {
    const cases = [
      `model_list:\n${'  - model_name: a\n    litellm_params: {model: hostco/acme/Open-7B}\n'.repeat(180_000)}`,
      `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\nmodel_list: []\n`,
      'model_list:\n  - model_name: a\n    model_name: b\n    litellm_params: {model: x}\n',
      'model_list:\n  - model_name: a\n    litellm_params: {model: x, __proto__: {admin: true}}\n',
      'tiers:\n  - constructor: {prototype: 1}\n',
    ];
    expect(cases[0]!.length).toBeGreaterThan(10_000_000);
    for (const text of cases) {
      const started = performance.now();
      const outcome = lintText('h.yaml', text, registry, testPolicy(), TODAY);
      expect(performance.now() - started).toBeLessThan(1000);
      expect(outcome.exitCode).toBe(2);
      expect(outcome.findings[0]!.line).toBeGreaterThanOrEqual(1);
    }
  });
});
