/**
 * Whether a license duty binds a route, from what sets it off (the obligation's `applies_when`), how the route
 * reaches the model, and what the policy says the organisation does. One table, shared by `clearance notice`
 * and the lint rule `license/obligations`. Pure.
 */
import type { ObligationTrigger, Policy } from '../registry/schema/index.ts';

/** Whether a duty binds: yes, only if something the policy does not settle is true, or for legal to read. */
export type DutyStanding = 'applies' | 'conditional' | 'legal-review';

export type Reach = 'self-hosted' | 'hosted';

/**
 * How each trigger meets each way of reaching the model. One table, so the reading is reviewable: the
 * organisation distributes weights only when the policy says so; it runs a product containing self-hosted
 * weights by definition of a route; whether a product built on a hosted provider "contains" the model is a
 * question for legal, so it is never decided here.
 */
export function standing(trigger: ObligationTrigger | undefined, reach: Reach, policy: Policy): { standing: DutyStanding; why: string } | undefined {
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

