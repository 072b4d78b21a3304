/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`), which the runner turns
 * into annotations on the pull request. Escaping per actions/toolkit `command.ts`.
 */
import { countsLine, verdict, type LintResult } from './result.ts';

const COMMAND: Record<string, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(result: LintResult): string {
  const lines = result.findings.map((f) => {
    const props = [`file=${escapeProperty(f.file)}`, `line=${f.line}`, `col=${f.column}`, `title=${escapeProperty(`${f.code}${f.tier ? ` (tier ${f.tier})` : ''}`)}`].join(',');
    const body = [f.message, f.hint].filter(Boolean).join('\n');
    return `::${COMMAND[f.severity]} ${props}::${escapeData(body)}`;
  });
  const s = result.summary;
  lines.push(`clearance lint ${verdict(s.exit_code)}: ${countsLine(s)} in ${s.files} file${s.files === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
