/**
 * The duties the routes' licenses set off, for what the organisation does: each route reaches its model in a
 * way (self-hosted weights, a hosted provider, the vendor's API), the policy says whether the organisation
 * distributes weights or products containing them, and each license obligation says what sets it off. The
 * same duty across routes is one entry with every location. Pure; `clearance notice` prints it.
 */
import type { Registry } from '../registry/registry.ts';
import type { License, Policy } from '../registry/schema/index.ts';
import { resolverFor } from './evaluate.ts';
import { standing, type DutyStanding, type Reach } from './duty-standing.ts';
import { compareText } from './order.ts';
import { claimEvidence, governingTerms } from './terms.ts';
import type { Evidence, ParsedConfig, RouteRef, RouteRelationship } from './types.ts';


export type { DutyStanding } from './duty-standing.ts';

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
