/**
 * The output formats of `clearance lint`, each loaded only when asked for: a CLI run renders one format, and
 * every module it does not load is start-up time saved. index.ts has the same formats loaded eagerly
 * (formats.test.ts keeps the two lists equal).
 */
import type { LintResult } from './result.ts';

export type Formatter = (result: LintResult) => string;

export const FORMAT_LOADERS: Readonly<Record<string, () => Promise<Formatter>>> = {
  text: async () => (await import('./text.ts')).formatText,
  json: async () => (await import('./json.ts')).formatJson,
  sarif: async () => (await import('./sarif.ts')).formatSarif,
  junit: async () => (await import('./junit.ts')).formatJunit,
  github: async () => (await import('./github.ts')).formatGithub,
  markdown: async () => (await import('./markdown.ts')).formatMarkdown,
};
