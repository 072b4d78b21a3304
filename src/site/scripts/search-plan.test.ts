import { describe, expect, it } from 'vitest';
import { answersQuery, searchPlan, weakQuery } from './search-plan.ts';

const sel = (entries: Record<string, string[]>) => new Map(Object.entries(entries).map(([k, v]) => [k, new Set(v)]));

describe('search plan', () => {
  it('searches pages (everything but facts) and facts separately with no filter', () => {
    expect(searchPlan(sel({}))).toEqual({ pages: { type: { none: ['Fact'] } }, facts: { type: { any: ['Fact'] } } });
  });

  it('searches only facts when deck-safe is chosen: pages have no verdict', () => {
    expect(searchPlan(sel({ 'deck-safe': ['Yes'] }))).toEqual({ facts: { 'deck-safe': { any: ['Yes'] }, type: { any: ['Fact'] } } });
  });

  it('follows the chosen types', () => {
    expect(searchPlan(sel({ type: ['Model'] }))).toEqual({ pages: { type: { any: ['Model'] } } });
    expect(searchPlan(sel({ type: ['Fact'] }))).toEqual({ facts: { type: { any: ['Fact'] } } });
    expect(searchPlan(sel({ type: ['Model', 'Fact'], 'commercial use': ['Forbidden'] }))).toEqual({
      pages: { 'commercial use': { any: ['Forbidden'] }, type: { any: ['Model'] } },
      facts: { 'commercial use': { any: ['Forbidden'] }, type: { any: ['Fact'] } },
    });
    expect(searchPlan(sel({ type: ['Model'], 'deck-safe': ['Yes'] }))).toEqual({});
  });
});

describe('weak queries', () => {
  it('rejects matches made of a short prefix of the query word, keeps real and prefix matches', () => {
    expect(answersQuery('as', 'asdf')).toBe(false);
    expect(answersQuery('x', 'xqzvbnm')).toBe(false);
    expect(answersQuery('DP8', 'DPA')).toBe(false);
    expect(answersQuery('SecNumCloud', 'secnum')).toBe(true);
    expect(answersQuery('license', 'licenses')).toBe(true);
    expect(answersQuery('V4-Pro', 'v4-pro price')).toBe(true);
  });

  it('calls a query weak only when every highlighted excerpt misses it', () => {
    expect(weakQuery('asdf qwer', [['written <mark>as</mark> an'], ['the same <mark>as</mark> "not held"']])).toBe(true);
    expect(weakQuery('llama eu', [['the <mark>European</mark> Union'], ['<mark>Llama</mark> 4']])).toBe(false);
    expect(weakQuery('gdpr', [['no highlight here']])).toBe(false);
    expect(weakQuery('anything', [])).toBe(false);
  });
});
