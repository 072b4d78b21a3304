/** license/mau-cap: the organization's monthly active users are at or near a license's MAU cap. */
import { claimEvidence, licenseLabel } from '../terms.ts';
import { modelLabel, servedBy, users } from './describe.ts';
import type { Emitted, Rule } from './types.ts';

export const DEFAULT_MAU_WARNING_RATIO = 0.8;

export const rule: Rule = {
  code: 'license/mau-cap',
  title: 'Monthly-active-user cap',
  defaultSeverity: 'error',
  why: 'Some open-weights licenses stop granting rights above a number of monthly active users (Llama: 700M; Qwen2.5-72B: 100M). Past the cap you need a separate license from the vendor. The rule errors at or over the cap and warns near it (policy `mau_warning_ratio`, default 0.8).',
  fix: 'Choose a model without a cap (or a higher one), or obtain the vendor’s license for your scale and record a waiver. Keep `organization.monthly_active_users` current.',
  example: '# policy: organization: { monthly_active_users: 150000000 }\ntiers:\n  - id: oss\n    routes:\n      - model: alibaba/qwen2.5-72b-instruct\n        via: self-hosted',
  checkRoute(ctx) {
    const out: Emitted[] = [];
    const mau = ctx.policy.organization.monthly_active_users;
    const ratio = ctx.policy.mau_warning_ratio ?? DEFAULT_MAU_WARNING_RATIO;
    for (const terms of ctx.terms) {
      const license = terms.license;
      const clause = license?.mau_cap;
      if (!license || !clause) continue;
      const subject = `license ${terms.licenseId} · mau_cap`;
      const evidence = claimEvidence(ctx.registry, subject, license.mau_measured ? { ...clause, summary: `${clause.summary} Measured: ${license.mau_measured}` } : clause);
      const cap = clause.value;
      if (cap === null) {
        if (mau !== undefined) ctx.consult({ subject, status: clause.status, reviewed: license.reviewed, evidence });
        continue;
      }
      const where = `${modelLabel(ctx)} ${servedBy(ctx)}: ${licenseLabel(terms)}${terms.modelId !== ctx.modelId ? ` (license of base model ${terms.modelId})` : ''}`;
      if (mau === undefined) {
        out.push({
          severity: 'warning',
          message: `${where} caps use at ${users(cap)} monthly active users, and organization.monthly_active_users is not set, so the cap was not checked`,
          hint: 'Set organization.monthly_active_users in the policy.',
          evidence: [evidence],
        });
        continue;
      }
      ctx.consult({ subject, status: clause.status, reviewed: license.reviewed, evidence });
      if (mau >= cap) {
        out.push({ message: `${where} caps use at ${users(cap)} monthly active users; the organization has ${users(mau)}`, evidence: [evidence] });
      } else if (mau >= cap * ratio) {
        out.push({
          severity: 'warning',
          message: `${where} caps use at ${users(cap)} monthly active users; the organization has ${users(mau)}, ${Math.round((mau / cap) * 100)}% of the cap`,
          evidence: [evidence],
        });
      }
    }
    return out;
  },
};
