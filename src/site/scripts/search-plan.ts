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

const norm = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Whether a highlighted word answers one of the query's words: it starts with the query word (prefix search:
 * "secnum" → SecNumCloud), or the query word starts with it and it is most of the query word ("licenses" →
 * "license"). Pagefind, finding nothing for a word, falls back to ever shorter prefixes of it — "asdf" ends up
 * highlighting "as" everywhere — and those matches are what this rejects.
 */
export function answersQuery(mark: string, term: string): boolean {
  const m = norm(mark);
  if (m === '') return false;
  return term
    .split(/\s+/)
    .map(norm)
    .filter((q) => q !== '')
    .some((q) => m.startsWith(q) || (q.startsWith(m) && m.length >= Math.max(3, Math.ceil(q.length * 0.6))));
}

/** The highlighted words of a Pagefind excerpt. */
export function marks(excerpt: string): string[] {
  return [...excerpt.matchAll(/<mark>([\s\S]*?)<\/mark>/g)].map((m) => m[1]!);
}

/**
 * True when the best results of a query only matched by Pagefind's prefix fallback (gibberish, or a word the
 * site does not have): every excerpt that highlights anything highlights only words that do not answer the query.
 * Excerpts without highlights (a match in indexed attributes) are taken as answers.
 */
export function weakQuery(term: string, excerpts: readonly (readonly string[])[]): boolean {
  if (term.trim() === '' || excerpts.length === 0) return false;
  return excerpts.every((texts) => {
    const found = texts.flatMap(marks);
    return found.length > 0 && !found.some((m) => answersQuery(m, term));
  });
}
