/**
 * The registry cache the commands share (src/cli/registry.ts): a second run reads the validated registry from
 * node_modules/.cache/clearance, keyed by a hash of every file's bytes, so any edit misses the cache — also one
 * that restores a file with its old size and mtime — and a cached lint never answers from stale facts.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main.ts';
import { cacheKey } from './registry.ts';
import { readContentBytes } from '../registry/read.node.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const CACHE = join(ROOT, 'node_modules/.cache/clearance');
const work = mkdtempSync(join(tmpdir(), 'clearance-cache-'));
const content = join(work, 'content');
cpSync(join(ROOT, 'content'), content, { recursive: true });
// A registry of its own (one more source), so its cache entries are this test's alone.
writeFileSync(join(content, 'sources/cache-test-marker.yaml'), `${readFileSync(join(ROOT, 'content/sources/cc-by-nc-4.0-legalcode.yaml'), 'utf8')}`);
const config = join(work, 'router.yaml');
writeFileSync(config, 'model_list:\n  - model_name: rag\n    litellm_params:\n      model: hosted_vllm/CohereLabs/c4ai-command-r-plus-08-2024\n');
const MODEL = join(content, 'models/cohere/command-r-plus-08-2024.yaml');

const created = new Set<string>();
afterAll(() => {
  // Leave the cache to the real registries.
  for (const name of created) rmSync(join(CACHE, name), { force: true });
  rmSync(work, { recursive: true, force: true });
});

async function lint(): Promise<{ code: number; codes: string[] }> {
  let stdout = '';
  const code = await main(['lint', config, '--registry', content, '--today', '2026-11-22', '--format', 'json'], {
    stdout: (t) => (stdout += t),
    stderr: () => {},
    cwd: ROOT,
    version: '0.0.0-test',
    today: '2026-11-22',
  });
  return { code, codes: (JSON.parse(stdout).findings as { code: string }[]).map((f) => f.code) };
}

/** The cache file for the test registry as it is now. */
function entryNow(): string {
  const name = `registry-${cacheKey(readContentBytes(content)).slice(0, 32)}.json`;
  created.add(name);
  return name;
}

describe('the registry cache', () => {
  it('stores the validated registry under its content hash, and answers the same from it', async () => {
    const first = await lint();
    expect(first.codes).toContain('license/non-commercial');
    expect(readdirSync(CACHE)).toContain(entryNow());
    expect(await lint()).toEqual(first);
  });

  it('misses when a file is restored with a different text but the same size and mtime', async () => {
    const before = await lint();
    expect(before.codes).toContain('license/non-commercial');
    const original = readFileSync(MODEL, 'utf8');
    const { atime, mtime, size } = statSync(MODEL);
    // Same length: "cc-by-nc-4.0-cohere" → "apache-2.0" padded in a comment to the same byte count.
    const license = 'license: cc-by-nc-4.0-cohere';
    const swapped = 'license: apache-2.0';
    const edited = original.replace(license, `${swapped}\n#${'x'.repeat(license.length - swapped.length - 2)}`);
    expect(Buffer.byteLength(edited)).toBe(size);
    writeFileSync(MODEL, edited);
    utimesSync(MODEL, atime, mtime);
    expect(statSync(MODEL).mtimeMs).toBe(mtime.getTime());
    const after = await lint();
    expect(after.codes).not.toContain('license/non-commercial');
    writeFileSync(MODEL, original);
    utimesSync(MODEL, atime, mtime);
    expect(await lint()).toEqual(before);
  });

  it('ignores an entry whose stored key differs, even under the same name', async () => {
    await lint();
    const name = entryNow();
    const entry = JSON.parse(readFileSync(join(CACHE, name), 'utf8')) as { key: string; registry: { models: Record<string, unknown> } };
    // A poisoned entry: the key no longer matches, so its (emptied) registry must not be used.
    writeFileSync(join(CACHE, name), JSON.stringify({ ...entry, key: `${entry.key}x`, registry: { ...entry.registry, models: {} } }));
    expect((await lint()).codes).not.toContain('registry/unknown-model');
  });

  it('hands out tables with no prototype, so a cached registry answers "constructor" with nothing', async () => {
    await lint();
    const { loadCommandRegistry } = await import('./registry.ts');
    const io = { stdout: () => {}, stderr: () => {}, cwd: ROOT, version: '0', today: '2026-11-22' };
    const registry = await loadCommandRegistry('lint', content, io, '2026-11-22');
    if (registry === 2) throw new Error('registry did not load');
    expect(Object.getPrototypeOf(registry.models)).toBeNull();
    expect(registry.licenses['constructor']).toBeUndefined();
  });

  it('caches a bundle by its bytes too: the same answer from the cache, a changed bundle misses', async () => {
    const bundle = join(work, 'registry.json');
    const text = readFileSync(join(ROOT, 'src/cli/__fixtures__/lint-registry.json'), 'utf8');
    writeFileSync(bundle, text);
    const lintBundle = async () => {
      let stdout = '';
      const code = await main(['lint', config, '--registry', bundle, '--today', '2026-11-22', '--format', 'json'], { stdout: (t) => (stdout += t), stderr: () => {}, cwd: ROOT, version: '0', today: '2026-11-22' });
      return { code, codes: (JSON.parse(stdout).findings as { code: string }[]).map((f) => f.code) };
    };
    const name = `registry-${cacheKey([{ path: '(bundle)', bytes: Buffer.from(text) }]).slice(0, 32)}.json`;
    created.add(name);
    const first = await lintBundle();
    expect(first.codes).toContain('license/non-commercial');
    expect(readdirSync(CACHE)).toContain(name);
    expect(await lintBundle()).toEqual(first);
    // Same length, different license: the cache must not answer for it.
    const edited = text.replace('"license": "cc-by-nc-4.0-cohere"', '"license": "apache-2.0"'.padEnd('"license": "cc-by-nc-4.0-cohere"'.length));
    expect(edited.length).toBe(text.length);
    writeFileSync(bundle, edited);
    created.add(`registry-${cacheKey([{ path: '(bundle)', bytes: Buffer.from(edited) }]).slice(0, 32)}.json`);
    expect((await lintBundle()).codes).not.toContain('license/non-commercial');
  });
});
