/**
 * Markdown for a pull-request comment: the verdict and counts, then per file the errors and warnings —
 * errors first, one table per tier (findings that span tiers, such as unset organisation facts or a duty
 * shared by several routes, in their own table first) — the evidence and fixes folded away with each clause
 * shown once, and the infos (obligations, applied waivers) folded in their own table.
 *
 * GitHub refuses comments over 65,536 characters. A report that would not fit becomes a summary that
 * always does: the counts, the errors (then warnings) as one table as far as they fit, and a link to the
 * full report (policy `report.full_report_url`).
 *
 * Text from configs and the registry is escaped: backticks and pipes cannot break a code span or a table,
 * angle brackets cannot open HTML, terminal control characters are dropped.
 */
import type { PolicyFinding } from '../policy/engine.ts';
import { absoluteRuleLinks, countsLine, verdict, type LintResult } from './result.ts';
import { oneLine } from './sanitize.ts';
import { evidenceKey, evidenceLine } from './text.ts';

/** GitHub's limit on an issue or pull-request comment body, in characters. */
export const MAX_COMMENT_CHARS = 65_536;

const ICON: Record<string, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };
const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

export function formatMarkdown(result: LintResult): string {
  const full = fullReport(result);
  return full.length <= MAX_COMMENT_CHARS ? full : summaryReport(result);
}

function header(result: LintResult): string[] {
  const s = result.summary;
  return [
    `## Clearance lint: ${verdict(s.exit_code)}`,
    '',
    `${countsLine(s)} in ${s.files} file${s.files === 1 ? '' : 's'} (${s.routes} route${s.routes === 1 ? '' : 's'}). Policy ${code(s.policy)}, checked ${s.today}.`,
  ];
}

function bySeverity(findings: readonly PolicyFinding[]): PolicyFinding[] {
  return [...findings].sort((a, b) => (RANK[a.severity] ?? 3) - (RANK[b.severity] ?? 3));
}

export function fullReport(result: LintResult): string {
  const out = header(result);
  const files = [...new Set(result.findings.map((f) => f.file))];
  const shown = new Set<string>();
  for (const file of files) {
    const findings = result.findings.filter((f) => f.file === file);
    const problems = findings.filter((f) => f.severity !== 'info');
    const infos = findings.filter((f) => f.severity === 'info');
    out.push('', `### ${code(file)}`, '');
    if (problems.length > 0) {
      // One table per tier, errors first in each; tiers with errors come first (in the order of their first
      // error), then tiers with only warnings. Findings that span tiers are their own table in that order too.
      const tiers = new Map<string, PolicyFinding[]>();
      for (const f of bySeverity(problems)) {
        const key = f.tier ?? '';
        tiers.set(key, [...(tiers.get(key) ?? []), f]);
      }
      const keys = [...tiers.keys()];
      for (const tier of keys) {
        out.push(tier === '' ? '#### Across tiers' : `#### Tier ${code(tier)}`, '');
        out.push(...table(tiers.get(tier)!, false), '');
      }
      out.push('<details><summary>Evidence and fixes</summary>', '');
      for (const f of bySeverity(problems)) out.push(...details(f, shown, result));
      out.push('', '</details>');
    } else {
      out.push('No errors or warnings.');
    }
    if (infos.length > 0) {
      out.push('', `<details><summary>${infos.length} info${infos.length === 1 ? '' : 's'}: obligations and applied waivers</summary>`, '');
      out.push(...table(infos, true));
      out.push('', '</details>');
    }
  }
  return `${out.join('\n')}\n`;
}

/** The comment when the full report would not fit: counts, then errors and warnings while they fit, then a link. */
export function summaryReport(result: LintResult, limit = MAX_COMMENT_CHARS): string {
  const problems = bySeverity(result.findings.filter((f) => f.severity !== 'info'));
  const link = result.settings.fullReportUrl;
  const head = [...header(result), '', `The full report is longer than a pull-request comment allows; this is its summary. ${link ? `[Full report](${link}).` : 'Run `clearance lint` with `--format text` or `--format json` (or read the SARIF upload) for every finding.'}`, ''];
  const rows = table(problems, true);
  const footer = (left: number) => (left > 0 ? ['', `… and ${left} more error${left === 1 ? '' : 's'} or warning${left === 1 ? '' : 's'} not shown here.`] : []);
  // Reserve room for the longest possible footer; add rows while they fit.
  const base = `${head.join('\n')}\n${rows[0]}\n${rows[1]}\n${footer(problems.length).join('\n')}\n`.length;
  let used = base;
  let n = 0;
  for (const row of rows.slice(2)) {
    if (used + row.length + 1 > limit) break;
    used += row.length + 1;
    n++;
  }
  const out = problems.length > 0 ? [...head, ...rows.slice(0, 2 + n), ...footer(problems.length - n)] : [...head, 'No errors or warnings.'];
  return `${out.join('\n')}\n`;
}

function table(findings: readonly PolicyFinding[], withTier: boolean): string[] {
  const rows = withTier ? ['| | Tier | Rule | Model | Line | Finding |', '|---|---|---|---|---|---|'] : ['| | Rule | Model | Line | Finding |', '|---|---|---|---|---|'];
  for (const f of findings) {
    const tier = withTier ? ` ${f.tier ? code(f.tier) : ''} |` : '';
    const at = `${f.file !== undefined && f.locations && f.locations.length > 1 ? `${f.line}:${f.column} +${f.locations.length - 1}` : `${f.line}:${f.column}`}`;
    rows.push(`| ${ICON[f.severity]} |${tier} ${code(f.code)} | ${f.model ? code(f.model) : ''} | ${at} | ${cell(f.message)} |`);
  }
  return rows;
}

function details(f: PolicyFinding, shown: Set<string>, result: LintResult): string[] {
  const lines = [`- **${code(f.code)}** at line ${f.line}: ${inline(f.message)}`];
  if (f.hint) lines.push(`  - Fix: ${inline(absoluteRuleLinks(f.hint, result.settings))}`);
  for (const e of f.evidence) {
    const key = evidenceKey(e);
    lines.push(`  - Evidence: ${inline(shown.has(key) ? `${e.subject} (as above)` : evidenceLine(e))}`);
    shown.add(key);
  }
  return lines;
}

/** Plain text in Markdown: no HTML, no code spans, no emphasis or links opened by accident, one line. */
export function inline(s: string): string {
  return oneLine(s)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]|])/g, '\\$1');
}

/** Table cells: inline text, where an escaped pipe stays inside the cell (GFM escapes pipes before inline parsing). */
function cell(s: string): string {
  return inline(s);
}

/**
 * A code span that holds any text: the fence is one backtick longer than the longest run inside, padded with
 * spaces when the text starts or ends with a backtick (CommonMark §6.1); pipes are escaped for tables.
 */
export function code(s: string): string {
  const text = oneLine(s).replace(/\|/g, '\\|');
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
