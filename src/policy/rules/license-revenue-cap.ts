/**
 * license/revenue-cap: a license stops granting rights (or needs a separate agreement) above an annual revenue,
 * and the organization's revenue is at or near it. Unlike MAU caps these count the whole company's revenue
 * (with affiliates, or the user's employer), not the product's: Stability AI Community ends every license over
 * USD 1M a year; Devstral 2's modified MIT gives no rights above USD 20M a month.
 */
import { licenseLabel } from '../terms.ts';
import { licenseCaps } from './license-caps.ts';
import { DEFAULT_MAU_WARNING_RATIO } from './license-mau-cap.ts';
import type { Emitted, Rule } from './types.ts';

/** 1000000 → "USD 1M"; 240000000 → "USD 240M". */
export function usd(n: number): string {
  const units: [number, string][] = [[1e9, 'B'], [1e6, 'M'], [1e3, 'k']];
  for (const [size, unit] of units) if (n >= size) return `USD ${Number((n / size).toFixed(2))}${unit}`;
  return `USD ${n}`;
}

export const rule: Rule = {
  code: 'license/revenue-cap',
  title: 'Annual revenue cap',
  defaultSeverity: 'error',
  why: 'A few open-weights licenses are free only for small companies. They measure the revenue of the whole company and its affiliates (or of the user’s employer), from any source — not what the model earns. Stability AI’s Community License terminates at USD 1M annual revenue; Devstral 2’s "modified MIT" gives no rights to a company above USD 20M monthly revenue. Past the cap you need the vendor’s commercial or enterprise license. The rule errors at or over the cap and warns near it (policy `revenue_warning_ratio`, default 0.8).',
  fix: 'Choose a model whose license has no revenue cap, or sign the vendor’s commercial license and record a waiver citing it. Set `organization.annual_revenue_usd` (consolidated, with affiliates) in the policy.',
  example: '# policy: organization: { annual_revenue_usd: 25000000 }\nname: Example for license/revenue-cap\ntiers:\n  - id: oss\n    routes:\n      - model: stability/stablelm-2-12b\n        via: self-hosted',
  checkRoute(ctx) {
    const out: Emitted[] = [];
    const ratio = ctx.policy.revenue_warning_ratio ?? DEFAULT_MAU_WARNING_RATIO;
    const revenue = ctx.policy.organization.annual_revenue_usd;
    for (const { terms, license, cap, status, subject, evidence, where } of licenseCaps(ctx, 'revenue_cap')) {
      if (cap === null) {
        if (revenue !== undefined) ctx.consult({ subject, status, reviewed: license.reviewed, evidence });
        continue;
      }
      if (revenue === undefined) {
        out.push({
          severity: 'warning',
          message: `${where} grants rights only below ${usd(cap)} annual revenue of the whole company, and organization.annual_revenue_usd is not set, so the cap was not checked`,
          hint: 'Set organization.annual_revenue_usd (consolidated, with affiliates) in the policy.',
          evidence: [evidence],
          undecided: { fact: 'annual_revenue_usd', check: `the ${usd(cap)} revenue cap of ${licenseLabel(terms)}` },
        });
        continue;
      }
      ctx.consult({ subject, status, reviewed: license.reviewed, evidence });
      if (revenue >= cap) {
        out.push({ message: `${where} grants rights only below ${usd(cap)} annual revenue of the whole company; the organization has ${usd(revenue)}`, evidence: [evidence] });
      } else if (revenue >= cap * ratio) {
        out.push({
          severity: 'warning',
          message: `${where} grants rights only below ${usd(cap)} annual revenue of the whole company; the organization has ${usd(revenue)}, ${Math.round((revenue / cap) * 100)}% of the cap`,
          evidence: [evidence],
        });
      }
    }
    return out;
  },
};
