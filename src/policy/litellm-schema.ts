/**
 * The part of a LiteLLM proxy config the linter reads, as a zod schema (loose: every other key is LiteLLM's
 * business and passes through). `isLitellmConfig` in litellm.ts is the same check without zod; shapes.test.ts
 * holds them equal. Format: https://docs.litellm.ai/docs/proxy/configs — docs/linter.md says which LiteLLM
 * source each key follows.
 */
import { z } from 'zod';

/** A fallback target: a model group or model id, or (LiteLLM's dict form) a model with call overrides. */
const FallbackTarget = z.union([z.string(), z.looseObject({ model: z.string(), api_base: z.string().nullish(), base_url: z.string().nullish() })]);

const LitellmParams = z.looseObject({
  model: z.string().min(1, 'litellm_params.model names the model the proxy calls; it cannot be empty'),
  api_base: z.string().nullish(),
  base_url: z.string().nullish(),
  /** Overrides the provider: LiteLLM's get_llm_provider prefixes the model with it. */
  custom_llm_provider: z.string().nullish(),
  /** completion(): `deployment_id` replaces the model with an Azure deployment; `azure: true` makes the provider Azure. */
  deployment_id: z.string().nullish(),
  azure: z.boolean().nullish(),
  region_name: z.string().nullish(),
  aws_region_name: z.string().nullish(),
  vertex_location: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  /** Per-deployment fallbacks: LiteLLM's completion() calls each of these model ids when the deployment fails. */
  fallbacks: z.array(FallbackTarget).nullish(),
});

const ModelEntry = z.looseObject({
  model_name: z.string().min(1, 'model_name is the group clients call; it cannot be empty'),
  litellm_params: LitellmParams,
  model_info: z.looseObject({ base_model: z.string().nullish() }).nullish(),
});

/** `[{group: [targets]}]`, or a bare target that applies to every group. */
const FallbackList = z.array(z.union([z.string(), z.record(z.string(), z.union([z.array(FallbackTarget), z.string()]))]));

const Settings = z
  .looseObject({
    model_group_alias: z.record(z.string(), z.union([z.string(), z.looseObject({ model: z.string() })])).nullish(),
    fallbacks: FallbackList.nullish(),
    context_window_fallbacks: FallbackList.nullish(),
    content_policy_fallbacks: FallbackList.nullish(),
    default_fallbacks: z.array(z.string()).nullish(),
    /** litellm_settings only: `litellm.model_alias_map` rewrites a model name to another before the call. */
    model_alias_map: z.record(z.string(), z.string()).nullish(),
    /** litellm_settings only: `litellm.model_fallbacks`, model ids completion() falls back to on every call. */
    model_fallbacks: z.array(FallbackTarget).nullish(),
    /** litellm_settings only: `litellm.api_base`, the api_base of every call that sets none. */
    api_base: z.string().nullish(),
  })
  .nullish();

export const LitellmConfigSchema = z.looseObject({
  /** Optional in one file: a config may take its whole model_list from `include:` files. */
  model_list: z.array(ModelEntry).nullish(),
  include: z.union([z.string(), z.array(z.string())]).nullish(),
  /** Set into the proxy's environment at startup (provider `*_API_BASE` variables among them). */
  environment_variables: z.record(z.string(), z.unknown()).nullish(),
  router_settings: Settings,
  litellm_settings: Settings,
});

export type LitellmConfig = z.infer<typeof LitellmConfigSchema>;
export type LitellmFallbackTarget = z.infer<typeof FallbackTarget>;
