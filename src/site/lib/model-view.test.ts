import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load.ts';
import { citationFor, modelView } from './model-view.ts';

const { registry, findings } = loadRegistry('src/site/__fixtures__/registry', { today: '2026-11-22' });

describe('model card view', () => {
  it('loads the fixture registry cleanly', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('stacks the base model license under a derivative', () => {
    const v = modelView(registry, 'deepseek/deepseek-r1-distill-llama-70b');
    expect(v.licenses.map((l) => [l.view.id, l.role])).toEqual([
      ['mit', 'weights'],
      ['llama-3.3', 'inherited'],
    ]);
    expect(v.licenses[1]!.fromModel).toBe('meta/llama-3.3-70b-instruct');
    expect(v.traps.some((t) => t.startsWith('Derivative:'))).toBe(true);
  });

  it('lists the clauses that bite, from every license in the chain', () => {
    const v = modelView(registry, 'deepseek/deepseek-r1-distill-llama-70b');
    const keys = v.biting.map((b) => `${b.license}:${b.clause.key}`);
    expect(keys).toContain('Llama 3.3 Community License Agreement:mau_cap');
    expect(keys).toContain('Llama 3.3 Community License Agreement:output_training');
    expect(keys.some((k) => k.startsWith('MIT License:'))).toBe(false);
  });

  it('does not apply a multimodal-only exclusion to a text-only model, and says so as a trap', () => {
    const v = modelView(registry, 'meta/llama-3.3-70b-instruct');
    const geo = v.licenses[0]!.view.geo[0]!;
    expect(geo.applies).toBe(false);
    expect(geo.bites).toBe(false);
    expect(v.traps.some((t) => t.includes('does not bite here'))).toBe(true);
  });

  it('numbers footnotes in reading order without repeating a citation', () => {
    const v = modelView(registry, 'meta/llama-3.3-70b-instruct');
    const list = v.footnotes.list();
    expect(list.map((f) => f.n)).toEqual(list.map((_, i) => i + 1));
    const keys = list.map((f) => `${f.sourceId}|${f.where ?? ''}|${f.says ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    // The first clause of the first license is the first footnote.
    expect(v.licenses[0]!.view.clauses[0]!.notes).toEqual([1]);
  });

  it('keeps both sides of a disputed fact with its note', () => {
    const v = modelView(registry, 'meta/llama-3.3-70b-instruct');
    const released = v.facts.find((f) => f.path === 'release_date')!;
    expect(released.status).toBe('disputed');
    expect(released.notes.length).toBe(2);
    expect(released.caveat).toContain('12/04/2024');
  });

  it('says which terms govern each route', () => {
    const v = modelView(registry, 'meta/llama-3.3-70b-instruct');
    expect(v.routes[0]).toMatchObject({ providerId: 'together', relationship: 'Hosted open weights', governedBy: { id: 'llama-3.3' }, input: '$0.88' });
  });

  it('finds the citation of a field through its parent path', () => {
    const model = registry.models['meta/llama-3.3-70b-instruct']!;
    expect(citationFor(model.citations, 'architecture.layers')?.status).toBe('verified');
    expect(citationFor(model.citations, 'max_output_tokens')).toBeUndefined();
  });
});
