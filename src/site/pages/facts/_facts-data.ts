/**
 * Build-time data for the facts pages and their card images: every fact with its deck-safety verdict on the
 * build date, grouped by subject, with the URLs of its card PNGs. The underscore keeps Astro from routing it.
 *
 * Cards: a 1200×630 card for every fact, and a 1920×1080 slide for the pitch facts of content/facts (set
 * CLEARANCE_CARD_SLIDES=all for a slide of every fact). `clearance card --size slide` draws any other one.
 */
import { cardFileName, factCardContent, type CardContent, type CardSize } from '../../../cards/index.ts';
import { collectFacts, formatReference, formatValue, viewFacts, type FactView } from '../../../facts/index.ts';
import type { Registry, Source } from '../../../registry/index.ts';
import { siteCardRenderer } from '../../lib/card-renderer.ts';
import { factAnchor, factsSubjectUrl, url } from '../../lib/paths.ts';
import { buildDate, getRegistry } from '../../lib/registry.ts';

export interface SubjectGroup {
  /** URL segment: "<kind>/<id>" or "market". */
  slug: string;
  kind: string;
  id?: string;
  name: string;
  views: FactView[];
  deckSafe: number;
}

export interface FactsData {
  today: string;
  registry: Registry;
  views: FactView[];
  groups: SubjectGroup[];
}

let cached: FactsData | undefined;

/** Every fact, judged on the build date (CLEARANCE_TODAY makes it reproducible). */
export function factsData(): FactsData {
  if (cached) return cached;
  const { registry } = getRegistry();
  const today = buildDate();
  const views = viewFacts(collectFacts(registry), registry.sources, { today });
  const bySlug = new Map<string, SubjectGroup>();
  for (const v of views) {
    const s = v.fact.subject;
    const slug = s.kind === 'market' || s.id === undefined ? 'market' : `${s.kind}/${s.id}`;
    let g = bySlug.get(slug);
    if (!g) {
      g = { slug, kind: s.kind, ...(s.id !== undefined && s.kind !== 'market' ? { id: s.id } : {}), name: s.name, views: [], deckSafe: 0 };
      bySlug.set(slug, g);
    }
    g.views.push(v);
    if (v.safety.deck_safe) g.deckSafe++;
  }
  const order = ['market', 'model', 'license', 'provider', 'vendor', 'gpu'];
  const groups = [...bySlug.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name));
  cached = { today, registry, views, groups };
  return cached;
}

export const factsIndexUrl = () => url('facts/');
export const subjectUrl = factsSubjectUrl;
export const cardUrl = (factId: string, size: CardSize) => url(`facts/cards/${cardFileName(factId, size)}`);

/** Which sizes the site builds for a fact. */
export function cardSizes(view: FactView): CardSize[] {
  return view.fact.origin.kind === 'fact' || process.env.CLEARANCE_CARD_SLIDES === 'all' ? ['og', 'slide'] : ['og'];
}

export interface CardFile {
  file: string;
  size: CardSize;
  content: CardContent;
}

/** Every card image the site publishes, with what it shows. */
export function cardFiles(): CardFile[] {
  const { views, registry } = factsData();
  return views.flatMap((v) => {
    const content = factCardContent(v.fact, v.safety, registry.sources);
    return cardSizes(v).map((size) => ({ file: cardFileName(v.fact.id, size), size, content }));
  });
}

/** One renderer per build (shared with the model pages' Open Graph images), caching by content hash. */
export { siteCardRenderer };

/** Headline value with unit, for the list. */
export function valueText(v: FactView): string | undefined {
  return formatValue(v.fact.value, v.fact.unit);
}

/** A reference line for the source list, and the URL to link (when the source has one). */
export function references(refs: readonly { source: string; where?: string }[], sources: Readonly<Record<string, Source>>): { text: string; href?: string }[] {
  return refs.map((r) => {
    const s = sources[r.source];
    return { text: formatReference(r, sources), ...(s?.url ? { href: s.url } : {}) };
  });
}

/** The HTML id of a fact on its page. */
export const anchor = factAnchor;
