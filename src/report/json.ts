/** JSON output: `{"findings":[…],"summary":{…}}`, for scripts. */
import type { LintResult } from './result.ts';

export function formatJson(result: LintResult): string {
  return `${JSON.stringify({ findings: result.findings, summary: result.summary }, null, 2)}\n`;
}
