/**
 * Everything a model card shows, computed from the registry before rendering so footnote numbers follow the
 * page's reading order: licenses in the derivative chain (own weights license, inherited base licenses, API
 * terms), obligations, traps, field facts with their citations, benchmarks, routes and prices. Pure.
 */
import { modelChain, type Citation, type Fact, type License, type Model, type Registry, type Status } from '../../registry/index.ts';
import { citationFor, Footnotes } from './footnotes.ts';

export { citationFor } from './footnotes.ts';
import { countryName, date, integer, params, tokens, trimNumber, usd, words } from './format.ts';
import { isMultimodal, licenseView, regionList, type ClauseView, type LicenseView } from './license-view.ts';

export interface FactRow {
  path: string;
  label: string;
  value: string;
  status?: Status;
  notes: number[];
  /** The citation's note: caveats, or how a conflict stands. */
  caveat?: string;
}

export interface ChainLicense {
  role: 'weights' | 'inherited' | 'api-terms';
  /** Why this license applies, in words. */
  reason: string;
  /** The model whose license this is (the model itself or a base in its chain). */
  fromModel: string;
  view: LicenseView;
}

export interface RouteRow {
  providerId: string;
  providerName: string;
  providerCountry?: string;
  euControlled?: boolean;
  relationship: string;
  modelId: string;
  regions: string;
  input?: string;
  output?: string;
  cached?: string;
  priceNote?: string;
  asOf: string;
  status: Status;
  notes: number[];
  /** The terms that govern this route: API terms for first-party and managed cloud, the weights license otherwise. */
  governedBy?: { id: string; name: string };
}

export interface BenchmarkRow {
  name: string;
  score: string;
  mode: string;
  variant: string;
  asOf: string;
  status: Status;
  notes: number[];
  note?: string;
}

export interface ModelFactRow {
  id: string;
  fact: Fact;
  notes: number[];
}

export interface ModelView {
  id: string;
  model: Model;
  vendorName: string;
  vendorCountry?: string;
  licenses: ChainLicense[];
  /** Clauses that bite, across every license in the chain, for the summary box. */
  biting: { license: string; clause: ClauseView }[];
  obligations: { license: string; clause: ClauseView }[];
  traps: string[];
  facts: FactRow[];
  registryFacts: ModelFactRow[];
  benchmarks: BenchmarkRow[];
  routes: RouteRow[];
  flags: { flag: string; note?: string }[];
  history: { license: string; name: string; from?: string; until?: string; note?: string }[];
  footnotes: Footnotes;
}


function factRow(model: Model, notes: Footnotes, path: string, label: string, value: string): FactRow {
  const c = citationFor(model.citations, path);
  const row: FactRow = { path, label, value, notes: c ? notes.refs(c.sources) : [] };
  if (c) row.status = c.status;
  if (c?.note) row.caveat = c.note;
  return row;
}

function attentionWords(model: Model): string | undefined {
  const a = model.architecture?.attention;
  if (!a) return undefined;
  if (a.kind === 'gqa') return a.heads === a.kv_heads ? `Multi-head, ${a.heads} heads × ${a.head_dim}` : `Grouped-query, ${a.heads} query / ${a.kv_heads} KV heads × ${a.head_dim}`;
  return `Multi-head latent (MLA), ${a.heads} heads, KV rank ${a.kv_lora_rank} + RoPE ${a.qk_rope_head_dim}`;
}

