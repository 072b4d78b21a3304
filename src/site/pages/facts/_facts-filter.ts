/**
 * The facts pages' filter state: which facts it shows, in which order, and how it reads from and writes to the
 * URL query (so back/forward and shared links restore it). Pure, so it is tested without a browser.
 */

export type FactSort = 'relevant' | 'newest';

export interface FactFilter {
  /** A topic tag ("price", "sovereignty"), or "" for every topic. */
  topic: string;
  /** Only facts about open-weights models (and the licenses they ship under). */
  openWeights: boolean;
  deckSafeOnly: boolean;
  /** Where the fact is held: "fact" (pitch facts), "model", "license", "provider", or "" for all. */
  origin: string;
  sort: FactSort;
}

export interface FactItemData {
  deckSafe: boolean;
  origin: string;
  topics: readonly string[];
  openWeights: boolean;
  /** As-of date, else the review date (YYYY-MM or YYYY-MM-DD). */
  date: string;
  /** Status rank: 0 for verified, higher for weaker evidence. */
  rank: number;
}

export const DEFAULT_FILTER: FactFilter = { topic: '', openWeights: false, deckSafeOnly: false, origin: '', sort: 'relevant' };

const ORIGINS = new Set(['', 'fact', 'model', 'license', 'provider']);

/** Topic tags in plain words. A tag without an entry is shown with its hyphens as spaces. */
export const TOPIC_LABELS: Readonly<Record<string, string>> = {
  benchmark: 'Benchmarks',
  price: 'Prices',
  license: 'Licenses',
  sovereignty: 'Sovereignty',
  'self-hosting': 'Self-hosting',
  certification: 'Certifications',
  'data-handling': 'Data handling',
  geography: 'Geographic limits',
  competitor: 'Competitors',
  tender: 'Tenders',
  itsm: 'IT service management',
  'circulated-claim': 'Claims in circulation',
  partnership: 'Partnerships',
  sizing: 'Sizing',
  context: 'Context window',
  release: 'Release dates',
  modalities: 'Modalities',
  architecture: 'Architecture',
  lifecycle: 'Lifecycle',
  provider: 'Providers',
  aliases: 'Names and ids',
};

export function topicLabel(tag: string): string {
  const known = TOPIC_LABELS[tag];
  if (known !== undefined) return known;
  const words = tag.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** How strong the evidence is, for "most relevant" ordering. */
export const STATUS_RANK: Readonly<Record<string, number>> = { verified: 0, secondary: 1, 'single-source': 2, directional: 3, disputed: 4, unknown: 5 };

export function visible(item: Pick<FactItemData, 'deckSafe' | 'origin'> & Partial<FactItemData>, filter: Partial<FactFilter>): boolean {
  const f = { ...DEFAULT_FILTER, ...filter };
  return (
    (!f.deckSafeOnly || item.deckSafe) &&
    (f.origin === '' || item.origin === f.origin) &&
    (f.topic === '' || (item.topics ?? []).includes(f.topic)) &&
    (!f.openWeights || item.openWeights === true)
  );
}

/**
 * Order of two facts. Newest: by as-of (else review) date, latest first. Most relevant: deck-safe first, then the
 * strongest evidence, then newest. Ties keep the page order, so the result is stable.
 */
export function compareFacts(a: FactItemData, b: FactItemData, sort: FactSort): number {
  const newest = b.date.localeCompare(a.date);
  if (sort === 'newest') return newest;
  return Number(b.deckSafe) - Number(a.deckSafe) || a.rank - b.rank || newest;
}

/** The filter a URL query describes; unknown or malformed values fall back to the default. */
export function parseFilter(search: string, topics?: readonly string[]): FactFilter {
  const q = new URLSearchParams(search);
  const topic = q.get('topic') ?? '';
  const origin = q.get('kind') ?? '';
  const on = (name: string) => ['1', 'yes', 'true'].includes(q.get(name) ?? '');
  return {
    topic: topics === undefined || topics.includes(topic) ? topic : '',
    openWeights: on('open-weights'),
    deckSafeOnly: on('deck-safe'),
    origin: ORIGINS.has(origin) ? origin : '',
    sort: q.get('sort') === 'newest' ? 'newest' : 'relevant',
  };
}

/** The URL query for a filter ("" for the default), in a fixed order so equal filters give equal links. */
export function filterQuery(filter: FactFilter): string {
  const q = new URLSearchParams();
  if (filter.topic !== '') q.set('topic', filter.topic);
  if (filter.openWeights) q.set('open-weights', '1');
  if (filter.deckSafeOnly) q.set('deck-safe', '1');
  if (filter.origin !== '') q.set('kind', filter.origin);
  if (filter.sort !== 'relevant') q.set('sort', filter.sort);
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}
