/** The registry as commands load it: resolved from --registry, validated, and cached between runs. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
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

/**
 * Loads and validates the registry, caching the validated result for a content directory under
 * node_modules/.cache/clearance, keyed by every file's path, size and mtime plus the validator's own sources.
 * A cache hit skips YAML parsing and schema validation, which dominate a lint run; any edit misses the cache.
 */
async function loadRegistryCached(path: string, today: string): Promise<CachedRegistry> {
  let key: string | undefined;
  let cacheFile: string | undefined;
  try {
    if (statSync(path).isDirectory()) {
      const hash = createHash('sha1');
      fingerprint(path, hash);
      fingerprint(resolve(PACKAGE_ROOT, 'src/registry'), hash);
      key = hash.digest('hex');
      cacheFile = resolve(PACKAGE_ROOT, 'node_modules/.cache/clearance', `registry-${key}.json`);
      if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as CachedRegistry;
    }
  } catch {
    // Unreadable path or cache: fall through to the loader, which reports the path properly.
  }
  const { loadRegistry } = await import('../registry/load.ts');
  const loaded = loadRegistry(path, { today });
  const invalid = loaded.findings.find((f) => f.code === 'registry/invalid-bundle');
  const result: CachedRegistry = { registry: loaded.registry, errors: loaded.findings.filter((f) => f.severity === 'error').length, ...(invalid ? { fatal: invalid.message } : {}) };
  if (cacheFile && !invalid) {
    try {
      const dir = resolve(cacheFile, '..');
      mkdirSync(dir, { recursive: true });
      // Keep only the newest entry: an edited registry never returns to an old fingerprint in practice.
      for (const old of readdirSync(dir)) if (old.startsWith('registry-') && join(dir, old) !== cacheFile) rmSync(join(dir, old), { force: true });
      writeFileSync(cacheFile, JSON.stringify(result));
    } catch {
      // A read-only install just runs uncached.
    }
  }
  return result;
}

function fingerprint(dir: string, hash: ReturnType<typeof createHash>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) fingerprint(full, hash);
    else if (entry.isFile()) {
      const stat = statSync(full);
      hash.update(`${full}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  }
}
