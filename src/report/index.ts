/** Output formats of `clearance lint`: each a pure `(result) => string`. Exit codes come from findings, never from formatters. */
import { formatGithub } from './github.ts';
import { formatJson } from './json.ts';
import { formatJunit } from './junit.ts';
import { formatMarkdown } from './markdown.ts';
import type { LintResult } from './result.ts';
import { formatSarif } from './sarif.ts';
import { formatText } from './text.ts';

export const FORMATS: Readonly<Record<string, (result: LintResult) => string>> = {
  text: formatText,
  json: formatJson,
  sarif: formatSarif,
  junit: formatJunit,
  github: formatGithub,
  markdown: formatMarkdown,
};

export { buildResult, countsLine, type LintResult, type LintSummary, type LintedRoute } from './result.ts';
export { lintCodes, type CodeInfo } from './codes.ts';
export { formatText, formatJson, formatSarif, formatJunit, formatGithub, formatMarkdown };
export { toCycloneDx, type BomOptions, type BomResult } from './cyclonedx.ts';
