/**
 * Writes schemas/<name>.schema.json (JSON Schema draft 2020-12) from the zod schemas in src/registry/schema.
 * `--check` exits 1 when the committed files differ (the drift test does the same in vitest).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { renderJsonSchemas } from '../src/registry/json-schema.ts';

const root = new URL('../schemas/', import.meta.url);
mkdirSync(root, { recursive: true });
const check = process.argv.includes('--check');
let drift = 0;
for (const [name, text] of Object.entries(renderJsonSchemas())) {
  const file = new URL(`${name}.schema.json`, root);
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current === text) continue;
  if (check) {
    console.error(`schemas/${name}.schema.json is out of date; run npm run schemas`);
    drift++;
  } else {
    writeFileSync(file, text);
    console.log(`wrote schemas/${name}.schema.json`);
  }
}
process.exitCode = drift > 0 ? 1 : 0;
