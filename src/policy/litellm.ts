/**
 * LiteLLM proxy configs → tiers and routes. Reads what decides which model is called:
 * `model_list[].model_name` (the model group, our tier), `litellm_params.model` (provider-prefixed id),
 * `api_base`, region fields and `tags`, `model_info.base_model`, `router_settings.model_group_alias`, and
 * `fallbacks` / `context_window_fallbacks` / `content_policy_fallbacks` / `default_fallbacks` in
 * `router_settings` or `litellm_settings`. Every other key is LiteLLM's business and passes through.
 * Format: https://docs.litellm.ai/docs/proxy/configs
 */
import { z } from 'zod';
import { ruleUrl } from '../registry/codes.ts';
import type { DataPath } from '../registry/yaml-source.ts';
import { CONFIG_CODES } from './config-codes.ts';
import type { ConfigParseResult } from './router-config.ts';
import type { Locate, RouteRef, TierInfo } from './types.ts';
import { zodFindings } from './zod-findings.ts';

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

const LitellmConfigSchema = z.looseObject({
  model_list: z.array(ModelEntry),
  router_settings: Settings,
  litellm_settings: Settings,
});

const FALLBACK_KEYS = ['fallbacks', 'context_window_fallbacks', 'content_policy_fallbacks'] as const;

/** Bedrock cross-region inference profiles prefix the model id with a geography: `bedrock/eu.anthropic.…`. */
const BEDROCK_GEO = /^(?:(?:converse|invoke)\/)?(us|eu|apac|jp|au|ca|us-gov|global)\./;

export function parseLitellmConfig(file: string, data: unknown, locate: Locate): ConfigParseResult {
  const parsed = LitellmConfigSchema.safeParse(data);
  if (!parsed.success) {
    return { findings: zodFindings('config/invalid', file, parsed.error, locate, `${CONFIG_CODES['config/invalid'].fix} See ${ruleUrl('config/invalid')}`) };
  }
  const config = parsed.data;
  const tiers = new Map<string, TierInfo>();
  const routes: RouteRef[] = [];

  config.model_list.forEach((entry, i) => {
    const params = entry.litellm_params;
    const tagPath: DataPath = ['model_list', i, 'model_name'];
    const tier = tiers.get(entry.model_name) ?? { id: entry.model_name, tags: [], path: tagPath, ...locate(tagPath) };
    for (const tag of params.tags ?? []) if (!tier.tags.includes(tag)) tier.tags.push(tag);
    tiers.set(entry.model_name, tier);
    const path: DataPath = ['model_list', i, 'litellm_params', 'model'];
    routes.push({
      ...routeFromSpec(file, params.model, path, locate),
      tier: entry.model_name,
      role: 'primary',
      ...optional('apiBase', params.api_base),
      ...optional('region', params.region_name ?? params.aws_region_name ?? params.vertex_location ?? bedrockGeo(params.model)),
      ...optional('baseModel', entry.model_info?.base_model),
    });
  });

  // Model groups, plus alias names that point at a group: fallbacks may name either.
  const groups = new Set(tiers.keys());
  for (const settingsKey of ['router_settings', 'litellm_settings'] as const) {
    for (const [alias, target] of Object.entries(config[settingsKey]?.model_group_alias ?? {})) {
      if (tiers.has(typeof target === 'string' ? target : target.model)) groups.add(alias);
    }
  }
  for (const settingsKey of ['router_settings', 'litellm_settings'] as const) {
    const settings = config[settingsKey];
    if (!settings) continue;
    for (const [alias, target] of Object.entries(settings.model_group_alias ?? {})) {
      const model = typeof target === 'string' ? target : target.model;
      if (groups.has(model)) continue;
      // An alias to a name that is not a model group: LiteLLM calls it as a model id, so lint it as one.
      const path: DataPath = [settingsKey, 'model_group_alias', alias, ...(typeof target === 'string' ? [] : ['model'])];
      routes.push({ ...routeFromSpec(file, model, path, locate), tier: alias, role: 'alias' });
    }
    for (const key of FALLBACK_KEYS) {
      settings[key]?.forEach((entry, i) => {
        for (const [group, targets] of Object.entries(entry)) {
          const list = typeof targets === 'string' ? [targets] : targets;
          list.forEach((target, j) => {
            if (groups.has(target)) return; // a model group: its deployments are linted where they are defined
            const path: DataPath = [settingsKey, key, i, group, ...(typeof targets === 'string' ? [] : [j])];
            routes.push({ ...routeFromSpec(file, target, path, locate), tier: group, role: 'fallback' });
          });
        }
      });
    }
    settings.default_fallbacks?.forEach((target, j) => {
      if (groups.has(target)) return;
      const path: DataPath = [settingsKey, 'default_fallbacks', j];
      routes.push({ ...routeFromSpec(file, target, path, locate), tier: 'default_fallbacks', role: 'fallback' });
    });
  }
  return { config: { file, format: 'litellm', tiers: [...tiers.values()], routes, findings: [] }, findings: [] };
}

function routeFromSpec(file: string, spec: string, path: DataPath, locate: Locate): Omit<RouteRef, 'tier' | 'role'> {
  const slash = spec.indexOf('/');
  return { file, format: 'litellm', spec, path, ...locate(path), ...(slash > 0 ? { prefix: spec.slice(0, slash).toLowerCase() } : {}) };
}

function bedrockGeo(model: string): string | undefined {
  if (!model.toLowerCase().startsWith('bedrock/')) return undefined;
  return BEDROCK_GEO.exec(model.slice('bedrock/'.length).toLowerCase())?.[1];
}

function optional<K extends string>(key: K, value: string | null | undefined): Partial<Record<K, string>> {
  return value === null || value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);
}
