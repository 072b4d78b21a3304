/**
 * Which searches the search box runs for a filter selection. Facts are records of their own in the index
 * (scripts/build-site.ts); being short they would outrank the pages that matter for most words, so pages and
 * facts are searched and listed separately. Only facts carry a deck-safe verdict; the other facets only pages.
 * Pure, so it is tested without a browser.
 */

export const FACT_TYPE = 'Fact';

export type FilterSpec = Record<string, { any: string[] } | { none: string[] }>;

export interface SearchPlan {
  /** Filters of the pages search (everything but facts), when pages can match. */
  pages?: FilterSpec;
  /** Filters of the facts search, when facts can match. */
  facts?: FilterSpec;
}

export function searchPlan(selected: ReadonlyMap<string, ReadonlySet<string>>): SearchPlan {
  const types = [...(selected.get('type') ?? [])];
  const pageTypes = types.filter((t) => t !== FACT_TYPE);
  const rest: FilterSpec = Object.fromEntries([...selected].filter(([key]) => key !== 'type').map(([key, values]) => [key, { any: [...values] }]));
  const plan: SearchPlan = {};
  if ((types.length === 0 || pageTypes.length > 0) && !selected.has('deck-safe')) {
    plan.pages = { ...rest, type: pageTypes.length > 0 ? { any: pageTypes } : { none: [FACT_TYPE] } };
  }
  if (types.length === 0 || types.includes(FACT_TYPE)) plan.facts = { ...rest, type: { any: [FACT_TYPE] } };
  return plan;
}
