/** Text output for people: findings grouped by file and tier, evidence under errors and warnings, a summary line. */
import type { Evidence } from '../policy/engine.ts';
import { countsLine, groupByFileAndTier, verdict, type LintResult } from './result.ts';

const MAX_EVIDENCE = 3;

export function formatText(result: LintResult): string {
  const lines: string[] = [];
  for (const [file, tiers] of groupByFileAndTier(result.findings)) {
    lines.push(file);
    for (const [tier, findings] of tiers) {
      const indent = tier ? '    ' : '  ';
      if (tier) lines.push(`  tier ${tier}`);
      for (const f of findings) {
        lines.push(`${indent}${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${f.code}  ${f.message}`);
        if (f.severity === 'info') continue;
        if (f.hint) lines.push(`${indent}    hint: ${f.hint}`);
        for (const e of f.evidence.slice(0, MAX_EVIDENCE)) lines.push(`${indent}    evidence: ${evidenceLine(e)}`);
        if (f.evidence.length > MAX_EVIDENCE) lines.push(`${indent}    evidence: … ${f.evidence.length - MAX_EVIDENCE} more (use --format json)`);
      }
    }
    lines.push('');
  }
  const s = result.summary;
  lines.push(`${verdict(s.exit_code)}: ${countsLine(s)} in ${s.files} file${s.files === 1 ? '' : 's'} (${s.routes} route${s.routes === 1 ? '' : 's'}; policy ${s.policy}; today ${s.today})`);
  return `${lines.join('\n')}\n`;
}

/** `license x · commercial_use [verified]: summary "quote" — Title (where) <url>` */
export function evidenceLine(e: Evidence): string {
  const quote = e.quote ? ` "${e.quote.length > 200 ? `${e.quote.slice(0, 197)}…` : e.quote}"` : '';
  const sources = e.sources.map((s) => `${s.title ?? s.id}${s.where ? ` (${s.where})` : ''}${s.url ? ` <${s.url}>` : ''}`).join('; ');
  return `${e.subject} [${e.status}]: ${e.summary}${quote}${sources ? ` — ${sources}` : ' — no source recorded'}`;
}
