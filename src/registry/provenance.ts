/**
 * How well each model is sourced: which fields are still missing and which claims rest on weak evidence.
 * Pure; `npm run registry:report` prints it, and maintainers use it to decide what to research next.
 */
import type { Registry } from './registry.ts';
import type { Model, Status } from './schema/index.ts';

/** Fields a model should have, by kind; absent ones are reported as unknown. */
const EXPECTED_FIELDS: Record<Model['kind'], readonly string[]> = {
  'open-weights': ['release_date', 'license', 'weights', 'context_tokens', 'architecture', 'modalities', 'routes'],
  'api-only': ['release_date', 'api_terms', 'context_tokens', 'max_output_tokens', 'modalities', 'routes'],
};

/** Architecture fields sizing needs; attention details depend on the layout. */
const SIZING_FIELDS = ['params_total_b', 'layers', 'hidden_size', 'attention', 'native_precision'] as const;

export const WEAK_STATUSES: readonly Status[] = ['single-source', 'directional', 'disputed', 'unknown'];

export interface ModelProvenance {
  id: string;
  kind: Model['kind'];
  missing: string[];
  /** Claims whose status is below verified/secondary, with that status. */
  weak: { field: string; status: Status }[];
  /** Citations and inline claims by status. */
  statuses: Partial<Record<Status, number>>;
}

export function modelProvenance(id: string, model: Model): ModelProvenance {
  const missing = EXPECTED_FIELDS[model.kind].filter((f) => (model as Record<string, unknown>)[f] === undefined);
  if (model.kind === 'open-weights' && model.architecture) {
    const arch = model.architecture as Record<string, unknown>;
    missing.push(...SIZING_FIELDS.filter((f) => arch[f] === undefined).map((f) => `architecture.${f}`));
    if (model.architecture.moe && model.architecture.params_active_b === undefined) missing.push('architecture.params_active_b');
  }
  const weak: ModelProvenance['weak'] = [];
  const statuses: ModelProvenance['statuses'] = {};
  const count = (field: string, status: Status) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (WEAK_STATUSES.includes(status)) weak.push({ field, status });
  };
  for (const [field, citation] of Object.entries(model.citations)) count(field, citation.status);
  model.routes?.forEach((r, i) => count(`routes[${i}] (${r.provider})`, r.status));
  model.benchmarks?.forEach((b, i) => count(`benchmarks[${i}] (${b.name})`, b.status));
  return { id, kind: model.kind, missing, weak, statuses };
}

export function registryProvenance(registry: Registry): ModelProvenance[] {
  return Object.entries(registry.models).map(([id, model]) => modelProvenance(id, model));
}

/** One vendor's share of the registry: what `npm run registry:report` prints per vendor. */
export interface VendorCoverage {
  vendor: string;
  models: number;
  openWeights: number;
  apiOnly: number;
  /** Open-weights models whose architecture has every field sizing needs. */
  sizable: number;
  /** Weights licenses and API terms its models name, sorted. */
  licenses: string[];
  /** Expected fields still absent, with how many of its models lack each. */
  missing: Record<string, number>;
  /** Claims whose status is unknown. */
  unknownClaims: number;
}

/** Per-vendor coverage, vendors without models included, sorted by vendor id. */
export function vendorCoverage(registry: Registry): VendorCoverage[] {
  const rows = new Map<string, VendorCoverage>();
  const row = (vendor: string) => {
    let r = rows.get(vendor);
    if (!r) rows.set(vendor, (r = { vendor, models: 0, openWeights: 0, apiOnly: 0, sizable: 0, licenses: [], missing: {}, unknownClaims: 0 }));
    return r;
  };
  for (const vendor of Object.keys(registry.vendors)) row(vendor);
  for (const [id, model] of Object.entries(registry.models)) {
    const r = row(model.vendor);
    const p = modelProvenance(id, model);
    r.models += 1;
    if (model.kind === 'open-weights') {
      r.openWeights += 1;
      if (model.architecture && !p.missing.some((f) => f.startsWith('architecture'))) r.sizable += 1;
    } else r.apiOnly += 1;
    for (const l of [model.license, model.api_terms]) if (l !== undefined && !r.licenses.includes(l)) r.licenses.push(l);
    for (const f of p.missing) r.missing[f] = (r.missing[f] ?? 0) + 1;
    r.unknownClaims += p.statuses.unknown ?? 0;
  }
  for (const r of rows.values()) r.licenses.sort();
  return [...rows.values()].sort((a, b) => (a.vendor < b.vendor ? -1 : a.vendor > b.vendor ? 1 : 0));
}
