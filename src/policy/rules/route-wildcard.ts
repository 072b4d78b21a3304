/** route/wildcard: a route that accepts any model (`*`, `openai/*`). Fails closed. */
import type { Rule } from './types.ts';

export const rule: Rule = {
  code: 'route/wildcard',
  title: 'Wildcard route',
  defaultSeverity: 'error',
  why: 'A wildcard (`*`, `openai/*`, `anthropic/*`) or a model router (`openrouter/openrouter/auto`, `openrouter/openrouter/free`) lets clients or the aggregator call any model, including ones whose license forbids your use. The linter cannot check models it cannot see, so it fails closed.',
  fix: 'List the models the proxy may call, one model_list entry (or route) each.',
  example: 'model_list:\n  - model_name: "*"\n    litellm_params:\n      model: openai/*',
  checkRef(ctx) {
    if (ctx.resolution.kind !== 'wildcard') return [];
    const provider = /^([^/*]+)\/\*$/.exec(ctx.route.spec)?.[1];
    const router = !ctx.route.spec.includes('*');
    const scope = router ? 'whichever model the aggregator picks per request (OpenRouter’s Auto or Free Models Router)' : provider ? `any model of the "${provider}" provider` : 'any model';
    return [{ message: `"${ctx.route.spec}" routes to ${scope}; the licenses of the models it reaches cannot be checked` }];
  },
};
