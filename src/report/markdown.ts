/**
 * Markdown for a pull-request comment: the verdict and counts, then per file a table of errors and warnings
 * (tier, rule, model, line), the evidence and fixes folded away, and the infos (obligations, applied
 * waivers) in their own folded table so they do not drown the problems.
 */
import type { PolicyFinding } from '../policy/engine.ts';
import { countsLine, verdict, type LintResult } from './result.ts';
import { evidenceLine } from './text.ts';

const ICON: Record<string, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

export function formatMarkdown(result: LintResult): string {
  const s = result.summary;
  const out: string[] = [];
  out.push(`## Clearance lint: ${verdict(s.exit_code)}`);
  out.push('');
  out.push(`${countsLine(s)} in ${s.files} file${s.files === 1 ? '' : 's'} (${s.routes} route${s.routes === 1 ? '' : 's'}). Policy \`${s.policy}\`, checked ${s.today}.`);
  const files = [...new Set(result.findings.map((f) => f.file))];
  for (const file of files) {
    const findings = result.findings.filter((f) => f.file === file);
    const problems = findings.filter((f) => f.severity !== 'info');
    const infos = findings.filter((f) => f.severity === 'info');
    out.push('', `### \`${file}\``, '');
    if (problems.length > 0) {
      out.push(...table(problems));
      out.push('', '<details><summary>Evidence and fixes</summary>', '');
      for (const f of problems) out.push(...details(f));
      out.push('', '</details>');
    } else {
      out.push('No errors or warnings.');
    }
    if (infos.length > 0) {
      out.push('', `<details><summary>${infos.length} info${infos.length === 1 ? '' : 's'}: obligations and applied waivers</summary>`, '');
      out.push(...table(infos));
      out.push('', '</details>');
    }
  }
  return `${out.join('\n')}\n`;
}

function table(findings: readonly PolicyFinding[]): string[] {
  const rows = ['| | Tier | Rule | Model | Line | Finding |', '|---|---|---|---|---|---|'];
  for (const f of findings) {
    rows.push(`| ${ICON[f.severity]} | ${f.tier ? `\`${cell(f.tier)}\`` : ''} | \`${f.code}\` | ${f.model ? `\`${cell(f.model)}\`` : ''} | ${f.line}:${f.column} | ${cell(f.message)} |`);
  }
  return rows;
}

function details(f: PolicyFinding): string[] {
  const lines = [`- **\`${f.code}\`** at line ${f.line}: ${escape(f.message)}`];
  if (f.hint) lines.push(`  - Fix: ${escape(f.hint)}`);
  for (const e of f.evidence) lines.push(`  - Evidence: ${escape(evidenceLine(e))}`);
  return lines;
}

/** Table cells: no pipes or newlines. */
function cell(s: string): string {
  return escape(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/** Keep user text from opening HTML tags in the comment. */
function escape(s: string): string {
  return s.replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
