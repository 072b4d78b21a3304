/**
 * `npm run bundle`: validates content/ and compiles it into one JSON file (default dist/registry.json), the
 * file the site serves at /api/registry.json and `--registry` accepts, so CI can lint without content/.
 * Refuses to write a bundle from a registry with errors.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { countFindings } from '../src/registry/finding.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { toBundle } from '../src/registry/registry.ts';

const { values } = parseArgs({ options: { registry: { type: 'string', default: 'content' }, out: { type: 'string', default: 'dist/registry.json' } } });
const loaded = loadRegistry(values.registry);
const counts = countFindings(loaded.findings);
if (counts.errors > 0) {
  for (const f of loaded.findings.filter((x) => x.severity === 'error')) console.error(`${f.file}:${f.line}:${f.column}  ${f.code}  ${f.message}`);
  console.error(`not writing a bundle: ${counts.errors} errors (run clearance validate)`);
  process.exit(1);
}
mkdirSync(dirname(values.out), { recursive: true });
const bundle = toBundle(loaded.registry);
writeFileSync(values.out, `${JSON.stringify(bundle)}\n`);
console.log(`wrote ${values.out}: ${Object.entries(bundle.counts).map(([k, n]) => `${n} ${k}`).join(', ')}`);
