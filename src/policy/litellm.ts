/**
 * LiteLLM proxy configs → tiers and routes, read the way LiteLLM loads and routes them (docs/linter.md, "How
 * Clearance reads a LiteLLM config", cites the LiteLLM source for each step):
 * - `model_list[].model_name` is the model group (our tier); `litellm_params.model` the provider-prefixed id
 *   (as `deployment_id`, `azure` and `custom_llm_provider` change it); `base_url`/`api_base`,
 *   `litellm_settings.api_base` and provider `*_API_BASE` environment variables decide the host (serving.ts);
 *   region fields and `tags`; `model_info.base_model`.
 * - Every place LiteLLM reaches a model from is a route: `litellm_params.fallbacks`,
 *   `litellm_settings.model_fallbacks`, `fallbacks`, `context_window_fallbacks`, `content_policy_fallbacks` and
 *   `default_fallbacks` (router_settings or litellm_settings), `model_group_alias`,
 *   `litellm_settings.model_alias_map`. A fallback to another model group serves the first group's traffic, so
 *   the reached group's deployments are linted under the first group's tier (and tags), transitively;
 *   `default_fallbacks` and `*` fallbacks serve every group.
 * - `include:` files are merged as LiteLLM merges them (router-config.ts reads them); every route keeps the
 *   file:line:col it is written at.
 */
import { ruleUrl } from '../registry/codes.ts';
import type { DataPath } from '../registry/yaml-source.ts';
import { CONFIG_CODES } from './config-codes.ts';
import type { LitellmConfig, LitellmFallbackTarget } from './litellm-schema.ts';
import { KNOWN_LITELLM_PREFIXES } from './resolve.ts';
import type { ConfigParseResult } from './router-config.ts';
import { SELF_HOSTED_PREFIXES } from './serving.ts';
import { LITELLM_PROVIDERS } from './spellings.ts';
import type { Locate, PolicyFinding, RouteRef, TierInfo } from './types.ts';

/** One shape-checked file of a LiteLLM config: the config itself first, then its `include:` files in load order. */
export interface LitellmDoc {
  file: string;
  config: LitellmConfig;
  locate: Locate;
}

const FALLBACK_KEYS = ['fallbacks', 'context_window_fallbacks', 'content_policy_fallbacks'] as const;
const SETTINGS_KEYS = ['router_settings', 'litellm_settings'] as const;

/** Route expansion budget: fallbacks that fan every group out to every other group are refused past it. */
export const MAX_EXPANDED_ROUTES = 50_000;
/** Fallback-graph walking budget (edges visited over all groups), for the same reason. */
const MAX_EXPANSION_STEPS = 5_000_000;

/** Bedrock cross-region inference profiles prefix the model id with a geography: `bedrock/eu.anthropic.…`. */
const BEDROCK_GEO = /^(?:(?:converse|invoke|converse_like)\/)?(us|eu|apac|jp|au|ca|us-gov|global)\./;

const PROVIDER_NAMES = new Set([...KNOWN_LITELLM_PREFIXES, ...LITELLM_PROVIDERS, ...SELF_HOSTED_PREFIXES]);

type Shared = Pick<RouteRef, 'env' | 'litellmApiBase'>;

interface Deployment {
  doc: LitellmDoc;
  index: number;
  group: string;
  params: NonNullable<LitellmConfig['model_list']>[number]['litellm_params'];
  baseModel?: string;
}

interface Place {
  doc: LitellmDoc;
  path: DataPath;
}

interface ModelTarget extends Place {
  spec: string;
  apiBase?: { value: string; from: string };
}

interface GroupEdge extends Place {
  to: string;
  /** A dict target's api_base/base_url: the router's call overrides the deployment's own (`{**data, **kwargs}`). */
  apiBase?: { value: string; from: string };
}

class TooManyRoutes extends Error {}

