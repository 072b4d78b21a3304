/** A pitch-deck fact not owned by one entity: market, tender, benchmark, competitor disclosure. */
import { z } from 'zod';
import { freeId, IsoDate, IsoDateOrMonth, Reviewed, SourceRef, Status } from './common.ts';

export const FactSchema = z
  .strictObject({
    statement: z.string().min(1).describe('The sentence a salesperson would say, complete on its own.'),
    subject: z
      .strictObject({
        kind: z.enum(['model', 'vendor', 'provider', 'license', 'gpu', 'market']),
        id: freeId().optional().describe('Registry id of the subject (absent for market facts).'),
      })
      .describe('What the fact is about.'),
    value: z.union([z.number(), z.string()]).optional().describe('The headline value.'),
    unit: z.string().optional().describe('Unit of the value (USD, %, tokens, EUR M).'),
    as_of: IsoDateOrMonth.describe('When the fact was true or observed.'),
    expires: IsoDate.optional().describe('After this date the fact must not be used (promotions, announced changes).'),
    stale_after_days: z
      .number()
      .int('stale_after_days is a whole number of days')
      .positive('stale_after_days must be positive')
      .optional()
      .describe('Days after as_of when the fact must be re-checked before a deck uses it (prices move fast). Absent: the defaults of src/facts (price-tagged facts 180 days; every fact goes stale when `reviewed` is older than the max age).'),
    status: Status,
    sources: z.array(SourceRef).describe('Sources; at least one unless status is unknown.'),
    caveats: z.array(z.string().min(1)).describe('Conditions a deck must show with the fact (e.g. "base model, not instruct").'),
    horizon: z
      .string()
      .min(1)
      .optional()
      .describe('For amounts of investment or contract value: the period the amount covers ("2026-2035", "over ten years", "four-year framework ceiling"). An amount without its period overstates it.'),
    circulated_as: z.string().optional().describe('How a wrong or unsupported version of the claim circulates, so sales can recognise it.'),
    evidence_against: z
      .array(z.strictObject({ summary: z.string().min(1), sources: z.array(SourceRef).min(1) }))
      .optional()
      .describe('Evidence that contradicts the claim, for disputed or wrong claims.'),
    tags: z.array(z.string().regex(/^[a-z0-9-]+$/, 'tags are lower-case words joined by "-", e.g. "price", "circulated-claim"')).optional().describe('Topic tags; "price" and "benchmark" facts must carry caveats (setting, terms) to be deck-safe.'),
    reviewed: Reviewed,
  })
  .refine((f) => f.status === 'unknown' || f.sources.length > 0, { message: 'a fact needs at least one source unless its status is "unknown"', path: ['sources'] })
  .describe('A fact with provenance.');
export type Fact = z.infer<typeof FactSchema>;
