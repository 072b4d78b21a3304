/**
 * Prototype-named ids (issue #10, item 8, policy side): `constructor`, `toString`, `__proto__`… in any id
 * position of a config, a policy or the registry neither crash the engine, nor resolve to Object.prototype's
 * members, nor pass. Every lookup table in src/policy is a Map or is read with own-property checks (own.ts).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Registry } from '../registry/registry.ts';
import { testPolicy, testRegistry } from './__fixtures__/registry.ts';
import { lintText, lintTexts, parsePolicy } from './index.ts';

const TODAY = '2026-11-22';
const PROTO = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__proto__', 'prototype', '__defineGetter__', 'propertyIsEnumerable', 'toLocaleString'];
const proto = fc.constantFrom(...PROTO);

const exitOf = (text: string, registry: Registry = testRegistry(), policy = testPolicy()) => lintText('c.yaml', text, registry, policy, TODAY).exitCode;

describe('prototype names never crash, resolve or pass', () => {
  it('as a model id, a via, a tier, a tag, a region or a country of a tiered config', () => {
    fc.assert(
      fc.property(proto, fc.constantFrom('model', 'via', 'tier', 'tag', 'region', 'country'), (name, where) => {
        const route = { model: where === 'model' ? name : 'acme/open', via: where === 'via' ? name : 'hostco', ...(where === 'region' ? { region: name } : {}), ...(where === 'country' ? { country: name } : {}) };
        const text = JSON.stringify({ name: 'p', tiers: [{ id: where === 'tier' ? name : 't', tags: where === 'tag' ? [name] : [], routes: [route] }] });
        const code = exitOf(text);
        if (where === 'model' || where === 'via') expect(code).not.toBe(0);
        else expect([0, 1, 2]).toContain(code);
      }),
    );
  });

  it('as a LiteLLM model, base_model, fallback, alias or alias-map target', () => {
    fc.assert(
      fc.property(proto, fc.constantFrom('model', 'base_model', 'fallback', 'default', 'alias', 'alias-map', 'params-fallback'), (name, where) => {
        const params: Record<string, unknown> = { model: where === 'model' ? name : where === 'base_model' ? 'azure/prod' : 'hostco/acme/Open-7B' };
        if (where === 'params-fallback') params.fallbacks = [name];
        const router: Record<string, unknown> = {};
        if (where === 'fallback') router.fallbacks = [{ chat: [name] }];
        if (where === 'default') router.default_fallbacks = [name];
        if (where === 'alias') router.model_group_alias = { legacy: name };
        const litellm = where === 'alias-map' ? { model_alias_map: { 'hostco/acme/Open-7B': name } } : {};
        const text = JSON.stringify({ model_list: [{ model_name: 'chat', litellm_params: params, ...(where === 'base_model' ? { model_info: { base_model: name } } : {}) }], router_settings: router, litellm_settings: litellm });
        expect(exitOf(text)).not.toBe(0);
      }),
    );
  });

  it("as a registry model's license, base model, vendor or API terms, and as a provider prefix", () => {
    fc.assert(
      fc.property(proto, fc.constantFrom('license', 'base_model', 'vendor', 'api_terms', 'prefix'), (name, where) => {
        const registry = testRegistry();
        const model = registry.models['acme/open']!;
        if (where === 'license') model.license = name;
        if (where === 'base_model') model.base_model = { model: name, relation: 'fine-tune' };
        if (where === 'vendor') model.vendor = name;
        if (where === 'api_terms') registry.models['acme/api']!.api_terms = name;
        if (where === 'prefix') registry.providers.hostco!.litellm_prefixes = [name];
        const spec = where === 'api_terms' ? 'acme-api-1' : where === 'prefix' ? `${name}/acme/Open-7B` : 'hostco/acme/Open-7B';
        const policy = testPolicy('name: p\ndeny:\n  - vendor_countries: [CN]\n    reason: r\n');
        const code = exitOf(`model_list:\n  - model_name: chat\n    litellm_params: {model: ${JSON.stringify(spec)}}\n`, registry, policy);
        // A license, API terms or base model the registry lacks cannot be checked: fail closed. A vendor the
        // registry lacks has no country to deny on, so the route passes only the checks that need no vendor.
        if (where === 'license' || where === 'base_model' || where === 'api_terms') expect(code).not.toBe(0);
        else expect([0, 1]).toContain(code);
      }),
    );
  });

  it('in a policy: waivers, deny lists and tier requirements', () => {
    for (const name of PROTO) {
      const text = `name: p\ndeny:\n  - models: [${JSON.stringify(name)}]\n    vendors: [${JSON.stringify(name)}]\n    providers: [${JSON.stringify(name)}]\n    flags: [${JSON.stringify(name)}]\n    reason: r\ntier_requirements:\n  - tag: ${JSON.stringify(name)}\n    hosting: [self-hosted]\nwaivers:\n  - rule: license/non-commercial\n    model: ${JSON.stringify(name)}\n    tier: ${JSON.stringify(name)}\n    reason: r\n    approved_by: a\n    expires: 2027-01-01\n`;
      const parsed = parsePolicy('p.yaml', text);
      if (!parsed.policy) continue; // refused as invalid: exit 2, fine
      const out = lintTexts([{ file: 'c.yaml', text: `model_list:\n  - model_name: ${JSON.stringify(name)}\n    litellm_params: {model: hostco/acme-ai/NC-104B, tags: [${JSON.stringify(name)}]}\n` }], testRegistry(), parsed.policy, TODAY);
      expect(out.exitCode).not.toBe(0);
    }
  });
});
