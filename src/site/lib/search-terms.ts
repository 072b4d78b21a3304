/**
 * Words people type into search that the pages themselves do not use ("GDPR", "DPA", "Llama EU"), as data. They
 * are indexed with the row or heading that answers them, through Pagefind's `data-pagefind-index-attrs` (so the
 * excerpt shows that row), and are never displayed. Keep each to what its element really covers. Pure.
 */
import type { Provider } from '../../registry/index.ts';

/** EU member states (ISO 3166-1 alpha-2) plus the EU and EEA pseudo-codes the registry uses. */
const EU = new Set(['EU', 'EEA', 'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE']);

export const SEARCH_TERMS = {
  /** A provider's data-retention row: what a GDPR or DPA question asks first. */
  dataProtection: 'GDPR DPA data protection',
  /** A provider's regions heading, when it serves from the EU. */
  euRegions: 'EU Europe data residency',
  /** A license's geographic exclusion row, when it excludes the EU or a member state ("Llama EU"). */
  euExclusion: 'EU Europe',
} as const;

/** Terms for a provider's regions heading ("" when it serves from no EU country). */
export function regionSearchTerms(p: Provider): string {
  return p.regions.some((r) => EU.has(r.country)) ? SEARCH_TERMS.euRegions : '';
}

/** Terms for a geographic exclusion row ("" when it excludes no EU country). */
export function exclusionSearchTerms(regions: readonly string[]): string {
  return regions.some((r) => EU.has(r)) ? SEARCH_TERMS.euExclusion : '';
}

/**
 * The attributes that index `terms` with the element they sit on (none when there are no terms); `weight` (Pagefind's
 * 0–10 scale, headings rank 7 and body text 1) lifts the element above pages that only mention the words in passing.
 */
export function searchTermAttrs(terms: string, weight?: number): Record<string, string> {
  if (terms === '') return {};
  return { 'data-pagefind-index-attrs': 'data-search-terms', 'data-search-terms': terms, ...(weight !== undefined ? { 'data-pagefind-weight': String(weight) } : {}) };
}

/**
 * A placeholder row — nobody established the value and nothing is cited ("Unknown — unknown") — is shown but not
 * indexed, so it neither matches a search nor fills an excerpt. A row that is unknown but cites what was read
 * (a scope, a source saying which products hold a certificate) stays searchable.
 */
export function placeholderAttrs(status: string | undefined, citations: number): Record<string, string> {
  return status === 'unknown' && citations === 0 ? { 'data-pagefind-ignore': '' } : {};
}
