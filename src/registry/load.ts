/**
 * The only file-system reader of the registry: reads a content/ tree (or a compiled bundle JSON) and hands the
 * texts to the pure validator. Throws LoadError when the path cannot be read at all (the CLI exits 2).
 *
 * Every read is bounded: a file is stat-ed first, only regular files are read, and at most the cap plus one
 * byte is read, so /dev/zero, a FIFO or a 20 GB sparse file is refused at once instead of filling memory.
 */
import { statSync } from 'node:fs';
import { ruleUrl } from './codes.ts';
import type { Finding } from './finding.ts';
import { BUNDLE_MAX_BYTES, nullRecord } from './ids.ts';
import { readContentFiles, readTextBounded } from './read.node.ts';
import { emptyRegistry, entityCount, entityKey, REGISTRY_KEYS, type FileIndex, type Registry, type RegistryBundle } from './registry.ts';
import { ENTITY_SCHEMAS, type EntityKind } from './schema/index.ts';
import { crossFileChecks, emptyRegistryFinding, entityIdProblem, validateRegistry, type Parsed, type RegistryFile, type ValidateOptions } from './validate.ts';
import { formatPath, sortFindings } from './finding.ts';
import { LineCounter, parseDocument } from 'yaml';
import { locateIn } from './yaml-source.ts';

export { readContentFiles, readTextBounded, type ReadRefusal } from './read.node.ts';
export { BUNDLE_MAX_BYTES } from './ids.ts';

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
  // A bundle of the whole registry is larger than any one content file: allow ten times the per-file cap.
  const read = readTextBounded(path, BUNDLE_MAX_BYTES);
  if (!('text' in read)) throw new LoadError(`cannot read registry bundle "${path}": ${read.message}`);
  return { ...parseBundle(path, read.text, options), source: path, kind: 'bundle' };
}


/**
 * Checks a bundle's shape, every id, every entity against its zod schema, and then the same cross-file checks
 * as a content tree (references, aliases, citations). Findings point into the bundle: `bundle.json:line:col`
 * with the data path `registry.models.<id>.license`.
 */
export function parseBundle(file: string, text: string, options: ValidateOptions = {}): { registry: Registry; findings: Finding[]; files: FileIndex } {
  const bad = (message: string, path?: (string | number)[]): { registry: Registry; findings: Finding[]; files: FileIndex } => ({
    registry: emptyRegistry(),
    findings: [{ code: 'registry/invalid-bundle', severity: 'error', message, hint: `Rebuild it with npm run bundle. See ${ruleUrl('registry/invalid-bundle')}`, file, ...(path ? locator(text)(path) : { line: 1, column: 1 }), ...(path ? { path: formatPath(path) } : {}) }],
    files: nullRecord(),
  });
  let bundle: RegistryBundle;
  try {
    bundle = JSON.parse(text) as RegistryBundle;
  } catch (error) {
    return bad(`not valid JSON: ${(error as Error).message}`);
  }
  if (bundle === null || typeof bundle !== 'object' || bundle.format !== 'clearance-registry-bundle' || bundle.version !== 1 || bundle.registry === null || typeof bundle.registry !== 'object') {
    return bad('not a Clearance registry bundle (expected format "clearance-registry-bundle", version 1)');
  }
  const files: FileIndex = nullRecord();
  const registry = emptyRegistry();
  const locate = locator(text);
  const parsed: Parsed[] = [];
  for (const [kind, key] of Object.entries(REGISTRY_KEYS) as [EntityKind, keyof Registry][]) {
    if (!Object.hasOwn(bundle.registry, key)) return bad(`missing "${key}"`, ['registry']);
    const table = bundle.registry[key];
    if (table === null || typeof table !== 'object' || Array.isArray(table)) return bad(`"${key}" must be an object of id → entry`, ['registry', key]);
    for (const [id, entity] of Object.entries(table)) {
      const badId = entityIdProblem(kind, id);
      if (badId !== undefined) return bad(`${kind} id ${badId}`, ['registry', key, id]);
      const result = ENTITY_SCHEMAS[kind].safeParse(entity);
      if (!result.success) {
        const issue = result.error.issues[0];
        return bad(`${kind} "${id}" is invalid${issue?.path.length ? ` at ${formatPath(issue.path.map((p) => (typeof p === 'number' ? p : String(p))))}` : ''}: ${issue?.message}`, ['registry', key, id, ...(issue?.path ?? []).map((p) => (typeof p === 'number' ? p : String(p)))]);
      }
      files[entityKey(kind, id)] = `${file}#${key}/${id}`;
      (registry[key] as Record<string, unknown>)[id] = entity;
      const prefix = ['registry', key, id];
      parsed.push({ kind, id, file, pathPrefix: prefix, src: { locate: (path) => locate([...prefix, ...path]) }, data: entity as Record<string, unknown> });
    }
  }
  const findings: Finding[] = [];
  crossFileChecks(parsed, registry, findings, options);
  if (entityCount(registry) === 0) findings.push(emptyRegistryFinding(file));
  return { registry, findings: sortFindings(findings), files };
}

/**
 * Positions in the bundle text, computed only when a finding needs one (JSON is YAML 1.2, so the YAML parser
 * gives line and column; parsing a large bundle twice is avoided on the clean path).
 */
function locator(text: string): (path: readonly (string | number)[]) => { line: number; column: number } {
  let find: ((path: readonly (string | number)[]) => { line: number; column: number }) | undefined;
  return (path) => {
    if (!find) {
      const lineCounter = new LineCounter();
      const doc = parseDocument(text, { lineCounter, uniqueKeys: false, version: '1.2' });
      find = (p) => locateIn(doc, p, (offset) => {
        const pos = lineCounter.linePos(offset);
        return { line: pos.line, column: pos.col };
      });
    }
    return find(path);
  };
}
