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
  pricing: { title: 'Pricing', url: 'https://example.org/pricing', publisher: 'Acme AI', kind: 'pricing-page', retrieved: '2026-11-01' },
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
    const price = fact({ tags: ['price'], caveats: ['list price'], as_of: '2026-06-01', reviewed: '2026-11-20', sources: [{ source: 'pricing' }] });
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
    expect(codes(fact({ tags: ['price'], as_of: '2026-11-01', sources: [{ source: 'pricing' }] }))).toEqual(['fact/caveats-missing']);
  });

  it('reports every reason, in a stable order', () => {
    const bad = fact({ status: 'unknown', sources: [], expires: '2026-01-01', evidence_against: [{ summary: 'no', sources: [{ source: 'news-b' }] }], tags: ['price'], as_of: '2025-01' });
    expect(codes(bad)).toEqual(['fact/unknown', 'fact/contradicted', 'fact/expired', 'fact/stale', 'fact/caveats-missing']);
  });
});

/**
 * The rules a fact-checking desk applies, each tested as written, with facts shaped like the ones the
 * independent check found (a stale price, a retired route, a bare-domain source, a research-notes citation, a
 * catalogue-only price, a tender score recorded as a certification, an amount without its period).
 */
describe('deck-safe you can defend', () => {
  const MORE: Record<string, Source> = {
    ...SOURCES,
    notes: { title: 'Project research notes', document: 'research/models.md', publisher: 'Clearance project research', kind: 'research-notes', retrieved: '2026-11-01' },
    litellm: { title: 'LiteLLM price map', url: 'https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json', publisher: 'BerriAI (LiteLLM)', kind: 'aggregator', retrieved: '2026-11-01' },
    modelsdev: { title: 'models.dev', url: 'https://github.com/anomalyco/models.dev', publisher: 'models.dev', kind: 'aggregator', retrieved: '2026-11-01' },
    'acme-pricing': { title: 'Acme Cloud pricing', url: 'https://acme.example/pricing', publisher: 'Acme Cloud', kind: 'pricing-page', retrieved: '2026-11-01' },
    'acme-pricing-unread': { title: 'Acme Cloud pricing', url: 'https://acme.example/pricing', publisher: 'Acme Cloud', kind: 'pricing-page', retrieved: '2026-11-01', read: false },
    'other-docs': { title: 'Model vendor docs: prices on Acme Cloud', url: 'https://vendor.example/docs/acme', publisher: 'Vendor Inc', kind: 'vendor-docs', retrieved: '2026-11-01' },
    'reseller-docs': { title: 'Reseller docs', url: 'https://reseller.example/docs/models', publisher: 'Reseller', kind: 'vendor-docs', retrieved: '2026-11-01' },
    'bare-domain': { title: 'Vendor site', url: 'https://vendor.example/', publisher: 'Vendor Inc', kind: 'vendor-docs', retrieved: '2026-11-01' },
    'press-kit': { title: 'Press kit', document: 'Vendor press kit PDF', publisher: 'Vendor Inc', kind: 'vendor-blog', retrieved: '2026-11-01' },
  };
  const c = (f: FactRecord, options: DeckSafetyOptions = TODAY) => deckSafety(f, MORE, options).why_not.map((r) => r.code);
  const price = (overrides: Partial<FactRecord> = {}) =>
    fact({ tags: ['price'], caveats: ['list price at Acme Cloud'], as_of: '2026-11-01', provider: { id: 'acme-cloud', names: ['Acme Cloud'] }, sources: [{ source: 'acme-pricing', where: 'table' }], ...overrides });

  describe('1. independence', () => {
    it('never lets a fact cite the project research notes, even next to a primary source', () => {
      expect(c(fact({ sources: [{ source: 'notes', where: '§2' }] }))).toEqual(['fact/cites-research-notes', 'fact/no-primary-source']);
      expect(c(fact({ sources: [{ source: 'card' }, { source: 'notes', where: '§2' }] }))).toEqual(['fact/cites-research-notes']);
    });

    it('does not count the research notes as a second publisher', () => {
      expect(c(fact({ status: 'secondary', sources: [{ source: 'news-a' }, { source: 'notes', where: '§2' }] }))).toEqual(['fact/cites-research-notes', 'fact/sources-not-independent']);
    });

    it('counts community catalogues together as one publisher', () => {
      const safety = deckSafety(fact({ status: 'secondary', sources: [{ source: 'litellm' }, { source: 'modelsdev' }] }), MORE, TODAY);
      expect(safety.why_not.map((r) => r.code)).toEqual(['fact/sources-not-independent']);
      expect(safety.why_not[0]!.message).toMatch(/community catalogues/);
      expect(c(fact({ status: 'secondary', sources: [{ source: 'litellm' }, { source: 'news-a' }] }))).toEqual([]);
    });

    it('needs the provider’s own page for a price, or two independent provider-side sources', () => {
      expect(c(price())).toEqual([]);
      expect(c(price({ status: 'secondary', sources: [{ source: 'litellm' }, { source: 'modelsdev' }] }))).toEqual(['fact/sources-not-independent', 'fact/price-not-provider-sourced']);
      // A catalogue plus a news article are independent, but neither is provider-side.
      expect(c(price({ status: 'secondary', sources: [{ source: 'litellm' }, { source: 'news-a' }] }))).toEqual(['fact/price-not-provider-sourced']);
      // The model vendor's docs about the route are provider-side but not the provider's own page: one is not enough, two are.
      expect(c(price({ sources: [{ source: 'other-docs' }] }))).toEqual(['fact/price-not-provider-sourced']);
      expect(c(price({ sources: [{ source: 'other-docs' }, { source: 'reseller-docs' }] }))).toEqual([]);
    });
  });

  describe('2. locatable sources', () => {
    it('rejects a fact whose only source is a bare domain or a document without a place', () => {
      expect(c(fact({ sources: [{ source: 'bare-domain', where: 'home page' }] }))).toEqual(['fact/source-not-locatable']);
      expect(c(fact({ sources: [{ source: 'press-kit' }] }))).toEqual(['fact/source-not-locatable']);
      expect(c(fact({ sources: [{ source: 'press-kit', where: 'p. 2' }] }))).toEqual([]);
    });
  });

  describe('3. read, not just named', () => {
    it('does not let an unread primary source make a fact verified', () => {
      expect(c(price({ sources: [{ source: 'acme-pricing', where: 'table', read: false }] }))).toEqual(['fact/primary-not-read', 'fact/price-not-provider-sourced']);
      expect(c(price({ sources: [{ source: 'acme-pricing-unread', where: 'table' }] }))).toEqual(['fact/primary-not-read', 'fact/price-not-provider-sourced']);
      expect(c(price({ sources: [{ source: 'acme-pricing-unread', where: 'table', read: true }] }))).toEqual([]);
      expect(c(fact({ sources: [{ source: 'card', where: 'benchmark table, as recorded by the research' }] }))).toEqual(['fact/primary-not-read']);
    });
  });

  describe('4. lifecycle', () => {
    it('makes a price of a retired route history from the day it retired', () => {
      const retired = price({ retired_on: '2026-11-30' });
      expect(c(retired, { today: '2026-11-29' })).toEqual([]);
      expect(c(retired, { today: '2026-11-30' })).toEqual(['fact/retired']);
    });

    it('blocks a value whose own caveat says it was replaced or is no longer served', () => {
      expect(c(price({ caveats: ['the flat launch price, which peak / off-peak billing replaced on 2026-08-16'] }))).toEqual(['fact/superseded']);
      expect(c(price({ caveats: ['this snapshot is no longer served'] }))).toEqual(['fact/superseded']);
      expect(c(price({ caveats: ['peak price; off-peak is half'] }))).toEqual([]);
      // Told as history with an expiry, the expiry decides instead.
      const history = price({ caveats: ['replaced from 16 August 2026 by peak / off-peak pricing'], as_of: '2026-04-26', expires: '2026-08-15', reviewed: '2026-08-01' });
      expect(c(history, { today: '2026-08-15' })).toEqual([]);
      expect(c(history, { today: '2026-08-16' })).toEqual(['fact/expired']);
    });
  });

  describe('5. scope', () => {
    const cert = (certification: FactRecord['certification']) => fact({ tags: ['provider', 'certification'], ...(certification ? { certification } : {}) });
    it('needs the scope a certification covers', () => {
      expect(c(cert({ held: 'yes', basis: 'certificate' }))).toEqual(['fact/scope-missing']);
      expect(c(cert({ held: 'yes', basis: 'certificate', scope: 'IaaS in fr-par' }))).toEqual([]);
      expect(c(cert({ held: 'unknown' }))).toEqual([]);
    });

    it('never takes a tender score or a self-assessment for a certificate', () => {
      expect(c(cert({ held: 'yes', basis: 'tender-assessment', scope: 'the tendered offer' }))).toEqual(['fact/not-a-certificate']);
      expect(c(cert({ held: 'yes', basis: 'self-assessment', scope: 'all services' }))).toEqual(['fact/not-a-certificate']);
    });

    it('needs a region list to say whether it is complete', () => {
      expect(c(fact({ is_list: true }))).toEqual(['fact/completeness-unstated']);
      expect(c(fact({ is_list: true, list_complete: false }))).toEqual([]);
    });
  });

  describe('6. money needs its horizon', () => {
    const money = (overrides: Partial<FactRecord>) => fact({ value: '20+', unit: 'EUR B', tags: ['sovereignty'], ...overrides });
    it('rejects an investment amount without its period', () => {
      expect(c(money({ caveats: ['a stated plan, not money spent'] }))).toEqual(['fact/horizon-missing']);
      expect(c(money({ horizon: '2026-2035' }))).toEqual([]);
      expect(c(money({ caveats: ['over ten years'] }))).toEqual([]);
      expect(c(money({ caveats: ['a four-year framework ceiling'] }))).toEqual([]);
    });

    it('does not apply to prices or to other units', () => {
      expect(c(fact({ value: 3, unit: 'USD', tags: ['price'], caveats: ['list'], provider: { id: 'acme', names: ['Acme AI'] }, sources: [{ source: 'pricing' }] }))).toEqual([]);
      expect(c(fact({ value: 40, unit: '%' }))).toEqual([]);
    });
  });
});