/** Reads shape-checked LiteLLM documents (the config and its includes) into tiers and routes. */
export function buildLitellmConfig(input: readonly LitellmDoc[]): ConfigParseResult {
  // Fallbacks re-place the same deployments under many tiers: positions are looked up once.
  const docs = input.map((doc) => ({ ...doc, locate: memoLocate(doc.locate) }));
  const main = docs[0]!;
  const lastWith = <K extends keyof LitellmConfig>(key: K) => [...docs].reverse().find((d) => d.config[key] !== undefined && d.config[key] !== null)?.config[key];
  // Settings LiteLLM reads as a whole take the last file's value (an include replaces a key it also sets).
  const env = new Map<string, string>();
  for (const [key, value] of Object.entries(lastWith('environment_variables') ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') env.set(key, String(value));
  }
  const litellmApiBase = lastWith('litellm_settings')?.api_base ?? undefined;
  const shared: Shared = { env, ...(litellmApiBase ? { litellmApiBase } : {}) };

  const tiers = new Map<string, TierInfo>();
  const deployments = new Map<string, Deployment[]>();
  for (const doc of docs) {
    doc.config.model_list?.forEach((entry, index) => {
      const group = entry.model_name;
      const tagPath: DataPath = ['model_list', index, 'model_name'];
      const tier = tiers.get(group) ?? { id: group, tags: [], path: tagPath, ...doc.locate(tagPath), ...(doc !== main ? { file: doc.file } : {}) };
      for (const tag of entry.litellm_params.tags ?? []) if (!tier.tags.includes(tag)) tier.tags.push(tag);
      tiers.set(group, tier);
      const list = deployments.get(group) ?? [];
      list.push({ doc, index, group, params: entry.litellm_params, ...(entry.model_info?.base_model ? { baseModel: entry.model_info.base_model } : {}) });
      deployments.set(group, list);
    });
  }
  const groups = [...tiers.keys()];
  const isGroup = (name: string) => tiers.has(name);

  // model_group_alias: alias → group (or, when the target is no group, a model id LiteLLM calls).
  const aliasGroups = new Map<string, Set<string>>();
  const aliasModels: (ModelTarget & { alias: string })[] = [];
  for (const doc of docs) {
    for (const settingsKey of SETTINGS_KEYS) {
      for (const [alias, target] of Object.entries(doc.config[settingsKey]?.model_group_alias ?? {})) {
        const model = typeof target === 'string' ? target : target.model;
        const path: DataPath = [settingsKey, 'model_group_alias', alias, ...(typeof target === 'string' ? [] : ['model'])];
        if (isGroup(model)) {
          const set = aliasGroups.get(alias) ?? new Set<string>();
          set.add(model);
          aliasGroups.set(alias, set);
        } else {
          aliasModels.push({ alias, spec: model, doc, path });
        }
      }
    }
  }
  const namedGroups = (name: string): string[] => [...(isGroup(name) ? [name] : []), ...(aliasGroups.get(name) ?? [])];

  // litellm_settings.model_alias_map: litellm.model_alias_map rewrites a model name before the call.
  const aliasMap = new Map<string, (Place & { spec: string })[]>();
  for (const doc of docs) {
    for (const [key, target] of Object.entries(doc.config.litellm_settings?.model_alias_map ?? {})) {
      const list = aliasMap.get(key) ?? [];
      list.push({ doc, path: ['litellm_settings', 'model_alias_map', key], spec: target });
      aliasMap.set(key, list);
    }
  }

  // Fallback keys → the groups they serve: the group itself, an alias of it, the group name without its
  // provider prefix (LiteLLM's _check_stripped_model_group), or `*` (every group; default_fallbacks).
  const keyGroups = (key: string): string[] => {
    if (key === '*') return groups;
    const out = new Set(namedGroups(key));
    for (const group of groups) {
      const slash = group.indexOf('/');
      if (slash > 0 && PROVIDER_NAMES.has(group.slice(0, slash).toLowerCase()) && group.slice(slash + 1) === key) out.add(group);
    }
    return [...out];
  };
  const groupEdges = new Map<string, GroupEdge[]>();
  const starEdges: GroupEdge[] = [];
  const modelTargets = new Map<string, ModelTarget[]>();
  const starModels: ModelTarget[] = [];
  const unmatched: (ModelTarget & { key: string })[] = [];
  const addTarget = (key: string, target: LitellmFallbackTarget, doc: LitellmDoc, path: DataPath) => {
    const name = typeof target === 'string' ? target : target.model;
    const targetPath = typeof target === 'string' ? path : [...path, 'model'];
    const sources = key === '*' ? undefined : keyGroups(key);
    const toGroups = namedGroups(name);
    const override = typeof target === 'string' ? undefined : target.base_url ? { value: target.base_url, from: 'base_url of the fallback' } : target.api_base ? { value: target.api_base, from: 'api_base of the fallback' } : undefined;
    if (toGroups.length > 0) {
      for (const to of toGroups) {
        const edge: GroupEdge = { to, doc, path: targetPath, ...(override ? { apiBase: override } : {}) };
        if (sources === undefined) starEdges.push(edge);
        else for (const from of sources) push(groupEdges, from, edge);
      }
      return;
    }
    // A model_group_alias that names a model id: the fallback calls that model (linted where the alias writes it).
    const aliased = aliasModels.filter((a) => a.alias === name);
    const models: ModelTarget[] = aliased.length > 0 ? aliased : [{ spec: name, doc, path: targetPath, ...(override ? { apiBase: override } : {}) }];
    for (const model of models) {
      if (sources === undefined) starModels.push(model);
      else if (sources.length === 0) unmatched.push({ ...model, key });
      else for (const from of sources) push(modelTargets, from, model);
    }
  };
  for (const doc of docs) {
    for (const settingsKey of SETTINGS_KEYS) {
      const settings = doc.config[settingsKey];
      if (!settings) continue;
      for (const key of FALLBACK_KEYS) {
        settings[key]?.forEach((entry, i) => {
          // A bare entry in the list is a fallback for every group (LiteLLM's get_fallback_model_group).
          if (typeof entry === 'string') return addTarget('*', entry, doc, [settingsKey, key, i]);
          for (const [group, targets] of Object.entries(entry)) {
            if (typeof targets === 'string') addTarget(group, targets, doc, [settingsKey, key, i, group]);
            else targets.forEach((target, j) => addTarget(group, target, doc, [settingsKey, key, i, group, j]));
          }
        });
      }
      settings.default_fallbacks?.forEach((target, j) => addTarget('*', target, doc, [settingsKey, 'default_fallbacks', j]));
      // litellm.model_fallbacks: completion() falls back to these model ids on every call (litellm_settings only).
      if (settingsKey === 'litellm_settings') {
        settings.model_fallbacks?.forEach((target, j) => {
          const name = typeof target === 'string' ? target : target.model;
          starModels.push({ spec: name, doc, path: ['litellm_settings', 'model_fallbacks', j, ...(typeof target === 'string' ? [] : ['model'])] });
        });
      }
    }
  }

  const routes: RouteRef[] = [];
  const seen = new Set<string>();
  const add = (route: RouteRef) => {
    const key = `${route.tier}\u0000${route.file}\u0000${route.path.join('\u0000')}\u0000${route.spec}\u0000${route.apiBase ?? ''}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (routes.length >= MAX_EXPANDED_ROUTES) throw new TooManyRoutes();
    routes.push(route);
  };
  const modelRoute = (target: ModelTarget, tier: string, role: RouteRef['role'], through?: string) => {
    const route: RouteRef = {
      ...routeFromSpec(target.doc, target.spec, target.path),
      ...shared,
      ...(target.apiBase ? { apiBase: target.apiBase.value, apiBaseFrom: target.apiBase.from } : {}),
      tier,
      role,
      ...(through ? { through } : {}),
    };
    add(route);
    rewrites(route, target.spec, tier, through);
  };
  /** model_alias_map: the call goes to the alias target instead; lint it in the same place. */
  const rewrites = (route: RouteRef, spec: string, tier: string, through?: string) => {
    for (const alias of aliasMap.get(spec) ?? []) {
      add({ ...route, ...routeFromSpec(alias.doc, alias.spec, alias.path), tier, through: `${through ? `${through}; ` : ''}litellm_settings.model_alias_map rewrites "${spec}" to "${alias.spec}"` });
    }
  };
  const deploymentRoutes = (d: Deployment, tier: string, role: RouteRef['role'], at?: Place, through?: string, override?: GroupEdge['apiBase']) => {
    const base: DataPath = ['model_list', d.index, 'litellm_params'];
    const spec = calledModel(d.params);
    const own = routeFromSpec(d.doc, spec, [...base, 'model']);
    // completion(): `if base_url is not None: api_base = base_url`, so base_url wins.
    const apiBase = override
      ? { apiBase: override.value, apiBaseFrom: override.from }
      : d.params.base_url
        ? { apiBase: d.params.base_url, apiBaseFrom: 'litellm_params.base_url' }
        : d.params.api_base
          ? { apiBase: d.params.api_base, apiBaseFrom: 'litellm_params.api_base' }
          : {};
    const region = bedrockGeo(spec) ?? d.params.region_name ?? d.params.aws_region_name ?? d.params.vertex_location;
    const baseModelPath: DataPath = ['model_list', d.index, 'model_info', 'base_model'];
    const route: RouteRef = {
      ...own,
      ...(at ? { file: at.doc.file, path: at.path, ...at.doc.locate(at.path) } : {}),
      ...shared,
      ...apiBase,
      tier,
      role,
      ...(region ? { region } : {}),
      ...(d.baseModel ? { baseModel: d.baseModel, baseModelPath, baseModelAt: d.doc.locate(baseModelPath) } : {}),
      ...(through ? { through: `${through} (deployment ${spec} at ${d.doc.file}:${own.line}:${own.column})` } : {}),
    };
    add(route);
    rewrites(route, d.params.model, tier, through);
    // litellm_params.fallbacks: completion() calls each of these model ids when the deployment fails.
    d.params.fallbacks?.forEach((target, j) => {
      const name = typeof target === 'string' ? target : target.model;
      const path: DataPath = [...base, 'fallbacks', j, ...(typeof target === 'string' ? [] : ['model'])];
      modelRoute({ spec: name, doc: d.doc, path, ...(typeof target !== 'string' && target.api_base ? { apiBase: { value: target.api_base, from: 'api_base of the fallback' } } : {}) }, tier, 'fallback', through);
    });
  };

  try {
    for (const [group, list] of deployments) for (const d of list) deploymentRoutes(d, group, 'primary');
    for (const target of aliasModels) {
      modelRoute(target, target.alias, 'alias');
    }
    for (const target of unmatched) modelRoute(target, target.key, 'fallback');
    // Every group: what its fallbacks reach, transitively, is linted under its tier.
    let steps = 0;
    for (const start of groups) {
      const parent = new Map<string, { from: string; edge: GroupEdge }>();
      const overridden: { from: string; edge: GroupEdge }[] = [];
      const queue = [start];
      for (let i = 0; i < queue.length; i++) {
        const from = queue[i]!;
        for (const edges of [groupEdges.get(from), starEdges]) {
          for (const edge of edges ?? []) {
            if (++steps > MAX_EXPANSION_STEPS) throw new TooManyRoutes();
            if (edge.apiBase && edge.to !== start) overridden.push({ from, edge });
            if (edge.to === start || parent.has(edge.to)) continue;
            parent.set(edge.to, { from, edge });
            queue.push(edge.to);
          }
        }
      }
      for (const group of queue) {
        const chain = group === start ? undefined : chainText(start, group, parent);
        if (group !== start) {
          const { edge } = parent.get(group)!;
          for (const d of deployments.get(group) ?? []) deploymentRoutes(d, start, 'fallback', edge, chain);
        }
        for (const target of modelTargets.get(group) ?? []) modelRoute(target, start, 'fallback', chain);
      }
      for (const target of starModels) modelRoute(target, start, 'fallback');
      // A fallback that names a group with its own api_base calls that group's deployments at that host.
      for (const { edge } of overridden) {
        const chain = `${chainText(start, edge.to, parent)}, with ${edge.apiBase!.from}`;
        for (const d of deployments.get(edge.to) ?? []) deploymentRoutes(d, start, 'fallback', edge, chain, edge.apiBase);
      }
    }
    if (groups.length === 0) for (const target of starModels) modelRoute(target, '*', 'fallback');
    // model_alias_map keys that name a group or nothing the config defines: lint the target under that name.
    const called = new Set(routes.map((r) => r.spec));
    for (const [key, list] of aliasMap) {
      const tiersOf = namedGroups(key);
      if (tiersOf.length === 0 && called.has(key)) continue; // rewrites a model the config calls: linted with that call
      for (const alias of list) for (const tier of tiersOf.length > 0 ? tiersOf : [key]) modelRoute({ ...alias }, tier, 'alias', `litellm_settings.model_alias_map rewrites "${key}"`);
    }
  } catch (error) {
    if (!(error instanceof TooManyRoutes)) throw error;
    return { findings: [tooManyRoutes(main)] };
  }
  return { config: { file: main.file, format: 'litellm', tiers: [...tiers.values()], routes, findings: [] }, findings: [] };
}

function memoLocate(locate: Locate): Locate {
  const seen = new Map<string, ReturnType<Locate>>();
  return (path) => {
    const key = path.join('\u0000');
    let at = seen.get(key);
    if (at === undefined) {
      at = locate(path);
      seen.set(key, at);
    }
    return at;
  };
}

function chainText(start: string, group: string, parent: ReadonlyMap<string, { from: string }>): string {
  const names = [group];
  for (let at = parent.get(group); at !== undefined && names.length < 8; at = parent.get(at.from)) names.unshift(at.from);
  if (names[0] !== start) names.unshift(start, '…');
  return `reached as a fallback of "${start}": ${names.map((n) => `"${n}"`).join(' → ')}`;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function tooManyRoutes(main: LitellmDoc): PolicyFinding {
  return {
    code: 'config/invalid',
    severity: 'error',
    message: `the fallbacks and aliases of this config reach more than ${MAX_EXPANDED_ROUTES} (tier, model) routes; the linter refuses to guess which of them are checked`,
    hint: `Give fewer groups fallbacks to every other group (default_fallbacks, "*"), or split the config. ${CONFIG_CODES['config/invalid'].fix} See ${ruleUrl('config/invalid')}`,
    file: main.file,
    line: 1,
    column: 1,
    path: '',
    evidence: [],
  };
}

function routeFromSpec(doc: LitellmDoc, spec: string, path: DataPath): Omit<RouteRef, 'tier' | 'role'> {
  const slash = spec.indexOf('/');
  return { file: doc.file, format: 'litellm', spec, path, ...doc.locate(path), ...(slash > 0 ? { prefix: spec.slice(0, slash).toLowerCase() } : {}) };
}

/**
 * The model string completion() calls for a deployment: `deployment_id` replaces it with an Azure deployment,
 * `azure: true` or `custom_llm_provider` prefix it with their provider when it does not start with it already
 * (get_llm_provider).
 */
function calledModel(params: Deployment['params']): string {
  if (params.deployment_id) return `azure/${params.deployment_id}`;
  const provider = params.azure === true ? 'azure' : params.custom_llm_provider?.trim();
  return provider && params.model.split('/')[0] !== provider ? `${provider}/${params.model}` : params.model;
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
  if (!isRecord(data)) return false;
  if (!isNullish(data.model_list)) {
    if (!Array.isArray(data.model_list)) return false;
    for (const entry of data.model_list as unknown[]) {
      if (!isRecord(entry) || !isNonEmptyString(entry.model_name)) return false;
      const params = entry.litellm_params;
      if (!isRecord(params) || !isNonEmptyString(params.model)) return false;
      if (!['api_base', 'base_url', 'custom_llm_provider', 'region_name', 'aws_region_name', 'vertex_location'].every((key) => isNullish(params[key]) || typeof params[key] === 'string')) return false;
      if (!isNullish(params.tags) && !isStringArray(params.tags)) return false;
      if (!isNullish(params.fallbacks) && !(Array.isArray(params.fallbacks) && params.fallbacks.every(isFallbackTarget))) return false;
      if (!isNullish(params.deployment_id) && typeof params.deployment_id !== 'string') return false;
      if (!isNullish(params.azure) && typeof params.azure !== 'boolean') return false;
      const info = entry.model_info;
      if (!isNullish(info) && !(isRecord(info) && (isNullish(info.base_model) || typeof info.base_model === 'string'))) return false;
    }
  }
  if (!isNullish(data.include) && typeof data.include !== 'string' && !isStringArray(data.include)) return false;
  if (!isNullish(data.environment_variables) && !isRecord(data.environment_variables)) return false;
  return isSettings(data.router_settings) && isSettings(data.litellm_settings);
}

function isFallbackTarget(t: unknown): boolean {
  return typeof t === 'string' || (isRecord(t) && typeof t.model === 'string' && (isNullish(t.api_base) || typeof t.api_base === 'string') && (isNullish(t.base_url) || typeof t.base_url === 'string'));
}

function isSettings(settings: unknown): boolean {
  if (isNullish(settings)) return true;
  if (!isRecord(settings)) return false;
  const alias = settings.model_group_alias;
  if (!isNullish(alias) && !(isRecord(alias) && Object.values(alias).every((t) => typeof t === 'string' || (isRecord(t) && typeof t.model === 'string')))) return false;
  for (const key of FALLBACK_KEYS) {
    const list = settings[key];
    if (!isNullish(list) && !(Array.isArray(list) && list.every((e) => typeof e === 'string' || (isRecord(e) && Object.values(e).every((t) => typeof t === 'string' || (Array.isArray(t) && t.every(isFallbackTarget))))))) return false;
  }
  const map = settings.model_alias_map;
  if (!isNullish(map) && !(isRecord(map) && Object.values(map).every((t) => typeof t === 'string'))) return false;
  if (!isNullish(settings.api_base) && typeof settings.api_base !== 'string') return false;
  if (!isNullish(settings.model_fallbacks) && !(Array.isArray(settings.model_fallbacks) && settings.model_fallbacks.every(isFallbackTarget))) return false;
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
