/** The registry as commands load it: resolved from --registry, validated, and cached between runs. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../registry/finding.ts';
import { withNullPrototypes, type Registry } from '../registry/registry.ts';
import { BUNDLE_MAX_BYTES } from '../registry/ids.ts';
import type { ContentBytes } from '../registry/read.node.ts';
import type { Io } from './io.ts';

/** The installed package's root (content/ and the shipped policy live there). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The registry every command reads: --registry (a content directory or a bundle), else ./content, else the
 * registry shipped with Clearance.
 * Returns an exit code (2) after printing why when it cannot be used.
 */
export async function loadCommandRegistry(name: string, option: string | undefined, io: Io, today: string, options: { allowEmpty?: boolean } = {}): Promise<Registry | 2> {
  const registryPath = option ?? (existsSync(resolve(io.cwd, 'content')) ? 'content' : resolve(PACKAGE_ROOT, 'content'));
  const shown = isAbsolute(registryPath) ? registryPath : relative(io.cwd, resolve(io.cwd, registryPath)) || registryPath;
  try {
    const loaded = await loadRegistryCached(resolve(io.cwd, registryPath), today);
    // A command that adds the first entries (import --write) may start from an empty registry; no other may.
    if (loaded.fatal && !(options.allowEmpty && loaded.fatalCode === 'registry/empty')) {
      io.stderr(`clearance ${name}: cannot use the registry at ${shown}:\n  ${loaded.fatal}\n`);
      return 2;
    }
    if (loaded.errors > 0) io.stderr(`clearance ${name}: note: the registry at ${shown} has ${loaded.errors} validation error${loaded.errors === 1 ? '' : 's'}; run "clearance validate" (entries with errors may be missing)\n`);
    return loaded.registry;
  } catch (error) {
    if ((error as { code?: string }).code === 'registry/unreadable') {
      io.stderr(`clearance ${name}: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

interface CachedRegistry {
  registry: Registry;
  /** Validation errors in the registry (lint still runs; entries with errors may be missing). */
  errors: number;
  /** Set when the registry cannot be used at all (an invalid bundle, an empty registry). */
  fatal?: string;
  fatalCode?: string;
}

/** Registries a cache keeps (content/ and a few test trees), so switching between them does not rebuild. */
const CACHE_ENTRIES = 4;

/** Bumped when the cache entry's shape changes. */
const CACHE_FORMAT = 2;

/**
 * Loads and validates the registry, caching the validated result for a content directory (or a bundle) under
 * node_modules/.cache/clearance. The key is a SHA-256 over every registry file's path and bytes, plus the bytes
 * of the validator's own sources (src/registry): an entry is used only when its stored key is the same, so any
 * edit misses — also one that restores a file with its old size and mtime. A hit skips YAML parsing and schema
 * validation, which dominate a lint run; the files read for the key are the ones validated on a miss.
 */
async function loadRegistryCached(path: string, today: string): Promise<CachedRegistry> {
  const { decodeContentFile, readBytesBounded, readContentBytes } = await import('../registry/read.node.ts');
  let files: ContentBytes[] | undefined;
  let bundle: Buffer | undefined;
  let key: string | undefined;
  let cacheFile: string | undefined;
  try {
    if (statSync(path).isDirectory()) {
      files = readContentBytes(path);
      key = cacheKey(files);
    } else {
      // A bundle is keyed by its bytes the same way: a hit skips parsing it and its cross-file checks.
      const read = readBytesBounded(path, BUNDLE_MAX_BYTES);
      if ('bytes' in read) {
        bundle = read.bytes;
        key = cacheKey([{ path: '(bundle)', bytes: bundle }]);
      }
    }
    if (key !== undefined) {
      cacheFile = resolve(CACHE_DIR, `registry-${key.slice(0, 32)}.json`);
      const cached = readCache(cacheFile, key);
      if (cached) return cached;
    }
  } catch {
    // Unreadable path or cache: fall through to the loader, which reports the path properly.
  }
  const loaded = files
    ? (await import('../registry/validate.ts')).validateRegistry(files.map(decodeContentFile), { today, displayPrefix: `${path.replace(/\/+$/, '')}/` })
    : bundle
      ? (await import('../registry/load.ts')).parseBundle(path, bundle.toString('utf8'), { today })
      : (await import('../registry/load.ts')).loadRegistry(path, { today });
  const result = usable(loaded.registry, loaded.findings, files === undefined);
  if (cacheFile && key !== undefined && result.fatal === undefined) writeCache(cacheFile, key, result);
  return result;
}

/**
 * What a command may use. A bundle is a compiled artefact: any error in it (a dangling reference, an alias
 * claimed twice) refuses it. A content tree with errors is still used (entries with errors are left out, and
 * the command says so). An empty registry is refused either way.
 */
function usable(registry: Registry, findings: readonly Finding[], bundle: boolean): CachedRegistry {
  const errors = findings.filter((f) => f.severity === 'error');
  const fatal =
    errors.find((f) => f.code === 'registry/invalid-bundle' || f.code === 'registry/empty') ?? (bundle ? errors[0] : undefined);
  if (fatal) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more; run "clearance validate --registry …")` : '';
    const hint = fatal.hint ? `\n    hint: ${fatal.hint}` : '';
    return { registry, errors: errors.length, fatalCode: fatal.code, fatal: `${fatal.file}:${fatal.line}:${fatal.column}  error  ${fatal.code}  ${fatal.message}${more}${hint}` };
  }
  return { registry, errors: errors.length };
}

const CACHE_DIR = resolve(PACKAGE_ROOT, 'node_modules/.cache/clearance');

function readCache(file: string, key: string): CachedRegistry | undefined {
  if (!existsSync(file)) return undefined;
  const entry = JSON.parse(readFileSync(file, 'utf8')) as Partial<CachedRegistry> & { format?: number; key?: string };
  if (entry.format !== CACHE_FORMAT || entry.key !== key || entry.registry === undefined || typeof entry.errors !== 'number') return undefined;
  return { registry: withNullPrototypes(entry.registry), errors: entry.errors };
}

function writeCache(file: string, key: string, result: CachedRegistry): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Write then rename, so a concurrent run never reads half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ format: CACHE_FORMAT, key, errors: result.errors, registry: result.registry }));
    renameSync(temporary, file);
    const entries = readdirSync(CACHE_DIR)
      .filter((name) => name.startsWith('registry-') && name.endsWith('.json'))
      .map((name) => ({ name, mtime: statSync(resolve(CACHE_DIR, name)).mtimeMs }))
      .sort((a, b) => b.mtime - a.mtime);
    for (const old of entries.slice(CACHE_ENTRIES)) rmSync(resolve(CACHE_DIR, old.name), { force: true });
  } catch {
    // A read-only install just runs uncached.
  }
}

