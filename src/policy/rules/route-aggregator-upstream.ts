/** route/aggregator-upstream: an aggregator route whose upstream (the vendor's API or a weights host) decides the terms and is not recorded. */
import { claimEvidence, licenseLabel } from '../terms.ts';
import { modelLabel, servedBy } from './describe.ts';
import type { Rule } from './types.ts';

export const rule: Rule = {
  code: 'route/aggregator-upstream',
  title: 'Aggregator upstream unknown',
  defaultSeverity: 'warning',
  why: 'An aggregator such as OpenRouter forwards each request to an upstream it picks. When that upstream is the vendor’s own API (OpenRouter serves Cohere’s, Anthropic’s and OpenAI’s models that way) the vendor’s API terms govern; when it is a host running the open weights, the weights license does — for a CC-BY-NC or research model, that is the difference between allowed and forbidden. Where the registry does not record the upstream and the two readings differ, the route is checked under the API terms and this warning names both.',
  fix: 'Pin the upstream (OpenRouter provider routing, e.g. `provider: {only: [cohere]}`) and record it in the registry (`routes[].relationship: first-party-api` on the aggregator’s route), or route to the vendor’s API directly.',
  example: 'model_list:\n  - model_name: rag\n    litellm_params:\n      model: openrouter/cohere/command-r-plus-08-2024',
  checkRoute(ctx) {
    if (!ctx.alternativeTerms) return [];
    const api = ctx.terms.filter((t) => t.license).map((t) => licenseLabel(t));
    const weights = ctx.alternativeTerms.filter((t) => t.license);
    const evidence = [...ctx.terms, ...ctx.alternativeTerms].flatMap((t) => (t.license ? [claimEvidence(ctx.registry, `license ${t.licenseId} · commercial_use`, t.license.commercial_use)] : []));
    return [
      {
        message: `${modelLabel(ctx)} ${servedBy(ctx)}: the registry does not record which upstream serves this route. From ${ctx.model.vendor}'s own API, ${api.join(' and ')} govern${api.length === 1 ? 's' : ''} and commercial use is allowed (this route was checked so); from a host that runs the weights, ${weights.map((t) => licenseLabel(t)).join(' and ')} would govern and forbid${weights.length === 1 ? 's' : ''} commercial use`,
        evidence,
      },
    ];
  },
};
