/**
 * One model as a row of the models index, and the facets search and filters use. Facets look at every
 * license that governs the model (its own, inherited base-model licenses, API terms) and keep the most
 * restrictive answer, so a derivative never looks freer than its base. Pure.
 */
import { modelChain, type License, type LicenseClass, type Registry } from '../../registry/index.ts';
import { geoApplies } from './license-view.ts';

export type CommercialUse = 'allowed' | 'conditional' | 'forbidden' | 'unknown';

export interface ModelRow {
  id: string;
  name: string;
  vendorId: string;
  vendorName: string;
  countryCode?: string;
  kind: 'open-weights' | 'api-only';
  licenseId?: string;
  licenseName?: string;
  /** Classes of every governing license. */
  classes: LicenseClass[];
  commercialUse: CommercialUse;
  /** Lowest MAU cap among governing licenses; null when none has one; undefined when not recorded. */
  mauCap: number | null | undefined;
  euExclusion: boolean;
  /** EU-controlled providers with a route to this model. */
  euProviders: string[];
  selfHostable: boolean;
  paramsB?: number;
  activeB?: number;
  context?: number;
  release?: string;
  lifecycle: 'active' | 'deprecated' | 'retired';
  flags: string[];
}

const COMMERCIAL_ORDER: CommercialUse[] = ['allowed', 'conditional', 'unknown', 'forbidden'];

/** Every license that governs a model: weights licenses along the derivative chain, then API terms. */
export function governingLicenses(registry: Registry, id: string): { id: string; license: License }[] {
  const out: { id: string; license: License }[] = [];
  const seen = new Set<string>();
  const model = registry.models[id];
  const ids = [...modelChain(registry, id).map((m) => m.license), model?.api_terms];
  for (const lid of ids) {
    if (!lid || seen.has(lid)) continue;
    const license = registry.licenses[lid];
    if (!license) continue;
    seen.add(lid);
    out.push({ id: lid, license });
  }
  return out;
}

const rowCache = new WeakMap<Registry, Map<string, ModelRow>>();

/** The row of one model; memoized per registry (pages ask for the same rows many times). */
export function modelRow(registry: Registry, id: string): ModelRow {
  let cache = rowCache.get(registry);
  if (!cache) rowCache.set(registry, (cache = new Map()));
  let row = cache.get(id);
  if (!row) cache.set(id, (row = computeModelRow(registry, id)));
  return row;
}

function computeModelRow(registry: Registry, id: string): ModelRow {
  const model = registry.models[id];
  if (!model) throw new Error(`model "${id}" is not in the registry`);
  const vendor = registry.vendors[model.vendor];
  const licenses = governingLicenses(registry, id);
  // API-only models are governed by their API terms alone; open-weights models by every weights license (and API terms for the API route).
  let commercialUse: CommercialUse = 'allowed';
  for (const { license } of licenses) {
    const v = license.commercial_use.value;
    if (COMMERCIAL_ORDER.indexOf(v) > COMMERCIAL_ORDER.indexOf(commercialUse)) commercialUse = v;
  }
  if (licenses.length === 0) commercialUse = 'unknown';
  const caps = licenses.map(({ license }) => license.mau_cap?.value);
  const numericCaps = caps.filter((c): c is number => typeof c === 'number');
  const mauCap = numericCaps.length > 0 ? Math.min(...numericCaps) : caps.some((c) => c === null) ? null : undefined;
  const euExclusion = licenses.some(({ license }) => license.geo_exclusions.some((g) => geoApplies(g, model) && g.regions.some((r) => r === 'EU' || r === 'EEA')));
  const euProviders = [...new Set((model.routes ?? []).map((r) => registry.providers[r.provider]).filter((p) => p?.eu_controlled).map((p) => p!.name))];
  const row: ModelRow = {
    id,
    name: model.name,
    vendorId: model.vendor,
    vendorName: vendor?.name ?? model.vendor,
    kind: model.kind,
    classes: [...new Set(licenses.map(({ license }) => license.class))],
    commercialUse,
    mauCap,
    euExclusion,
    euProviders,
    selfHostable: model.kind === 'open-weights',
    lifecycle: model.lifecycle.status,
    flags: (model.procurement_flags ?? []).map((f) => f.flag),
  };
  if (vendor) row.countryCode = vendor.country;
  const own = model.license ?? model.api_terms;
  if (own) {
    row.licenseId = own;
    row.licenseName = registry.licenses[own]?.name ?? own;
  }
  if (model.architecture) {
    row.paramsB = model.architecture.params_total_b;
    if (model.architecture.params_active_b !== undefined) row.activeB = model.architecture.params_active_b;
  }
  if (model.context_tokens !== undefined) row.context = model.context_tokens;
  if (model.release_date) row.release = model.release_date;
  return row;
}

/** All model rows, sorted by vendor then name. */
export function modelRows(registry: Registry): ModelRow[] {
  return Object.keys(registry.models)
    .map((id) => modelRow(registry, id))
    .sort((a, b) => a.vendorName.localeCompare(b.vendorName) || a.name.localeCompare(b.name));
}
