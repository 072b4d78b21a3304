/**
 * Writes schemas/<name>.schema.json (JSON Schema draft 2020-12) from the zod schemas in src/registry/schema.
 * `--check` exits 1 when the committed files differ (the drift test does the same in vitest).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { renderJsonSchemas } from '../src/registry/json-schema.ts';
import { lintValidatorSchemas, renderStandaloneValidators, renderValidatorTypes } from '../src/registry/json-schema-validators.node.ts';

const root = new URL('../schemas/', import.meta.url);
mkdirSync(root, { recursive: true });
const check = process.argv.includes('--check');
let drift = 0;
const schemas = renderJsonSchemas();
const outputs: [URL, string][] = Object.entries(schemas).map(([name, text]) => [new URL(`${name}.schema.json`, root), text]);
// Standalone ajv code compiled from exactly these JSON Schemas (the CLI's fast path).
outputs.push([new URL('../src/registry/generated/validators.js', import.meta.url), renderStandaloneValidators(schemas)]);
outputs.push([new URL('../src/registry/generated/validators.d.ts', import.meta.url), renderValidatorTypes(schemas)]);
// The two `clearance lint` reads, alone: a sixth of the code to load on every lint run.
const lintSchemas = lintValidatorSchemas(schemas);
outputs.push([new URL('../src/registry/generated/lint-validators.js', import.meta.url), renderStandaloneValidators(lintSchemas)]);
outputs.push([new URL('../src/registry/generated/lint-validators.d.ts', import.meta.url), renderValidatorTypes(lintSchemas)]);
mkdirSync(new URL('../src/registry/generated/', import.meta.url), { recursive: true });
for (const [file, text] of outputs) {
  const name = file.pathname.split('/').slice(-2).join('/');
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {}
  if (current === text) continue;
  if (check) {
    console.error(`${name} is out of date; run npm run schemas`);
    drift++;
  } else {
    writeFileSync(file, text);
    console.log(`wrote ${name}`);
  }
}
process.exitCode = drift > 0 ? 1 : 0;
