/** The per-model JSON document of the static API (/api/models/<id>.json). Pure. */
import type { License, Model, Provider, Registry, Source, SourceRef, Vendor } from '../../registry/index.ts';
import { compact, countryName, date, integer, params, tokens, usd, words } from './format.ts';
import { licenseHeadline } from './license-view.ts';
import { governingLicenses, modelRow, type ModelRow } from './model-row.ts';
import { modelUrl } from './paths.ts';
import { compareGpus } from '../../sizing/index.ts';
import { REFERENCE_WORKLOAD } from './footprint.ts';

export interface ModelDocument {
  format: 'clearance-model';
  version: 1;
  id: string;
  url: string;
  model: Model;
  vendor?: Vendor;
  /** Every license that governs the model, with how it applies. */
  licenses: { id: string; role: 'weights' | 'inherited' | 'api-terms'; headline: string; license: License }[];
  providers: Record<string, Provider>;
  /** Every source cited anywhere in this document. */
  sources: Record<string, Source>;
  /** Facets the site filters on (most restrictive across governing licenses). */
  facets: ModelRow;
  /** Display strings, as the site shows them (used by the compare page). */
  display: { label: string; value: string }[];
}

function collectSourceIds(value: unknown, out: Set<string>): void {
  if (Array.isArray(value)) for (const v of value) collectSourceIds(v, out);
  else if (value !== null && typeof value === 'object') {
    const ref = value as Partial<SourceRef>;
    if (typeof ref.source === 'string') out.add(ref.source);
    for (const v of Object.values(value)) collectSourceIds(v, out);
  }
}

/** The standard workload the compare page sizes every model at: one request a second, 1,000 in / 1,000 out, 50 ms TPOT. */
export const STANDARD_LOAD = { ...REFERENCE_WORKLOAD, requestsPerSecond: 1 } as const;
const SELF_HOSTING_LABEL = `Self-hosting at ${STANDARD_LOAD.requestsPerSecond} request/s (${STANDARD_LOAD.isl.toLocaleString('en-US')} in, ${STANDARD_LOAD.osl.toLocaleString('en-US')} out, ${STANDARD_LOAD.tpotMs} ms per token)`;

/** The cheapest priced GPU of the catalog for the standard workload: GPUs and $ a month (src/sizing). */
function selfHostingAtStandardLoad(registry: Registry, id: string, model: Model): string {
  if (model.kind !== 'open-weights') return 'not self-hostable (API only)';
  if (!model.architecture) return 'no architecture recorded';
  const request = { model: { id, name: model.name, architecture: model.architecture, ...(model.context_tokens !== undefined ? { contextTokens: model.context_tokens } : {}) }, gpu: { ...Object.values(registry.gpus)[0]!, id: Object.keys(registry.gpus)[0]! }, workload: { ...STANDARD_LOAD } };
  const best = compareGpus(request, registry.gpus)[0];
  const r = best?.result;
  if (!r?.fits || !r.cost) return 'does not fit on a priced GPU of the catalog';
  return `${r.gpus} × ${best!.gpuName} (${r.replicas} × ${r.layoutLabel}), $${integer(Math.round(r.cost.perMonthUsd))} a month at the catalog price`;
}

export function modelSummary(registry: Registry, id: string): ModelDocument {
  const model = registry.models[id];
  if (!model) throw new Error(`model "${id}" is not in the registry`);
  const facets = modelRow(registry, id);
  const licenses = governingLicenses(registry, id).map(({ id: lid, license }) => ({
    id: lid,
    role: (lid === model.license ? 'weights' : lid === model.api_terms ? 'api-terms' : 'inherited') as 'weights' | 'inherited' | 'api-terms',
    headline: licenseHeadline(license, model),
    license,
  }));
  const providers: Record<string, Provider> = {};
  for (const r of model.routes ?? []) {
    const p = registry.providers[r.provider];
    if (p) providers[r.provider] = p;
  }
  const vendor = registry.vendors[model.vendor];
  const ids = new Set<string>();
  collectSourceIds([model, licenses.map((l) => l.license), vendor], ids);
  const sources: Record<string, Source> = {};
  for (const sid of [...ids].sort()) if (registry.sources[sid]) sources[sid] = registry.sources[sid];
  const cheapest = (model.routes ?? []).filter((r) => r.price).sort((a, b) => a.price!.input_usd_per_mtok + a.price!.output_usd_per_mtok - (b.price!.input_usd_per_mtok + b.price!.output_usd_per_mtok))[0];
  const arch = model.architecture;
  const display = [
    { label: 'Vendor', value: `${facets.vendorName}${facets.countryCode ? ` (${countryName(facets.countryCode)})` : ''}` },
    { label: 'Weights', value: words(model.kind) },
    { label: 'Lifecycle', value: words(model.lifecycle.status) },
    { label: 'Released', value: date(model.release_date) },
    { label: 'Licenses', value: licenses.map((l) => `${l.license.name} (${words(l.license.class)})`).join(' + ') || 'none recorded' },
    { label: 'Commercial use', value: words(facets.commercialUse) },
    { label: 'MAU cap', value: facets.mauCap === undefined ? 'not recorded' : facets.mauCap === null ? 'none' : compact(facets.mauCap) },
    { label: 'Training on outputs', value: licenses.map((l) => words(l.license.output_training.value)).join(' / ') || 'not recorded' },
    { label: 'EU exclusion', value: facets.euExclusion ? 'Yes' : 'No' },
    { label: 'Obligations', value: licenses.flatMap((l) => l.license.obligations.map((o) => words(o.value))).join(', ') || 'none' },
    { label: 'In plain words', value: licenses.map((l) => l.headline).join(' ') || 'No license recorded.' },
    { label: 'Parameters', value: arch ? `${params(arch.params_total_b)}${arch.params_active_b && arch.params_active_b !== arch.params_total_b ? ` (${params(arch.params_active_b)} active)` : ''}` : 'not recorded' },
    { label: 'Context window', value: model.context_tokens === undefined ? 'not recorded' : `${tokens(model.context_tokens)} tokens` },
    { label: 'Modalities', value: `${model.modalities.input.join(', ')} → ${model.modalities.output.join(', ')}` },
    { label: 'Sovereign options', value: [facets.selfHostable ? 'self-host' : '', ...facets.euProviders].filter(Boolean).join(', ') || 'none recorded' },
    { label: 'Cheapest listed route', value: cheapest ? `${registry.providers[cheapest.provider]?.name ?? cheapest.provider}: ${usd(cheapest.price!.input_usd_per_mtok)} in / ${usd(cheapest.price!.output_usd_per_mtok)} out per 1M (${date(cheapest.as_of)})` : 'none recorded' },
    { label: 'Procurement flags', value: facets.flags.join(', ') || 'none' },
    { label: SELF_HOSTING_LABEL, value: selfHostingAtStandardLoad(registry, id, model) },
  ];
  const doc: ModelDocument = { format: 'clearance-model', version: 1, id, url: modelUrl(id), model, licenses, providers, sources, facets, display };
  if (vendor) doc.vendor = vendor;
  return doc;
}
