/**
 * The only file-system reader of the registry: reads a content/ tree (or a compiled bundle JSON) and hands the
 * texts to the pure validator. Throws LoadError when the path cannot be read at all (the CLI exits 2).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { ruleUrl } from './codes.ts';
import type { Finding } from './finding.ts';
import { emptyRegistry, entityKey, REGISTRY_KEYS, type FileIndex, type Registry, type RegistryBundle } from './registry.ts';
import { ENTITY_SCHEMAS, type EntityKind } from './schema/index.ts';
import { validateRegistry, type RegistryFile, type ValidateOptions } from './validate.ts';

export class LoadError extends Error {
  readonly code = 'registry/unreadable';
}

export interface LoadedRegistry {
  registry: Registry;
  findings: Finding[];
  files: FileIndex;
  /** The content root or bundle path as given. */
  source: string;
  kind: 'content' | 'bundle';
}

/** Reads every file under a content directory, paths relative to it with forward slashes. */
export function readContentFiles(root: string): RegistryFile[] {
  const out: RegistryFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push({ path: relative(root, full).split(sep).join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(root);
  return out;
}

/** Loads a registry from a content directory or a bundle JSON file. */
export function loadRegistry(path: string, options: ValidateOptions = {}): LoadedRegistry {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    throw new LoadError(`cannot read registry at "${path}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (stat.isDirectory()) {
    let files: RegistryFile[];
    try {
      files = readContentFiles(path);
    } catch (error) {
      throw new LoadError(`cannot read registry at "${path}": ${(error as Error).message}`);
    }
    const prefix = options.displayPrefix ?? `${path.replace(/\/+$/, '')}/`;
    const result = validateRegistry(files, { ...options, displayPrefix: prefix });
    return { ...result, source: path, kind: 'content' };
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new LoadError(`cannot read registry bundle "${path}": ${(error as Error).message}`);
  }
  return { ...parseBundle(path, text), source: path, kind: 'bundle' };
}

/** Checks a bundle's shape and every entity against its zod schema; cross-file checks ran when it was built. */
export function parseBundle(file: string, text: string): { registry: Registry; findings: Finding[]; files: FileIndex } {
  const bad = (message: string, path?: string): { registry: Registry; findings: Finding[]; files: FileIndex } => ({
    registry: emptyRegistry(),
    findings: [{ code: 'registry/invalid-bundle', severity: 'error', message, hint: `Rebuild it with npm run bundle. See ${ruleUrl('registry/invalid-bundle')}`, file, line: 1, column: 1, ...(path ? { path } : {}) }],
    files: {},
  });
  let bundle: RegistryBundle;
  try {
    bundle = JSON.parse(text) as RegistryBundle;
  } catch (error) {
    return bad(`not valid JSON: ${(error as Error).message}`);
  }
  if (bundle?.format !== 'clearance-registry-bundle' || bundle.version !== 1 || typeof bundle.registry !== 'object') {
    return bad('not a Clearance registry bundle (expected format "clearance-registry-bundle", version 1)');
  }
  const files: FileIndex = {};
  for (const [kind, key] of Object.entries(REGISTRY_KEYS) as [EntityKind, keyof Registry][]) {
    const table = bundle.registry[key];
    if (table === null || typeof table !== 'object') return bad(`missing "${key}"`, `registry.${key}`);
    for (const [id, entity] of Object.entries(table)) {
      const result = ENTITY_SCHEMAS[kind].safeParse(entity);
      if (!result.success) return bad(`${kind} "${id}" is invalid: ${result.error.issues[0]?.message}`, `registry.${key}.${id}`);
      files[entityKey(kind, id)] = `${file}#${key}/${id}`;
    }
  }
  return { registry: bundle.registry, findings: [], files };
}
