/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), which the runner turns
 * into annotations on the pull request. Escaping per actions/toolkit `command.ts`.
 *
 * GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and 50 per job
 * (actions/toolkit docs/problem-matchers.md, "Limitations"), and drops the rest silently, first come first
 * served. So errors go first, each kind is capped at what GitHub shows, and when anything is left out one
 * summary notice says how many and where to read them; the findings left out are printed as plain log lines.
 */
import type { PolicyFinding } from '../policy/engine.ts';
import { absoluteRuleLinks, countsLine, verdict, type LintResult } from './result.ts';
import { stripControl } from './sanitize.ts';

const COMMAND: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Annotations of one kind GitHub shows per step. */
export const ANNOTATIONS_PER_KIND = 10;

const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

export function formatGithub(result: LintResult): string {
  // Stable sort: within a severity the findings keep the report's file/line order.
  const ordered = [...result.findings].sort((a, b) => (RANK[a.severity] ?? 3) - (RANK[b.severity] ?? 3));
  const count = (severity: string) => ordered.filter((f) => f.severity === severity).length;
  const capped = ['error', 'warning', 'info'].some((s) => count(s) > ANNOTATIONS_PER_KIND);
  // The summary is a notice: it takes one notice slot when anything is left out.
  const limit = (severity: string) => (severity === 'info' && capped ? ANNOTATIONS_PER_KIND - 1 : ANNOTATIONS_PER_KIND);
  const shown = new Map<string, number>();
  const lines: string[] = [];
  const rest: PolicyFinding[] = [];
  for (const f of ordered) {
    const n = shown.get(f.severity) ?? 0;
    if (n >= limit(f.severity)) {
      rest.push(f);
      continue;
    }
    shown.set(f.severity, n + 1);
    lines.push(annotation(f, result));
  }
  const s = result.summary;
  if (rest.length > 0) {
    const left = countsLine({ errors: rest.filter((f) => f.severity === 'error').length, warnings: rest.filter((f) => f.severity === 'warning').length, infos: rest.filter((f) => f.severity === 'info').length });
    lines.push(`::notice title=${escapeProperty('clearance lint: more findings than GitHub annotates')}::${escapeData(`${rest.length} more finding${rest.length === 1 ? '' : 's'} (${left}) are not annotated: GitHub shows ${ANNOTATIONS_PER_KIND} per kind and step. They are listed in this log below; the SARIF upload and the job summary have all ${result.findings.length}.`)}`);
    for (const f of rest) lines.push(stripControl(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.code}${f.tier ? ` (tier ${f.tier})` : ''}: ${f.message}`).replace(/[\r\n]+/g, ' '));
  }
  lines.push(`clearance lint ${verdict(s.exit_code)}: ${countsLine(s)} in ${s.files} file${s.files === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}

function annotation(f: PolicyFinding, result: LintResult): string {
  const props = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(`${f.code}${f.tier ? ` (tier ${f.tier})` : ''}`)}`].join(',');
  const body = [f.message, f.hint && absoluteRuleLinks(f.hint, result.settings)].filter(Boolean).join('\n');
  return `::${COMMAND[f.severity]} ${props}::${escapeData(body)}`;
}

/** Data: terminal controls dropped first (the log viewer renders ANSI), then the toolkit's escapes. */
function escapeData(s: string): string {
  return stripControl(s).replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
