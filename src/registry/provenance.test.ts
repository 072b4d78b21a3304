import { describe, expect, it } from 'vitest';
import { readContentFiles } from './load.ts';
import { modelProvenance, vendorCoverage } from './provenance.ts';
import { validateRegistry } from './validate.ts';

const { registry } = validateRegistry(readContentFiles(new URL('./__fixtures__/ok/', import.meta.url).pathname));

describe('modelProvenance', () => {
  it('lists fields a model is still missing and counts statuses', () => {
    const row = modelProvenance('acme/acme-7b', registry.models['acme/acme-7b']!);
    expect(row.missing).toEqual(['routes']);
    expect(row.weak).toEqual([]);
    expect(row.statuses).toEqual({ verified: 5 });
  });

  it('reports weak claims with their status', () => {
    const model = structuredClone(registry.models['acme/acme-7b']!);
    model.citations.context_tokens = { status: 'disputed', sources: [{ source: 'acme-model-card', says: '32k' }, { source: 'acme-license-text', says: '128k' }] };
    delete model.architecture;
    const row = modelProvenance('acme/acme-7b', model);
    expect(row.weak).toEqual([{ field: 'context_tokens', status: 'disputed' }]);
    expect(row.missing).toContain('architecture');
  });
});

describe('vendorCoverage', () => {
  it('counts models, open weights, sizable architectures, licenses and missing fields per vendor', () => {
    const r = structuredClone(registry);
    const base = r.models['acme/acme-7b']!;
    r.models['acme/acme-api'] = { ...structuredClone(base), kind: 'api-only', license: undefined, weights: undefined, architecture: undefined, api_terms: base.license, citations: { context_tokens: { status: 'unknown', sources: [] } } };
    const noArch = structuredClone(base);
    delete noArch.architecture;
    r.models['acme/acme-raw'] = noArch;
    r.vendors.idle = { ...structuredClone(r.vendors[base.vendor]!), name: 'Idle' };
    const rows = vendorCoverage(r);
    expect(rows.map((x) => x.vendor)).toEqual([...new Set([base.vendor, 'idle'])].sort());
    const acme = rows.find((x) => x.vendor === base.vendor)!;
    expect(acme).toMatchObject({ models: 3, openWeights: 2, apiOnly: 1, sizable: 1, licenses: [base.license], unknownClaims: 1 });
    expect(acme.missing).toEqual({ routes: 3, architecture: 1, max_output_tokens: 1 });
    expect(rows.find((x) => x.vendor === 'idle')).toMatchObject({ models: 0, licenses: [], missing: {} });
  });
});
