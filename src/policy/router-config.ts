/**
 * Router config parsing: YAML (hardened) → format detection → tiers and routes with positions.
 * Two formats: Clearance's tiered format (`tiers:`) and LiteLLM proxy configs (`model_list:` or `include:`).
 * LiteLLM `include:` files are read through a callback the caller passes (the CLI reads files; the browser
 * playground has none and fails closed), so this module does no I/O.
 */
import { ruleUrl } from '../registry/codes.ts';
import { formatPath } from '../registry/finding.ts';
import { parseYamlSource, type DataPath } from '../registry/yaml-source.ts';
import { CONFIG_CODES } from './config-codes.ts';
import { duplicateKeyFindings } from './duplicate-keys.ts';
import { buildLitellmConfig, type LitellmDoc } from './litellm.ts';
import { parseNativeConfig } from './native.ts';
import { shapeFindings } from './shape-findings.ts';
import type { Shapes } from './shapes.ts';
import type { Locate, ParsedConfig, PolicyFinding } from './types.ts';

/** Router configs are small; anything bigger is a mistake or an attack, refused before parsing. */
export const MAX_CONFIG_BYTES = 2_000_000;

/** A config and its includes may be at most this many files. */
export const MAX_INCLUDE_FILES = 64;

export interface ConfigParseResult {
  config?: ParsedConfig;
  /** Findings that stop evaluation (exit 2). */
  findings: PolicyFinding[];
}

/** What an include reader returns: the file (display name, a stable id for cycle checks, text) or why not. */
export type IncludeResult = { file: string; id: string; text: string } | { error: string; hint?: string };

/**
 * Reads a LiteLLM `include:` entry. `fromId` is the id of the including file (`ParseOptions.id` for the config
 * itself); `name` the entry as written. The reader resolves it (relative to the including file) and refuses
 * what it must not read.
 */
export type IncludeReader = (fromId: string, name: string) => IncludeResult;

export interface ParseOptions {
  /** Stable id of the config file for the include reader (e.g. its real path); defaults to the file name. */
  id?: string;
  /** Reads `include:` files; without it a config that includes files fails closed. */
  readInclude?: IncludeReader;
}

export function parseRouterConfig(file: string, text: string, shapes: Shapes, options: ParseOptions = {}): ConfigParseResult {
  const source = parseYamlSource(file, text, { maxBytes: MAX_CONFIG_BYTES, collectDuplicates: true });
  if (source.findings.length > 0) return { findings: source.findings.map(asPolicyFinding) };
  const data = source.data;
  const isMap = typeof data === 'object' && data !== null && !Array.isArray(data);
  const has = (key: string) => isMap && Object.hasOwn(data as object, key);
  // Repeated keys: refused where they decide what is linted, a located warning elsewhere (duplicate-keys.ts).
  const duplicates = duplicateKeyFindings(file, source.duplicates ?? [], has('tiers') ? 'native' : 'litellm');
  if (duplicates.some((f) => f.severity === 'error')) return { findings: duplicates.filter((f) => f.severity === 'error') };
  const parsed = parseConfigData(file, data, source, shapes, options, has, isMap);
  if (parsed.config && duplicates.length > 0) parsed.config.findings.push(...duplicates);
  return parsed;
}

function parseConfigData(file: string, data: unknown, source: ReturnType<typeof parseYamlSource>, shapes: Shapes, options: ParseOptions, has: (key: string) => boolean, isMap: boolean): ConfigParseResult {
  const litellm = has('model_list') || has('include');
  if (has('tiers') && litellm) {
    return { findings: [formatFinding(file, `the file has both \`tiers:\` (Clearance format) and \`${has('model_list') ? 'model_list' : 'include'}:\` (LiteLLM); it must be one or the other`, source.locate([has('model_list') ? 'model_list' : 'include']))] };
  }
  if (has('tiers')) return parseNativeConfig(file, data, source.locate, shapes);
  if (litellm) return parseLitellm({ file, id: options.id ?? file, data, locate: source.locate }, shapes, options.readInclude);
  const what = data === null || data === undefined ? 'the file is empty' : !isMap ? 'the file is not a YAML mapping' : 'the file has neither `tiers:` (Clearance format) nor `model_list:` (LiteLLM proxy config)';
  return { findings: [formatFinding(file, `not a router config: ${what}`, { line: 1, column: 1 })] };
}

interface RawDoc {
  file: string;
  id: string;
  data: unknown;
  locate: Locate;
}

/**
 * A LiteLLM config and its includes, loaded in LiteLLM's order: the config's `include:` list, then the includes
 * of included files appended to it (ProxyConfig's include processing extends the list it walks). A file
 * included twice is read once; a file that includes one of its own includers is a cycle.
 */
