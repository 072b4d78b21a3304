/**
 * A small in-memory registry for rule unit tests: a handful of licenses, vendors, providers and models whose
 * terms are set by the test, so each rule test reads as "given this clause, this route → these codes".
 * Values are test data, not claims about real licenses; the real registry is exercised in must-hold.test.ts.
 */
import { emptyRegistry, type Registry } from '../../registry/registry.ts';
import type { License, Model, Provider, Source, Vendor } from '../../registry/schema/index.ts';
import { parsePolicy, policyFromObject } from '../index.ts';
import type { LoadedPolicy } from '../types.ts';

const cite = { status: 'verified' as const, sources: [{ source: 'test-source', where: '§1' }] };

export function license(overrides: Partial<License> = {}): License {
  return {
    name: 'Test License',
    kind: 'weights-license',
    class: 'permissive',
    spdx: 'LicenseRef-Test',
    url: 'https://example.org/license',
    commercial_use: { value: 'allowed', summary: 'Commercial use is allowed.', ...cite },
    output_training: { value: 'allowed', summary: 'Outputs may train other models.', ...cite },
    obligations: [],
    geo_exclusions: [],
    reviewed: '2026-11-01',
    ...overrides,
  };
}

export function model(overrides: Partial<Model> = {}): Model {
  return {
    name: 'Test Model',
    vendor: 'acme',
    family: 'test',
    kind: 'open-weights',
    lifecycle: { status: 'active' },
    license: 'permissive',
    weights: { repo: 'acme/test', url: 'https://huggingface.co/acme/test' },
    aliases: [],
    modalities: { input: ['text'], output: ['text'] },
    citations: {},
    reviewed: '2026-11-01',
    ...overrides,
  };
}

export function provider(overrides: Partial<Provider> = {}): Provider {
  return {
    name: 'Test Provider',
    country: 'US',
    relationship: 'hosted-oss',
    eu_controlled: false,
    litellm_prefixes: [],
    regions: [{ id: 'us-east', country: 'US' }],
    certifications: [],
    citations: { eu_controlled: cite },
    reviewed: '2026-11-01',
    ...overrides,
  };
}

export function vendor(overrides: Partial<Vendor> = {}): Vendor {
  return { name: 'Acme', legal_entity: 'Acme Inc.', country: 'US', legal_seat: 'Springfield', citations: { country: cite }, reviewed: '2026-11-01', ...overrides };
}

/**
 * The test registry. Models:
 * - acme/open: permissive open weights; aliases "acme/Open-7B", "open:7b"
 * - acme/nc: CC-BY-NC weights with commercial API terms (the Command R+ shape)
 * - acme/capped: 100M-MAU cap; acme/capped-distill derives from it under a permissive license
 * - acme/vision: multimodal, license withholds rights from EU-domiciled organizations
 * - acme/api: API-only, terms forbid training on outputs
 * - acme/old: retired; acme/aging: deprecated, retires 2027-03-01
 * - dragon/open: permissive, vendor seated in CN, flagged origin:CN
 */
