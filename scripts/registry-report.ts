/**
 * `npm run registry:report [content-dir]`: counts; per vendor its models (open weights / API-only), how many open
 * models sizing can use, the licenses and API terms they name and the fields still unknown; then per model the
 * fields still unknown or weakly sourced.
 */
import { loadRegistry } from '../src/registry/load.ts';
import { registryProvenance, vendorCoverage } from '../src/registry/provenance.ts';

const loaded = loadRegistry(process.argv[2] ?? 'content');
const { registry } = loaded;
console.log(Object.entries(registry).map(([k, v]) => `${Object.keys(v).length} ${k}`).join(', '));
const errors = loaded.findings.filter((f) => f.severity === 'error').length;
console.log(`${loaded.findings.length} validation findings (${errors} errors); run npx clearance validate for details\n`);

const rows = registryProvenance(registry);
const totals: Record<string, number> = {};
for (const row of rows) for (const [s, n] of Object.entries(row.statuses)) totals[s] = (totals[s] ?? 0) + n;
console.log(`claims by status: ${Object.entries(totals).sort().map(([s, n]) => `${s} ${n}`).join(', ')}\n`);

// Per vendor.
const coverage = vendorCoverage(registry);
const table = [
  ['vendor', 'models', 'open', 'api', 'sizable', 'unknown claims', 'licenses and API terms', 'fields still unknown (models lacking each)'],
  ...coverage.map((c) => [
    c.vendor,
    String(c.models),
    String(c.openWeights),
    String(c.apiOnly),
    c.openWeights > 0 ? `${c.sizable}/${c.openWeights}` : '-',
    String(c.unknownClaims),
    c.licenses.join(', ') || '-',
    Object.entries(c.missing).sort(([a], [b]) => (a < b ? -1 : 1)).map(([f, n]) => `${f} ${n}`).join(', ') || 'none',
  ]),
];
const widths = table[0]!.slice(0, -1).map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
console.log('coverage by vendor ("sizable": open-weights models whose architecture has every field sizing needs)');
for (const r of table) console.log(r.map((cell, i) => (i < widths.length ? cell.padEnd(widths[i]!) : cell)).join('  ').trimEnd());
const sum = (f: (c: (typeof coverage)[number]) => number) => coverage.reduce((n, c) => n + f(c), 0);
console.log(`total: ${sum((c) => c.models)} models, ${sum((c) => c.openWeights)} open weights (${sum((c) => c.sizable)} sizable), ${sum((c) => c.apiOnly)} API-only, ${Object.keys(registry.licenses).length} licenses and API terms\n`);

// Per model.
for (const row of rows.sort((a, b) => a.id.localeCompare(b.id))) {
  const parts: string[] = [];
  if (row.missing.length > 0) parts.push(`unknown: ${row.missing.join(', ')}`);
  if (row.weak.length > 0) parts.push(`weak: ${row.weak.map((w) => `${w.field} (${w.status})`).join(', ')}`);
  console.log(`${row.id.padEnd(48)} ${row.kind.padEnd(12)} ${parts.length > 0 ? parts.join('; ') : 'complete, all claims verified or secondary'}`);
}