function parseLitellm(root: RawDoc, shapes: Shapes, readInclude: IncludeReader | undefined): ConfigParseResult {
  const findings: PolicyFinding[] = [];
  const docs: LitellmDoc[] = [];
  const loaded = new Set<string>([root.id]);
  const queue: { doc: RawDoc; chain: readonly string[] }[] = [{ doc: root, chain: [root.id] }];
  const load = (result: { file: string; id: string; text: string }, name: string, at: { file: string; path: DataPath; line: number; column: number }, chain: readonly string[]) => {
    if (loaded.has(result.id)) return; // included twice: its routes are linted once
    if (loaded.size >= MAX_INCLUDE_FILES) {
      findings.push(includeFinding(at, `the config and its includes are more than ${MAX_INCLUDE_FILES} files`, 'Merge the included files, or check for an include loop.'));
      return;
    }
    loaded.add(result.id);
    const source = parseYamlSource(result.file, result.text, { maxBytes: MAX_CONFIG_BYTES });
    if (source.findings.length > 0) {
      findings.push(...source.findings.map(asPolicyFinding));
      return;
    }
    const isMap = typeof source.data === 'object' && source.data !== null && !Array.isArray(source.data);
    if (!isMap) {
      findings.push(includeFinding(at, `"${name}" (${result.file}) is not a YAML mapping of LiteLLM config keys`, 'An included file holds config keys such as `model_list:`.'));
      return;
    }
    queue.push({ doc: { file: result.file, id: result.id, data: source.data, locate: source.locate }, chain: [...chain, result.id] });
  };
  for (let i = 0; i < queue.length; i++) {
    const { doc, chain } = queue[i]!;
    const parsed = shapes.litellm(doc.data);
    if (!parsed.ok) {
      findings.push(...shapeFindings('config/invalid', doc.file, parsed.issues, doc.locate, `${CONFIG_CODES['config/invalid'].fix} See ${ruleUrl('config/invalid')}`));
      continue;
    }
    docs.push({ file: doc.file, config: parsed.value, locate: doc.locate });
    const include = parsed.value.include;
    const names = include === undefined || include === null ? [] : typeof include === 'string' ? [include] : include;
    names.forEach((name, j) => {
      const path: DataPath = typeof include === 'string' ? ['include'] : ['include', j];
      const at = { file: doc.file, path, ...doc.locate(path) };
      if (!readInclude) {
        findings.push(includeFinding(at, `this config includes "${name}", and includes can only be followed where files can be read`, 'Lint the config with `clearance lint` from its directory, or paste the included model_list into this config.'));
        return;
      }
      if (name.trim() === '') {
        findings.push(includeFinding(at, 'an include entry is empty', 'Name a YAML file relative to this config, or remove the entry.'));
        return;
      }
      const result = readInclude(doc.id, name);
      if ('error' in result) {
        findings.push(includeFinding(at, `cannot include "${name}": ${result.error}`, result.hint ?? 'Check the path; includes are relative to the file that names them.'));
        return;
      }
      if (chain.includes(result.id)) {
        findings.push(includeFinding(at, `"${name}" includes a file that includes it (an include cycle: ${[...chain, result.id].map((id) => displayOf(id, queue)).join(' → ')}); LiteLLM would loop reading it`, 'Remove the include that closes the cycle.'));
        return;
      }
      load(result, name, at, chain);
      // LiteLLM releases have resolved a nested include against the top config's directory instead of the
      // including file's: when that names another existing file, it is linted too.
      if (doc !== root) {
        const rooted = readInclude(root.id, name);
        if (!('error' in rooted) && rooted.id !== result.id && !chain.includes(rooted.id)) load(rooted, name, at, chain);
      }
    });
  }
  if (findings.length > 0) return { findings };
  if (!docs.some((d) => d.config.model_list !== undefined && d.config.model_list !== null)) {
    return { findings: [{ ...formatFinding(root.file, 'the config has no `model_list:`, and none of its includes has one', { line: 1, column: 1 }), code: 'config/invalid', hint: `Add a model_list, or include the file that has it. See ${ruleUrl('config/invalid')}` }] };
  }
  return buildLitellmConfig(docs);
}

function displayOf(id: string, queue: readonly { doc: RawDoc }[]): string {
  return queue.find((q) => q.doc.id === id)?.doc.file ?? id;
}

function includeFinding(at: { file: string; path: DataPath; line: number; column: number }, message: string, fix: string): PolicyFinding {
  return { code: 'config/include', severity: 'error', message, hint: `${fix} See ${ruleUrl('config/include')}`, file: at.file, line: at.line, column: at.column, path: formatPath(at.path), evidence: [] };
}

function asPolicyFinding(f: { code: string; severity: PolicyFinding['severity']; message: string; hint?: string; file: string; line: number; column: number; path?: string }): PolicyFinding {
  return { ...f, hint: `${f.hint ?? ''} See ${ruleUrl(f.code)}`.trim(), path: f.path ?? '', evidence: [] };
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
