/**
 * Deck-safety: may a salesperson put this fact on a slide without legal having to retract it? (design.md §6)
 * Deck-safe = verified by a primary source that was read, or by two independent publishers (community catalogues
 * count as one), nothing against it, no citation of the project's own notes, every source locatable, not expired,
 * not stale, not history (a retired channel, a value the caveats say was replaced), caveats present, a price
 * from the provider's own page, a certification with its scope and a real certificate behind it, a list that says
 * whether it is complete, an amount with its period. A pure function that returns every reason it is not, so the
 * answer is never a bare "no".
 */
import type { Source } from '../registry/index.ts';
import { citationRead, COMMUNITY_CATALOGUES, isLocatable, isPrimary, isProviderSide, isResearchNotes, publishedBy, publisherKey } from './evidence.ts';
import type { FactRecord } from './fact-record.ts';

/** Stable reason codes, in the order they are reported. */
export const DECK_REASON_CODES = [
  'fact/unknown',
  'fact/disputed',
  'fact/single-source',
  'fact/directional',
  'fact/contradicted',
  'fact/missing-source',
  'fact/no-primary-source',
  'fact/sources-not-independent',
  'fact/paper-version-missing',
  'fact/cites-research-notes',
  'fact/primary-not-read',
  'fact/source-not-locatable',
  'fact/price-not-provider-sourced',
  'fact/not-yet-true',
  'fact/expired',
  'fact/retired',
  'fact/superseded',
  'fact/stale',
  'fact/caveats-missing',
  'fact/scope-missing',
  'fact/not-a-certificate',
  'fact/completeness-unstated',
  'fact/horizon-missing',
] as const;
export type DeckReasonCode = (typeof DECK_REASON_CODES)[number];

export interface DeckReason {
  code: DeckReasonCode;
  /** Why, in words a salesperson understands. */
  message: string;
}

export interface DeckSafety {
  deck_safe: boolean;
  /** Empty when deck-safe. */
  why_not: DeckReason[];
}

export interface DeckSafetyOptions {
  /** The date the deck is made, YYYY-MM-DD. */
  today: string;
  /** A fact whose `reviewed` date is older than this many days is stale (default 365, as `clearance validate`). */
  maxAgeDays?: number;
  /** Price facts without their own `stale_after_days` go stale this many days after `as_of` (default 180). */
  priceMaxAgeDays?: number;
}

export const DEFAULT_MAX_AGE_DAYS = 365;
export const DEFAULT_PRICE_MAX_AGE_DAYS = 180;

/** Tags whose facts mean nothing without their setting or terms, so they need caveats to be deck-safe. */
export const CAVEAT_REQUIRED_TAGS: readonly string[] = ['price', 'benchmark'];

