/**
 * Build-time data for the facts pages and their card images: every fact with its deck-safety verdict on the
 * build date, grouped by subject, with the URLs of its card PNGs. The underscore keeps Astro from routing it.
 *
 * Cards: a 1200×630 card for every fact, and a 1920×1080 slide for the pitch facts of content/facts (set
 * CLEARANCE_CARD_SLIDES=all for a slide of every fact). `clearance card --size slide` draws any other one.
 */
import { cardFileName, factCardContent, type CardContent, type CardSize } from '../../../cards/index.ts';
import { collectFacts, formatReference, formatValue, isPitchFact, isReferenceList, shortCitation, viewFacts, type FactView } from '../../../facts/index.ts';
import type { Registry, Source } from '../../../registry/index.ts';
import { siteCardRenderer } from '../../lib/card-renderer.ts';
import { factAnchor, factsSubjectUrl, url } from '../../lib/paths.ts';
import { buildDate, getRegistry } from '../../lib/registry.ts';
import { STATUS_RANK } from './_facts-filter.ts';

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
    if (v.safety.deck_safe && !isReferenceList(v.fact)) g.deckSafe++;
  }
  const order = ['market', 'model', 'license', 'provider', 'vendor', 'gpu'];
  const groups = [...bySlug.values()].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.name.localeCompare(b.name));
  cached = { today, registry, views, groups };
  return cached;
}

export const factsIndexUrl = () => url('facts/');
export const subjectUrl = factsSubjectUrl;
export const cardUrl = (factId: string, size: CardSize) => url(`facts/cards/${cardFileName(factId, size)}`);

/**
 * Which sizes the site builds for a fact: a slide for pitch facts only (CLEARANCE_CARD_SLIDES=all asks for more),
 * and no card at all for a reference list (a model's aliases), which is lookup data rather than a claim.
 */
export function cardSizes(view: FactView): CardSize[] {
  if (isReferenceList(view.fact)) return [];
  return isPitchFact(view.fact) || process.env.CLEARANCE_CARD_SLIDES === 'all' ? ['og', 'slide'] : ['og'];
}

/** The pitch facts, the other claims (model fields, license clauses, provider fields), and the reference lists. */
export function sections(views: readonly FactView[]): { pitch: FactView[]; fields: FactView[]; reference: FactView[] } {
  return {
    pitch: views.filter((v) => isPitchFact(v.fact)),
    fields: views.filter((v) => !isPitchFact(v.fact) && !isReferenceList(v.fact)),
    reference: views.filter((v) => isReferenceList(v.fact)),
  };
}

/** True when a fact is about an open-weights model, or about a license some open-weights model ships under. */
export function aboutOpenWeights(view: FactView, registry: Registry): boolean {
  const s = view.fact.subject;
  if (s.id === undefined) return false;
  if (s.kind === 'model') return registry.models[s.id]?.kind === 'open-weights';
  if (s.kind === 'license') return Object.values(registry.models).some((m) => m.kind === 'open-weights' && m.license === s.id);
  return false;
}

/** The data attributes the filter script reads from a fact's list item (see _facts-filter.ts). */
export function filterAttributes(view: FactView, registry: Registry): Record<string, string> {
  const f = view.fact;
  return {
    'data-origin': f.origin.kind,
    'data-deck-safe': view.safety.deck_safe ? 'yes' : 'no',
    'data-topics': f.tags.join(' '),
    'data-open-weights': aboutOpenWeights(view, registry) ? 'yes' : 'no',
    'data-date': f.as_of ?? f.reviewed,
    'data-rank': String(STATUS_RANK[f.status] ?? 9),
  };
}

/** The topics of a list of facts with how many facts carry each, most common first. */
export function topicCounts(views: readonly FactView[]): { tag: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of views) for (const t of v.fact.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** The short citation (publisher, title, date, link) a salesperson pastes into a slide footer. */
export function shortCitationOf(view: FactView, registry: Registry): string {
  return shortCitation(view.fact, registry.sources, view.safety);
}

export interface CardFile {
  file: string;
  size: CardSize;
  content: CardContent;
}

/** Every card image the site publishes, with what it shows. */
export function cardFiles(): CardFile[] {
  const { views, registry } = factsData();
  return views.flatMap((v) => cardSizes(v).map((size) => ({ file: cardFileName(v.fact.id, size), size, content: factCardContent(v.fact, v.safety, registry.sources, size) })));
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
