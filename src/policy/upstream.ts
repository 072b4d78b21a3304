/**
 * Aggregators forward each request to an upstream endpoint they choose: OpenRouter serves Cohere's,
 * Anthropic's or OpenAI's models from the vendor's own API, and open weights from hosts that run them. The
 * governing terms follow the upstream: the vendor's API terms, or the weights license. A route entry in the
 * registry (`routes[].relationship: first-party-api` on the aggregator's route) records the upstream; where
 * it is unknown and the two readings differ on commercial use, the route is checked under the vendor's API
 * terms and `route/aggregator-upstream` names both possibilities. Pure.
 */
import type { Registry } from '../registry/registry.ts';
import type { Model } from '../registry/schema/index.ts';
import type { RouteServing } from './resolve.ts';
import { governingTerms, type AppliedTerms } from './terms.ts';

/** Providers that route each request to an upstream endpoint of their choosing. */
export const AGGREGATORS: ReadonlySet<string> = new Set(['openrouter']);

export type Upstream = 'vendor-api' | 'weights-host' | 'unknown';

/** Who serves an aggregator route of this model; undefined when the route is not through an aggregator. */
export function aggregatorUpstream(model: Model, serving: RouteServing): Upstream | undefined {
  const id = serving.provider?.id;
  if (id === undefined || !AGGREGATORS.has(id)) return undefined;
  const override = model.routes?.find((r) => r.provider === id)?.relationship;
  if (override === 'first-party-api') return 'vendor-api';
  if (override === 'hosted-oss' || override === 'managed-cloud') return 'weights-host';
  if (model.kind === 'api-only') return 'vendor-api';
  if (model.api_terms === undefined) return 'weights-host';
  return 'unknown';
}

const BLOCKS = new Set(['non-commercial', 'research-only']);

/** Whether terms forbid (or do not establish) commercial use. */
export function blocksCommercialUse(terms: readonly AppliedTerms[]): boolean {
  return terms.some((t) => t.license !== undefined && (BLOCKS.has(t.license.class) || t.license.commercial_use.value === 'forbidden' || t.license.commercial_use.value === 'unknown'));
}

export interface RouteTerms {
  terms: AppliedTerms[];
  /** Set when the upstream is unknown and the readings differ: the weights-license reading not applied. */
  alternative?: AppliedTerms[];
}

/** The terms a route is checked under, with the aggregator's upstream taken into account. */
export function routeTerms(registry: Registry, chainIds: readonly string[], model: Model, serving: RouteServing): RouteTerms {
  const upstream = aggregatorUpstream(model, serving);
  const weights = governingTerms(registry, chainIds, serving.relationship);
  if (upstream === undefined || upstream === 'weights-host') return { terms: weights };
  const api = governingTerms(registry, chainIds, 'first-party-api');
  if (upstream === 'vendor-api') return { terms: api };
  // Unknown upstream: only a difference that changes a decision is worth a finding.
  if (blocksCommercialUse(weights) && !blocksCommercialUse(api)) return { terms: api, alternative: weights };
  return { terms: weights };
}
