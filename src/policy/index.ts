/**
 * Public, browser-safe surface of the policy engine: parse a router config and a policy, evaluate them
 * against a registry. No fs, no process, no console, no ajv (strict CSP forbids its `new Function`), so the
 * site's playground runs the same code as `clearance lint`.
 */
import type { Registry } from '../registry/registry.ts';
import { isFatalCode } from './config-codes.ts';
import { evaluate } from './evaluate.ts';
import { parseRouterConfig } from './router-config.ts';
import type { LoadedPolicy, ParsedConfig, PolicyFinding } from './types.ts';

export { evaluate, resolverFor } from './evaluate.ts';
export { parseRouterConfig, MAX_CONFIG_BYTES } from './router-config.ts';
export { parsePolicy, policyFromObject } from './policy.ts';
export { CONFIG_CODES, isFatalCode } from './config-codes.ts';
export { RULES, RULES_BY_CODE } from './rules/index.ts';
export type { Rule, RuleDoc } from './rules/index.ts';
export { EU_MEMBERS, EEA_MEMBERS, expandPlaces } from './countries.ts';
export { createResolver, SELF_HOSTED_PREFIXES, KNOWN_LITELLM_PREFIXES, type Resolver, type ModelResolution } from './resolve.ts';
export { governingTerms, type AppliedTerms } from './terms.ts';
export type { Evidence, EvidenceSource, PolicyFinding, ParsedConfig, RouteRef, TierInfo, LoadedPolicy, ConfigFormat } from './types.ts';

export interface LintInput {
  /** File name as the user sees it (used in findings). */
  file: string;
  text: string;
}

export interface LintOutcome {
  findings: PolicyFinding[];
  /** Parsed configs (those that parsed). */
  configs: ParsedConfig[];
  /** 0 pass, 1 policy errors, 2 could not evaluate. */
  exitCode: 0 | 1 | 2;
}

/** Parses and lints several router config texts with one policy; the CLI and the playground both call this. */
export function lintTexts(inputs: readonly LintInput[], registry: Registry, policy: LoadedPolicy, today: string, options: { strict?: boolean } = {}): LintOutcome {
  const configs: ParsedConfig[] = [];
  const fatal: PolicyFinding[] = [];
  for (const input of inputs) {
    const parsed = parseRouterConfig(input.file, input.text);
    fatal.push(...parsed.findings);
    if (parsed.config) configs.push(parsed.config);
  }
  const findings = [...fatal, ...evaluate(configs, registry, policy, today)];
  return { findings: sortForOutput(findings), configs, exitCode: exitCodeFor(findings, options.strict ?? false) };
}

/** Lints one router config text: the playground's entry point. */
export function lintText(fileName: string, text: string, registry: Registry, policy: LoadedPolicy, today: string): LintOutcome {
  return lintTexts([{ file: fileName, text }], registry, policy, today);
}

/** Exit code from findings: 2 if anything could not be evaluated, 1 for errors (or warnings when strict), else 0. */
export function exitCodeFor(findings: readonly PolicyFinding[], strict = false): 0 | 1 | 2 {
  if (findings.some((f) => f.severity === 'error' && isFatalCode(f.code))) return 2;
  if (findings.some((f) => f.severity === 'error' || (strict && f.severity === 'warning'))) return 1;
  return 0;
}

function sortForOutput(findings: PolicyFinding[]): PolicyFinding[] {
  return [...findings].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || severityRank(a) - severityRank(b) || a.code.localeCompare(b.code) || a.message.localeCompare(b.message),
  );
}

function severityRank(f: PolicyFinding): number {
  return f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2;
}
