/**
 * The policy legal owns (content/policies/<id>.yaml, or any file passed to `clearance lint --policy`).
 * The keys `organization.domicile`, `organization.monthly_active_users`, `organization.trains_on_outputs`
 * and `waivers[]` are an external interface (legal's own tooling writes them): keep their names stable.
 */
import { z } from 'zod';
import { CountryCode, freeId, IsoDate } from './common.ts';
import { DENY_ENTRY_NEEDS_A_LIST, denyEntryNamesSomething, FAIL_CLOSED_NOT_WAIVABLE, isFailClosedRule, severityIssues } from './refinements.ts';
import { CertificationName } from './vocabulary.ts';

export { FAIL_CLOSED_RULES } from './refinements.ts';

const RuleCode = z
  .string()
  .regex(/^[a-z]+\/[a-z0-9-]+$/, 'rule codes look like "license/mau-cap"')
  .describe('A rule code, e.g. "license/non-commercial" (see /rules/).');

const Tag = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'tags are lower-case words with dashes, e.g. "sovereign"');

const PlaceOrGroup = z
  .union([CountryCode, z.enum(['EU', 'EEA'])])
  .describe('An ISO 3166-1 alpha-2 country code, or "EU" / "EEA" for their member states.');

export const PolicySeverity = z.enum(['error', 'warning', 'info', 'off']).describe('Severity for a rule’s findings; "off" drops them.');

export const DenyEntry = z
  .strictObject({
    models: z.array(freeId()).optional().describe('Models denied: registry ids or any alias.'),
    vendors: z.array(freeId()).optional().describe('Vendors denied (content/vendors ids); applies to every model in a derivative chain.'),
    vendor_countries: z.array(PlaceOrGroup).optional().describe('Countries (or EU/EEA) whose vendors are denied, by the vendor’s legal seat.'),
    providers: z.array(freeId()).optional().describe('Providers denied (content/providers ids).'),
    flags: z.array(z.string().min(1)).optional().describe('Model procurement flags denied, e.g. "training-data-undocumented".'),
    tier_tags: z.array(Tag).optional().describe('Apply only to tiers carrying one of these tags; omit to apply everywhere.'),
    reason: z.string().min(1, 'say why, so the finding can explain itself').describe('Why procurement denies these; shown in every finding.'),
  })
  .refine(denyEntryNamesSomething, { message: DENY_ENTRY_NEEDS_A_LIST })
  .describe('A procurement deny list.');
export type DenyEntry = z.infer<typeof DenyEntry>;

export const TierRequirement = z
  .strictObject({
    tag: Tag.describe('Tiers with this tag must meet the requirement.'),
    hosting: z
      .array(z.enum(['eu-controlled-provider', 'self-hosted', 'any-provider']))
      .min(1)
      .optional()
      .describe('Accepted ways to serve the tier (any one suffices): a provider headquartered and controlled in the EU/EEA, your own GPUs, or any provider.'),
    regions: z.array(PlaceOrGroup).min(1).optional().describe('Every route must run in one of these countries or groups (EU, EEA).'),
    min_seal_level: z.number().int().min(0).max(4).optional().describe('Minimum EU Cloud Sovereignty Framework SEAL level of the provider (0–4). Self-hosted routes are exempt: the organization runs them.'),
    certifications: z.array(CertificationName).optional().describe('Certifications the provider must hold. Self-hosted routes are exempt.'),
    reason: z.string().min(1).optional().describe('Why the requirement exists; shown in findings.'),
  })
  .describe('What routes of tiers with a tag must satisfy.');
export type TierRequirement = z.infer<typeof TierRequirement>;

export const Waiver = z
  .strictObject({
    rule: RuleCode.describe('The rule code waived.'),
    model: freeId().describe('The model: a registry id or any alias of it.'),
    tier: freeId().optional().describe('Limit the waiver to one tier id (LiteLLM: a model_name group).'),
    reason: z.string().min(1, 'a waiver needs a reason').describe('Why the finding is accepted.'),
    approved_by: z.string().min(1, 'a waiver needs an approver').describe('Who approved it.'),
    expires: IsoDate.describe('Last day the waiver applies (YYYY-MM-DD); after it the waiver is an error.'),
  })
  .refine((w) => !isFailClosedRule(w.rule), { message: FAIL_CLOSED_NOT_WAIVABLE, path: ['rule'] })
  .describe('An accepted finding, with its approver and expiry.');
export type Waiver = z.infer<typeof Waiver>;

export const ServedName = z
  .strictObject({
    model: z.string().min(1).describe('The registry model (an id or any alias) this served name is.'),
    approved_by: z.string().min(1, 'say who confirmed which model this is').describe('Who confirmed which model the name serves.'),
    reason: z.string().min(1).optional().describe('How it was confirmed (deployment record, contract).'),
  })
  .describe('What one of your served names or deployments really is.');
export type ServedName = z.infer<typeof ServedName>;

