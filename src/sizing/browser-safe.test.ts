/**
 * The site's calculator imports src/sizing/index.ts in the browser: nothing it reaches, directly or through
 * other modules, may import node:*, or touch process or console.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ENTRY = fileURLToPath(new URL('./index.ts', import.meta.url));
const IMPORT = /^\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/gm;

function reachable(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    const text = readFileSync(file, 'utf8');
    seen.set(file, text);
    for (const match of text.matchAll(IMPORT)) {
      const spec = match[1]!;
      if (spec.startsWith('.')) queue.push(resolve(dirname(file), spec));
      else seen.set(`${file} → ${spec}`, spec);
    }
  }
  return seen;
}

it('reaches no node: module, process or console from the sizing entry point', () => {
  const files = reachable(ENTRY);
  const nodeImports = [...files.entries()].filter(([key, value]) => key.includes(' → ') && value.startsWith('node:')).map(([key]) => key);
  expect(nodeImports).toEqual([]);
  for (const [file, text] of files) {
    if (file.includes(' → ')) continue;
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(/\bprocess\.(env|argv|exit|cwd|stdout|stderr|platform|versions?)\b|\bconsole\.(log|error|warn|info|debug)\b/.test(code), `${file} uses process or console`).toBe(false);
  }
  // The walk really covered the engine.
  expect([...files.keys()].some((f) => f.endsWith('sizing/deployment.ts'))).toBe(true);
  expect([...files.keys()].some((f) => f.endsWith('sizing/efficiency/fitted.ts'))).toBe(true);
});
