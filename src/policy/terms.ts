/**
 * Which terms govern a route, and evidence built from cited clauses.
 * A first-party API route is governed by the vendor's API terms; hosted-OSS, managed-cloud and self-hosted
 * routes of open weights by the weights license of every model in the derivative chain (design.md §2).
 */
import type { Registry } from '../registry/registry.ts';
import type { License, SourceRef, Status } from '../registry/schema/index.ts';
import type { Evidence, RouteRelationship } from './types.ts';
import { own } from './own.ts';

export interface AppliedTerms {
  licenseId: string;
  /** Undefined when the registry lacks the license entry (the engine fails closed on it). */
  license?: License;
  /** api-terms: the vendor's API terms; weights: a weights license in the chain. */
  basis: 'api-terms' | 'weights';
  /** The chain member whose terms these are. */
  modelId: string;
}

export function governingTerms(registry: Registry, chainIds: readonly string[], relationship: RouteRelationship): AppliedTerms[] {
  const [modelId] = chainIds;
  const model = modelId === undefined ? undefined : own(registry.models, modelId);
  if (!model || modelId === undefined) return [];
  const terms: AppliedTerms[] = [];
  const push = (licenseId: string | undefined, basis: AppliedTerms['basis'], owner: string) => {
    if (licenseId === undefined || terms.some((t) => t.licenseId === licenseId && t.basis === basis)) return;
    const license = own(registry.licenses, licenseId);
    terms.push({ licenseId, basis, modelId: owner, ...(license ? { license } : {}) });
  };
  const useApiTerms = model.kind === 'api-only' || (relationship === 'first-party-api' && model.api_terms !== undefined);
  if (useApiTerms) {
    push(model.api_terms, 'api-terms', modelId);
    return terms;
  }
  // Weights: the model's own license and every base model's, so a distill carries its base's terms too.
  for (const id of chainIds) push(own(registry.models, id)?.license, 'weights', id);
  return terms;
}

interface ClaimLike {
  summary: string;
  quote?: string;
  status: Status;
  sources: readonly SourceRef[];
}

/** Evidence from a cited clause, with its sources resolved to title and URL. */
export function claimEvidence(registry: Registry, subject: string, claim: ClaimLike): Evidence {
  return {
    subject,
    summary: claim.summary,
    ...(claim.quote ? { quote: claim.quote } : {}),
    status: claim.status,
    sources: claim.sources.map((ref) => {
      const source = own(registry.sources, ref.source);
      return {
        id: ref.source,
        ...(source?.title ? { title: source.title } : {}),
        ...(source?.url ? { url: source.url } : {}),
        ...(ref.where ? { where: ref.where } : {}),
      };
    }),
  };
}

/** Evidence from a citation map entry (`citations: {field: {status, sources}}`) for a plain fact. */
export function citedFact(registry: Registry, subject: string, summary: string, citation: { status: Status; sources: readonly SourceRef[]; note?: string } | undefined): Evidence {
  return claimEvidence(registry, subject, {
    summary: citation?.note ? `${summary} (${citation.note})` : summary,
    status: citation?.status ?? 'unknown',
    sources: citation?.sources ?? [],
  });
}

/** The citation for a field path, or the nearest parent path that has one. */
export function citationFor<T>(citations: Readonly<Record<string, T>> | undefined, field: string): T | undefined {
  if (!citations) return undefined;
  let path = field;
  for (;;) {
    if (own(citations, path) !== undefined) return own(citations, path);
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    if (cut <= 0) return undefined;
    path = path.slice(0, cut);
  }
}

export function licenseLabel(terms: AppliedTerms): string {
  return terms.license ? `${terms.license.name} (${terms.licenseId})` : terms.licenseId;
}