/** Decides whether a fact is deck-safe on `today`, and says why not. */
export function deckSafety(fact: FactRecord, sources: Readonly<Record<string, Source>>, options: DeckSafetyOptions): DeckSafety {
  const why: DeckReason[] = [];
  const add = (code: DeckReasonCode, message: string) => why.push({ code, message });

  switch (fact.status) {
    case 'unknown':
      add('fact/unknown', 'no source establishes it (status unknown)');
      break;
    case 'disputed':
      add('fact/disputed', 'sources conflict about it (status disputed)');
      break;
    case 'single-source':
      add('fact/single-source', 'only one secondary source supports it; a deck needs a primary source or two independent secondary sources');
      break;
    case 'directional':
      add('fact/directional', 'it is an estimate or an indication (status directional), not an established figure');
      break;
    default:
      break;
  }

  for (const against of fact.evidence_against) {
    add('fact/contradicted', `evidence against it: ${against.summary}${citeShort(against.sources.map((s) => s.source), sources)}`);
  }

  const cited = fact.sources.map((ref) => ({ id: ref.source, source: sources[ref.source] }));
  for (const c of cited) {
    if (!c.source) add('fact/missing-source', `it cites source "${c.id}", which is not in the registry`);
  }
  const all = fact.sources.flatMap((ref) => (sources[ref.source] !== undefined ? [{ id: ref.source, ref, source: sources[ref.source]! }] : []));
  const notes = all.filter((c) => isResearchNotes(c.source));
  for (const c of notes) {
    add('fact/cites-research-notes', `it cites "${c.source.title}", the project's own working notes, which a reader cannot open; cite the public document they name, after reading it`);
  }
  // The notes are never evidence: the verdict rests on the other sources only.
  const known = all.filter((c) => !isResearchNotes(c.source));
  const complete = known.length + notes.length === cited.length;

  if (fact.status === 'verified' && complete && !known.some((c) => isPrimary(c.source))) {
    add('fact/no-primary-source', `it is marked verified, but none of its sources is primary (license text, model card, config, paper, vendor docs or pricing page); it cites ${kinds(known)}`);
  } else if (fact.status === 'verified' && complete && !known.some((c) => isPrimary(c.source) && citationRead(c.ref, c.source))) {
    const unread = known.filter((c) => isPrimary(c.source)).map((c) => c.source.title);
    add('fact/primary-not-read', `it is marked verified, but its primary source${unread.length === 1 ? '' : 's'} (${unread.join('; ')}) ${unread.length === 1 ? 'was' : 'were'} not read by the registry, only named as recorded elsewhere; read the page and cite the place, or lower the status`);
  }
  if (fact.status === 'secondary') {
    const publishers = new Set(known.map((c) => publisherKey(c.source)));
    if (publishers.size < 2) {
      const one = publishers.size === 1 ? ` (${[...publishers][0] === COMMUNITY_CATALOGUES ? COMMUNITY_CATALOGUES : known[0]!.source.publisher})` : '';
      add('fact/sources-not-independent', `it is marked secondary, but its sources come from ${publishers.size === 0 ? 'no' : 'one'} publisher${one}; two independent publishers must agree`);
    }
  }
  const unlocatable = known.filter((c) => !isLocatable(c.ref, c.source));
  if (unlocatable.length > 0 && unlocatable.length === known.length) {
    add('fact/source-not-locatable', `none of its sources can be found by a reader: ${unlocatable.map((c) => (c.source.url !== undefined ? `${c.source.url} is a site, not a page` : `"${c.source.title}" names no place`)).join('; ')}; cite the page URL, or the document and the place in it`);
  }
  if (fact.tags.includes('price') && known.length > 0) {
    const providerSide = known.filter((c) => isProviderSide(c.source) && citationRead(c.ref, c.source));
    // Without a known provider, only a pricing page (always its publisher's own prices) counts as the own page.
    const own = providerSide.filter((c) => (fact.provider !== undefined ? publishedBy(c.source.publisher, fact.provider.names) : c.source.kind === 'pricing-page'));
    const independent = new Set(providerSide.map((c) => publisherKey(c.source)));
    if (own.length === 0 && independent.size < 2) {
      add('fact/price-not-provider-sourced', `a price needs the provider's own pricing page or docs, read${fact.provider ? ` (${fact.provider.names[0]})` : ''}, or two independent provider-side sources; it rests on ${describeSources(known)}`);
    }
  }
  for (const c of known) {
    if (c.source.kind === 'paper' && (c.source.version === undefined || c.source.version.trim() === '')) {
      add('fact/paper-version-missing', `it cites the paper "${c.source.title}" without its version; paper versions report different numbers, so record which one as the version of source "${c.id}"`);
    }
  }

  const today = dayNumber(options.today);
  if (fact.as_of !== undefined && dayNumber(fact.as_of) > today) {
    add('fact/not-yet-true', `it is as of ${fact.as_of}, after ${options.today}`);
  }
  if (fact.expires !== undefined && today > dayNumber(fact.expires)) {
    add('fact/expired', `it expired on ${fact.expires}`);
  }
  if (fact.retired_on !== undefined && today >= dayNumber(fact.retired_on)) {
    add('fact/retired', `the channel it describes was retired on ${fact.retired_on}: this is history, not what a customer can buy`);
  }
  // A fact with an expiry is history told as history ("from April to August it cost…"): the expiry decides.
  const superseded = fact.expires === undefined ? fact.caveats.find((c) => SUPERSEDED.test(c)) : undefined;
  if (superseded !== undefined) {
    add('fact/superseded', `its own caveat says the value no longer holds ("${superseded}"); record the current value, or keep this one as history with an expiry`);
  }
  const maxAge = options.maxAgeDays ?? DEFAULT_MAX_AGE_DAYS;
  const reviewedAge = today - dayNumber(fact.reviewed);
  if (reviewedAge > maxAge) {
    add('fact/stale', `last checked against its sources on ${fact.reviewed}, ${reviewedAge} days before ${options.today} (limit ${maxAge} days)`);
  }
  const volatileLimit = fact.stale_after_days ?? (fact.tags.includes('price') ? (options.priceMaxAgeDays ?? DEFAULT_PRICE_MAX_AGE_DAYS) : undefined);
  if (volatileLimit !== undefined && fact.as_of !== undefined) {
    const age = today - dayNumber(fact.as_of);
    if (age > volatileLimit) {
      add('fact/stale', `observed ${fact.as_of}, ${age} days before ${options.today}; ${fact.tags.includes('price') ? 'a price' : 'this fact'} must be re-checked after ${volatileLimit} days`);
    }
  }

  const needsCaveat = fact.tags.find((t) => CAVEAT_REQUIRED_TAGS.includes(t));
  if (needsCaveat !== undefined && fact.caveats.length === 0) {
    add('fact/caveats-missing', `a ${needsCaveat} fact must say its ${needsCaveat === 'price' ? 'terms (tier, promotion, region)' : 'setting (mode, shots, base or instruct)'} in its caveats`);
  }

  const cert = fact.certification;
  if (cert !== undefined && (cert.held === 'yes' || cert.held === 'in-progress')) {
    if ((cert.scope ?? '').trim() === '') add('fact/scope-missing', 'a certification says nothing on a slide without the services and regions it covers; record its scope');
    if (cert.basis === 'tender-assessment' || cert.basis === 'self-assessment') {
      add('fact/not-a-certificate', `it rests on a ${cert.basis.replace('-', ' ')}, not a certificate: a score in a tender or a self-assessment is not a certification anyone holds`);
    }
  }
  if (fact.is_list === true && fact.list_complete === undefined) {
    add('fact/completeness-unstated', 'a list must say whether it is complete (regions_complete), or a reader takes a selection for the whole');
  }
  if (isMoneyAmount(fact) && (fact.horizon ?? '').trim() === '' && !fact.caveats.some((c) => PERIOD.test(c))) {
    add('fact/horizon-missing', 'an amount of investment or contract value must say the period it covers (horizon:, or a caveat such as "over ten years")');
  }

  return { deck_safe: why.length === 0, why_not: why };
}

