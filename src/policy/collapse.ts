/**
 * Silence where nothing new is said: findings that are the same statement on many routes become one finding
 * with every route as a location. Two kinds:
 * - a rule's findings with the same `collapse` key (one duty of one license reached the same way, one weak
 *   fact behind many decisions) merge into the first, with all locations;
 * - checks left undecided by an unset organisation fact (domicile, MAU, training on outputs) become one
 *   `organization/unset` finding per run, located at the policy's `organization:` key, listing each check
 *   and the routes it leaves open.
 * Runs after severities and waivers, so a waiver still matches one route. Pure.
 */
import { ruleUrl } from '../registry/codes.ts';
import type { Severity } from '../registry/finding.ts';
import type { Emitted, OrganizationFact, UndecidedCheck } from './rules/types.ts';
import type { Evidence, FindingLocation, LoadedPolicy, PolicyFinding } from './types.ts';

const META = Symbol('clearance.finding');

interface FindingMeta {
  collapse?: string;
  undecided?: UndecidedCheck;
}

type WithMeta = PolicyFinding & { [META]?: FindingMeta };

/** Routes listed by name in a merged message; every one of them is in `locations`. */
const MAX_LISTED = 8;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Attaches the rule's collapse key or undecided check to a finding (a symbol key: JSON never sees it). */
export function withMeta(emitted: Pick<Emitted, 'collapse' | 'undecided'>, finding: PolicyFinding): PolicyFinding {
  if (emitted.collapse === undefined && emitted.undecided === undefined) return finding;
  const meta: FindingMeta = {
    ...(emitted.collapse !== undefined ? { collapse: emitted.collapse } : {}),
    ...(emitted.undecided !== undefined ? { undecided: emitted.undecided } : {}),
  };
  return { ...finding, [META]: meta } as WithMeta;
}

export function locationOf(f: PolicyFinding): FindingLocation {
  return { file: f.file, line: f.line, column: f.column, path: f.path, ...(f.tier !== undefined ? { tier: f.tier } : {}), ...(f.model !== undefined ? { model: f.model } : {}) };
}

/** "tier rag 32:7" — how a merged message names a route. */
export function routeLabel(l: FindingLocation, file?: string): string {
  const at = `${l.file !== file ? `${l.file}:` : ''}${l.line}:${l.column}`;
  return l.tier !== undefined ? `${l.tier} (${at})` : at;
}

