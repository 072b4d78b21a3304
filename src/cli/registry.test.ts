/**
 * The registry cache the commands share (src/cli/registry.ts): a second run reads the validated registry from
 * node_modules/.cache/clearance, and any edit to the registry misses the cache, so a cached lint never
 * answers from stale facts.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from './main.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const CACHE = join(ROOT, 'node_modules/.cache/clearance');
const work = mkdtempSync(join(tmpdir(), 'clearance-cache-'));
const content = join(work, 'content');
cpSync(join(ROOT, 'content'), content, { recursive: true });
const config = join(work, 'router.yaml');
writeFileSync(config, 'model_list:\n  - model_name: rag\n    litellm_params:\n      model: hosted_vllm/CohereLabs/c4ai-command-r-plus-08-2024\n');

afterAll(() => {
  // Leave the cache to the real registries.
  for (const name of entriesForWork()) rmSync(join(CACHE, name), { force: true });
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

/** Cache entries whose stored fingerprint lists files of this test's registry. */
function entriesForWork(): string[] {
  return readdirSync(CACHE).filter((name) => name.endsWith('.json') && readFileSync(join(CACHE, name), 'utf8').includes(content));
}

describe('the registry cache', () => {
  it('stores the validated registry with its fingerprint, and answers the same from it', async () => {
    const first = await lint();
    expect(first.codes).toContain('license/non-commercial');
    expect(entriesForWork()).toHaveLength(1);
    expect(await lint()).toEqual(first);
    expect(entriesForWork()).toHaveLength(1);
  });

  it('misses when a registry file changes', async () => {
    const file = join(content, 'models/cohere/command-r-plus-08-2024.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('license: cc-by-nc-4.0-cohere', 'license: apache-2.0'));
    const edited = await lint();
    expect(edited.codes).not.toContain('license/non-commercial');
    expect(entriesForWork()).toHaveLength(2);
  });

  it('ignores an entry whose stored fingerprint differs, even under the same name', async () => {
    for (const name of entriesForWork()) {
      const entry = JSON.parse(readFileSync(join(CACHE, name), 'utf8')) as { fingerprint: string; registry: { models: Record<string, unknown> } };
      // A poisoned entry: the fingerprint no longer matches, so its (emptied) registry must not be used.
      writeFileSync(join(CACHE, name), JSON.stringify({ ...entry, fingerprint: `${entry.fingerprint}x`, registry: { ...entry.registry, models: {} } }));
    }
    expect((await lint()).codes).not.toContain('registry/unknown-model');
  });
});
