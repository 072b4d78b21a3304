/** The numeric caps of the licenses a route is governed by (MAU, revenue), as the cap rules read them. */
import type { License } from '../../registry/schema/index.ts';
import { claimEvidence, licenseLabel, type AppliedTerms } from '../terms.ts';
import type { Evidence } from '../types.ts';
import { modelLabel, servedBy } from './describe.ts';
import type { RouteContext } from './types.ts';

export interface LicenseCap {
  terms: AppliedTerms;
  license: License;
  /** The cap; null: the license states it has none. */
  cap: number | null;
  status: License['commercial_use']['status'];
  /** "license llama-3.3-community · mau_cap". */
  subject: string;
  /** The clause, with how the license measures the cap appended to its summary. */
  evidence: Evidence;
  /** "Model (id) self-hosted: License (id)", naming the base model when the cap is inherited. */
  where: string;
}

const MEASURED = { mau_cap: 'mau_measured', revenue_cap: 'revenue_measured' } as const;

/** Each governing license that states the cap, in chain order. A license that is silent on it is skipped. */
export function licenseCaps(ctx: RouteContext, key: keyof typeof MEASURED): LicenseCap[] {
  const out: LicenseCap[] = [];
  for (const terms of ctx.terms) {
    const license = terms.license;
    const clause = license?.[key];
    if (!license || !clause) continue;
    const subject = `license ${terms.licenseId} · ${key}`;
    const measured = license[MEASURED[key]];
    const evidence = claimEvidence(ctx.registry, subject, measured ? { ...clause, summary: `${clause.summary} Measured: ${measured}` } : clause);
    const where = `${modelLabel(ctx)} ${servedBy(ctx)}: ${licenseLabel(terms)}${terms.modelId !== ctx.modelId ? ` (license of base model ${terms.modelId})` : ''}`;
    out.push({ terms, license, cap: clause.value, status: clause.status, subject, evidence, where });
  }
  return out;
}