function listRoutes(locations: readonly FindingLocation[], file?: string): string {
  const shown = locations.slice(0, MAX_LISTED).map((l) => routeLabel(l, file));
  const more = locations.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function uniqueEvidence(findings: readonly PolicyFinding[]): Evidence[] {
  const seen = new Set<string>();
  const out: Evidence[] = [];
  for (const f of findings) {
    for (const e of f.evidence) {
      const key = `${e.subject}\u0000${e.summary}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(e);
    }
  }
  return out;
}

function strip(f: PolicyFinding): PolicyFinding {
  if (!(META in f)) return f;
  const { [META]: _meta, ...rest } = f as WithMeta;
  return rest;
}

function sameOrUndefined<T>(values: readonly (T | undefined)[]): T | undefined {
  const first = values[0];
  return values.every((v) => v === first) ? first : undefined;
}

export function collapseFindings(findings: readonly PolicyFinding[], loaded: LoadedPolicy): PolicyFinding[] {
  const out: PolicyFinding[] = [];
  const groups = new Map<string, PolicyFinding[]>();
  const undecided: { finding: PolicyFinding; check: UndecidedCheck }[] = [];
  for (const f of findings as readonly WithMeta[]) {
    const meta = f[META];
    // A waived finding keeps its own place: the waiver names the route.
    if (meta === undefined || f.code === 'waiver/applied') {
      out.push(strip(f));
    } else if (meta.undecided !== undefined) {
      undecided.push({ finding: strip(f), check: meta.undecided });
    } else if (meta.collapse !== undefined) {
      const key = `${f.code}\u0000${f.severity}\u0000${meta.collapse}`;
      const group = groups.get(key);
      if (group) group.push(strip(f));
      else groups.set(key, [strip(f)]);
    }
  }
  for (const [key, group] of groups) out.push(mergeGroup(group, key.replace(/\u0000/g, '|')));
  const unset = unsetFinding(undecided, loaded);
  if (unset) out.push(unset);
  return out;
}

function mergeGroup(group: readonly PolicyFinding[], key: string): PolicyFinding {
  const first = group[0]!;
  const seen = new Set<string>();
  const locations: FindingLocation[] = [];
  for (const f of group) {
    const key = `${f.file}\u0000${f.line}\u0000${f.column}\u0000${f.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    locations.push(locationOf(f));
  }
  if (locations.length === 1) return { ...first, evidence: uniqueEvidence(group), key };
  const tier = sameOrUndefined(locations.map((l) => l.tier));
  const model = sameOrUndefined(locations.map((l) => l.model));
  const { tier: _t, model: _m, ...rest } = first;
  return {
    ...rest,
    message: `${first.message} — on ${locations.length} routes: ${listRoutes(locations, first.file)}`,
    ...(tier !== undefined ? { tier } : {}),
    ...(model !== undefined ? { model } : {}),
    evidence: uniqueEvidence(group),
    locations,
    key,
  };
}

const FACT_ORDER: readonly OrganizationFact[] = ['domicile', 'monthly_active_users', 'annual_revenue_usd', 'trains_on_outputs'];

function unsetFinding(undecided: readonly { finding: PolicyFinding; check: UndecidedCheck }[], loaded: LoadedPolicy): PolicyFinding | undefined {
  if (undecided.length === 0) return undefined;
  const level = loaded.policy.severity?.['organization/unset'];
  if (level === 'off') return undefined;
  // fact → check → the routes it leaves open (in the order they were found)
  const byFact = new Map<OrganizationFact, Map<string, { rule: string; locations: FindingLocation[] }>>();
  for (const { finding, check } of undecided) {
    const checks = byFact.get(check.fact) ?? new Map();
    byFact.set(check.fact, checks);
    const entry = checks.get(check.check) ?? { rule: finding.code, locations: [] };
    checks.set(check.check, entry);
    if (!entry.locations.some((l: FindingLocation) => l.file === finding.file && l.line === finding.line && l.column === finding.column)) entry.locations.push(locationOf(finding));
  }
  const facts = FACT_ORDER.filter((f) => byFact.has(f));
  const parts: string[] = [];
  const routes = new Map<string, FindingLocation>();
  let checkCount = 0;
  for (const fact of facts) {
    const checks = [...byFact.get(fact)!.entries()];
    checkCount += checks.length;
    const listed = checks.map(([check, { rule, locations }]) => {
      for (const l of locations) routes.set(`${l.file}\u0000${l.line}\u0000${l.column}`, l);
      return `${check} [${rule}] on ${listRoutes(locations)}`;
    });
    parts.push(`${fact}: ${listed.join('; ')}`);
  }
  const organizationPath = ['organization'] as const;
  const at = Object.hasOwn(loaded.policy, 'organization') ? loaded.locate(organizationPath) : { line: 1, column: 1 };
  const policyLocation: FindingLocation = { file: loaded.file, ...at, path: 'organization' };
  const severity = (level as Severity | undefined) ?? undecided.map((u) => u.finding.severity).sort((a, b) => SEVERITY_RANK[a] - SEVERITY_RANK[b])[0]!;
  const names = facts.map((f) => `organization.${f}`);
  return {
    code: 'organization/unset',
    severity,
    message: `the policy does not set ${names.join(', ')}, so ${checkCount} check${checkCount === 1 ? '' : 's'} on ${routes.size} route${routes.size === 1 ? '' : 's'} could not be decided — ${parts.join(' — ')}`,
    hint: `Set ${names.join(', ')} in ${loaded.file} (\`clearance init\` writes a policy with them). See ${ruleUrl('organization/unset')}`,
    file: loaded.file,
    line: at.line,
    column: at.column,
    path: 'organization',
    evidence: uniqueEvidence(undecided.map((u) => u.finding)),
    key: 'organization/unset',
    locations: [policyLocation, ...[...routes.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || a.column - b.column))],
  };
}
