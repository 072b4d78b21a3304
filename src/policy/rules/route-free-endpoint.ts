/** route/free-endpoint: a free variant or free tier (OpenRouter `:free`) with its own data and commercial terms. */
import { citedFact } from '../terms.ts';
import type { Evidence } from '../types.ts';
import { modelLabel, servedBy } from './describe.ts';
import type { Rule } from './types.ts';

/** OpenRouter's `:free` catalog variant (openrouter.ai/docs/guides/routing/model-variants/free). */
const FREE_VARIANT = /:free$/i;

export const rule: Rule = {
  code: 'route/free-endpoint',
  title: 'Free endpoint',
  defaultSeverity: 'warning',
  why: 'Free variants and free tiers are not the paid service with a zero price. OpenRouter’s `:free` variant is its own catalog entry, served by the endpoints that offer it free, with “different rate limits or availability” (OpenRouter docs, Free Variant), and the upstream endpoint’s data policy applies — OpenRouter treats endpoints with unknown policies as retaining and training on prompts. Gemini’s unpaid tier and trial keys of other vendors likewise come with other data and commercial terms, but nothing in a router config shows them — the API key decides — so the rule can only flag `:free` model ids. Production traffic on free endpoints needs legal’s look.',
  fix: 'Use the paid variant (drop `:free`), or have legal accept the free endpoint’s terms for this tier and record a waiver.',
  example: 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: openrouter/meta-llama/llama-3.3-70b-instruct:free',
  checkRoute(ctx) {
    if (ctx.route.format !== 'litellm' || ctx.serving.provider?.id !== 'openrouter' || !FREE_VARIANT.test(ctx.route.spec.trim())) return [];
    const provider = ctx.serving.provider.provider;
    const evidence: Evidence[] = [];
    if (provider.data_retention) evidence.push(citedFact(ctx.registry, 'provider openrouter · data_retention', provider.data_retention.summary, provider.data_retention));
    if (provider.trains_on_customer_data) evidence.push(citedFact(ctx.registry, 'provider openrouter · trains_on_customer_data', provider.trains_on_customer_data.summary, provider.trains_on_customer_data));
    return [
      {
        message: `${modelLabel(ctx)} ${servedBy(ctx)} uses the ":free" variant: a separate catalog entry with its own endpoints, rate limits and availability, whose upstream data policy (retention, training on prompts) applies instead of the paid endpoints'`,
        evidence,
      },
    ];
  },
};
