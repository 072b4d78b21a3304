/**
 * The core stays pure so the same code runs in Node, in the browser and in tests (design.md §9):
 * no file system, no process, no console outside the shells (src/cli, src/site, scripts, registry/load.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('.', import.meta.url));
const CORE = ['registry', 'policy', 'sizing', 'facts', 'cards', 'report'];
/** Shell files inside core folders: the registry's one fs reader, and Node-only renderers that the CLI and site build call. */
const SHELL_FILES = new Set(['registry/load.ts']);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '__fixtures__' && entry.name !== 'node_modules') out.push(...sourceFiles(full));
    } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) && !/\.node\.tsx?$/.test(entry.name)) {
      out.push(full);
    }
  }
  return out;
}

describe('the pure core', () => {
  const files = CORE.flatMap((folder) => {
    try {
      return sourceFiles(join(SRC, folder));
    } catch {
      return [];
    }
  });

  it('has files to check', () => expect(files.length).toBeGreaterThan(5));

  it.each(CORE)('%s imports no node: modules, astro or the CLI, and never prints or exits', (folder) => {
    const offenders: string[] = [];
    for (const file of files.filter((f) => relative(SRC, f).startsWith(`${folder}/`))) {
      const rel = relative(SRC, file);
      if (SHELL_FILES.has(rel)) continue;
      const text = readFileSync(file, 'utf8');
      const code = text.replace(/\/\*[\s\S]*?\*\/|(^|[^:])\/\/.*$/gm, '$1');
      if (/from\s+['"](node:|fs['"]|path['"]|child_process)/.test(code)) offenders.push(`${rel}: imports a Node built-in`);
      if (/from\s+['"]astro/.test(code)) offenders.push(`${rel}: imports astro`);
      if (/from\s+['"][./]+\/cli\//.test(code)) offenders.push(`${rel}: imports the CLI`);
      if (/\bconsole\.\w+\(/.test(code)) offenders.push(`${rel}: uses console`);
      if (/\bprocess\.(exit|stdout|stderr|argv|env|cwd)\b/.test(code)) offenders.push(`${rel}: uses process`);
    }
    expect(offenders).toEqual([]);
  });
});
