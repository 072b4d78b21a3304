/**
 * Writes a synthetic registry N× the size of a real one, for `npm run bench:site`: every model and every fact is
 * cloned N−1 times under cloned vendors (`meta-x2/llama-…`), with aliases made unique and references rewritten,
 * so the clones validate like the originals. Licenses, providers, GPUs and sources are shared, not cloned: they
 * do not grow with the number of models, and the GPU catalog is a column of every model card (models × GPUs).
 * Never committed; bench-site writes it to a temp directory.
 */
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { loadRegistry } from '../src/registry/load.ts';
import type { Fact, Model, Registry, Vendor } from '../src/registry/index.ts';

export interface SyntheticCounts {
  models: number;
  vendors: number;
  facts: number;
  licenses: number;
  providers: number;
  gpus: number;
  sources: number;
}

const suffix = (k: number) => `-x${k}`;

function cloneModel(model: Model, k: number): Model {
  const copy = structuredClone(model);
  copy.name = `${model.name} (copy ${k})`;
  copy.vendor = `${model.vendor}${suffix(k)}`;
  copy.aliases = model.aliases.map((a) => `${a}${suffix(k)}`);
  if (copy.base_model) copy.base_model.model = cloneModelId(copy.base_model.model, k);
  if (copy.lifecycle.replacement) copy.lifecycle.replacement = cloneModelId(copy.lifecycle.replacement, k);
  if (copy.weights) copy.weights.repo = `${copy.weights.repo}${suffix(k)}`;
  return copy;
}

function cloneModelId(id: string, k: number): string {
  const [vendor, name] = id.split('/') as [string, string];
  return `${vendor}${suffix(k)}/${name}`;
}

function cloneFact(fact: Fact, k: number): Fact {
  const copy = structuredClone(fact);
  if (copy.subject.kind === 'model' && copy.subject.id) copy.subject.id = cloneModelId(copy.subject.id, k);
  if (copy.subject.kind === 'vendor' && copy.subject.id) copy.subject.id = `${copy.subject.id}${suffix(k)}`;
  return copy;
}

function write(root: string, folder: string, id: string, schema: string, data: unknown): void {
  const file = join(root, folder, `${id}.yaml`);
  mkdirSync(dirname(file), { recursive: true });
  const depth = id.split('/').length;
  const header = `# yaml-language-server: $schema=${'../'.repeat(depth + 1)}schemas/${schema}.schema.json\n`;
  writeFileSync(file, header + stringify(data, { lineWidth: 0 }));
}

/** Copies `contentDir` to `outDir` and adds (factor − 1) clones of every model, fact and vendor. */
export function writeSyntheticRegistry(contentDir: string, outDir: string, factor: number): SyntheticCounts {
  if (!Number.isInteger(factor) || factor < 1) throw new Error(`factor must be a whole number ≥ 1, got ${factor}`);
  const { registry, findings } = loadRegistry(contentDir);
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length) throw new Error(`the source registry has ${errors.length} error(s); run clearance validate first`);
  cpSync(contentDir, outDir, { recursive: true });
  const schemas = join(contentDir, '..', 'schemas');
  if (existsSync(schemas) && !existsSync(join(outDir, '..', 'schemas'))) cpSync(schemas, join(outDir, '..', 'schemas'), { recursive: true });
  const clonedVendors = new Set<string>();
  for (let k = 2; k <= factor; k++) {
    for (const [id, model] of Object.entries(registry.models)) {
      const copy = cloneModel(model, k);
      write(outDir, 'models', cloneModelId(id, k), 'model', copy);
      if (!clonedVendors.has(`${model.vendor}${suffix(k)}`)) {
        const vendor: Vendor | undefined = registry.vendors[model.vendor];
        if (vendor) write(outDir, 'vendors', `${model.vendor}${suffix(k)}`, 'vendor', { ...structuredClone(vendor), name: `${vendor.name} (copy ${k})` });
        clonedVendors.add(`${model.vendor}${suffix(k)}`);
      }
    }
    for (const [id, fact] of Object.entries(registry.facts)) write(outDir, 'facts', `${id}${suffix(k)}`, 'fact', cloneFact(fact, k));
  }
  return countsOf(registry, factor, clonedVendors.size);
}

/** Entity counts of a registry on disk. */
export function registryCounts(contentDir: string): SyntheticCounts {
  return countsOf(loadRegistry(contentDir).registry, 1, 0);
}

function countsOf(registry: Registry, factor: number, vendorClones: number): SyntheticCounts {
  const n = (r: Record<string, unknown>) => Object.keys(r).length;
  return {
    models: n(registry.models) * factor,
    vendors: n(registry.vendors) + vendorClones,
    facts: n(registry.facts) * factor,
    licenses: n(registry.licenses),
    providers: n(registry.providers),
    gpus: n(registry.gpus),
    sources: n(registry.sources),
  };
}
