/**
 * The in-memory registry every surface reads: one record per entity kind, keyed by id (the file path).
 * Plain JSON-serialisable data, so the same object is the bundle served at /api/registry.json.
 */
import { nullRecord, own } from './ids.ts';
import { ENTITY_FOLDERS, type EntityKind } from './kinds.ts';
import type { Fact, Gpu, License, Model, Provider, Source, Vendor } from './schema/index.ts';

export interface Registry {
  models: Record<string, Model>;
  licenses: Record<string, License>;
  vendors: Record<string, Vendor>;
  providers: Record<string, Provider>;
  gpus: Record<string, Gpu>;
  sources: Record<string, Source>;
  facts: Record<string, Fact>;
}

/** Registry field holding each entity kind: the same name as its content/ folder. */
export const REGISTRY_KEYS: Record<EntityKind, keyof Registry> = ENTITY_FOLDERS;

/** A registry with no entries; its tables have no prototype, so `models["constructor"]` finds nothing. */
export function emptyRegistry(): Registry {
  return { models: nullRecord(), licenses: nullRecord(), vendors: nullRecord(), providers: nullRecord(), gpus: nullRecord(), sources: nullRecord(), facts: nullRecord() };
}

/**
 * The same registry with null-prototype tables: for data that arrives as JSON (a bundle, a cache file,
 * /api/registry.json in the browser), whose tables inherit Object.prototype. Keeps key order.
 */
export function withNullPrototypes(registry: Registry): Registry {
  const out = emptyRegistry();
  for (const key of Object.keys(out) as (keyof Registry)[]) {
    const table = registry[key] as Record<string, unknown> | undefined;
    if (table !== null && typeof table === 'object') (out[key] as Record<string, unknown>) = nullRecord(Object.entries(table));
  }
  return out;
}

/** Number of entities in a registry, all kinds together. */
export function entityCount(registry: Registry): number {
  return Object.values(registry).reduce((n, table) => n + Object.keys(table as object).length, 0);
}

/** Where each entity came from, for findings raised after loading (e.g. by the policy engine). */
export type FileIndex = Record<string, string>;

/** Key of an entity in a FileIndex: `model:meta/llama-3.3-70b-instruct`. */
export function entityKey(kind: EntityKind, id: string): string {
  return `${kind}:${id}`;
}

/** The compiled registry bundle (`npm run bundle`, `/api/registry.json`). */
export interface RegistryBundle {
  format: 'clearance-registry-bundle';
  version: 1;
  /** Counts, for a quick look. */
  counts: Record<keyof Registry, number>;
  registry: Registry;
}

export function toBundle(registry: Registry): RegistryBundle {
  const counts = Object.fromEntries(Object.entries(registry).map(([k, v]) => [k, Object.keys(v).length])) as Record<keyof Registry, number>;
  return { format: 'clearance-registry-bundle', version: 1, counts, registry };
}

/**
 * Alias index: every model id and alias, lower-cased, → model id. Built once per registry; the policy
 * engine layers provider-prefix rules on top of it.
 */
export function aliasIndex(registry: Registry): Map<string, string> {
  const index = new Map<string, string>();
  for (const [id, model] of Object.entries(registry.models)) {
    index.set(id.toLowerCase(), id);
    for (const alias of model.aliases) {
      if (!index.has(alias.toLowerCase())) index.set(alias.toLowerCase(), id);
    }
  }
  return index;
}

/** The derivative chain of a model, itself first: R1-Distill-Llama-70B → Llama 3.3 70B Instruct. */
export function modelChain(registry: Registry, modelId: string): Model[] {
  const chain: Model[] = [];
  const seen = new Set<string>();
  let id: string | undefined = modelId;
  while (id !== undefined && !seen.has(id)) {
    seen.add(id);
    const model: Model | undefined = own(registry.models, id);
    if (!model) break;
    chain.push(model);
    id = model.base_model?.model;
  }
  return chain;
}
