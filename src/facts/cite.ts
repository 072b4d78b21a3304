/** The words a deck carries with a fact: its citation sentence (what the copy button copies) and its source line. */
import type { Source, SourceRef } from '../registry/index.ts';
import type { DeckSafety } from './deck-safe.ts';
import type { FactRecord } from './fact-record.ts';

/** One source as a reference: `IBM Research, "ITBench…" (ICML 2025 version), abstract, https://…`. */
export function formatReference(ref: SourceRef, sources: Readonly<Record<string, Source>>): string {
  const s = sources[ref.source];
  if (!s) return `[missing source "${ref.source}"]`;
  const parts = [`${s.publisher}, "${s.title}"${s.version ? ` (${s.version})` : ''}`];
  if (ref.where) parts.push(ref.where);
  if (s.published) parts.push(`published ${s.published}`);
  parts.push(s.url ?? s.document ?? '');
  parts.push(`retrieved ${s.retrieved}`);
  return parts.filter((p) => p !== '').join(', ');
}

/**
 * A short source line for a card: the first source's publisher, title and (short) version, and how many more.
 * When it is too long the title gives way, never the version: a paper's version is what makes its numbers citable.
 */
export function sourceLine(fact: FactRecord, sources: Readonly<Record<string, Source>>, maxChars = 140): string {
  const first = fact.sources[0];
  if (!first) return fact.evidence_against.length > 0 ? 'No source supports this claim' : 'No source';
  const s = sources[first.source];
  const more = fact.sources.length > 1 ? ` +${fact.sources.length - 1} more` : '';
  if (!s) return `missing source "${first.source}"${more}`;
  // A long version (a git commit) is left to the full reference.
  const version = s.version !== undefined && s.version.length <= 48 ? ` (${s.version})` : '';
  const budget = maxChars - s.publisher.length - version.length - more.length - 3;
  const title = [...s.title].length <= budget ? s.title : `${[...s.title].slice(0, Math.max(12, budget - 1)).join('').trimEnd()}…`;
  return `${s.publisher} — ${title}${version}${more}`;
}

/**
 * The short citation: the sentence, then publisher, title, date and link of each source — no version (a commit
 * hash), no locator, no retrieval date; the full citation has those. A fact that is not deck-safe still says so first.
 */
export function shortCitation(fact: FactRecord, sources: Readonly<Record<string, Source>>, safety: DeckSafety): string {
  const warn = safety.deck_safe ? '' : '[NOT DECK-SAFE] ';
  const refs = fact.sources.map((r) => {
    const s = sources[r.source];
    if (!s) return `[missing source "${r.source}"]`;
    const date = s.published ?? fact.as_of ?? s.retrieved;
    return [s.publisher, `"${s.title}"`, date, s.url ?? s.document].filter((p) => p !== undefined && p !== '').join(', ');
  });
  return `${warn}${fact.statement} (${refs.length > 0 ? refs.join('; ') : 'no supporting source'})`;
}

/** The link a card prints under its source line: the first source's URL without its scheme, shortened to `maxChars`. */
export function sourceLink(fact: FactRecord, sources: Readonly<Record<string, Source>>, maxChars = 90): string | undefined {
  const first = fact.sources[0];
  const url = first !== undefined ? sources[first.source]?.url : undefined;
  if (url === undefined) return undefined;
  const bare = url.replace(/^https?:\/\//, '').replace(/\/$/, '');
  const chars = [...bare];
  return chars.length <= maxChars ? bare : `${chars.slice(0, maxChars - 1).join('')}…`;
}

/** The date a card shows: as-of, else the review date. */
export function factDate(fact: FactRecord): string {
  return fact.as_of !== undefined ? `as of ${fact.as_of}` : `reviewed ${fact.reviewed}`;
}

/**
 * The sentence with its citation, ready to paste into a deck or an email. A fact that is not deck-safe says so
 * first, so a pasted copy never loses the warning.
 */
export function citationSentence(fact: FactRecord, sources: Readonly<Record<string, Source>>, safety: DeckSafety): string {
  const warn = safety.deck_safe ? '' : `[NOT DECK-SAFE: ${safety.why_not.map((r) => r.message).join('; ')}] `;
  const caveats = fact.caveats.length > 0 ? ` (${fact.caveats.join('; ')})` : '';
  const refs = fact.sources.length > 0 ? fact.sources.map((r) => formatReference(r, sources)).join('; ') : 'no supporting source';
  const date = fact.as_of !== undefined ? `, as of ${fact.as_of}` : '';
  return `${warn}${fact.statement}${caveats} Source: ${refs}. Status: ${fact.status}${date}.`;
}
