import { describe, expect, it } from 'vitest';
import { searchPlan } from './search-plan.ts';

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
