/**
 * A LiteLLM proxy config reduced to the routes a policy allows: `model_list` keeps the deployments that pass,
 * every fallback, alias and default list is rewritten so no path leads to a removed group, and new virtual keys
 * default to an access group holding only the allowed deployments. Deny by default comes from LiteLLM itself:
 * the proxy rejects a model name that is not in `model_list` (and a config with a wildcard route would accept
 * anything, so wildcards never survive: the linter fails them). Pure; the keys used are documented in
 * docs/linter.md with LiteLLM's pages. Comments of the input are not kept: the output is generated. It is written
 * as YAML 1.1, the dialect LiteLLM's PyYAML reads, so strings such as "2024-10-21" or "no" stay quoted strings.
 */
import { stringify } from 'yaml';
import type { RouteVerdict } from '../policy/allowlist.ts';

/** The access group every kept deployment joins, and the default model list of new virtual keys. */
export const APPROVED_ACCESS_GROUP = 'clearance-approved';

const FALLBACK_KEYS = ['fallbacks', 'context_window_fallbacks', 'content_policy_fallbacks'] as const;
const SETTINGS_KEYS = ['router_settings', 'litellm_settings'] as const;

export interface LitellmAllowlistMeta {
  version: string;
  policy: string;
  date: string;
  /** The config as the user named it. */
  file: string;
}

export interface LitellmAllowlist {
  text: string;
  /** Model groups left with no deployment. */
  removedGroups: string[];
}

type Data = Record<string, unknown>;

/**
 * `data` is the parsed LiteLLM config (merge keys applied); `verdicts` are the judged routes of that file.
 * Paths in the verdicts are data paths into `data`.
 */
