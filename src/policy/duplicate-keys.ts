/**
 * Repeated keys in a router config. YAML loaders keep one of the two values silently (PyYAML, which LiteLLM
 * uses, and the `yaml` package both keep the later one). Where the key decides what the linter checks —
 * anything in a `model_list` entry, the top-level sections it reads, the alias and fallback lists, every key
 * of Clearance's own format — the file is refused (`yaml/duplicate-key`, exit 2). Anywhere else (e.g.
 * `general_settings.store_model_in_db` twice) it is a warning naming the key and both lines: the verdict does
 * not depend on it, and refusing the whole file over it would help no one. Pure.
 */
import { ruleUrl } from '../registry/codes.ts';
import { formatPath } from '../registry/finding.ts';
import type { DuplicateKey } from '../registry/yaml-source.ts';
import type { ConfigFormat, PolicyFinding } from './types.ts';

/** LiteLLM sections whose keys the linter reads. */
const READ_SETTINGS = new Set(['router_settings', 'litellm_settings']);
const READ_SETTING_KEYS = new Set(['model_group_alias', 'model_alias_map', 'fallbacks', 'context_window_fallbacks', 'content_policy_fallbacks', 'default_fallbacks']);
const READ_TOP_LEVEL = new Set(['model_list', 'router_settings', 'litellm_settings', 'include']);

function decides(d: DuplicateKey, format: ConfigFormat): boolean {
  if (format === 'native') return true;
  const [first, second] = d.path;
  if (d.path.length === 0) return READ_TOP_LEVEL.has(d.key);
  if (first === 'model_list') return true;
  if (typeof first === 'string' && READ_SETTINGS.has(first)) return d.path.length === 1 ? READ_SETTING_KEYS.has(d.key) : typeof second === 'string' && READ_SETTING_KEYS.has(second);
  return false;
}

export function duplicateKeyFindings(file: string, duplicates: readonly DuplicateKey[], format: ConfigFormat): PolicyFinding[] {
  return duplicates.map((d) => {
    const where = d.path.length > 0 ? ` in ${formatPath(d.path)}` : ' at the top level';
    const lines = `lines ${d.first.line} and ${d.second.line}`;
    const path = formatPath([...d.path, d.key]);
    if (decides(d, format)) {
      return {
        code: 'yaml/duplicate-key',
        severity: 'error',
        message: `"${d.key}" appears twice${where} (${lines}); YAML keeps only the second, so what this config routes to is ambiguous`,
        hint: `Remove or merge the repeated key. See ${ruleUrl('yaml/duplicate-key')}`,
        file,
        ...d.second,
        path,
        evidence: [],
      };
    }
    return {
      code: 'yaml/duplicate-key',
      severity: 'warning',
      message: `"${d.key}" appears twice${where} (${lines}); LiteLLM's YAML loader keeps the second (line ${d.second.line}). The linter does not read this key, so the verdict does not depend on it`,
      hint: `Remove the repeated key so the config says one thing. See ${ruleUrl('yaml/duplicate-key')}`,
      file,
      ...d.second,
      path,
      evidence: [],
    };
  });
}
