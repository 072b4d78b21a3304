/**
 * The engine runs in the browser playground: everything reachable from src/policy/index.ts and
 * src/report/index.ts must import no node:* module and no ajv (strict CSP forbids its `new Function`), and
 * use no process or console.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

function reachable(entry: string): Map<string, string> {
  const files = new Map<string, string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    const text = readFileSync(file, 'utf8');
    files.set(file, text);
    for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s+'([^']+)'/gm)) {
      const spec = m[1]!;
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else files.set(`package:${spec}`, '');
    }
  };
  visit(entry);
  return files;
}

describe('the policy engine and reports are browser-safe', () => {
  // engine.ts and the reports reach no zod either: `clearance lint` loads zod only to explain an invalid document.
  // The BOM reads the SPDX License List, a JSON array (spdx-license-ids), to decide what goes in license.id.
  const expected: Record<string, string[]> = { 'index.ts': ['yaml', 'zod'], 'engine.ts': ['yaml'], '../report/index.ts': ['spdx-license-ids/index.json', 'yaml'], '../report/formats.ts': [] };
  for (const [entry, allowed] of Object.entries(expected)) {
    it(`${entry} reaches no node:*, no ajv, no process, no console`, () => {
      const files = reachable(new URL(entry, import.meta.url).pathname);
      const packages = [...files.keys()].filter((k) => k.startsWith('package:')).map((k) => k.slice('package:'.length));
      expect(packages.filter((p) => p.startsWith('node:') || p.startsWith('ajv'))).toEqual([]);
      expect(packages.sort()).toEqual(allowed);
      for (const [file, text] of files) {
        if (file.startsWith('package:')) continue;
        const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        expect({ file, uses: /\bprocess\.(env|exit|argv|stdout|stderr|cwd|platform)\b|\bconsole\.(log|error|warn|info|debug)\b|new Function\(/.test(code) }).toEqual({ file, uses: false });
      }
    });
  }

  it('the lint command reaches zod only through the lazy explainer of fast-shapes.node.ts', () => {
    for (const entry of ['fast-shapes.node.ts', '../cli/commands/lint.ts']) {
      const files = [...reachable(new URL(entry, import.meta.url).pathname).keys()];
      expect(files.filter((k) => k.includes('zod') || k.endsWith('/registry/schema/index.ts'))).toEqual([]);
    }
  });
});
