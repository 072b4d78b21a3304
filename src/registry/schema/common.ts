/**
 * Shared building blocks of the registry schemas: ids, dates, provenance.
 * Every claim-bearing value in the registry is traceable to a source entry with a status (design.md §2).
 */
import { z } from 'zod';
import { isCalendarDate } from './refinements.ts';

/** Slug id of a single-segment entity (license, vendor, provider, gpu, source, fact). */
export const SlugId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case slugs: a-z, 0-9, ".", "_" and "-"');

/** Model ids are `<vendor>/<model>`, the path under content/models without `.yaml`. */
export const ModelId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*$/, 'model ids look like "<vendor>/<model>", e.g. "meta/llama-3.3-70b-instruct"')
  .describe('Model id: the file path under content/models, e.g. "meta/llama-3.3-70b-instruct".');

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
