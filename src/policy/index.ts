/**
 * Public, browser-safe surface of the policy engine: parse a router config and a policy, evaluate them
 * against a registry. No fs, no process, no console, no ajv (strict CSP forbids its `new Function`), so the
 * site's playground runs the same code as `clearance lint`. Documents are shape-checked with the zod schemas
 * (zod-shapes.ts); engine.ts is the same engine with the checks left to the caller.
 */
import type { Registry } from '../registry/registry.ts';
import * as engine from './engine.ts';
import type { IncludeReader, LintInput, LintOutcome, LoadedPolicy, ParseOptions, Shapes } from './engine.ts';
import { ZOD_SHAPES } from './zod-shapes.ts';

export {
  evaluate,
  resolverFor,
  MAX_CONFIG_BYTES,
  CONFIG_CODES,
  isFatalCode,
  exitCodeFor,
  RULES,
  RULES_BY_CODE,
  EU_MEMBERS,
  EEA_MEMBERS,
  expandPlaces,
  createResolver,
  SELF_HOSTED_PREFIXES,
  KNOWN_LITELLM_PREFIXES,
  governingTerms,
} from './engine.ts';
export type {
  Rule,
  RuleDoc,
  Resolver,
  ModelResolution,
  AppliedTerms,
  Shapes,
  ShapeCheck,
  ShapeIssue,
  ShapeResult,
  Evidence,
  EvidenceSource,
  PolicyFinding,
  ParsedConfig,
  RouteRef,
  TierInfo,
  LoadedPolicy,
  ConfigFormat,
  LintInput,
  LintOutcome,
  IncludeReader,
  IncludeResult,
  ParseOptions,
} from './engine.ts';
export { ZOD_SHAPES } from './zod-shapes.ts';

/** Parses and lints several router config texts with one policy. */
export function lintTexts(inputs: readonly LintInput[], registry: Registry, policy: LoadedPolicy, today: string, options: { strict?: boolean; shapes?: Shapes; readInclude?: IncludeReader } = {}): LintOutcome {
  return engine.lintTexts(inputs, registry, policy, today, { ...options, shapes: options.shapes ?? ZOD_SHAPES });
}

/** Lints one router config text: the playground's entry point. */
export function lintText(fileName: string, text: string, registry: Registry, policy: LoadedPolicy, today: string): LintOutcome {
  return lintTexts([{ file: fileName, text }], registry, policy, today);
}

/** Reads a policy file's text: the policy, or located findings when it cannot be used. */
export function parsePolicy(file: string, text: string, shapes: Shapes = ZOD_SHAPES): ReturnType<typeof engine.parsePolicy> {
  return engine.parsePolicy(file, text, shapes);
}

/** Reads a router config's text: the tiers and routes, or located findings when it cannot be used. */
export function parseRouterConfig(file: string, text: string, shapes: Shapes = ZOD_SHAPES, options: ParseOptions = {}): ReturnType<typeof engine.parseRouterConfig> {
  return engine.parseRouterConfig(file, text, shapes, options);
}

/** A policy given as data (tests, the playground); findings about it point at line 1. Throws when it is invalid. */
export function policyFromObject(policy: unknown, file = 'policy'): LoadedPolicy {
  return engine.policyFromObject(policy, ZOD_SHAPES, file);
}
