import { describe, expect, it } from 'vitest';
import { compareFacts, DEFAULT_FILTER, filterQuery, parseFilter, topicLabel, visible, type FactItemData } from './_facts-filter.ts';

const item = (over: Partial<FactItemData>): FactItemData => ({ deckSafe: true, origin: 'fact', topics: [], openWeights: false, date: '2026-01', rank: 0, ...over });

describe('facts page filters', () => {
  it('shows everything with no filter, only deck-safe facts when asked, and only the chosen origin', () => {
    const safeModel = { deckSafe: true, origin: 'model' };
    const unsafePitch = { deckSafe: false, origin: 'fact' };
    expect([safeModel, unsafePitch].filter((i) => visible(i, { deckSafeOnly: false, origin: '' }))).toHaveLength(2);
    expect([safeModel, unsafePitch].filter((i) => visible(i, { deckSafeOnly: true, origin: '' }))).toEqual([safeModel]);
    expect([safeModel, unsafePitch].filter((i) => visible(i, { deckSafeOnly: false, origin: 'fact' }))).toEqual([unsafePitch]);
    expect([safeModel, unsafePitch].filter((i) => visible(i, { deckSafeOnly: true, origin: 'fact' }))).toEqual([]);
  });

  it('filters by topic and by "about open-weights models", together with the deck-safe tick', () => {
    const price = item({ topics: ['price'], openWeights: true });
    const bench = item({ topics: ['benchmark', 'competitor'], deckSafe: false });
    expect([price, bench].filter((i) => visible(i, { topic: 'competitor' }))).toEqual([bench]);
    expect([price, bench].filter((i) => visible(i, { openWeights: true }))).toEqual([price]);
    expect([price, bench].filter((i) => visible(i, { topic: 'benchmark', deckSafeOnly: true }))).toEqual([]);
  });

  it('sorts by newest date, or deck-safe and strongest evidence first', () => {
    const old = item({ date: '2025-03', rank: 0 });
    const fresh = item({ date: '2026-11-02', rank: 2 });
    const unsafe = item({ date: '2026-12', rank: 0, deckSafe: false });
    expect([old, fresh, unsafe].sort((a, b) => compareFacts(a, b, 'newest'))).toEqual([unsafe, fresh, old]);
    expect([unsafe, fresh, old].sort((a, b) => compareFacts(a, b, 'relevant'))).toEqual([old, fresh, unsafe]);
  });

  it('round-trips through the URL query, and ignores values it does not know', () => {
    const filter = { topic: 'price', openWeights: true, deckSafeOnly: true, origin: 'model', sort: 'newest' as const };
    expect(filterQuery(filter)).toBe('?topic=price&open-weights=1&deck-safe=1&kind=model&sort=newest');
    expect(parseFilter(filterQuery(filter), ['price'])).toEqual(filter);
    expect(filterQuery(DEFAULT_FILTER)).toBe('');
    expect(parseFilter('?topic=nonsense&kind=../x&sort=oldest&deck-safe=maybe', ['price'])).toEqual(DEFAULT_FILTER);
  });

  it('labels topics in words', () => {
    expect(topicLabel('circulated-claim')).toBe('Claims in circulation');
    expect(topicLabel('new-thing')).toBe('New thing');
  });
});
