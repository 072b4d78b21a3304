/**
 * The order findings are reported in: file, line, column, severity, code, message. Strings compare by code
 * unit, not by locale: the order is the same on every machine, and the first locale-aware comparison costs a
 * CLI run more than the whole lint (it loads ICU's collator).
 */
import type { PolicyFinding } from './types.ts';

const SEVERITY_RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareFindings(a: PolicyFinding, b: PolicyFinding): number {
  return (
    compareText(a.file, b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    (SEVERITY_RANK[a.severity] ?? 3) - (SEVERITY_RANK[b.severity] ?? 3) ||
    compareText(a.code, b.code) ||
    compareText(a.message, b.message)
  );
}

export function orderFindings(findings: readonly PolicyFinding[]): PolicyFinding[] {
  return [...findings].sort(compareFindings);
}
