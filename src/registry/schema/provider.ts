/** Who serves models: a first-party API, a managed cloud, or a hosted-OSS provider (design.md §2). */
import { z } from 'zod';
import { Citations, claim, CountryCode, HttpUrl, Reviewed, SlugId, SourceRef, Status } from './common.ts';
import { CertificationName, Relationship } from './vocabulary.ts';

export { CertificationName, Relationship } from './vocabulary.ts';



export const Certification = z
  .strictObject({
    name: CertificationName,
    held: z.enum(['yes', 'no', 'in-progress', 'unknown']).describe('Whether the provider holds it (unknown when no source says).'),
    level: z.string().optional().describe('Level or label, e.g. "SEAL-2", "Gaia-X Level 1", "C5 Type 2".'),
    scope: z.string().optional().describe('What the certificate covers (services, regions). A certification is deck-safe only with its scope.'),
    basis: z
      .enum(['certificate', 'attestation-report', 'tender-assessment', 'self-assessment', 'provider-statement'])
      .optional()
      .describe('What the claim rests on: a certificate (or a certification registry entry), an audit attestation (SOC 2 report), a tender assessment (a score in a procurement, not a certificate), a self-assessment, or the provider’s own statement. Only certificate and attestation-report can be deck-safe.'),
    status: Status,
    sources: z.array(SourceRef),
  })
  .refine((c) => c.status === 'unknown' || c.sources.length > 0, { message: 'cite where the certification is stated', path: ['sources'] })
  .describe('A certification with its provenance.');

export const Region = z
  .strictObject({
    id: z.string().min(1).describe('The provider’s region id, e.g. "eu-central-1", "fr-par".'),
    country: CountryCode.describe('Country where the region’s data centres are (ISO 3166-1 alpha-2), or "EU" for a region spread over several EU member states.'),
    location: z.string().optional().describe('City or area.'),
  })
  .describe('A serving region.');

export const ProviderSchema = z
  .strictObject({
    name: z.string().min(1).describe('Display name.'),
    legal_entity: z.string().optional().describe('Contracting entity, where known.'),
    country: CountryCode.describe('Country of the provider’s legal seat.'),
    parent_country: CountryCode.optional().describe('Country of the ultimate parent, where it differs (relevant to foreign-law reach).'),
    relationship: Relationship.exclude(['self-hosted']).describe('The provider’s usual relationship to the models it serves; a route may override it.'),
    vendor: SlugId.optional().describe('For a first-party API: the vendor whose API this is.'),
    eu_controlled: z.boolean().describe('Whether the provider is headquartered and controlled in the EU/EEA (sovereign tiers require it).'),
    litellm_prefixes: z.array(z.string().regex(/^[a-z0-9_]+$/, 'LiteLLM prefixes are lower-case words like "together_ai"')).describe('LiteLLM provider prefixes that route to this provider (e.g. "together_ai", "bedrock").'),
    regions: z.array(Region).describe('Serving regions.'),
    regions_complete: z
      .boolean()
      .optional()
      .describe('Whether `regions` lists every serving region the cited source shows (true) or a selection (false). A region list is deck-safe only when this is stated.'),
    data_retention: claim(z.string(), 'Default retention of prompts and outputs, in the provider’s words.').optional(),
    zero_data_retention: claim(z.enum(['available', 'default', 'not-available', 'unknown']), 'Whether zero data retention is available.').optional(),
    trains_on_customer_data: claim(z.enum(['no', 'opt-out', 'yes', 'unknown']), 'Whether the provider trains on API customer data by default.').optional(),
    certifications: z.array(Certification).describe('Certifications with provenance; absent means not researched.'),
    website: HttpUrl.optional(),
    notes: z.string().optional(),
    citations: Citations,
    reviewed: Reviewed,
  })
  .describe('A provider that serves models.');
export type Provider = z.infer<typeof ProviderSchema>;
export type Certification = z.infer<typeof Certification>;
