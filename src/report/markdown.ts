/** Markdown for a pull-request comment: verdict, counts, a table per file and tier, evidence folded away. */
import type { PolicyFinding } from '../policy/index.ts';
import { countsLine, groupByFileAndTier, verdict, type LintResult } from './result.ts';
import { evidenceLine } from './text.ts';

const ICON: Record<string, string> = { error: '❌ error', warning: '⚠️ warning', info: 'ℹ️ info' };

export function formatMarkdown(result: LintResult): string {
  const s = result.summary;
  const out: string[] = [];
  out.push(`## Clearance lint: ${verdict(s.exit_code)}`);
  out.push('');
  out.push(`${countsLine(s)} in ${s.files} file${s.files === 1 ? '' : 's'} (${s.routes} route${s.routes === 1 ? '' : 's'}). Policy \`${s.policy}\`, checked ${s.today}.`);
  for (const [file, tiers] of groupByFileAndTier(result.findings)) {
    out.push('');
    out.push(`### \`${file}\``);
    for (const [tier, findings] of tiers) {
      out.push('');
      if (tier) out.push(`**Tier \`${cell(tier)}\`**`, '');
      out.push('| | Rule | Model | Line | Finding |');
      out.push('|---|---|---|---|---|');
      for (const f of findings) out.push(`| ${ICON[f.severity]} | \`${f.code}\` | ${f.model ? `\`${cell(f.model)}\`` : ''} | ${f.line}:${f.column} | ${cell(f.message)} |`);
      const explained = findings.filter((f) => f.severity !== 'info' && (f.evidence.length > 0 || f.hint));
      if (explained.length > 0) {
        out.push('');
        out.push('<details><summary>Evidence and fixes</summary>');
        out.push('');
        for (const f of explained) out.push(...details(f));
        out.push('</details>');
      }
    }
  }
  return `${out.join('\n')}\n`;
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