export const PolicySchema = z
  .strictObject({
    name: z.string().min(1).describe('Display name of the policy.'),
    description: z.string().optional(),
    organization: z
      .strictObject({
        name: z.string().min(1).optional().describe('Organization name.'),
        domicile: CountryCode.optional().describe('Where the organization is domiciled (principal place of business), ISO 3166-1 alpha-2. Geographic license clauses are checked against it.'),
        monthly_active_users: z.number().int('monthly_active_users is a whole number').nonnegative().optional().describe('Monthly active users of the products that use the models, compared with license MAU caps.'),
        annual_revenue_usd: z.number().nonnegative('annual_revenue_usd cannot be negative').optional().describe('Annual revenue in USD of the whole organization with its affiliates (consolidated, from any source), compared with license revenue caps (Stability AI Community: USD 1M).'),
        trains_on_outputs: z.boolean().optional().describe('Whether the organization uses model outputs to train or improve models.'),
        distributes: z
          .boolean()
          .optional()
          .describe('Whether the organization gives model weights, or a product that contains them, to others (on-premise installs, appliances, downloadable apps). `clearance notice` lists the duties that distribution sets off only when this is true, and as conditional when it is unset.'),
        monthly_active_users_on: z
          .record(
            z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'keys are dates, YYYY-MM-DD'),
            z.number().int('monthly active users is a whole number').nonnegative(),
          )
          .optional()
          .describe('Monthly active users on given dates (YYYY-MM-DD → users). Licenses that measure the cap once, on their release date (Llama 2, 3.x, 4: "on the … version release date"), are compared with the figure on that date, or the latest one before it; licenses measured continuously use monthly_active_users.'),
      })
      .default({})
      .describe('Facts about the organization the license clauses depend on. Unset facts make the checks that need them warn.'),
    severity: z
      .record(RuleCode, PolicySeverity)
      .optional()
      .describe('Severity per rule code, overriding the rule’s default.'),
    mau_warning_ratio: z
      .number()
      .gt(0, 'mau_warning_ratio is a fraction of the cap, between 0 and 1')
      .max(1, 'mau_warning_ratio is a fraction of the cap, between 0 and 1')
      .optional()
      .describe('Warn when monthly active users reach this fraction of a license MAU cap (default 0.8).'),
    revenue_warning_ratio: z
      .number()
      .gt(0, 'revenue_warning_ratio is a fraction of the cap, between 0 and 1')
      .max(1, 'revenue_warning_ratio is a fraction of the cap, between 0 and 1')
      .optional()
      .describe('Warn when annual revenue reaches this fraction of a license revenue cap (default 0.8).'),
    staleness: z
      .strictObject({
        max_age_days: z.number().int().positive().optional().describe('A license or model entry reviewed longer ago than this is stale (default 365).'),
      })
      .optional()
      .describe('When a fact behind a decision counts as stale.'),
    deny: z.array(DenyEntry).optional().describe('Procurement deny lists.'),
    tier_requirements: z.array(TierRequirement).optional().describe('Requirements by tier tag.'),
    waivers: z.array(Waiver).optional().describe('Accepted findings with expiry.'),
    models: z
      .record(z.string().min(1), ServedName)
      .optional()
      .describe('Your own served names and deployments, mapped to the registry model behind them (`openai/base-mind: {model: alibaba/qwen2.5-72b-instruct, approved_by: …}`). Applied before resolution; every finding on such a route names the mapping and its approver.'),
    geo_exclusions: z
      .strictObject({
        hosted_api_is_end_use: z.boolean().describe('Whether legal reads calling a third party’s hosted API as the end use a geographic exclusion exempts (Llama 4’s EU clause exempts end users of a product that incorporates the model). true: such routes pass; false: they are errors; unset: a warning quoting both clauses.'),
        reason: z.string().min(1).optional().describe('Legal’s reasoning, shown in findings.'),
        approved_by: z.string().min(1).optional().describe('Who decided it.'),
      })
      .optional()
      .describe('How legal reads geographic exclusions for routes that reach a model through someone else’s hosted API.'),
    registry: z
      .array(z.string().min(1))
      .optional()
      .describe('Registry overlays (directories laid out like content/, with an optional overlay.yaml), relative to this policy file, layered in order on top of the registry; --registry flags after the first add more.'),
    report: z
      .strictObject({
        rules_url: z.url().optional().describe('Absolute URL where the rule pages are hosted (the Clearance site’s /rules/); SARIF rules link there. The --rules-url flag overrides it.'),
        sarif_notes: z.boolean().optional().describe('Put info findings (obligations, applied waivers) into SARIF as `note` results. Default false: they are not alerts.'),
        full_report_url: z.url().optional().describe('Link to the full report (e.g. the CI job summary) that a shortened Markdown comment points to.'),
      })
      .optional()
      .describe('How reports are rendered.'),
  })
  .superRefine((policy, ctx) => {
    for (const issue of severityIssues(policy.severity)) ctx.addIssue({ code: 'custom', ...issue });
  })
  .describe('A Clearance license and procurement policy.');
export type Policy = z.infer<typeof PolicySchema>;