/** Words in a caveat saying the value was replaced, withdrawn or is no longer served. */
export const SUPERSEDED = /\b(replaced|superseded|withdrawn|no longer (served|available|offered|sold|listed)|discontinued|taken offline|has been retired|was retired|were retired)\b/i;

/** Words that state a period: "over ten years", "2026-2035", "per year", "by 2030", "a four-year framework". */
export const PERIOD =
  /\b(over|across|within|for) (the next )?(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)[- ](years?|months?)\b|\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten)-(year|month)\b|\b(per|a|each) (year|month|annum)\b|\bannual(ly)?\b|\b(19|20)\d\d\s*(-|–|to)\s*((19|20)?\d\d)\b|\b(by|until|through) (19|20)\d\d\b/i;

/** Scaled money (USD M, EUR B) or bare currency outside a price: an amount of investment or contract value. */
export function isMoneyAmount(fact: Pick<FactRecord, 'unit' | 'tags'>): boolean {
  if (fact.unit === undefined || fact.tags.includes('price')) return false;
  return /^(USD|EUR|GBP)( (M|B|bn|million|billion))?$/.test(fact.unit);
}

/** Days since 1970-01-01 for YYYY-MM-DD, or the first of the month for YYYY-MM (older, so staleness fails closed). */
export function dayNumber(date: string): number {
  const full = /^\d{4}-\d{2}$/.test(date) ? `${date}-01` : date;
  const ms = Date.parse(`${full}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a date: "${date}" (expected YYYY-MM-DD)`);
  return Math.round(ms / 86_400_000);
}

function describeSources(cited: readonly { source: Source }[]): string {
  const list = [...new Set(cited.map((c) => (c.source.kind === 'aggregator' ? `${c.source.publisher} (catalogue)` : `${c.source.publisher} (${c.source.kind})`)))];
  return list.join(', ');
}

function kinds(cited: readonly { source: Source }[]): string {
  const list = [...new Set(cited.map((c) => c.source.kind))];
  return list.length === 0 ? 'no sources' : `${list.join(', ')} sources`;
}

function citeShort(ids: readonly string[], sources: Readonly<Record<string, Source>>): string {
  const names = ids.map((id) => sources[id]?.publisher ?? id);
  return names.length === 0 ? '' : ` — ${[...new Set(names)].join('; ')}`;
}
