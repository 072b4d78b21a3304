/**
 * LiteLLM proxy configs → tiers and routes. Reads what decides which model is called:
 * `model_list[].model_name` (the model group, our tier), `litellm_params.model` (provider-prefixed id),
 * `api_base`, region fields and `tags`, `model_info.base_model`, `router_settings.model_group_alias`, and
 * `fallbacks` / `context_window_fallbacks` / `content_policy_fallbacks` / `default_fallbacks` in
 * `router_settings` or `litellm_settings`. Every other key is LiteLLM's business and passes through.
 * Format: https://docs.litellm.ai/docs/proxy/configs
 */
import { ruleUrl } from '../registry/codes.ts';
import type { DataPath } from '../registry/yaml-source.ts';
import { CONFIG_CODES } from './config-codes.ts';
import type { LitellmConfig } from './litellm-schema.ts';
import type { ConfigParseResult } from './router-config.ts';
import { shapeFindings } from './shape-findings.ts';
import type { Shapes } from './shapes.ts';
import type { Locate, RouteRef, TierInfo } from './types.ts';

const FALLBACK_KEYS = ['fallbacks', 'context_window_fallbacks', 'content_policy_fallbacks'] as const;

/** Bedrock cross-region inference profiles prefix the model id with a geography: `bedrock/eu.anthropic.…`. */
const BEDROCK_GEO = /^(?:(?:converse|invoke|converse_like)\/)?(us|eu|apac|jp|au|ca|us-gov|global)\./;

export function parseLitellmConfig(file: string, data: unknown, locate: Locate, shapes: Shapes): ConfigParseResult {
  const parsed = shapes.litellm(data);
  if (!parsed.ok) {
    return { findings: shapeFindings('config/invalid', file, parsed.issues, locate, `${CONFIG_CODES['config/invalid'].fix} See ${ruleUrl('config/invalid')}`) };
  }
  const config = parsed.value;
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
      // A Bedrock cross-region profile (`eu.…`) decides where inference runs; aws_region_name is only where the call enters.
      ...optional('region', bedrockGeo(params.model) ?? params.region_name ?? params.aws_region_name ?? params.vertex_location),
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

/**
 * The LitellmConfigSchema check (litellm-schema.ts) without zod: true exactly when the schema accepts `data`
 * (shapes.test.ts holds the two equal), so `clearance lint` needs zod only to explain a rejection.
 */
export function isLitellmConfig(data: unknown): data is LitellmConfig {
  if (!isRecord(data) || !Array.isArray(data.model_list)) return false;
  for (const entry of data.model_list as unknown[]) {
    if (!isRecord(entry) || !isNonEmptyString(entry.model_name)) return false;
    const params = entry.litellm_params;
    if (!isRecord(params) || !isNonEmptyString(params.model)) return false;
    if (!['api_base', 'region_name', 'aws_region_name', 'vertex_location'].every((key) => isNullish(params[key]) || typeof params[key] === 'string')) return false;
    if (!isNullish(params.tags) && !isStringArray(params.tags)) return false;
    const info = entry.model_info;
    if (!isNullish(info) && !(isRecord(info) && (isNullish(info.base_model) || typeof info.base_model === 'string'))) return false;
  }
  return isSettings(data.router_settings) && isSettings(data.litellm_settings);
}

function isSettings(settings: unknown): boolean {
  if (isNullish(settings)) return true;
  if (!isRecord(settings)) return false;
  const alias = settings.model_group_alias;
  if (!isNullish(alias) && !(isRecord(alias) && Object.values(alias).every((t) => typeof t === 'string' || (isRecord(t) && typeof t.model === 'string')))) return false;
  for (const key of FALLBACK_KEYS) {
    const list = settings[key];
    if (!isNullish(list) && !(Array.isArray(list) && list.every((e) => isRecord(e) && Object.values(e).every((t) => typeof t === 'string' || isStringArray(t))))) return false;
  }
  return isNullish(settings.default_fallbacks) || isStringArray(settings.default_fallbacks);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNullish(value: unknown): value is null | undefined {
  return value === null || value === undefined;
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function optional<K extends string>(key: K, value: string | null | undefined): Partial<Record<K, string>> {
  return value === null || value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);
}
