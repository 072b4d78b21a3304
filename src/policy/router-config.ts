/**
 * Router config parsing: YAML (hardened) → format detection → tiers and routes with positions.
 * Two formats: Clearance's tiered format (`tiers:`) and LiteLLM proxy configs (`model_list:`).
 */
import { ruleUrl } from '../registry/codes.ts';
import { parseYamlSource } from '../registry/yaml-source.ts';
import { CONFIG_CODES } from './config-codes.ts';
import { parseLitellmConfig } from './litellm.ts';
import { parseNativeConfig } from './native.ts';
import type { Shapes } from './shapes.ts';
import type { ParsedConfig, PolicyFinding } from './types.ts';

/** Router configs are small; anything bigger is a mistake or an attack, refused before parsing. */
export const MAX_CONFIG_BYTES = 2_000_000;

export interface ConfigParseResult {
  config?: ParsedConfig;
  /** Findings that stop evaluation (exit 2). */
  findings: PolicyFinding[];
}

export function parseRouterConfig(file: string, text: string, shapes: Shapes): ConfigParseResult {
  const source = parseYamlSource(file, text, { maxBytes: MAX_CONFIG_BYTES });
  if (source.findings.length > 0) {
    return { findings: source.findings.map((f) => ({ ...f, hint: `${f.hint ?? ''} See ${ruleUrl(f.code)}`.trim(), path: f.path ?? '', evidence: [] })) };
  }
  const data = source.data;
  const isMap = typeof data === 'object' && data !== null && !Array.isArray(data);
  const has = (key: string) => isMap && Object.hasOwn(data as object, key);
  if (has('tiers') && has('model_list')) {
    return { findings: [formatFinding(file, 'the file has both `tiers:` (Clearance format) and `model_list:` (LiteLLM); it must be one or the other', source.locate(['model_list']))] };
  }
  if (has('tiers')) return parseNativeConfig(file, data, source.locate, shapes);
  if (has('model_list')) return parseLitellmConfig(file, data, source.locate, shapes);
  const what = data === null || data === undefined ? 'the file is empty' : !isMap ? 'the file is not a YAML mapping' : 'the file has neither `tiers:` (Clearance format) nor `model_list:` (LiteLLM proxy config)';
  return { findings: [formatFinding(file, `not a router config: ${what}`, { line: 1, column: 1 })] };
}

function formatFinding(file: string, message: string, at: { line: number; column: number }): PolicyFinding {
  return {
    code: 'config/unknown-format',
    severity: 'error',
    message,
    hint: `${CONFIG_CODES['config/unknown-format'].fix} See ${ruleUrl('config/unknown-format')}`,
    file,
    ...at,
    path: '',
    evidence: [],
  };
}