/** Field facts of a model, each with its citation. Only fields the registry records appear. */
export function modelFacts(registry: Registry, model: Model, notes: Footnotes): FactRow[] {
  const rows: FactRow[] = [];
  const add = (path: string, label: string, value: string | undefined) => {
    if (value !== undefined) rows.push(factRow(model, notes, path, label, value));
  };
  add('release_date', 'Released', model.release_date ? date(model.release_date) : undefined);
  const lc = model.lifecycle;
  const lifecycle = [words(lc.status), lc.deprecated_on && `deprecated ${date(lc.deprecated_on)}`, lc.retires_on && `retires ${date(lc.retires_on)}`, lc.retired_on && `retired ${date(lc.retired_on)}`]
    .filter(Boolean)
    .join(', ');
  add('lifecycle', 'Lifecycle', lc.replacement ? `${lifecycle}; replacement: ${registry.models[lc.replacement]?.name ?? lc.replacement}` : lifecycle);
  add('modalities', 'Modalities', `${model.modalities.input.join(', ')} in → ${model.modalities.output.join(', ')} out`);
  add('context_tokens', 'Context window', model.context_tokens === undefined ? undefined : `${tokens(model.context_tokens)} tokens`);
  add('max_output_tokens', 'Max output', model.max_output_tokens === undefined ? undefined : `${tokens(model.max_output_tokens)} tokens`);
  const arch = model.architecture;
  if (arch) {
    const active = arch.params_active_b !== undefined && arch.params_active_b !== arch.params_total_b ? `, ${params(arch.params_active_b)} active per token` : '';
    add('architecture.params_total_b', 'Parameters', `${params(arch.params_total_b)} total${active}`);
    if (arch.moe) add('architecture.moe', 'Mixture of experts', `${arch.moe.experts_total} experts, ${arch.moe.experts_active} active${arch.moe.experts_shared ? `, ${arch.moe.experts_shared} shared` : ''}`);
    add('architecture.layers', 'Layers × width', `${arch.layers} × ${integer(arch.hidden_size)}`);
    add('architecture.attention', 'Attention', attentionWords(model));
    if (arch.window) add('architecture.window', 'Local attention', `${arch.window.kind}, ${integer(arch.window.size)} tokens on ${arch.window.windowed_layers} layers${arch.window.pattern ? ` (${arch.window.pattern})` : ''}`);
    if (arch.linear_attention) add('architecture.linear_attention', 'Linear attention', `${arch.linear_attention.kind} on ${arch.linear_attention.layers} layers`);
    add('architecture.native_precision', 'Released precision', arch.native_precision.toUpperCase());
  }
  if (model.weights) add('weights', 'Weights', `${model.weights.repo}${model.weights.gated ? ' (gated: accept terms to download)' : ''}`);
  if (model.base_model) add('base_model', 'Derived from', `${registry.models[model.base_model.model]?.name ?? model.base_model.model} (${words(model.base_model.relation)})`);
  add('license', 'Weights license', model.license ? (registry.licenses[model.license]?.name ?? model.license) : undefined);
  add('api_terms', 'API terms', model.api_terms ? (registry.licenses[model.api_terms]?.name ?? model.api_terms) : undefined);
  return rows;
}

/** Licenses that govern a model: its own weights license, each base model's license, and its API terms. */
export function chainLicenses(registry: Registry, id: string, notes: Footnotes): ChainLicense[] {
  const model = registry.models[id];
  if (!model) return [];
  const out: ChainLicense[] = [];
  const seen = new Set<string>();
  const chain = modelChain(registry, id);
  const chainIds = [id];
  for (let i = 0; i < chain.length - 1; i++) chainIds.push(chain[i]!.base_model!.model);
  chain.forEach((m, i) => {
    const lid = m.license;
    if (!lid || seen.has(lid)) return;
    const license: License | undefined = registry.licenses[lid];
    if (!license) return;
    seen.add(lid);
    const reason =
      i === 0
        ? 'Governs the weights: self-hosting and hosted open-weights routes.'
        : `Inherited: this model is a ${words(chain[i - 1]!.base_model!.relation)} of ${m.name}, whose license still applies.`;
    out.push({ role: i === 0 ? 'weights' : 'inherited', reason, fromModel: chainIds[i]!, view: licenseView(lid, license, notes, model) });
  });
  if (model.api_terms && !seen.has(model.api_terms)) {
    const terms = registry.licenses[model.api_terms];
    if (terms) {
      out.push({
        role: 'api-terms',
        reason: 'Governs access through the vendor’s API and managed clouds.',
        fromModel: id,
        view: licenseView(model.api_terms, terms, notes, model),
      });
    }
  }
  return out;
}

function routeRows(registry: Registry, model: Model, notes: Footnotes): RouteRow[] {
  return (model.routes ?? []).map((r) => {
    const provider = registry.providers[r.provider];
    const relationship = r.relationship ?? provider?.relationship ?? 'hosted-oss';
    const governing = relationship === 'hosted-oss' ? model.license : (model.api_terms ?? model.license);
    const row: RouteRow = {
      providerId: r.provider,
      providerName: provider?.name ?? r.provider,
      relationship: words(relationship),
      modelId: r.model_id,
      regions: r.regions?.join(', ') ?? (provider ? regionList([...new Set(provider.regions.map((g) => g.country))]) : ''),
      asOf: date(r.as_of),
      status: r.status,
      notes: notes.refs(r.sources),
    };
    if (provider) {
      row.providerCountry = provider.country;
      row.euControlled = provider.eu_controlled;
    }
    if (r.price) {
      row.input = usd(r.price.input_usd_per_mtok);
      row.output = usd(r.price.output_usd_per_mtok);
      if (r.price.cached_input_usd_per_mtok !== undefined) row.cached = usd(r.price.cached_input_usd_per_mtok);
      if (r.price.note) row.priceNote = r.price.note;
    }
    if (governing && registry.licenses[governing]) row.governedBy = { id: governing, name: registry.licenses[governing].name };
    return row;
  });
}

