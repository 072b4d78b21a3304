/** Which findings a policy waiver covers: one rule, one model (any alias of it), optionally one tier. Pure. */
import { isFatalCode } from './config-codes.ts';
import type { Resolver } from './resolve.ts';
import type { PolicyFinding } from './types.ts';

export interface WaiverScope {
  rule: string;
  model: string;
  tier?: string | undefined;
}

/** The registry id a waiver's model names, or the string as written when the registry does not know it. */
export function waiverModelId(waiver: WaiverScope, resolver: Resolver): string {
  const resolved = resolver.resolveModel(waiver.model);
  return resolved.kind === 'model' ? resolved.id : waiver.model;
}

/** Whether a waiver (its model already resolved to `modelId`) covers a finding; input errors are never waivable. */
export function waiverCovers(waiver: WaiverScope, modelId: string, finding: PolicyFinding): boolean {
  return finding.code === waiver.rule && finding.model === modelId && (waiver.tier === undefined || finding.tier === waiver.tier) && !isFatalCode(finding.code);
}
