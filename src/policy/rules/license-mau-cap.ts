/**
 * license/mau-cap: the organization's monthly active users are at or near a license's MAU cap, measured as
 * the license measures them: once, on the version release date (Llama 2, 3.x, 4), or continuously (Qwen).
 */
import type { Policy } from '../../registry/schema/index.ts';
import { licenseLabel } from '../terms.ts';
import { users } from './describe.ts';
import { licenseCaps } from './license-caps.ts';
import type { Emitted, Rule } from './types.ts';

export const DEFAULT_MAU_WARNING_RATIO = 0.8;

/** A license whose cap is tested once, on the release date ("Once, on the Llama 4 version release date, …"). */
export function measuredOnRelease(measured: string | undefined): boolean {
  return measured !== undefined && /^once,? on the .*release date/i.test(measured.trim());
}

/** The organisation's MAU on a date: the latest figure recorded on or before it. */
export function mauOn(policy: Pick<Policy, 'organization'>, date: string): { date: string; users: number } | undefined {
  const history = policy.organization.monthly_active_users_on ?? {};
  const on = Object.keys(history).filter((d) => d <= date).sort().pop();
  return on !== undefined ? { date: on, users: history[on]! } : undefined;
}

export const rule: Rule = {
  code: 'license/mau-cap',
  title: 'Monthly-active-user cap',
  defaultSeverity: 'error',
  why: 'Some open-weights licenses stop granting rights above a number of monthly active users, and they measure it differently. The Llama 2, 3.x and 4 licenses test 700M once, on the version release date: what counts is the organisation’s MAU then, not today. Qwen2.5-72B’s 100M cap applies while you use it, so today’s figure counts. Past the cap you need a separate license from the vendor. The rule errors at or over the cap and warns near it (policy `mau_warning_ratio`, default 0.8).',
  fix: 'Choose a model without a cap (or a higher one), or obtain the vendor’s license for your scale and record a waiver. Keep `organization.monthly_active_users` current, and record `organization.monthly_active_users_on` for licenses measured on a release date.',
  example: '# policy: organization: { monthly_active_users: 150000000 }\nname: Example for license/mau-cap\ntiers:\n  - id: oss\n    routes:\n      - model: alibaba/qwen2.5-72b-instruct\n        via: self-hosted',
  checkRoute(ctx) {
    const out: Emitted[] = [];
    const ratio = ctx.policy.mau_warning_ratio ?? DEFAULT_MAU_WARNING_RATIO;
    for (const { terms, license, cap, status, subject, evidence, where } of licenseCaps(ctx, 'mau_cap')) {
      const current = ctx.policy.organization.monthly_active_users;
      if (cap === null) {
        if (current !== undefined) ctx.consult({ subject, status, reviewed: license.reviewed, evidence });
        continue;
      }
      // Which figure the license compares: the one on the release date, or today's.
      const release = measuredOnRelease(license.mau_measured) ? ctx.registry.models[terms.modelId]?.release_date : undefined;
      let mau: number | undefined = current;
      let basis = 'the organization has';
      if (release !== undefined) {
        const dated = mauOn(ctx.policy, release);
        if (dated !== undefined) {
          mau = dated.users;
          basis = `the license measures once, on its release date ${release}; the organization had (figure of ${dated.date})`;
        } else if (current !== undefined && current >= cap * ratio) {
          // Today's figure is near or over the cap, but the license asks about the release date: fail closed over the
          // cap, warn near it, and say which date decides.
          out.push({
            severity: current >= cap ? 'error' : 'warning',
            message: `${where} caps use at ${users(cap)} monthly active users measured once, on the release date ${release}; the organization has ${users(current)} today${current >= cap ? ' (over the cap)' : ''}, and its figure on ${release} is not in the policy, which is what the license compares`,
            hint: `Record the MAU on that date: organization.monthly_active_users_on: {${release}: …}.`,
            evidence: [evidence],
          });
          continue;
        } else {
          basis = `the license measures once, on its release date ${release}; with no figure for that date, today’s is used: the organization has`;
        }
      }
      if (mau === undefined) {
        out.push({
          severity: 'warning',
          message: `${where} caps use at ${users(cap)} monthly active users, and organization.monthly_active_users is not set, so the cap was not checked`,
          hint: 'Set organization.monthly_active_users in the policy.',
          evidence: [evidence],
          undecided: { fact: 'monthly_active_users', check: `the ${users(cap)} MAU cap of ${licenseLabel(terms)}${release !== undefined ? ` (measured on ${release})` : ''}` },
        });
        continue;
      }
      ctx.consult({ subject, status, reviewed: license.reviewed, evidence });
      if (mau >= cap) {
        out.push({ message: `${where} caps use at ${users(cap)} monthly active users; ${basis} ${users(mau)}`, evidence: [evidence] });
      } else if (mau >= cap * ratio) {
        out.push({
          severity: 'warning',
          message: `${where} caps use at ${users(cap)} monthly active users; ${basis} ${users(mau)}, ${Math.round((mau / cap) * 100)}% of the cap`,
          evidence: [evidence],
        });
      }
    }
    return out;
  },
};
