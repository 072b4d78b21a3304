/** `npm run registry:report`: counts, and per model the fields still unknown or weakly sourced. */
import { loadRegistry } from '../src/registry/load.ts';
import { registryProvenance } from '../src/registry/provenance.ts';

const loaded = loadRegistry(process.argv[2] ?? 'content');
const { registry } = loaded;
console.log(Object.entries(registry).map(([k, v]) => `${Object.keys(v).length} ${k}`).join(', '));
const errors = loaded.findings.filter((f) => f.severity === 'error').length;
console.log(`${loaded.findings.length} validation findings (${errors} errors); run npx clearance validate for details\n`);

const rows = registryProvenance(registry);
const totals: Record<string, number> = {};
for (const row of rows) for (const [s, n] of Object.entries(row.statuses)) totals[s] = (totals[s] ?? 0) + n;
console.log(`claims by status: ${Object.entries(totals).sort().map(([s, n]) => `${s} ${n}`).join(', ')}\n`);

for (const row of rows.sort((a, b) => a.id.localeCompare(b.id))) {
  const parts: string[] = [];
  if (row.missing.length > 0) parts.push(`unknown: ${row.missing.join(', ')}`);
  if (row.weak.length > 0) parts.push(`weak: ${row.weak.map((w) => `${w.field} (${w.status})`).join(', ')}`);
  console.log(`${row.id.padEnd(48)} ${row.kind.padEnd(12)} ${parts.length > 0 ? parts.join('; ') : 'complete, all claims verified or secondary'}`);
}
