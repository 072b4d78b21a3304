import { describe, expect, it } from 'vitest';
import type { Source } from '../registry/index.ts';
import { deckSafety, type DeckSafetyOptions } from './deck-safe.ts';
import type { FactRecord } from './fact-record.ts';

const SOURCES: Record<string, Source> = {
  card: { title: 'Model card', url: 'https://example.org/card', publisher: 'Acme AI', kind: 'model-card', retrieved: '2026-11-01' },
  paper: { title: 'A paper', url: 'https://example.org/p', publisher: 'Uni', kind: 'paper', version: 'v2', retrieved: '2026-11-01' },
  'paper-unversioned': { title: 'A paper', url: 'https://example.org/p', publisher: 'Uni', kind: 'paper', retrieved: '2026-11-01' },
  'news-a': { title: 'A', url: 'https://example.org/a', publisher: 'Outlet A', kind: 'news', retrieved: '2026-11-01' },
  'news-a2': { title: 'A2', url: 'https://example.org/a2', publisher: ' outlet  a ', kind: 'news', retrieved: '2026-11-01' },
  'news-b': { title: 'B', url: 'https://example.org/b', publisher: 'Outlet B', kind: 'news', retrieved: '2026-11-01' },
};

const TODAY: DeckSafetyOptions = { today: '2026-11-22' };

function fact(overrides: Partial<FactRecord> = {}): FactRecord {
  return {
    id: 'f',
    origin: { kind: 'fact', id: 'f' },
    subject: { kind: 'market', name: 'Market' },
    statement: 'Something true.',
    status: 'verified',
    sources: [{ source: 'card' }],
    as_of: '2026-10-01',
    reviewed: '2026-11-01',
    caveats: [],
    evidence_against: [],
    tags: [],
    ...overrides,
  };
}

const codes = (f: FactRecord, options: DeckSafetyOptions = TODAY) => deckSafety(f, SOURCES, options).why_not.map((r) => r.code);

describe('deckSafety', () => {
  it('passes a fact verified by a primary source, recent and uncontested', () => {
    expect(deckSafety(fact(), SOURCES, TODAY)).toEqual({ deck_safe: true, why_not: [] });
  });

  it('passes a secondary fact only when two independent publishers agree', () => {
    expect(codes(fact({ status: 'secondary', sources: [{ source: 'news-a' }, { source: 'news-b' }] }))).toEqual([]);
    expect(codes(fact({ status: 'secondary', sources: [{ source: 'news-a' }, { source: 'news-a2' }] }))).toEqual(['fact/sources-not-independent']);
    expect(codes(fact({ status: 'secondary', sources: [{ source: 'news-a' }] }))).toEqual(['fact/sources-not-independent']);
  });

  it.each([
    ['single-source', 'fact/single-source'],
    ['directional', 'fact/directional'],
    ['disputed', 'fact/disputed'],
    ['unknown', 'fact/unknown'],
  ] as const)('never passes a %s fact', (status, code) => {
    expect(codes(fact({ status }))).toContain(code);
  });

  it('rejects a "verified" fact none of whose sources is primary, and says which kinds it cites', () => {
    const safety = deckSafety(fact({ sources: [{ source: 'news-a' }] }), SOURCES, TODAY);
    expect(safety.why_not.map((r) => r.code)).toEqual(['fact/no-primary-source']);
    expect(safety.why_not[0]!.message).toContain('news sources');
  });

  it('rejects any fact with evidence against it, whatever its status', () => {
    const safety = deckSafety(fact({ evidence_against: [{ summary: 'the vendor page says otherwise', sources: [{ source: 'card' }] }] }), SOURCES, TODAY);
    expect(safety.deck_safe).toBe(false);
    expect(safety.why_not[0]).toEqual({ code: 'fact/contradicted', message: 'evidence against it: the vendor page says otherwise — Acme AI' });
  });

  it('fails closed on a source that is not in the registry', () => {
    expect(codes(fact({ sources: [{ source: 'nowhere' }] }))).toEqual(['fact/missing-source']);
  });

  it('needs the version of a cited paper', () => {
    expect(codes(fact({ sources: [{ source: 'paper' }] }))).toEqual([]);
    expect(codes(fact({ sources: [{ source: 'paper-unversioned' }] }))).toEqual(['fact/paper-version-missing']);
  });

  it('flips on the expiry date: usable through the day it expires, not after', () => {
    const promo = fact({ expires: '2026-12-31' });
    expect(codes(promo, { today: '2026-12-31' })).toEqual([]);
    expect(codes(promo, { today: '2027-01-01' })).toEqual(['fact/expired']);
  });

  it('goes stale when its review is older than the max age', () => {
    expect(codes(fact(), { today: '2027-11-01' })).toEqual([]);
    expect(codes(fact(), { today: '2027-11-02' })).toEqual(['fact/stale']);
    expect(codes(fact(), { today: '2027-01-01', maxAgeDays: 30 })).toEqual(['fact/stale']);
  });

  it('treats prices as stale 180 days after they were observed, or after the fact’s own limit', () => {
    const price = fact({ tags: ['price'], caveats: ['list price'], as_of: '2026-06-01', reviewed: '2026-11-20' });
    expect(codes(price, { today: '2026-11-28' })).toEqual([]);
    expect(codes(price, { today: '2026-11-29' })).toEqual(['fact/stale']);
    expect(codes({ ...price, stale_after_days: 30 }, { today: '2026-07-02' })).toEqual(['fact/stale']);
    expect(codes({ ...price, as_of: '2026-06' }, { today: '2026-11-29' })).toEqual(['fact/stale']);
  });

  it('is not yet true before its as-of date', () => {
    expect(codes(fact({ as_of: '2026-10-01' }), { today: '2026-09-30' })).toContain('fact/not-yet-true');
  });

  it('needs caveats on prices and benchmarks', () => {
    expect(codes(fact({ tags: ['benchmark'] }))).toEqual(['fact/caveats-missing']);
    expect(codes(fact({ tags: ['benchmark'], caveats: ['5-shot'] }))).toEqual([]);
    expect(codes(fact({ tags: ['price'], as_of: '2026-11-01' }))).toEqual(['fact/caveats-missing']);
  });

  it('reports every reason, in a stable order', () => {
    const bad = fact({ status: 'unknown', sources: [], expires: '2026-01-01', evidence_against: [{ summary: 'no', sources: [{ source: 'news-b' }] }], tags: ['price'], as_of: '2025-01' });
    expect(codes(bad)).toEqual(['fact/unknown', 'fact/contradicted', 'fact/expired', 'fact/stale', 'fact/caveats-missing']);
  });
});
