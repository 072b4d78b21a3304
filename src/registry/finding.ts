/**
 * The one result shape every check in Clearance returns: a stable code, a severity, what is wrong, how to
 * fix it, and where (file:line:col plus the data path). Printing is the CLI's job (src/cli/format).
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  /** Stable kebab-case code, e.g. `registry/dangling-reference`; never reused. */
  code: string;
  severity: Severity;
  /** What is wrong, in one sentence. */
  message: string;
  /** How to fix it. */
  hint?: string;
  /** File as the user named it (relative to the registry root or the cwd). */
  file: string;
  /** 1-based line and column of the offending key or value. */
  line: number;
  column: number;
  /** Data path inside the file, e.g. `routes[2].provider`. */
  path?: string;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Findings in reading order: by file, then line, column, code. */
export function sortFindings<T extends Finding>(findings: readonly T[]): T[] {
  return [...findings].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.line - b.line ||
      a.column - b.column ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      a.code.localeCompare(b.code),
  );
}

export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
}

export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/** Formats a data path (`['routes', 2, 'provider']`) the way users read it: `routes[2].provider`. */
export function formatPath(path: readonly (string | number)[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}
