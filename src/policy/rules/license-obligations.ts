/**
 * license/obligations: the duties a route takes on, by how the model is reached. Each obligation records what
 * sets it off (`applies_when`); duty-standing.ts reads it against the route's reach and the policy (the same
 * table `clearance notice` uses). One finding per license and way of reaching it, with every route. Info.
 */
import { standing, type DutyStanding } from '../duty-standing.ts';
import type { RouteRelationship } from '../types.ts';
import { claimEvidence, licenseLabel, type AppliedTerms } from '../terms.ts';
import type { Emitted, Rule } from './types.ts';

export type Reach = 'api-terms' | 'hosted-weights' | 'self-hosted' | 'unknown';

/** How a route reaches the model, for the terms it is governed by. */
export function reachOf(terms: Pick<AppliedTerms, 'basis'>, relationship: RouteRelationship): Reach {
  if (terms.basis === 'api-terms') return 'api-terms';
  if (relationship === 'self-hosted') return 'self-hosted';
  if (relationship === 'hosted-oss' || relationship === 'managed-cloud' || relationship === 'first-party-api') return 'hosted-weights';
  return 'unknown';
}

const REACH_TEXT: Record<Reach, string> = {
  'api-terms': 'reached through an API governed by these terms',
  'hosted-weights': 'reached through a provider that serves the weights (nothing is copied to you or from you)',
  'self-hosted': 'self-hosted (you run the weights in what you make available)',
  unknown: 'reached in a way the config does not say (no known provider), read as self-hosted',
};

const LABEL: Record<DutyStanding, string> = { applies: 'Duties', conditional: 'Only if', 'legal-review': 'For legal to read' };

export const rule: Rule = {
  code: 'license/obligations',
  title: 'License obligations',
  defaultSeverity: 'info',
  why: 'Using a model creates duties, and which ones bind depends on how it is reached and what the organisation does. Each license duty records what sets it off — any use (an acceptable-use policy), distributing the weights (license and NOTICE copies), making available a product that contains them (“Built with Llama”), releasing a model trained on it. Self-hosting makes the model available in your product; a hosted provider holds the weights, so distribution duties do not bind the route, and whether a product built on it “contains” the model is for legal; distributing is what the policy’s `organization.distributes` says. The rule lists, per license and way of reaching it, which duties bind, which depend on a fact, and which are for legal — once for all the routes that share them; a license that sets off nothing on these routes says nothing. They are not violations, but someone has to do them.',
  fix: 'Hand the list to whoever owns notices and product copy (`clearance notice` writes it as a NOTICE file); set `organization.distributes` to settle the distribution duties.',
  checkRoute(ctx) {
    const out: Emitted[] = [];
    for (const terms of ctx.terms) {
      const license = terms.license;
      if (!license || license.obligations.length === 0) continue;
      const reach = reachOf(terms, ctx.serving.relationship);
      const groups: Record<DutyStanding, string[]> = { applies: [], conditional: [], 'legal-review': [] };
      const dormant: string[] = [];
      license.obligations.forEach((o) => {
        const text = o.summary.replace(/\.$/, '');
        // The duties of API terms bind use of the service unless the registry says otherwise.
        const trigger = o.applies_when ?? (reach === 'api-terms' ? 'use' : undefined);
        const judged = standing(trigger, reach === 'hosted-weights' || reach === 'api-terms' ? 'hosted' : 'self-hosted', ctx.policy);
        if (!judged) dormant.push(text);
        else groups[judged.standing].push(judged.standing === 'applies' ? text : `${text} (${judged.why})`);
      });
      const evidence = license.obligations.map((o, i) => claimEvidence(ctx.registry, `license ${terms.licenseId} · obligations[${i}] (${o.value})`, o));
      const parts = (Object.keys(groups) as DutyStanding[]).filter((k) => groups[k].length > 0).map((k) => ` ${LABEL[k]}: ${groups[k].join('; ')}.`);
      // Nothing binds, depends or needs legal: silence (the duties it does not set off are no one's task).
      if (parts.length === 0) continue;
      const message = [
        `${licenseLabel(terms)}, ${REACH_TEXT[reach]}.`,
        parts.join(''),
        dormant.length > 0 ? ` Not set off by these routes: ${dormant.join('; ')}.` : '',
      ].join('');
      out.push({ message, evidence, collapse: `${terms.licenseId}|${reach}` });
    }
    return out;
  },
};
