import { describe, expect, it } from 'vitest';
import { exclusionSearchTerms, placeholderAttrs, regionSearchTerms, searchTermAttrs } from './search-terms.ts';

describe('search index helpers', () => {
  it('adds EU words only where the EU is concerned', () => {
    expect(exclusionSearchTerms(['EU'])).toBe('EU Europe');
    expect(exclusionSearchTerms(['DE', 'US'])).toBe('EU Europe');
    expect(exclusionSearchTerms(['CN'])).toBe('');
    const provider = (countries: string[]) => ({ regions: countries.map((country, i) => ({ id: `r${i}`, country })) }) as never;
    expect(regionSearchTerms(provider(['US', 'FR']))).toContain('data residency');
    expect(regionSearchTerms(provider(['US']))).toBe('');
  });

  it('indexes the terms through an attribute, and nothing when there are none', () => {
    expect(searchTermAttrs('GDPR DPA')).toEqual({ 'data-pagefind-index-attrs': 'data-search-terms', 'data-search-terms': 'GDPR DPA' });
    expect(searchTermAttrs('')).toEqual({});
  });

  it('keeps placeholder rows out of the index, not unknown rows that cite what was read', () => {
    expect(placeholderAttrs('unknown', 0)).toEqual({ 'data-pagefind-ignore': '' });
    expect(placeholderAttrs('unknown', 2)).toEqual({});
    expect(placeholderAttrs('verified', 0)).toEqual({});
  });
});
