/**
 * The duties the routes' licenses set off, for what the organisation does: each route reaches its model in a
 * way (self-hosted weights, a hosted provider, the vendor's API), the policy says whether the organisation
 * distributes weights or products containing them, and each license obligation says what sets it off. The
 * same duty across routes is one entry with every location. Pure; `clearance notice` prints it.
 */
import type { Registry } from '../registry/registry.ts';
import type { License, ObligationTrigger, Policy } from '../registry/schema/index.ts';
import { resolverFor } from './evaluate.ts';
import { compareText } from './order.ts';
import { claimEvidence, governingTerms } from './terms.ts';
import type { Evidence, ParsedConfig, RouteRef, RouteRelationship } from './types.ts';

/** Whether a duty binds: yes, only if something the policy does not settle is true, or for legal to read. */
export type DutyStanding = 'applies' | 'conditional' | 'legal-review';

export interface DutyRoute {
  at: string;
  tier: string;
  model: string;
  relationship: RouteRelationship;
}

export interface NoticeDuty {
  obligation: License['obligations'][number];
  standing: DutyStanding;
  /** Why it stands so, in words (the reach of the routes and the policy's answer). */
  why: string;
  evidence: Evidence;
  routes: DutyRoute[];
}

export interface NoticeGroup {
  licenseId: string;
  license: License;
  /** Registry model ids the license reaches through these routes. */
  models: string[];
  duties: NoticeDuty[];
}

export interface Notice {
  groups: NoticeGroup[];
  /** What the organisation does, as the policy and the routes say. */
  distributes: boolean | undefined;
  trainsOnOutputs: boolean | undefined;
  selfHostedRoutes: number;
  hostedRoutes: number;
  /** Routes whose model the registry does not know: nothing can be said of their duties. */
  unresolved: RouteRef[];
}

type Reach = 'self-hosted' | 'hosted';

/**
 * How each trigger meets each way of reaching the model. One table, so the reading is reviewable: the
 * organisation distributes weights only when the policy says so; it runs a product containing self-hosted
 * weights by definition of a route; whether a product built on a hosted provider "contains" the model is a
 * question for legal, so it is never decided here.
 */
function standing(trigger: ObligationTrigger | undefined, reach: Reach, policy: Policy): { standing: DutyStanding; why: string } | undefined {
  const distributes = policy.organization.distributes;
  switch (trigger) {
    case 'use':
      return { standing: 'applies', why: 'it binds any use of the model' };
    case 'distribution':
      if (distributes === true) return { standing: 'applies', why: 'the policy says the organisation distributes weights or products that contain them' };
      if (reach === 'hosted') return undefined; // the provider holds the weights; nothing is copied to anyone
      if (distributes === false) return undefined;
      return { standing: 'conditional', why: 'it binds when copies of the weights are given to others; organization.distributes is not set in the policy' };
    case 'making-available':
      if (reach === 'self-hosted' || distributes === true) return { standing: 'applies', why: 'the organisation runs the weights in a product or service it makes available' };
      return { standing: 'legal-review', why: 'the model is served by a provider; whether the product "contains" it in the clause’s sense is for legal to decide' };
    case 'derivative-release':
      return {
        standing: 'conditional',
        why: policy.organization.trains_on_outputs === true
          ? 'it binds any model the organisation trains on this model or its outputs and then releases (the policy says it trains on outputs)'
          : 'it binds only a model trained on this model or its outputs that is released',
      };
    default:
      return { standing: 'legal-review', why: 'the registry does not record what sets this duty off' };
  }
}

export function noticeFor(configs: readonly ParsedConfig[], registry: Registry, policy: Policy): Notice {
  const resolver = resolverFor(registry);
  const groups = new Map<string, { license: License; models: Set<string>; duties: Map<string, NoticeDuty> }>();
  const notice: Notice = { groups: [], distributes: policy.organization.distributes, trainsOnOutputs: policy.organization.trains_on_outputs, selfHostedRoutes: 0, hostedRoutes: 0, unresolved: [] };
  for (const config of configs) {
    for (const route of config.routes) {
      let r = route.baseModel !== undefined ? resolver.resolveModel(route.baseModel) : resolver.resolveModel(route.spec, route.prefix);
      if (r.kind !== 'model' && route.baseModel !== undefined) r = resolver.resolveModel(route.spec, route.prefix);
      if (r.kind !== 'model') {
        notice.unresolved.push(route);
        continue;
      }
      const serving = resolver.serving(route, r.id);
      const reach: Reach = serving.relationship === 'self-hosted' ? 'self-hosted' : 'hosted';
      if (reach === 'self-hosted') notice.selfHostedRoutes++;
      else notice.hostedRoutes++;
      for (const terms of governingTerms(registry, resolver.chainIds(r.id), serving.relationship)) {
        if (!terms.license) continue;
        const group = groups.get(terms.licenseId) ?? { license: terms.license, models: new Set<string>(), duties: new Map() };
        group.models.add(terms.modelId);
        terms.license.obligations.forEach((obligation, i) => {
          const judged = standing(obligation.applies_when, reach, policy);
          if (!judged) return;
          const key = `${i}\u0000${judged.standing}`;
          const duty = group.duties.get(key) ?? {
            obligation,
            ...judged,
            evidence: claimEvidence(registry, `license ${terms.licenseId} · obligations[${i}] (${obligation.value})`, obligation),
            routes: [],
          };
          duty.routes.push({ at: `${route.file}:${route.line}:${route.column}`, tier: route.tier, model: r.id, relationship: serving.relationship });
          group.duties.set(key, duty);
        });
        groups.set(terms.licenseId, group);
      }
    }
  }
  const order: Record<DutyStanding, number> = { applies: 0, conditional: 1, 'legal-review': 2 };
  for (const id of [...groups.keys()].sort(compareText)) {
    const g = groups.get(id)!;
    const duties = [...g.duties.values()].sort((a, b) => order[a.standing] - order[b.standing]);
    if (duties.length > 0) notice.groups.push({ licenseId: id, license: g.license, models: [...g.models].sort(compareText), duties });
  }
  return notice;
}
