/** The one result every lint output format renders. Built by the CLI (or the playground) from evaluate(). Pure. */
import { countFindings } from '../registry/finding.ts';
import type { ParsedConfig, PolicyFinding } from '../policy/engine.ts';
import { formatPath } from '../registry/finding.ts';

export interface LintedRoute {
  file: string;
  tier: string;
  role: 'primary' | 'fallback' | 'alias';
  spec: string;
  path: string;
  line: number;
  column: number;
}

export interface LintSummary {
  errors: number;
  warnings: number;
  infos: number;
  /** Router config files linted. */
  files: number;
  /** Routes checked across them. */
  routes: number;
  exit_code: 0 | 1 | 2;
  policy: string;
  today: string;
}

/** Where rule pages live when neither --rules-url nor the policy's report.rules_url says. */
export const DEFAULT_RULES_URL = 'https://clearance.invalid/rules/';

/** How the formats render links and infos (from --rules-url and the policy's `report:`). */
export interface ReportSettings {
  /** Absolute base URL of the rule pages, ending in "/". */
  rulesUrl: string;
  /** SARIF: include info findings as `note` results. */
  sarifNotes: boolean;
  /** Markdown: the full report a shortened comment links to. */
  fullReportUrl?: string;
}

export interface LintResult {
  tool: { name: string; version: string };
  settings: ReportSettings;
  /** Config files as given, in order. */
  files: string[];
  routes: LintedRoute[];
  findings: PolicyFinding[];
  summary: LintSummary;
}

export interface BuildResultInput {
  version: string;
  files: string[];
  configs: readonly ParsedConfig[];
  findings: PolicyFinding[];
  exitCode: 0 | 1 | 2;
  policy: string;
  today: string;
  settings?: Partial<ReportSettings>;
}

export function buildResult(input: BuildResultInput): LintResult {
  const routes: LintedRoute[] = input.configs.flatMap((c) =>
    c.routes.map((r) => ({ file: r.file, tier: r.tier, role: r.role, spec: r.spec, path: formatPath(r.path), line: r.line, column: r.column })),
  );
  const counts = countFindings(input.findings);
  return {
    tool: { name: 'clearance', version: input.version },
    settings: {
      rulesUrl: withSlash(input.settings?.rulesUrl ?? DEFAULT_RULES_URL),
      sarifNotes: input.settings?.sarifNotes ?? false,
      ...(input.settings?.fullReportUrl !== undefined ? { fullReportUrl: input.settings.fullReportUrl } : {}),
    },
    files: input.files,
    routes,
    findings: input.findings,
    summary: { ...counts, files: input.files.length, routes: routes.length, exit_code: input.exitCode, policy: input.policy, today: input.today },
  };
}

/** "3 errors, 1 warning, 2 infos". */
export function countsLine(s: Pick<LintSummary, 'errors' | 'warnings' | 'infos'>): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(s.errors, 'error')}, ${plural(s.warnings, 'warning')}, ${plural(s.infos, 'info')}`;
}

/** Findings grouped by file, then tier (findings without a tier, such as policy or parse findings, come first). */
export function groupByFileAndTier(findings: readonly PolicyFinding[]): Map<string, Map<string, PolicyFinding[]>> {
  const out = new Map<string, Map<string, PolicyFinding[]>>();
  for (const f of findings) {
    const byTier = out.get(f.file) ?? new Map<string, PolicyFinding[]>();
    const key = f.tier ?? '';
    byTier.set(key, [...(byTier.get(key) ?? []), f]);
    out.set(f.file, byTier);
  }
  return out;
}

export function verdict(exitCode: 0 | 1 | 2): string {
  return exitCode === 0 ? 'pass' : exitCode === 1 ? 'fail' : 'could not evaluate';
}

function withSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}

/** The absolute URL of a rule's page. */
export function ruleHelpUri(settings: Pick<ReportSettings, 'rulesUrl'>, code: string): string {
  return `${settings.rulesUrl}${code}/`;
}

/** Hints end in "See /rules/<code>/" (the site's path); in CI outputs that is made an absolute link. */
export function absoluteRuleLinks(text: string, settings: Pick<ReportSettings, 'rulesUrl'>): string {
  return text.replace(/(^|\s)\/rules\/([a-z]+\/[a-z0-9-]+)\//g, (_all, space: string, code: string) => `${space}${ruleHelpUri(settings, code)}`);
}
