import { describe, expect, it } from 'vitest';
import { readContentFiles } from './load.ts';
import { modelProvenance } from './provenance.ts';
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
