/** Policy files: hardened YAML → a shape-checked Policy with positions for waiver findings. Pure. */
import { ruleUrl } from '../registry/codes.ts';
import type { Policy } from '../registry/schema/policy.ts';
import { parseYamlSource } from '../registry/yaml-source.ts';
import { CONFIG_CODES } from './config-codes.ts';
import { shapeFindings } from './shape-findings.ts';
import type { Shapes } from './shapes.ts';
import type { LoadedPolicy, PolicyFinding } from './types.ts';

export const MAX_POLICY_BYTES = 1_000_000;

export function parsePolicy(file: string, text: string, shapes: Shapes): { policy?: LoadedPolicy; findings: PolicyFinding[] } {
  const source = parseYamlSource(file, text, { maxBytes: MAX_POLICY_BYTES });
  if (source.findings.length > 0) return { findings: source.findings.map((f) => ({ ...f, hint: `${f.hint ?? ''} See ${ruleUrl(f.code)}`.trim(), path: f.path ?? '', evidence: [] })) };
  const parsed = shapes.policy(source.data ?? undefined);
  if (!parsed.ok) {
    return { findings: shapeFindings('policy/invalid', file, parsed.issues, source.locate, `${CONFIG_CODES['policy/invalid'].fix} See ${ruleUrl('policy/invalid')}`) };
  }
  return { policy: { file, policy: parsed.value, locate: source.locate }, findings: [] };
}

/** A policy given as data (tests, the playground); findings about it point at line 1. Throws when it is invalid. */
export function policyFromObject(policy: unknown, shapes: Shapes, file = 'policy'): LoadedPolicy {
  const parsed = shapes.policy(policy);
  if (!parsed.ok) throw new Error(`invalid policy: ${parsed.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { file, policy: parsed.value, locate: () => ({ line: 1, column: 1 }) };
}

export type { Policy };