export function litellmAllowlist(data: Data, verdicts: readonly RouteVerdict[], meta: LitellmAllowlistMeta): LitellmAllowlist {
  const out = structuredClone(data);
  const blocked = new Set(verdicts.filter((v) => !v.allowed).map((v) => pathKey(v.route.path)));
  const blockedUnder = (prefix: readonly (string | number)[]) => [...blocked].some((k) => k === pathKey(prefix) || k.startsWith(`${pathKey(prefix)}\u0000`));
  const expiry = new Map<number, string>();
  for (const v of verdicts) {
    const [root, index] = v.route.path;
    if (root === 'model_list' && typeof index === 'number' && v.expires !== undefined) {
      const prior = expiry.get(index);
      if (prior === undefined || v.expires < prior) expiry.set(index, v.expires);
    }
  }

  // model_list: a deployment stays when no route inside it is blocked.
  const list = Array.isArray(out.model_list) ? (out.model_list as Data[]) : [];
  const before = new Set(list.map((e) => String(e.model_name)));
  const kept: Data[] = [];
  list.forEach((entry, i) => {
    if (blockedUnder(['model_list', i])) return;
    const info = isRecord(entry.model_info) ? { ...entry.model_info } : {};
    const groups = Array.isArray(info.access_groups) ? (info.access_groups as unknown[]).filter((g) => typeof g === 'string') : [];
    info.access_groups = groups.includes(APPROVED_ACCESS_GROUP) ? groups : [...groups, APPROVED_ACCESS_GROUP];
    const until = expiry.get(i);
    if (until !== undefined) info.clearance_allowed_until = until;
    kept.push({ ...entry, model_info: info });
  });
  out.model_list = kept;
  const groups = new Set(kept.map((e) => String(e.model_name)));
  const accessGroups = new Set(kept.flatMap((e) => ((e.model_info as Data).access_groups as string[])));
  const removedGroups = [...before].filter((g) => !groups.has(g)).sort();

  for (const key of SETTINGS_KEYS) {
    const settings = out[key];
    if (!isRecord(settings)) continue;
    // Aliases to a group that is gone would resolve to nothing; drop them rather than leave a dead name.
    if (isRecord(settings.model_group_alias)) {
      for (const [alias, target] of Object.entries(settings.model_group_alias)) {
        const model = typeof target === 'string' ? target : isRecord(target) ? target.model : undefined;
        if (typeof model !== 'string' || !groups.has(model) || blockedUnder([key, 'model_group_alias', alias])) delete settings.model_group_alias[alias];
        else groups.add(alias);
      }
    }
    for (const fallbackKey of FALLBACK_KEYS) {
      const entries = settings[fallbackKey];
      if (!Array.isArray(entries)) continue;
      const rewritten: Data[] = [];
      entries.forEach((entry: unknown, i) => {
        if (!isRecord(entry)) return;
        const next: Data = {};
        for (const [group, targets] of Object.entries(entry)) {
          if (!groups.has(group)) continue;
          const listed = typeof targets === 'string' ? [targets] : Array.isArray(targets) ? targets : [];
          const live = listed.filter((t, j) => typeof t === 'string' && groups.has(t) && !blockedUnder([key, fallbackKey, i, group, ...(typeof targets === 'string' ? [] : [j])]));
          if (live.length > 0) next[group] = live;
        }
        if (Object.keys(next).length > 0) rewritten.push(next);
      });
      settings[fallbackKey] = rewritten;
    }
    if (Array.isArray(settings.default_fallbacks)) {
      settings.default_fallbacks = settings.default_fallbacks.filter((t: unknown, j: number) => typeof t === 'string' && groups.has(t) && !blockedUnder([key, 'default_fallbacks', j]));
    }
    if (isRecord(settings.model_alias_map)) {
      for (const [alias, target] of Object.entries(settings.model_alias_map)) if (typeof target !== 'string' || !groups.has(target)) delete settings.model_alias_map[alias];
    }
  }

  // New virtual keys: only the approved group unless the config already narrowed them further.
  const litellmSettings = isRecord(out.litellm_settings) ? out.litellm_settings : (out.litellm_settings = {});
  const keyDefaults = isRecord(litellmSettings.default_key_generate_params) ? litellmSettings.default_key_generate_params : (litellmSettings.default_key_generate_params = {});
  const reachable = (name: unknown) => typeof name === 'string' && (groups.has(name) || accessGroups.has(name));
  const notes: string[] = [];
  if (Array.isArray(keyDefaults.models) && keyDefaults.models.length > 0) {
    const narrowed = keyDefaults.models.filter(reachable);
    if (narrowed.length === 0) notes.push(`default_key_generate_params.models named only removed models; set to ["${APPROVED_ACCESS_GROUP}"]`);
    keyDefaults.models = narrowed.length > 0 ? narrowed : [APPROVED_ACCESS_GROUP];
  } else {
    // An empty or missing list lets a new key call every model (LiteLLM's virtual-key docs): close it.
    keyDefaults.models = [APPROVED_ACCESS_GROUP];
  }
  if (Array.isArray(litellmSettings.default_team_settings)) {
    for (const team of litellmSettings.default_team_settings) {
      if (isRecord(team) && Array.isArray(team.models)) {
        const narrowed = team.models.filter(reachable);
        if (narrowed.length === 0) notes.push(`default_team_settings team ${String(team.team_id)} named only removed models; set to ["${APPROVED_ACCESS_GROUP}"]`);
        team.models = narrowed.length > 0 ? narrowed : [APPROVED_ACCESS_GROUP];
      }
    }
  }

  const removed = verdicts.filter((v) => !v.allowed);
  const expiring = verdicts.filter((v) => v.allowed && v.expires !== undefined);
  const header = [
    `# Generated by clearance allowlist ${meta.version} on ${meta.date} from ${meta.file} under policy "${meta.policy}". Do not edit: re-run it.`,
    '# Deny by default: only deployments that pass the policy remain in model_list (LiteLLM rejects any other model name),',
    '# fallbacks and aliases lead only to them, and new virtual keys default to the access group "clearance-approved".',
    '# Keys and teams created before this file keep their own model lists: review them against this allow set.',
    ...(removed.length > 0
      ? ['# Removed routes:', ...removed.map((v) => `#   ${v.route.file}:${v.route.line}:${v.route.column}  ${v.route.tier}  ${v.route.spec}  (${[...new Set(v.blocking.map((f) => f.code))].join(', ')})`)]
      : ['# Removed routes: none']),
    ...(removedGroups.length > 0 ? [`# Model groups left without a deployment: ${removedGroups.join(', ')}`] : []),
    ...expiring.map((v) => `# Allowed until ${v.expires} by a waiver: ${v.route.tier}  ${v.route.spec}`),
    ...notes.map((n) => `# Note: ${n}`),
  ];
  return { text: `${header.map(oneLine).join('\n')}\n${stringify(out, { lineWidth: 0, version: '1.1' })}`, removedGroups };
}

function pathKey(path: readonly (string | number)[]): string {
  return path.map(String).join('\u0000');
}

function isRecord(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A config string in a comment must not end the comment line. */
function oneLine(line: string): string {
  return line.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
