/** Policy files: hardened YAML → zod-validated Policy with positions for waiver findings. Pure. */
import { ruleUrl } from '../registry/codes.ts';
import { PolicySchema, type Policy } from '../registry/schema/policy.ts';
import { parseYamlSource } from '../registry/yaml-source.ts';
import { CONFIG_CODES } from './config-codes.ts';
import type { LoadedPolicy, PolicyFinding } from './types.ts';
import { zodFindings } from './zod-findings.ts';

export const MAX_POLICY_BYTES = 1_000_000;

export function parsePolicy(file: string, text: string): { policy?: LoadedPolicy; findings: PolicyFinding[] } {
  const source = parseYamlSource(file, text, { maxBytes: MAX_POLICY_BYTES });
  if (source.findings.length > 0) return { findings: source.findings.map((f) => ({ ...f, hint: `${f.hint ?? ''} See ${ruleUrl(f.code)}`.trim(), path: f.path ?? '', evidence: [] })) };
  const parsed = PolicySchema.safeParse(source.data ?? undefined);
  if (!parsed.success) {
    return { findings: zodFindings('policy/invalid', file, parsed.error, source.locate, `${CONFIG_CODES['policy/invalid'].fix} See ${ruleUrl('policy/invalid')}`) };
  }
  return { policy: { file, policy: parsed.data, locate: source.locate }, findings: [] };
}

/** A policy given as data (tests, the playground); findings about it point at line 1. */
export function policyFromObject(policy: unknown, file = 'policy'): LoadedPolicy {
  return { file, policy: PolicySchema.parse(policy), locate: () => ({ line: 1, column: 1 }) };
}

export type { Policy };
