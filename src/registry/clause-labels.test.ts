import { describe, expect, it } from 'vitest';
import { CLAUSE_LABELS, clauseLabel } from './clause-labels.ts';
import { loadRegistry } from './load.ts';

describe('clause labels', () => {
  it('name every clause kind the registry records in words, not as its slug', () => {
    const { registry } = loadRegistry(new URL('../../content/', import.meta.url).pathname);
    const slugs = new Set(Object.values(registry.licenses).flatMap((l) => (l.other_clauses ?? []).map((c) => c.value)));
    expect(slugs.size).toBeGreaterThan(0);
    for (const slug of slugs) expect(CLAUSE_LABELS[slug], `add a label for "${slug}" to src/registry/clause-labels.ts`).toBeDefined();
  });

  it('reads as English for the clauses that used to come out garbled', () => {
    expect(clauseLabel('data-stored-in-prc')).toBe('Data stored in China');
    expect(clauseLabel('no-no-training-clause')).not.toMatch(/no no/i);
    expect(clauseLabel('some-new-clause')).toBe('Some new clause');
  });
});
