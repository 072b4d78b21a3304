/**
 * The checks of the policy and router-config schemas that JSON Schema cannot express, as plain functions with
 * no zod. The zod schemas call them in `.refine()`, and `clearance lint` calls them after the precompiled ajv
 * validators, so both paths apply exactly the same rules and the CLI decides validity without loading zod.
 */

/** Rules whose findings no policy may silence: the linter fails closed on what it cannot check. */
export const FAIL_CLOSED_RULES = ['registry/unknown-model', 'route/wildcard', 'waiver/expired'] as const;

export interface RefinementIssue {
  path: (string | number)[];
  message: string;
}

/** A real calendar date: "2026-02-30" matches YYYY-MM-DD but is not one. */
export function isCalendarDate(s: string): boolean {
  return !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
}

export function isFailClosedRule(code: string): boolean {
  return (FAIL_CLOSED_RULES as readonly string[]).includes(code);
}

interface DenyLists {
  models?: readonly string[];
  vendors?: readonly string[];
  vendor_countries?: readonly string[];
  providers?: readonly string[];
  flags?: readonly string[];
}

export const DENY_ENTRY_NEEDS_A_LIST = 'a deny entry needs at least one of models, vendors, vendor_countries, providers, flags';

/** A deny entry must name something to deny. */
export function denyEntryNamesSomething(d: DenyLists): boolean {
  return [d.models, d.vendors, d.vendor_countries, d.providers, d.flags].some((list) => list !== undefined && list.length > 0);
}

export const FAIL_CLOSED_NOT_WAIVABLE = 'unknown models, wildcard routes and expired waivers cannot be waived: the linter fails closed on them';

/** `severity:` may not lower a fail-closed rule. */
export function severityIssues(severity: Readonly<Record<string, string>> | undefined): RefinementIssue[] {
  const issues: RefinementIssue[] = [];
  for (const code of Object.keys(severity ?? {})) {
    if (isFailClosedRule(code) && severity?.[code] !== 'error') issues.push({ path: ['severity', code], message: `"${code}" always fails closed; its severity cannot be lowered` });
  }
  return issues;
}

/** Every refinement of a policy that already passed the JSON Schema; empty when it is valid. */
export function policyRefinementIssues(policy: { deny?: readonly DenyLists[]; waivers?: readonly { rule: string; expires: string }[]; severity?: Readonly<Record<string, string>> }): RefinementIssue[] {
  const issues: RefinementIssue[] = [];
  policy.deny?.forEach((d, i) => {
    if (!denyEntryNamesSomething(d)) issues.push({ path: ['deny', i], message: DENY_ENTRY_NEEDS_A_LIST });
  });
  policy.waivers?.forEach((w, i) => {
    if (isFailClosedRule(w.rule)) issues.push({ path: ['waivers', i, 'rule'], message: FAIL_CLOSED_NOT_WAIVABLE });
    if (!isCalendarDate(w.expires)) issues.push({ path: ['waivers', i, 'expires'], message: 'not a real calendar date' });
  });
  issues.push(...severityIssues(policy.severity));
  return issues;
}

/** Tier ids must be unique in a router config. */
export function duplicateTierIssues(tiers: readonly { id: string }[]): RefinementIssue[] {
  const issues: RefinementIssue[] = [];
  const seen = new Set<string>();
  tiers.forEach((tier, i) => {
    if (seen.has(tier.id)) issues.push({ path: ['tiers', i, 'id'], message: `tier id "${tier.id}" is used twice; tier ids must be unique` });
    seen.add(tier.id);
  });
  return issues;
}