/** Traps in plain words: the model's own, its licenses', and those the registry's structure reveals. */
function modelTraps(registry: Registry, model: Model, licenses: ChainLicense[]): string[] {
  const traps = [...(model.traps ?? [])];
  for (const l of licenses) {
    if (l.role === 'inherited') {
      traps.push(`Derivative: the ${l.view.license.name} of the base model ${registry.models[l.fromModel]?.name ?? l.fromModel} applies on top of this model’s own license.`);
    }
    for (const g of l.view.geo) {
      if (!g.applies) {
        traps.push(`${l.view.license.name} excludes ${regionList(g.regions)} for multimodal models; this model is text-only, so it does not bite here — but it does for multimodal siblings.`);
      }
    }
    for (const t of l.view.traps) traps.push(`${l.view.license.name}: ${t}`);
  }
  if (model.kind === 'open-weights' && model.api_terms) {
    traps.push('Weights license and API terms differ: the vendor’s API is governed by its API terms, self-hosted weights by the weights license.');
  }
  if (model.lifecycle.status !== 'active') traps.push(`This checkpoint is ${model.lifecycle.status}; routers should move to ${model.lifecycle.replacement ? (registry.models[model.lifecycle.replacement]?.name ?? model.lifecycle.replacement) : 'a supported model'}.`);
  return [...new Set(traps)];
}

/** The full model-card view. Throws for an unknown id (a page for a missing model is a build bug). */
export function modelView(registry: Registry, id: string): ModelView {
  const model = registry.models[id];
  if (!model) throw new Error(`model "${id}" is not in the registry`);
  const notes = new Footnotes(registry);
  const vendor = registry.vendors[model.vendor];
  const licenses = chainLicenses(registry, id, notes);
  const biting = licenses.flatMap((l) => [...l.view.clauses, ...l.view.geo].filter((c) => c.bites).map((clause) => ({ license: l.view.license.name, clause })));
  const obligations = licenses.flatMap((l) => l.view.obligations.map((clause) => ({ license: l.view.license.name, clause })));
  const facts = modelFacts(registry, model, notes);
  const registryFacts = Object.entries(registry.facts)
    .filter(([, f]) => f.subject.kind === 'model' && f.subject.id === id)
    .map(([fid, fact]) => ({ id: fid, fact, notes: notes.refs(fact.sources) }));
  const benchmarks = (model.benchmarks ?? []).map((b) => {
    const row: BenchmarkRow = {
      name: b.name,
      score: b.unit === 'percent' ? `${trimNumber(b.score)}%` : trimNumber(b.score),
      mode: b.mode,
      variant: words(b.variant),
      asOf: b.as_of ? date(b.as_of) : '',
      status: b.status,
      notes: notes.refs(b.sources),
    };
    if (b.note) row.note = b.note;
    return row;
  });
  const routes = routeRows(registry, model, notes);
  const view: ModelView = {
    id,
    model,
    vendorName: vendor?.name ?? model.vendor,
    licenses,
    biting,
    obligations,
    traps: modelTraps(registry, model, licenses),
    facts,
    registryFacts,
    benchmarks,
    routes,
    flags: (model.procurement_flags ?? []).map((f) => (f.note ? { flag: f.flag, note: f.note } : { flag: f.flag })),
    history: (model.license_history ?? []).map((h) => {
      const row: ModelView['history'][number] = { license: h.license, name: registry.licenses[h.license]?.name ?? h.license };
      if (h.from) row.from = date(h.from);
      if (h.until) row.until = date(h.until);
      if (h.note) row.note = h.note;
      return row;
    }),
    footnotes: notes,
  };
  if (vendor) view.vendorCountry = vendor.country;
  return view;
}

/** Country name of a model's vendor, for tables and filters. */
export function vendorCountry(registry: Registry, model: Model): string | undefined {
  const c = registry.vendors[model.vendor]?.country;
  return c ? countryName(c) : undefined;
}

export { isMultimodal };
