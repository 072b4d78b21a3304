/**
 * License and API terms as structured, cited clauses. A weights license governs self-hosted and hosted-OSS
 * routes; API terms govern first-party and managed-cloud access (design.md §2).
 */
import { z } from 'zod';
import { Citation, claim, CountryCode, HttpUrl, IsoDate, Reviewed, SlugId, SourceRef, Status } from './common.ts';

export const LicenseClass = z
  .enum(['permissive', 'open-weights-restricted', 'non-commercial', 'research-only', 'proprietary-api'])
  .describe('permissive: OSI-style, no use restrictions beyond notices; open-weights-restricted: commercial use with conditions (MAU caps, AUPs, naming); non-commercial: e.g. CC-BY-NC; research-only: research/evaluation licences; proprietary-api: a vendor API’s terms of service.');
export type LicenseClass = z.infer<typeof LicenseClass>;

/** Region groups a geographic clause may name; the policy engine knows their member countries. */
export const RegionOrCountry = z
  .union([CountryCode, z.enum(['EU', 'EEA'])])
  .describe('An ISO 3166-1 alpha-2 country code, or the group "EU" or "EEA".');

/** What sets a duty off, as the clause words it; `clearance notice` reads it against how each route reaches the model. */
export const ObligationTrigger = z
  .enum(['use', 'distribution', 'making-available', 'derivative-release'])
  .describe('use: any use of the model; distribution: giving copies of the weights (or derivatives) to others; making-available: distributing or making available the model, a derivative, or a product or service that contains it (Llama’s “Built with Llama”); derivative-release: releasing a model trained on it or on its outputs.');
export type ObligationTrigger = z.infer<typeof ObligationTrigger>;

export const Obligation = claim(
  z.enum(['license-notice', 'attribution-display', 'name-prefix', 'aup-flow-down', 'usage-reporting', 'other']),
  'A duty the licensee takes on: ship the notice, display "Built with …", prefix derivative names, pass use restrictions on.',
  { applies_when: ObligationTrigger.optional() },
);

export const GeoExclusion = z
  .strictObject({
    regions: z.array(RegionOrCountry).min(1, 'name at least one country or region').describe('Who is excluded.'),
    basis: z.enum(['domicile', 'location', 'export-control']).describe('domicile: where the licensee is domiciled or has its principal place of business; location: where use happens; export-control: sanctions lists.'),
    applies_to: z.enum(['all-models', 'multimodal-models']).describe('Which models under this license the exclusion covers ("multimodal-models": those that take image, audio or video input).'),
    exempt: z.string().optional().describe('Who is not covered, e.g. end users of a product that incorporates the model.'),
    summary: z.string().min(1).describe('The clause in plain words.'),
    quote: z.string().optional().describe('The operative words, verbatim.'),
    in_document: z.enum(['license', 'acceptable-use-policy', 'terms']).describe('Which document carries the clause (Llama 4’s EU exclusion sits in the AUP).'),
    status: Status,
    sources: z.array(SourceRef).min(1, 'cite where the exclusion is written'),
  })
  .describe('A geographic exclusion.');

export const LicenseSchema = z
  .strictObject({
    name: z.string().min(1).describe('Full name, e.g. "Llama 3.3 Community License Agreement".'),
    kind: z.enum(['weights-license', 'api-terms', 'code-license']).describe('What the document governs: model weights, access to a vendor API, or source code.'),
    class: LicenseClass,
    spdx: z
      .string()
      .regex(/^(LicenseRef-(scancode|clearance)-[A-Za-z0-9.+-]+|[A-Za-z0-9.+-]+)$/, 'an SPDX License List id, LicenseRef-scancode-<ScanCode LicenseDB key>, or LicenseRef-clearance-<this license’s id>')
      .describe('The license id SBOM tools get: its SPDX License List id where one exists (Apache-2.0, MIT, CC-BY-NC-4.0); else the ScanCode LicenseDB id of the same text (LicenseRef-scancode-llama-3.1-license-2024); else LicenseRef-clearance-<this license’s registry id>. `clearance validate` checks SPDX ids against the SPDX License List.'),
    identity: Citation.optional().describe('Where the id comes from: the SPDX License List entry, or the ScanCode LicenseDB entry that holds this exact text (required for LicenseRef-scancode-… ids). For LicenseRef-clearance-… ids, a note on why neither list has the text.'),
    hf_tag: z.string().optional().describe('The Hugging Face `license:` tag, e.g. "llama3.3", "other", "cc-by-nc-4.0".'),
    url: HttpUrl.describe('Canonical text of the license or terms.'),
    version: z.string().optional().describe('Version or date as the document states it.'),
    published: IsoDate.optional().describe('Date of this version.'),
    vendor: SlugId.optional().describe('The vendor that wrote these terms (content/vendors/<id>).'),
    acceptable_use_policy: HttpUrl.optional().describe('URL of the acceptable-use policy incorporated by reference.'),
    commercial_use: claim(z.enum(['allowed', 'conditional', 'forbidden', 'unknown']), 'Whether commercial use is permitted.'),
    mau_cap: claim(
      z.number().int().positive('a cap is a positive number of users').nullable(),
      'Monthly-active-user threshold above which a separate license is needed (null: no cap).',
    ).optional(),
    mau_measured: z.string().optional().describe('How the MAU cap is measured (whose users, on which date).'),
    revenue_cap: claim(z.number().positive().nullable(), 'Annual revenue threshold in USD above which the license changes (null: none).').optional(),
    revenue_measured: z.string().optional().describe('How the revenue cap is measured when the text does not say "annual revenue" (per month, whose revenue), and how the recorded annual figure was derived.'),
    output_training: claim(
      z.enum(['allowed', 'restricted', 'forbidden', 'unknown']),
      'Whether outputs may be used to train or improve other models (restricted: allowed with conditions).',
    ),
    flow_down: claim(z.enum(['yes', 'no', 'unknown']), 'Whether use restrictions must be passed on to derivatives and downstream users.').optional(),
    obligations: z.array(Obligation).describe('Duties such as notices, "Built with …" display, name prefixes.'),
    geo_exclusions: z.array(GeoExclusion).describe('Who may not use models under this license, by geography.'),
    governing_law: claim(z.string().nullable(), 'Governing law and venue (null: the text names none).').optional(),
    competing_models: claim(z.enum(['allowed', 'forbidden', 'unknown']), 'Whether the terms forbid using the service to build competing models.').optional(),
    other_clauses: z
      .array(claim(z.string(), 'Another clause that bites (e.g. remote restriction rights, termination on litigation).'))
      .optional()
      .describe('Other clauses worth knowing.'),
    traps: z.array(z.string().min(1)).optional().describe('Plain-words traps a reader is likely to miss.'),
    derived_from: SlugId.optional().describe('A license these terms modify (e.g. Kimi’s modified MIT → mit).'),
    reviewed: Reviewed,
  })
  .refine((l) => !l.spdx.startsWith('LicenseRef-scancode-') || (l.identity !== undefined && l.identity.sources.length > 0), {
    message: 'a LicenseRef-scancode-… id needs `identity:` citing the ScanCode LicenseDB entry with this text',
    path: ['identity'],
  })
  .describe('A license or set of API terms.');
export type License = z.infer<typeof LicenseSchema>;
export type GeoExclusion = z.infer<typeof GeoExclusion>;
