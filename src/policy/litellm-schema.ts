/**
 * The part of a LiteLLM proxy config the linter reads, as a zod schema (loose: every other key is LiteLLM's
 * business and passes through). `isLitellmConfig` in litellm.ts is the same check without zod; shapes.test.ts
 * holds them equal. Format: https://docs.litellm.ai/docs/proxy/configs
 */
import { z } from 'zod';

const LitellmParams = z.looseObject({
  model: z.string().min(1, 'litellm_params.model names the model the proxy calls; it cannot be empty'),
  api_base: z.string().nullish(),
  region_name: z.string().nullish(),
  aws_region_name: z.string().nullish(),
  vertex_location: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
});

const ModelEntry = z.looseObject({
  model_name: z.string().min(1, 'model_name is the group clients call; it cannot be empty'),
  litellm_params: LitellmParams,
  model_info: z.looseObject({ base_model: z.string().nullish() }).nullish(),
});

const FallbackList = z.array(z.record(z.string(), z.union([z.array(z.string()), z.string()])));

const Settings = z
  .looseObject({
    model_group_alias: z.record(z.string(), z.union([z.string(), z.looseObject({ model: z.string() })])).nullish(),
    fallbacks: FallbackList.nullish(),
    context_window_fallbacks: FallbackList.nullish(),
    content_policy_fallbacks: FallbackList.nullish(),
    default_fallbacks: z.array(z.string()).nullish(),
  })
  .nullish();

export const LitellmConfigSchema = z.looseObject({
  model_list: z.array(ModelEntry),
  router_settings: Settings,
  litellm_settings: Settings,
});

export type LitellmConfig = z.infer<typeof LitellmConfigSchema>;
