/**
 * Each model's verdict under the default policy (content/policies/default.yaml), computed once per build with
 * the linter's own engine: a one-route config reaching the model the way a buyer would (self-hosted for open
 * weights, its first route otherwise). Model cards list alternatives that pass.
 */
import { stringify } from 'yaml';
import { lintText, parsePolicy, type LintOutcome, type LoadedPolicy } from '../../policy/index.ts';
import type { Registry } from '../../registry/index.ts';
import { buildDate, getRegistry, readContentText } from './registry.ts';
import { modelRow, type ModelRow } from './model-row.ts';

export interface PolicyVerdict {
  passes: boolean;
  /** How the model was reached in the check: "self-hosted" or a provider id. */
  via: string;
  errors: { code: string; message: string }[];
  warnings: number;
}

export interface Alternative {
  id: string;
  row: ModelRow;
  verdict: PolicyVerdict;
}

/** How a buyer would reach the model: its own weights if it has them, else its first listed route. */
export function defaultVia(registry: Registry, id: string): string | undefined {
  const model = registry.models[id]!;
  if (model.kind === 'open-weights') return 'self-hosted';
  return model.routes?.[0]?.provider;
}

let defaultPolicy: LoadedPolicy | undefined;

/** content/policies/default.yaml, parsed once; a missing or invalid default policy fails the build. */
export function loadDefaultPolicy(): LoadedPolicy {
  if (defaultPolicy) return defaultPolicy;
  const found = readContentText('policies', 'default');
  if (!found) throw new Error('content/policies/default.yaml is missing: model cards list alternatives that pass the default policy');
  const parsed = parsePolicy(found.file, found.text);
  if (!parsed.policy) throw new Error(`${found.file} is invalid: ${parsed.findings[0]?.message}`);
  defaultPolicy = parsed.policy;
  return defaultPolicy;
}

/** Lints a router config text under the default policy on the build date. */
export function lintWithDefaultPolicy(file: string, text: string): LintOutcome {
  return lintText(file, text, getRegistry().registry, loadDefaultPolicy(), buildDate());
}

let verdicts: Map<string, PolicyVerdict> | undefined;

/** Verdicts for every model; models with no way to reach them are left out. */
export function defaultPolicyVerdicts(): Map<string, PolicyVerdict> {
  if (verdicts) return verdicts;
  const { registry } = getRegistry();
  const policy = loadDefaultPolicy();
  const today = buildDate();
  verdicts = new Map();
  for (const id of Object.keys(registry.models)) {
    const via = defaultVia(registry, id);
    if (!via) continue;
    const config = stringify({ name: `check ${id}`, tiers: [{ id: 'check', routes: [{ model: id, via }] }] });
    const outcome = lintText(`check/${id}.yaml`, config, registry, policy, today);
    const errors = outcome.findings.filter((f) => f.severity === 'error').map((f) => ({ code: f.code, message: f.message }));
    verdicts.set(id, { passes: outcome.exitCode === 0, via, errors, warnings: outcome.findings.filter((f) => f.severity === 'warning').length });
  }
  return verdicts;
}

/** Distance between two models for "alternatives": same weights kind, similar size and context. */
function distance(a: ModelRow, b: ModelRow): number {
  const log = (n: number | undefined) => (n === undefined ? undefined : Math.log10(n));
  const la = log(a.paramsB);
  const lb = log(b.paramsB);
  const size = la !== undefined && lb !== undefined ? Math.abs(la - lb) : 1;
  const ca = log(a.context);
  const cb = log(b.context);
  const ctx = ca !== undefined && cb !== undefined ? Math.abs(ca - cb) / 2 : 0.5;
  return size + ctx + (a.kind === b.kind ? 0 : 1);
}

/** Up to `limit` models that pass the default policy, most similar first. */
export function alternativesFor(id: string, limit = 5): Alternative[] {
  const { registry } = getRegistry();
  const all = defaultPolicyVerdicts();
  const self = modelRow(registry, id);
  return [...all.entries()]
    .filter(([other, v]) => other !== id && v.passes && registry.models[other]!.lifecycle.status === 'active')
    .map(([other, verdict]) => ({ id: other, row: modelRow(registry, other), verdict }))
    .sort((a, b) => distance(self, a.row) - distance(self, b.row) || a.row.name.localeCompare(b.row.name))
    .slice(0, limit);
}
