/** The registry as commands load it: resolved from --registry, validated, and cached between runs. */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Registry } from '../registry/registry.ts';
import type { Io } from './io.ts';

/** The installed package's root (content/ and the shipped policy live there). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The registry every command reads: --registry (a content directory or a bundle), else ./content, else the
 * registry shipped with Clearance.
 * Returns an exit code (2) after printing why when it cannot be used.
 */
export async function loadCommandRegistry(name: string, option: string | undefined, io: Io, today: string): Promise<Registry | 2> {
  const registryPath = option ?? (existsSync(resolve(io.cwd, 'content')) ? 'content' : resolve(PACKAGE_ROOT, 'content'));
  const shown = isAbsolute(registryPath) ? registryPath : relative(io.cwd, resolve(io.cwd, registryPath)) || registryPath;
  try {
    const loaded = await loadRegistryCached(resolve(io.cwd, registryPath), today);
    if (loaded.fatal) {
      io.stderr(`clearance ${name}: ${shown}: ${loaded.fatal}\n`);
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
  /** Set when the registry cannot be used at all (an invalid bundle). */
  fatal?: string;
}

/** Registries a cache keeps (content/ and a few test trees), so switching between them does not rebuild. */
const CACHE_ENTRIES = 4;

/**
 * Loads and validates the registry, caching the validated result for a content directory under
 * node_modules/.cache/clearance. The fingerprint lists every file's path, size and mtime, plus the validator's
 * own sources; a cache entry is used only when its stored fingerprint is the same string, so any edit misses.
 * A hit skips YAML parsing and schema validation, which dominate a lint run.
 */
async function loadRegistryCached(path: string, today: string): Promise<CachedRegistry> {
  let fingerprint: string | undefined;
  let cacheFile: string | undefined;
  try {
    if (statSync(path).isDirectory()) {
      fingerprint = `${listFiles(path)}\n${listFiles(resolve(PACKAGE_ROOT, 'src/registry'))}`;
      cacheFile = resolve(CACHE_DIR, `registry-${hash(fingerprint)}.json`);
      const cached = readCache(cacheFile, fingerprint);
      if (cached) return cached;
    }
  } catch {
    // Unreadable path or cache: fall through to the loader, which reports the path properly.
  }
  const { loadRegistry } = await import('../registry/load.ts');
  const loaded = loadRegistry(path, { today });
  const invalid = loaded.findings.find((f) => f.code === 'registry/invalid-bundle');
  const result: CachedRegistry = { registry: loaded.registry, errors: loaded.findings.filter((f) => f.severity === 'error').length, ...(invalid ? { fatal: invalid.message } : {}) };
  if (cacheFile && fingerprint !== undefined && !invalid) writeCache(cacheFile, fingerprint, result);
  return result;
}

const CACHE_DIR = resolve(PACKAGE_ROOT, 'node_modules/.cache/clearance');

function readCache(file: string, fingerprint: string): CachedRegistry | undefined {
  if (!existsSync(file)) return undefined;
  const entry = JSON.parse(readFileSync(file, 'utf8')) as CachedRegistry & { fingerprint?: string };
  if (entry.fingerprint !== fingerprint) return undefined;
  return { registry: entry.registry, errors: entry.errors, ...(entry.fatal !== undefined ? { fatal: entry.fatal } : {}) };
}

function writeCache(file: string, fingerprint: string, result: CachedRegistry): void {
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Write then rename, so a concurrent run never reads half a file.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ fingerprint, ...result }));
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

/** "relative/path\0size\0mtime" per file under `root`, in a stable order; dot-files are skipped. */
function listFiles(root: string): string {
  const lines: string[] = [];
  const walk = (dir: string, prefix: string) => {
    const entries = readdirSync(dir, { withFileTypes: true });
    // Code-unit order: stable, and much cheaper at start-up than a locale-aware sort.
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
      else if (entry.isFile()) {
        const stat = statSync(full);
        lines.push(`${prefix}${entry.name}\0${stat.size}\0${stat.mtimeMs}`);
      }
    }
  };
  walk(root, `${root}/`);
  return lines.join('\n');
}

/** Two FNV-1a hashes, 16 hex digits: only names the cache file (the stored fingerprint is compared in full). */
function hash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193) >>> 0;
    b = Math.imul(b ^ c, 0x811c9dc5) >>> 0;
  }
  return `${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}
