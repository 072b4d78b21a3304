/**
 * Clearance's own tiered router config (content/routers/<id>.yaml): tiers of routes, each route a model
 * served by a provider or self-hosted, with an optional workload per tier for GPU sizing.
 * `clearance lint` also reads LiteLLM proxy configs; those are parsed in src/policy/litellm.ts, not here.
 */
import { z } from 'zod';
import { CountryCode, freeId, safeId } from './common.ts';
import { duplicateTierIssues } from './refinements.ts';
import { Precision } from './vocabulary.ts';

const Tag = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'tags are lower-case words with dashes, e.g. "sovereign", "regulated"')
  .describe('A tier tag; policies attach requirements and deny lists to tags (e.g. "sovereign", "regulated").');

export const RouterRoute = z
  .strictObject({
    model: freeId('name the model: a registry id (vendor/model) or any alias of it')
      .describe('Registry model id (e.g. "meta/llama-4-maverick-17b-128e-instruct") or any alias of it (Hugging Face repo id, LiteLLM id, provider id).'),
    via: safeId(/^[a-z0-9][a-z0-9._-]*$/, 'via is a provider id from content/providers, or "self-hosted"')
      .describe('Who serves it: a provider id (content/providers/<id>) or "self-hosted" (your own GPUs).'),
    region: z.string().min(1).optional().describe('The provider region id (e.g. "eu-central-1", "fr-par"), or a label for a self-hosted site.'),
    country: CountryCode.optional().describe('Country where the route runs; needed for self-hosted routes in tiers with regional requirements.'),
    precision: Precision.optional().describe('Numeric format the weights are served in (self-hosted routes).'),
    gpu: safeId(/^[a-z0-9][a-z0-9._-]*$/, 'gpu is an id from content/gpus').optional().describe('GPU id from content/gpus (self-hosted routes).'),
    gpus: z.number().int('gpus is a whole number').positive('gpus must be positive').optional().describe('GPUs per replica, when fixed by the deployment.'),
    note: z.string().optional().describe('Why this route is here.'),
  })
  .describe('One way a tier reaches a model.');
export type RouterRoute = z.infer<typeof RouterRoute>;

export const Workload = z
  .strictObject({
    requests_per_day: z.number().positive('requests_per_day must be positive').describe('Mean requests per day for the tier.'),
    input_tokens: z.number().int().positive('input_tokens must be positive').describe('Mean input (prompt) tokens per request.'),
    output_tokens: z.number().int().positive('output_tokens must be positive').describe('Mean output tokens per request.'),
    peak_factor: z.number().min(1, 'peak_factor is peak load ÷ mean load, at least 1').optional().describe('Peak load as a multiple of the mean (default set by the sizing engine).'),
    ttft_ms: z.number().positive().optional().describe('Target time to first token, milliseconds.'),
    tpot_ms: z.number().positive().optional().describe('Target time per output token, milliseconds.'),
  })
  .describe('Traffic the tier must serve, for GPU sizing.');
export type Workload = z.infer<typeof Workload>;

export const RouterTier = z
  .strictObject({
    id: safeId(/^[a-z0-9][a-z0-9-]*$/, 'tier ids are lower-case words with dashes').describe('Tier id, unique in the file; waivers may name it.'),
    name: z.string().min(1).optional().describe('Display name.'),
    description: z.string().optional().describe('What the tier is for.'),
    tags: z.array(Tag).default([]).describe('Tags that select policy requirements (e.g. "sovereign", "regulated").'),
    share: z.number().min(0, 'share is a fraction of traffic between 0 and 1').max(1, 'share is a fraction of traffic between 0 and 1').optional().describe('Fraction of all traffic this tier takes, 0–1.'),
    routes: z.array(RouterRoute).min(1, 'a tier needs at least one route').describe('Primary routes, load-balanced.'),
    fallbacks: z.array(RouterRoute).optional().describe('Fallback routes, tried when the primary routes fail; linted like primary routes.'),
    workload: Workload.optional(),
  })
  .describe('A tier of the router: a class of traffic and the models that serve it.');
export type RouterTier = z.infer<typeof RouterTier>;

export const RouterConfigSchema = z
  .strictObject({
    name: z.string().min(1).describe('Display name of the router config.'),
    description: z.string().optional().describe('What the stack is for.'),
    tiers: z.array(RouterTier).min(1, 'a router config needs at least one tier').describe('The tiers, in routing order.'),
  })
  .superRefine((config, ctx) => {
    for (const issue of duplicateTierIssues(config.tiers)) ctx.addIssue({ code: 'custom', ...issue });
  })
  .describe('A Clearance router config: tiers of routes to models.');
export type RouterConfig = z.infer<typeof RouterConfigSchema>;