/** SHA-256 of the registry files (path and bytes, in order) and of the validator's sources. */
export function cacheKey(files: readonly ContentBytes[]): string {
  const hash = createHash('sha256');
  hash.update(`clearance-registry-cache ${CACHE_FORMAT}\0${validatorDigest()}\0`);
  for (const f of files) {
    // A refused file (too large, a FIFO) keys by its refusal, so fixing it misses the cache.
    hash.update(`${f.path}\0${f.bytes ? f.bytes.length : `refused:${f.refused?.code}`}\0`);
    if (f.bytes) hash.update(f.bytes);
    hash.update('\0');
  }
  return hash.digest('hex');
}

let validatorHash: string | undefined;

/** SHA-256 over every file of src/registry (the schemas, the generated validators, the checks). */
function validatorDigest(): string {
  if (validatorHash !== undefined) return validatorHash;
  const hash = createHash('sha256');
  const walk = (dir: string, prefix: string) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    // Code-unit order: stable, and much cheaper at start-up than a locale-aware sort.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === '__fixtures__' || entry.name.endsWith('.test.ts')) continue;
      const full = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
      else if (entry.isFile()) {
        hash.update(`${prefix}${entry.name}\0`);
        hash.update(readFileSync(full));
        hash.update('\0');
      }
    }
  };
  walk(resolve(PACKAGE_ROOT, 'src/registry'), '');
  validatorHash = hash.digest('hex');
  return validatorHash;
}
