/**
 * Text output for people: findings grouped by file and tier, evidence under errors and warnings (each distinct
 * clause in full once, then by name), a summary line. Terminal control characters from registry or config
 * strings are dropped.
 */
import type { Evidence } from '../policy/engine.ts';
import { countsLine, groupByFileAndTier, verdict, type LintResult } from './result.ts';
import { oneLine } from './sanitize.ts';

const MAX_EVIDENCE = 3;

export function formatText(result: LintResult): string {
  const lines: string[] = [];
  const shown = new Set<string>();
  for (const [file, tiers] of groupByFileAndTier(result.findings)) {
    lines.push(oneLine(file));
    for (const [tier, findings] of tiers) {
      const indent = tier ? '    ' : '  ';
      if (tier) lines.push(`  tier ${oneLine(tier)}`);
      for (const f of findings) {
        lines.push(`${indent}${f.line}:${f.column}  ${f.severity.padEnd(7)}  ${f.code}  ${oneLine(f.message)}`);
        if (f.severity === 'info') continue;
        if (f.hint) lines.push(`${indent}    hint: ${oneLine(f.hint)}`);
        for (const e of f.evidence.slice(0, MAX_EVIDENCE)) {
          const key = evidenceKey(e);
          lines.push(`${indent}    evidence: ${oneLine(shown.has(key) ? `${e.subject} (as above)` : evidenceLine(e))}`);
          shown.add(key);
        }
        if (f.evidence.length > MAX_EVIDENCE) lines.push(`${indent}    evidence: … ${f.evidence.length - MAX_EVIDENCE} more (use --format json)`);
      }
    }
    lines.push('');
  }
  const s = result.summary;
  lines.push(`${verdict(s.exit_code)}: ${countsLine(s)} in ${s.files} file${s.files === 1 ? '' : 's'} (${s.routes} route${s.routes === 1 ? '' : 's'}; policy ${oneLine(s.policy)}; today ${s.today})`);
  return `${lines.join('\n')}\n`;
}

/** Evidence is the same when it is the same clause with the same words. */
export function evidenceKey(e: Evidence): string {
  return `${e.subject}\u0000${e.summary}\u0000${e.quote ?? ''}`;
}

/** `license x · commercial_use [verified]: summary "quote" — Title (where) <url>` */
export function evidenceLine(e: Evidence): string {
  const quote = e.quote ? ` "${e.quote.length > 200 ? `${e.quote.slice(0, 197)}…` : e.quote}"` : '';
  const sources = e.sources.map((s) => `${s.title ?? s.id}${s.where ? ` (${s.where})` : ''}${s.url ? ` <${s.url}>` : ''}`).join('; ');
  return `${e.subject} [${e.status}]: ${e.summary}${quote}${sources ? ` — ${sources}` : ' — no source recorded'}`;
}