export function testRegistry(): Registry {
  const r = emptyRegistry();
  r.sources['test-source'] = { title: 'Test source', url: 'https://example.org/source', publisher: 'Example', kind: 'license-text', retrieved: '2026-11-01' } satisfies Source;
  r.vendors.acme = vendor();
  r.vendors.dragon = vendor({ name: 'Dragon AI', legal_entity: 'Dragon AI Co.', country: 'CN', legal_seat: 'Hangzhou' });
  r.licenses.permissive = license({ name: 'Permissive', obligations: [{ value: 'license-notice', summary: 'Ship the license notice.', ...cite }] });
  r.licenses['nc-weights'] = license({ name: 'NonCommercial', class: 'non-commercial', commercial_use: { value: 'forbidden', summary: 'Non-commercial use only.', quote: 'NonCommercial', ...cite } });
  r.licenses['acme-api'] = license({ name: 'Acme API Terms', kind: 'api-terms', class: 'proprietary-api' });
  r.licenses.capped = license({ name: 'Capped', class: 'open-weights-restricted', commercial_use: { value: 'conditional', summary: 'Allowed under the cap.', ...cite }, mau_cap: { value: 100_000_000, summary: 'Over 100M MAU needs a license.', ...cite } });
  r.licenses['eu-excluded'] = license({
    name: 'Vision License',
    class: 'open-weights-restricted',
    geo_exclusions: [{ regions: ['EU'], basis: 'domicile', applies_to: 'multimodal-models', summary: 'No rights for EU-domiciled companies (multimodal).', in_document: 'acceptable-use-policy', ...cite }],
  });
  r.licenses['no-training'] = license({ name: 'No Training API Terms', kind: 'api-terms', class: 'proprietary-api', output_training: { value: 'forbidden', summary: 'No training competing models.', ...cite } });
  r.licenses.weak = license({ name: 'Weakly Sourced', commercial_use: { value: 'allowed', summary: 'Allowed, per one blog post.', status: 'single-source', sources: [{ source: 'test-source' }] }, reviewed: '2024-01-01' });
  r.licenses.mystery = license({ name: 'Mystery', commercial_use: { value: 'unknown', summary: 'Not established.', status: 'unknown', sources: [] } });
  r.models['acme/open'] = model({ name: 'Acme Open 7B', aliases: ['acme/Open-7B', 'open:7b', 'acme.open-7b-v1:0'] });
  r.models['acme/nc'] = model({ name: 'Acme NC', license: 'nc-weights', api_terms: 'acme-api', aliases: ['acme-ai/NC-104B', 'acme_api/acme-nc'] });
  r.models['acme/capped'] = model({ name: 'Acme Capped 72B', license: 'capped', aliases: ['acme-ai/Capped-72B'] });
  r.models['acme/capped-distill'] = model({ name: 'Acme Capped Distill', license: 'permissive', base_model: { model: 'acme/capped', relation: 'distillation' }, aliases: ['acme-ai/Capped-Distill'] });
  r.models['acme/vision'] = model({ name: 'Acme Vision', license: 'eu-excluded', modalities: { input: ['text', 'image'], output: ['text'] }, aliases: ['acme-ai/Vision'] });
  r.models['acme/text'] = model({ name: 'Acme Text', license: 'eu-excluded', aliases: ['acme-ai/Text'] });
  r.models['acme/api'] = model({ name: 'Acme API Model', kind: 'api-only', license: undefined, weights: undefined, api_terms: 'no-training', aliases: ['acme-api-1'] });
  r.models['acme/old'] = model({ name: 'Acme Old', lifecycle: { status: 'retired', retired_on: '2025-10-28', replacement: 'acme/open' }, aliases: ['acme-old'], citations: { lifecycle: cite } });
  r.models['acme/aging'] = model({ name: 'Acme Aging', lifecycle: { status: 'deprecated', deprecated_on: '2026-09-01', retires_on: '2027-03-01' }, citations: { lifecycle: cite } });
  r.models['acme/weak'] = model({ name: 'Acme Weak', license: 'weak' });
  r.models['acme/mystery'] = model({ name: 'Acme Mystery', license: 'mystery' });
  r.models['dragon/open'] = model({ name: 'Dragon Open', vendor: 'dragon', procurement_flags: [{ flag: 'origin:CN' }], aliases: ['dragon-ai/Open'] });
  r.providers['acme-api'] = provider({ name: 'Acme API', relationship: 'first-party-api', vendor: 'acme', litellm_prefixes: ['acme_api'] });
  r.providers.hostco = provider({ name: 'HostCo', litellm_prefixes: ['hostco'] });
  r.providers.eucloud = provider({
    name: 'EU Cloud',
    country: 'FR',
    eu_controlled: true,
    litellm_prefixes: ['eucloud'],
    regions: [{ id: 'fr-par', country: 'FR' }],
    certifications: [
      { name: 'iso27001', held: 'yes', ...cite },
      { name: 'eu-csf-seal', held: 'yes', level: 'SEAL-2', ...cite },
    ],
  });
  // Regions named by country group, as some real providers list a multi-country EU region.
  r.providers.eumulti = provider({
    name: 'EU Multi',
    country: 'DE',
    eu_controlled: true,
    litellm_prefixes: ['eumulti'],
    regions: [
      { id: 'eu', country: 'EU' },
      { id: 'us', country: 'US' },
    ],
  });
  return r;
}

/** A policy from YAML text (so waiver findings have real positions), failing the test on invalid input. */
export function testPolicy(yaml = 'name: test\n'): LoadedPolicy {
  const parsed = parsePolicy('policy.yaml', yaml);
  if (!parsed.policy) throw new Error(`invalid test policy: ${parsed.findings.map((f) => `${f.line}:${f.column} ${f.message}`).join('; ')}`);
  return parsed.policy;
}

export { policyFromObject };
