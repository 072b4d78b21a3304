/**
 * Shared building blocks of the registry schemas: ids, dates, provenance.
 * Every claim-bearing value in the registry is traceable to a source entry with a status (design.md §2).
 */
import { z } from 'zod';
import { MAX_ID_LENGTH, RESERVED_NAMES } from '../ids.ts';
import { isCalendarDate } from './refinements.ts';

/**
 * Reserved names a slug could spell (`constructor`, `prototype`): refused in ids and references so no id ever
 * names a property every JavaScript object has. A pattern, so the JSON Schemas (and editors) refuse them too.
 */
const SLUG_RESERVED = [...RESERVED_NAMES].filter((n) => /^[a-z0-9][a-z0-9._-]*$/.test(n)).sort();
const RESERVED_ALT = `(?:${SLUG_RESERVED.join('|')})`;
/** Neither the first nor the last "/"-segment is reserved. */
const NOT_RESERVED = new RegExp(`^(?!${RESERVED_ALT}(?:/|$))(?!.*/${RESERVED_ALT}$)`);
const RESERVED_MESSAGE = `${SLUG_RESERVED.map((n) => `"${n}"`).join(' and ')} are reserved names (properties of every JavaScript object) and cannot be ids`;

const TOO_LONG = `ids are at most ${MAX_ID_LENGTH} characters`;

/** An id of a given shape, at most MAX_ID_LENGTH characters, never a reserved name. */
export function safeId(pattern: RegExp, message: string) {
  return z.string().max(MAX_ID_LENGTH, TOO_LONG).regex(pattern, message).regex(NOT_RESERVED, RESERVED_MESSAGE);
}

/** A free-form id a router or provider spells (an alias, a model as a config names it): non-empty, length-capped. */
export function freeId(emptyMessage?: string) {
  return z.string().min(1, emptyMessage).max(MAX_ID_LENGTH, TOO_LONG);
}

/** Slug id of a single-segment entity (license, vendor, provider, gpu, source, fact). */
export const SlugId = safeId(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case slugs: a-z, 0-9, ".", "_" and "-"');

/** Model ids are `<vendor>/<model>`, the path under content/models without `.yaml`. */
export const ModelId = safeId(/^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/, 'model ids look like "<vendor>/<model>", e.g. "meta/llama-3.3-70b-instruct"')
  .describe('Model id: the file path under content/models, e.g. "meta/llama-3.3-70b-instruct".');

/**
 * A web address: http or https only. `javascript:`, `data:`, `file:` and other schemes are refused — the site
 * renders these as links, and a link must never run code or carry a document of its own.
 */
export const HttpUrl = z
  .url({ protocol: /^https?$/, message: 'a URL must be an absolute http:// or https:// address' })
  .regex(/^https?:\/\//i, 'a URL must be an absolute http:// or https:// address (javascript:, data: and other schemes are refused)');

export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD')
  .refine(isCalendarDate, 'not a real calendar date')
  .describe('A calendar date, YYYY-MM-DD.');

/** Month precision is allowed where a source only gives a month (price as-of dates often do). */
export const IsoDateOrMonth = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/, 'dates are YYYY-MM-DD (or YYYY-MM when the source gives only a month)')
  .describe('A date, YYYY-MM-DD, or YYYY-MM when the source gives only a month.');

export const CountryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'countries are ISO 3166-1 alpha-2 codes in upper case, e.g. "US", "CN", "FR"')
  .describe('ISO 3166-1 alpha-2 country code.');

/**
 * How well a claim is supported. `verified` needs a primary source (license text, vendor model card,
 * config.json, paper); `secondary` means two independent secondary sources agree.
 */
export const Status = z
  .enum(['verified', 'secondary', 'single-source', 'directional', 'disputed', 'unknown'])
  .describe(
    'verified: primary source (license text, vendor card, config, paper); secondary: two independent secondary sources agree; single-source: one secondary source; directional: an estimate or indication; disputed: sources conflict (record every side); unknown: not established.',
  );
export type Status = z.infer<typeof Status>;

/** A pointer into a source entry: which document, where in it, and what it says there. */
export const SourceRef = z
  .strictObject({
    source: SlugId.describe('Id of a content/sources/<id>.yaml entry.'),
    where: z.string().min(1, 'say where in the source: section, table row, line, page').optional().describe('The place in the source: section, table, line or page.'),
    says: z.string().min(1).optional().describe('What this source states, verbatim or closely paraphrased; required to record a conflict between sources.'),
    read: z
      .boolean()
      .optional()
      .describe('Whether the registry read this place in the source itself. false: known only "as recorded by" something else (a catalogue, a note); such a citation cannot make a fact verified. Absent: the source entry’s own `read` decides.'),
  })
  .describe('A citation: a source entry and the place in it.');
export type SourceRef = z.infer<typeof SourceRef>;

/** Provenance of one claim: status plus the sources behind it. */
export const Citation = z
  .strictObject({
    status: Status,
    sources: z.array(SourceRef).describe('The sources for the claim; at least one unless the status is unknown.'),
    note: z.string().optional().describe('Caveats, or how a conflict between sources stands.'),
  })
  .refine((c) => c.status === 'unknown' || c.sources.length > 0, {
    message: 'a claim needs at least one source unless its status is "unknown"',
    path: ['sources'],
  })
  .describe('Provenance of a claim: its status and sources.');
export type Citation = z.infer<typeof Citation>;

/**
 * A structured clause or claim with an inline citation: the value, a plain-words summary,
 * and its provenance. Used for license clauses and provider certifications. `extra` adds fields of the
 * clause's own (an obligation's trigger).
 */
export function claim<T extends z.ZodType, E extends z.ZodRawShape = {}>(value: T, what: string, extra?: E) {
  return z
    .strictObject({
      ...(extra ?? ({} as E)),
      value: value,
      summary: z.string().min(1, 'summarise the clause in plain words').describe('The clause in plain words.'),
      quote: z.string().optional().describe('The operative words of the source, verbatim.'),
      status: Status,
      sources: z.array(SourceRef).describe('Where the clause is written; at least one unless the status is unknown.'),
    })
    // The extra fields make the inferred type generic; status and sources are always there.
    .refine((c) => (c as { status: string }).status === 'unknown' || (c as { sources: unknown[] }).sources.length > 0, {
      message: 'a clause needs at least one source unless its status is "unknown"',
      path: ['sources'],
    })
    .describe(what);
}

/** Map from a field path in the same file (e.g. `context_tokens`, `architecture`) to its citation. */
export const Citations = z
  .record(z.string().regex(/^[a-z_][a-z0-9_.[\]-]*$/, 'citation keys are field paths, e.g. "context_tokens" or "architecture.layers"'), Citation)
  .describe('Field path → citation. Every claim-bearing field present in the file needs an entry here (or at a parent path).');

export const Reviewed = IsoDate.describe('When a maintainer last checked this entry against its sources.');

/** The `$schema` comment line is for editors; it is not data. */
export const SchemaRefComment = /^# yaml-language-server: \$schema=(\S+)/;
