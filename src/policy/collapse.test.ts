/** Collapsing findings across routes never loses a place and never merges different statements. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testPolicy, testRegistry } from './__fixtures__/registry.ts';
import { lintText, type PolicyFinding } from './index.ts';

const SPECS = ['hostco/acme/Open-7B', 'ollama/open:7b', 'hostco/acme-ai/Capped-72B', 'ollama/acme-ai/Vision', 'hostco/acme/weak', 'acme_api/acme-nc', 'ollama/acme-ai/NC-104B', 'hostco/acme-nothing'];
const registry = testRegistry();
// A model with no findings on any policy: no obligations, no caps, nothing weak.
registry.licenses.quiet = { ...registry.licenses.permissive!, name: 'Quiet', obligations: [] };
registry.models['acme/quiet'] = { ...registry.models['acme/open']!, name: 'Acme Quiet', license: 'quiet', aliases: ['acme-quiet'] };
const POLICIES = ['name: t\n', 'name: t\norganization: {domicile: DE, monthly_active_users: 90000000, trains_on_outputs: true}\n'];

const config = (specs: readonly string[]) => `model_list:\n${specs.map((s, i) => `  - model_name: g${i % 3}\n    litellm_params:\n      model: ${s}\n`).join('')}`;
const places = (f: PolicyFinding) => (f.locations ?? [f]).filter((l) => l.file === 'router.yaml').map((l) => `${f.code}@${l.line}`);

describe('collapseFindings', () => {
  it('keeps every (rule, route) pair a route-by-route lint reports, and adds none', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...SPECS), { minLength: 1, maxLength: 7 }), fc.constantFrom(...POLICIES), (specs, policyText) => {
        const policy = testPolicy(policyText);
        const together = lintText('router.yaml', config(specs), registry, policy, '2026-11-22').findings;
        // The same config, one route kept at a time (the others replaced by a route with no findings at all):
        // what each route alone is found to have, at its own line.
        const want = new Set(
          specs.flatMap((_, i) => {
            const only = specs.map((s, j) => (j === i ? s : 'hostco/acme-quiet'));
            const line = 4 + 3 * i;
            return lintText('router.yaml', config(only), registry, policy, '2026-11-22').findings.flatMap(places).filter((p) => p.endsWith(`@${line}`));
          }),
        );
        const got = new Set(together.flatMap(places));
        expect([...got].sort()).toEqual([...want].sort());
        // One organization/unset at most.
        expect(together.filter((f) => f.code === 'organization/unset').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 40 },
    );
  });
});
