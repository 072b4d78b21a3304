/**
 * Output formats of `clearance facts`: text (people), json (tools), csv (spreadsheets), markdown (docs, PRs).
 * Each is a pure `(views) => string`; choosing and printing is the CLI's job.
 */
import type { Source } from '../registry/index.ts';
import { citationSentence, formatReference } from './cite.ts';
import { deckSafety, type DeckSafety, type DeckSafetyOptions } from './deck-safe.ts';
import type { FactRecord } from './fact-record.ts';
import { formatValue } from './value.ts';

/** A fact with its verdict and its paste-ready citation. */
export interface FactView {
  fact: FactRecord;
  safety: DeckSafety;
  citation: string;
}

export function viewFacts(facts: readonly FactRecord[], sources: Readonly<Record<string, Source>>, options: DeckSafetyOptions): FactView[] {
  return facts.map((fact) => {
    const safety = deckSafety(fact, sources, options);
    return { fact, safety, citation: citationSentence(fact, sources, safety) };
  });
}

export const FACT_FORMATS = ['text', 'json', 'csv', 'markdown'] as const;
export type FactFormat = (typeof FACT_FORMATS)[number];

export function formatFacts(format: FactFormat, views: readonly FactView[], sources: Readonly<Record<string, Source>>, today: string): string {
  switch (format) {
    case 'json':
      return formatJson(views, sources, today);
    case 'csv':
      return formatCsv(views);
    case 'markdown':
      return formatMarkdown(views, sources, today);
    default:
      return formatText(views, today);
  }
}

function summary(views: readonly FactView[]): string {
  const safe = views.filter((v) => v.safety.deck_safe).length;
  return `${views.length} facts: ${safe} deck-safe, ${views.length - safe} not deck-safe`;
}

export function formatText(views: readonly FactView[], today: string): string {
  const lines: string[] = [];
  for (const { fact, safety } of views) {
    lines.push(`${safety.deck_safe ? 'DECK-SAFE    ' : 'NOT DECK-SAFE'}  ${fact.id}  [${fact.status}]`);
    lines.push(`  ${fact.statement}`);
    const value = formatValue(fact.value, fact.unit);
    if (value !== undefined) lines.push(`  value: ${value}`);
    if (fact.caveats.length > 0) lines.push(`  caveats: ${fact.caveats.join('; ')}`);
    if (fact.circulated_as !== undefined) lines.push(`  circulated as: ${fact.circulated_as}`);
    for (const r of safety.why_not) lines.push(`  why not: ${r.message} (${r.code})`);
    lines.push('');
  }
  lines.push(`${summary(views)} (as of ${today})`);
  return `${lines.join('\n')}\n`;
}

export function formatJson(views: readonly FactView[], sources: Readonly<Record<string, Source>>, today: string): string {
  const facts = views.map(({ fact, safety, citation }) => ({
    id: fact.id,
    statement: fact.statement,
    value: fact.value ?? null,
    unit: fact.unit ?? null,
    subject: fact.subject,
    origin: fact.origin,
    status: fact.status,
    deck_safe: safety.deck_safe,
    why_not: safety.why_not,
    as_of: fact.as_of ?? null,
    expires: fact.expires ?? null,
    reviewed: fact.reviewed,
    caveats: fact.caveats,
    circulated_as: fact.circulated_as ?? null,
    evidence_against: fact.evidence_against.map((e) => ({ summary: e.summary, sources: e.sources.map((r) => sourceJson(r.source, r.where, sources)) })),
    sources: fact.sources.map((r) => sourceJson(r.source, r.where, sources)),
    tags: fact.tags,
    citation,
  }));
  const safe = views.filter((v) => v.safety.deck_safe).length;
  return `${JSON.stringify({ today, summary: { facts: views.length, deck_safe: safe, not_deck_safe: views.length - safe }, facts }, null, 2)}\n`;
}

function sourceJson(id: string, where: string | undefined, sources: Readonly<Record<string, Source>>) {
  const s = sources[id];
  return {
    id,
    where: where ?? null,
    title: s?.title ?? null,
    publisher: s?.publisher ?? null,
    kind: s?.kind ?? null,
    version: s?.version ?? null,
    url: s?.url ?? null,
    document: s?.document ?? null,
    published: s?.published ?? null,
    retrieved: s?.retrieved ?? null,
    reference: formatReference({ source: id, ...(where ? { where } : {}) }, sources),
  };
}

const CSV_COLUMNS = ['id', 'subject', 'statement', 'value', 'status', 'deck_safe', 'why_not', 'as_of', 'expires', 'caveats', 'citation'] as const;

export function formatCsv(views: readonly FactView[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const { fact, safety, citation } of views) {
    const cells = [
      fact.id,
      fact.subject.name,
      fact.statement,
      formatValue(fact.value, fact.unit) ?? '',
      fact.status,
      safety.deck_safe ? 'yes' : 'no',
      safety.why_not.map((r) => `${r.code}: ${r.message}`).join(' | '),
      fact.as_of ?? '',
      fact.expires ?? '',
      fact.caveats.join(' | '),
      citation,
    ];
    rows.push(cells.map(csvCell).join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** RFC 4180 quoting, and a leading apostrophe on cells a spreadsheet would run as a formula (CSV injection). */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatMarkdown(views: readonly FactView[], sources: Readonly<Record<string, Source>>, today: string): string {
  const esc = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const lines = [`# Facts (as of ${today})`, '', summary(views), '', '| Fact | Value | Status | Deck-safe | Why not | Source |', '|---|---|---|---|---|---|'];
  for (const { fact, safety } of views) {
    const statement = fact.caveats.length > 0 ? `${fact.statement} _(${fact.caveats.join('; ')})_` : fact.statement;
    const source = fact.sources.length > 0 ? fact.sources.map((r) => formatReference(r, sources)).join('; ') : 'no supporting source';
    lines.push(
      `| ${esc(statement)} <br>\`${esc(fact.id)}\` | ${esc(formatValue(fact.value, fact.unit) ?? '')} | ${fact.status} | ${safety.deck_safe ? 'yes' : '**no**'} | ${esc(safety.why_not.map((r) => r.message).join('; '))} | ${esc(source)} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}
