/** A document cited by the registry: a license text, a model card, a config.json, a paper, a pricing page. */
import { z } from 'zod';
import { HttpUrl, IsoDate, IsoDateOrMonth } from './common.ts';

/** Every source kind, and whether it is primary evidence for claims about the document's own subject. */
const SOURCE_KIND_EVIDENCE = {
  'license-text': 'primary',
  'model-card': 'primary',
  'model-config': 'primary',
  paper: 'primary',
  'tech-report': 'primary',
  'vendor-docs': 'primary',
  'vendor-blog': 'primary',
  'pricing-page': 'primary',
  'terms-of-service': 'primary',
  'certification-registry': 'primary',
  government: 'primary',
  benchmark: 'secondary',
  news: 'secondary',
  analyst: 'secondary',
  aggregator: 'secondary',
  other: 'secondary',
  'research-notes': 'none',
} as const;
type SourceKindName = keyof typeof SOURCE_KIND_EVIDENCE;

export const SourceKind = z
  .enum(Object.keys(SOURCE_KIND_EVIDENCE) as [SourceKindName, ...SourceKindName[]])
  .describe(
    `What kind of document this is. ${Object.keys(SOURCE_KIND_EVIDENCE).filter((k) => SOURCE_KIND_EVIDENCE[k as SourceKindName] === 'primary').join(', ')} count as primary for claims about their own subject. aggregator covers community catalogues (LiteLLM's price map, models.dev, OpenRouter listings, aggregator blogs), which count together as one publisher. research-notes marks the project's own working notes: leads, never evidence a fact may cite.`,
  );
export type SourceKind = z.infer<typeof SourceKind>;

export const SourceSchema = z
  .strictObject({
    title: z.string().min(1, 'give the document title').describe('Title of the document.'),
    url: HttpUrl.optional().describe('Where the document lives. Either url or document is required.'),
    document: z.string().min(1).optional().describe('For documents without a URL: how to find it (e.g. "Mistral–SAP press kit PDF, p. 2").'),
    publisher: z.string().min(1, 'name who published it').describe('Who published the document (vendor, journal, agency, outlet).'),
    kind: SourceKind,
    published: IsoDateOrMonth.optional().describe('When the document was published or last changed, as the document says.'),
    version: z.string().optional().describe('Version of the document: a git commit, an arXiv version (e.g. "arXiv:2502.05352v3"), a license version.'),
    retrieved: IsoDate.describe('When the document was read for this registry.'),
    note: z.string().optional().describe('Anything a reader should know about this copy (e.g. a stored copy, a locale).'),
    read: z
      .boolean()
      .optional()
      .describe('false when the registry did not read this document itself (its values are known only as another document records them). Citations inherit it unless they say `read:` themselves. Absent: read.'),
  })
  .refine((s) => s.url !== undefined || s.document !== undefined, {
    message: 'a source needs a url or a document description',
    path: ['url'],
  })
  .describe('A cited document.');
export type Source = z.infer<typeof SourceSchema>;

/** Kinds that are never evidence: the project's own working notes (cite the public source they name instead). */
export const NON_EVIDENCE_SOURCE_KINDS: readonly SourceKind[] = (Object.keys(SOURCE_KIND_EVIDENCE) as SourceKind[]).filter(
  (k) => SOURCE_KIND_EVIDENCE[k] === 'none',
);

/** Kinds that are primary evidence for claims about the document's own subject. */
export const PRIMARY_SOURCE_KINDS: readonly SourceKind[] = (Object.keys(SOURCE_KIND_EVIDENCE) as SourceKind[]).filter(
  (k) => SOURCE_KIND_EVIDENCE[k] === 'primary',
);
