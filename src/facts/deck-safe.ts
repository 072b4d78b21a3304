/**
 * Deck-safety: may a salesperson put this fact on a slide without legal having to retract it? (design.md §6)
 * Deck-safe = verified by a primary source or by two independent secondary sources, nothing against it, not
 * expired, not stale, caveats present, every source resolvable (and papers cited by version). A pure function
 * that returns every reason it is not, so the answer is never a bare "no".
 */
import { PRIMARY_SOURCE_KINDS, type Source } from '../registry/index.ts';
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
  'fact/not-yet-true',
  'fact/expired',
  'fact/stale',
  'fact/caveats-missing',
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
  const known = cited.filter((c): c is { id: string; source: Source } => c.source !== undefined);

  if (fact.status === 'verified' && known.length === cited.length && !known.some((c) => PRIMARY_SOURCE_KINDS.includes(c.source.kind))) {
    add('fact/no-primary-source', `it is marked verified, but none of its sources is primary (license text, model card, config, paper, vendor docs or pricing page); it cites ${kinds(known)}`);
  }
  if (fact.status === 'secondary') {
    const publishers = new Set(known.map((c) => normalisePublisher(c.source.publisher)));
    if (publishers.size < 2) {
      add('fact/sources-not-independent', `it is marked secondary, but its sources come from ${publishers.size === 0 ? 'no' : 'one'} publisher${publishers.size === 1 ? ` (${known[0]!.source.publisher})` : ''}; two independent publishers must agree`);
    }
  }
  for (const c of known) {
    if (c.source.kind === 'paper' && (c.source.version === undefined || c.source.version.trim() === '')) {
      add('fact/paper-version-missing', `it cites the paper "${c.source.title}" without its version; paper versions report different numbers, so record which one (content/sources/${c.id}.yaml, version:)`);
    }
  }

  const today = dayNumber(options.today);
  if (fact.as_of !== undefined && dayNumber(fact.as_of) > today) {
    add('fact/not-yet-true', `it is as of ${fact.as_of}, after ${options.today}`);
  }
  if (fact.expires !== undefined && today > dayNumber(fact.expires)) {
    add('fact/expired', `it expired on ${fact.expires}`);
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

  return { deck_safe: why.length === 0, why_not: why };
}

/** Days since 1970-01-01 for YYYY-MM-DD, or the first of the month for YYYY-MM (older, so staleness fails closed). */
export function dayNumber(date: string): number {
  const full = /^\d{4}-\d{2}$/.test(date) ? `${date}-01` : date;
  const ms = Date.parse(`${full}T00:00:00Z`);
  if (Number.isNaN(ms)) throw new Error(`not a date: "${date}" (expected YYYY-MM-DD)`);
  return Math.round(ms / 86_400_000);
}

function normalisePublisher(publisher: string): string {
  return publisher.trim().toLowerCase().replace(/\s+/g, ' ');
}

function kinds(cited: readonly { source: Source }[]): string {
  const list = [...new Set(cited.map((c) => c.source.kind))];
  return list.length === 0 ? 'no sources' : `${list.join(', ')} sources`;
}

function citeShort(ids: readonly string[], sources: Readonly<Record<string, Source>>): string {
  const names = ids.map((id) => sources[id]?.publisher ?? id);
  return names.length === 0 ? '' : ` — ${[...new Set(names)].join('; ')}`;
}
