/**
 * The policy engine without a validator: parse router configs and a policy with the shape checks you pass
 * (shapes.ts), evaluate them against a registry. `clearance lint` imports this module with the precompiled
 * checks (fast-shapes.node.ts), so it never loads zod unless a document is invalid; index.ts binds the zod
 * checks for the browser and tests. Pure: no fs, no process, no console.
 */
import type { Registry } from '../registry/registry.ts';
import { isFatalCode } from './config-codes.ts';
import { evaluate } from './evaluate.ts';
import { orderFindings } from './order.ts';
import { parseRouterConfig, type IncludeReader } from './router-config.ts';
import type { Shapes } from './shapes.ts';
import type { LoadedPolicy, ParsedConfig, PolicyFinding } from './types.ts';

export { evaluate, resolverFor } from './evaluate.ts';
export { parseRouterConfig, MAX_CONFIG_BYTES, MAX_INCLUDE_FILES, type IncludeReader, type IncludeResult, type ParseOptions } from './router-config.ts';
export { parsePolicy, policyFromObject } from './policy.ts';
export { CONFIG_CODES, isFatalCode } from './config-codes.ts';
export { RULES, RULES_BY_CODE } from './rules/index.ts';
export type { Rule, RuleDoc } from './rules/index.ts';
export { EU_MEMBERS, EEA_MEMBERS, expandPlaces } from './countries.ts';
export { createResolver, SELF_HOSTED_PREFIXES, KNOWN_LITELLM_PREFIXES, type Resolver, type ModelResolution } from './resolve.ts';
export { governingTerms, type AppliedTerms } from './terms.ts';
export type { Shapes, ShapeCheck, ShapeIssue, ShapeResult } from './shapes.ts';
export type { Evidence, EvidenceSource, PolicyFinding, ParsedConfig, RouteRef, TierInfo, LoadedPolicy, ConfigFormat } from './types.ts';

export interface LintInput {
  /** File name as the user sees it (used in findings). */
  file: string;
  text: string;
  /** Stable id of the file for the include reader (e.g. its real path); defaults to `file`. */
  id?: string;
  /** Reads this config's LiteLLM `include:` files; overrides LintOptions.readInclude. */
  readInclude?: IncludeReader;
}

export interface LintOutcome {
  findings: PolicyFinding[];
  /** Parsed configs (those that parsed). */
  configs: ParsedConfig[];
  /** 0 pass, 1 policy errors, 2 could not evaluate. */
  exitCode: 0 | 1 | 2;
}

export interface LintOptions {
  /** Warnings fail the run too. */
  strict?: boolean;
  /** How documents are shape-checked (shapes.ts). */
  shapes: Shapes;
  /** Reads LiteLLM `include:` files (the CLI passes one; without it, configs with includes fail closed). */
  readInclude?: IncludeReader;
}

/** Parses and lints several router config texts with one policy; the CLI and the playground both call this. */
export function lintTexts(inputs: readonly LintInput[], registry: Registry, policy: LoadedPolicy, today: string, options: LintOptions): LintOutcome {
  const configs: ParsedConfig[] = [];
  const fatal: PolicyFinding[] = [];
  for (const input of inputs) {
    const parsed = parseRouterConfig(input.file, input.text, options.shapes, { ...(input.id !== undefined ? { id: input.id } : {}), ...((input.readInclude ?? options.readInclude) ? { readInclude: (input.readInclude ?? options.readInclude)! } : {}) });
    fatal.push(...parsed.findings);
    if (parsed.config) configs.push(parsed.config);
  }
  const findings = [...fatal, ...evaluate(configs, registry, policy, today)];
  return { findings: orderFindings(findings), configs, exitCode: exitCodeFor(findings, options.strict ?? false) };
}

/** Exit code from findings: 2 if anything could not be evaluated, 1 for errors (or warnings when strict), else 0. */
export function exitCodeFor(findings: readonly PolicyFinding[], strict = false): 0 | 1 | 2 {
  if (findings.some((f) => f.severity === 'error' && isFatalCode(f.code))) return 2;
  if (findings.some((f) => f.severity === 'error' || (strict && f.severity === 'warning'))) return 1;
  return 0;
}
