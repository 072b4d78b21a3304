/**
 * Words people type into search that the pages themselves do not use ("GDPR", "DPA", "Llama EU"), as data. They
 * are indexed with a page's heading through Pagefind's `data-pagefind-index-attrs` (so at heading weight) and are
 * never shown. Each entry says which pages answer the word; keep them to what those pages really cover. Pure.
 */
import type { License, Provider } from '../../registry/index.ts';

/** EU member states (ISO 3166-1 alpha-2) plus the EU and EEA pseudo-codes the registry uses. */
const EU = new Set(['EU', 'EEA', 'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE']);

export const SEARCH_TERMS = {
  /** Provider pages record retention, training on customer data and zero data retention: what a GDPR or DPA question asks. */
  dataProtection: ['GDPR', 'DPA', 'data processing agreement', 'data protection', 'privacy'],
  /** Providers serving from the EU, or controlled there. */
  euHosting: ['EU', 'Europe', 'European', 'data residency'],
  /** Licenses (and the models under them) that exclude the EU. */
  euExclusion: ['EU', 'Europe', 'European Union', 'excluded', 'exclusion'],
} as const;

const joined = (...lists: (readonly string[])[]) => [...new Set(lists.flat())].join(' ');

/** Extra search words for a provider page. */
export function providerSearchTerms(p: Provider): string {
  const eu = p.eu_controlled || EU.has(p.country) || p.regions.some((r) => EU.has(r.country));
  return joined(SEARCH_TERMS.dataProtection, eu ? SEARCH_TERMS.euHosting : []);
}

/** True when a license excludes the EU (or an EU member state) somewhere. */
export function excludesEu(l: License): boolean {
  return l.geo_exclusions.some((g) => g.regions.some((r) => EU.has(r)));
}

/** Extra search words for a license page, or a model page under that license ("" when none apply). */
export function licenseSearchTerms(l: License | undefined): string {
  return l !== undefined && excludesEu(l) ? joined(SEARCH_TERMS.euExclusion) : '';
}

/** The attributes that index `terms` with the element they sit on (none when there are no terms). */
export function searchTermAttrs(terms: string): Record<string, string> {
  return terms === '' ? {} : { 'data-pagefind-index-attrs': 'data-search-terms', 'data-search-terms': terms };
}
