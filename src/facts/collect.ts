/**
 * Gathers every fact in the registry into one shape: standalone facts (content/facts) and the claim-bearing
 * fields of models, licenses and providers — their `citations` maps and their inline claims (benchmarks,
 * route prices, license clauses, certifications). Statements for derived facts are generated from the data,
 * so they never say more than the field does.
 */
import type { Citation, Fact, License, Model, Provider, Registry, SourceRef } from '../registry/index.ts';
import type { FactRecord, FactSubject, SubjectKind } from './fact-record.ts';
import { formatMoney, formatNumber } from './value.ts';
import { getIn, parseFieldPath } from '../registry/paths.ts';
import { CERTIFICATIONS } from '../registry/certifications.ts';

/** Every fact of the registry, sorted by id. */
export function collectFacts(registry: Registry): FactRecord[] {
  const out: FactRecord[] = [];
  for (const [id, fact] of Object.entries(registry.facts)) out.push(standaloneFact(registry, id, fact));
  for (const [id, model] of Object.entries(registry.models)) out.push(...modelFacts(registry, id, model));
  for (const [id, license] of Object.entries(registry.licenses)) out.push(...licenseFacts(id, license));
  for (const [id, provider] of Object.entries(registry.providers)) out.push(...providerFacts(id, provider));
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The display name of a registry entity, falling back to its id. */
export function subjectOf(registry: Registry, kind: SubjectKind, id: string | undefined): FactSubject {
  if (kind === 'market' || id === undefined) return { kind, name: 'Market', ...(id !== undefined ? { id } : {}) };
  const table: Record<string, { name?: string } | undefined> =
    kind === 'model' ? registry.models : kind === 'vendor' ? registry.vendors : kind === 'provider' ? registry.providers : kind === 'license' ? registry.licenses : registry.gpus;
  return { kind, id, name: table[id]?.name ?? id };
}

function standaloneFact(registry: Registry, id: string, fact: Fact): FactRecord {
  // A price of a model, without a route, is the vendor's own price: the vendor channel's lifecycle applies.
  const model = fact.subject.kind === 'model' && fact.subject.id !== undefined ? registry.models[fact.subject.id] : undefined;
  const channel = model !== undefined && (fact.tags ?? []).includes('price') ? lifecycleDates(model.lifecycle) : {};
  const expires = earliest(fact.expires, channel.expires);
  const vendor = model !== undefined ? registry.vendors[model.vendor] : undefined;
  const firstParty = model !== undefined ? Object.entries(registry.providers).filter(([, p]) => p.vendor === model.vendor && p.relationship === 'first-party-api') : [];
  const provider =
    model !== undefined && (fact.tags ?? []).includes('price')
      ? { id: firstParty[0]?.[0] ?? model.vendor, names: [...firstParty.map(([, p]) => p.name), ...(vendor !== undefined ? [vendor.name] : [])] }
      : undefined;
  return {
    id,
    origin: { kind: 'fact', id },
    subject: subjectOf(registry, fact.subject.kind, fact.subject.id),
    statement: fact.statement,
    ...(fact.value !== undefined ? { value: fact.value } : {}),
    ...(fact.unit !== undefined ? { unit: fact.unit } : {}),
    status: fact.status,
    sources: fact.sources,
    as_of: fact.as_of,
    ...(expires !== undefined ? { expires } : {}),
    ...(channel.retired_on !== undefined ? { retired_on: channel.retired_on } : {}),
    ...(fact.horizon !== undefined ? { horizon: fact.horizon } : {}),
    ...(provider !== undefined ? { provider } : {}),
    ...(fact.stale_after_days !== undefined ? { stale_after_days: fact.stale_after_days } : {}),
    reviewed: fact.reviewed,
    caveats: fact.horizon !== undefined ? [...fact.caveats, `period: ${fact.horizon}`] : fact.caveats,
    ...(fact.circulated_as !== undefined ? { circulated_as: fact.circulated_as } : {}),
    evidence_against: fact.evidence_against ?? [],
    tags: fact.tags ?? [],
  };
}

interface Claim {
  path: string;
  statement: string;
  value?: number | string;
  unit?: string;
  status: FactRecord['status'];
  sources: SourceRef[];
  as_of?: string;
  caveats: string[];
  tags: string[];
  expires?: string;
  extra?: Pick<FactRecord, 'provider' | 'retired_on' | 'certification' | 'list_complete' | 'is_list'>;
}

function derived(kind: 'model' | 'license' | 'provider', entityId: string, subject: FactSubject, reviewed: string, claims: Claim[]): FactRecord[] {
  const seen = new Map<string, number>();
  return claims.map((c) => {
    // Two claims can share a readable path (two routes at one provider); the second gets its position.
    const n = seen.get(c.path) ?? 0;
    seen.set(c.path, n + 1);
    const path = n === 0 ? c.path : `${c.path}.${n + 1}`;
    return {
      id: `${kind}:${entityId}:${path}`,
      origin: { kind, id: entityId, path },
      subject,
      statement: sentence(c.statement),
      ...(c.value !== undefined ? { value: c.value } : {}),
      ...(c.unit !== undefined ? { unit: c.unit } : {}),
      status: c.status,
      sources: c.sources,
      ...(c.as_of !== undefined ? { as_of: c.as_of } : {}),
      ...(c.expires !== undefined ? { expires: c.expires } : {}),
      reviewed,
      caveats: c.caveats,
      evidence_against: [],
      tags: c.tags,
      ...(c.extra ?? {}),
    };
  });
}

// ---------------------------------------------------------------- models

function modelFacts(registry: Registry, id: string, model: Model): FactRecord[] {
  const claims: Claim[] = [];
  for (const [key, citation] of Object.entries(model.citations)) {
    // Benchmarks and routes carry their own status and sources inline; they are read below.
    if (key.startsWith('benchmarks') || key.startsWith('routes')) continue;
    const value = getIn(model, parseFieldPath(key));
    if (value === undefined) continue;
    const field = modelFieldClaim(registry, model, key, value);
    // "It retires on …" is true only until that day; after it the lifecycle must be re-recorded as retired.
    const expires = key === 'lifecycle' ? lifecycleDates(model.lifecycle).expires : undefined;
    claims.push({ ...field, path: key, ...fromCitation(citation), ...(expires !== undefined ? { expires } : {}) });
  }
  for (const b of model.benchmarks ?? []) {
    const unit = b.unit === 'percent' ? '%' : b.unit === 'elo' ? 'Elo' : undefined;
    const score = unit === '%' ? `${formatNumber(b.score)}%` : unit === 'Elo' ? `${formatNumber(b.score)} Elo` : formatNumber(b.score);
    claims.push({
      path: `benchmarks.${slug(b.name)}.${b.variant}`,
      statement: `${model.name} (${b.variant} checkpoint) scores ${score} on ${b.name} (${b.mode})`,
      value: b.score,
      ...(unit !== undefined ? { unit } : {}),
      status: b.status,
      sources: b.sources,
      ...(b.as_of !== undefined ? { as_of: b.as_of } : {}),
      caveats: [variantCaveat(b.variant), `setting: ${b.mode}`, ...(b.note ? [b.note] : [])],
      tags: ['benchmark'],
    });
  }
  for (const r of model.routes ?? []) {
    if (!r.price) continue;
    const providerEntry = registry.providers[r.provider];
    const provider = providerEntry?.name ?? r.provider;
    const vendorName = providerEntry?.vendor !== undefined ? registry.vendors[providerEntry.vendor]?.name : undefined;
    // The model's own lifecycle is the vendor's API channel; every other route carries its own (or none: unknown).
    const firstParty = r.relationship === 'first-party-api' || (r.relationship === undefined && providerEntry?.relationship === 'first-party-api' && providerEntry.vendor === model.vendor);
    const lifecycle = r.lifecycle ?? (firstParty ? model.lifecycle : undefined);
    const dates = lifecycle !== undefined ? lifecycleDates(lifecycle) : {};
    const lifecycleCaveat =
      lifecycle?.status === 'retired' ? [`${provider} retired this route on ${lifecycle.retired_on}`]
      : lifecycle?.status === 'deprecated' ? [`deprecated at ${provider}${lifecycle.retires_on ? `; retires on ${lifecycle.retires_on}` : ''}`]
      : [];
    claims.push({
      path: `routes.${r.provider}.price`,
      statement: `${model.name} costs $${formatMoney(r.price.input_usd_per_mtok)} per 1M input tokens and $${formatMoney(r.price.output_usd_per_mtok)} per 1M output tokens on ${provider}`,
      value: `$${formatMoney(r.price.input_usd_per_mtok)} / $${formatMoney(r.price.output_usd_per_mtok)}`,
      unit: 'per 1M tokens, in / out',
      status: r.status,
      sources: r.sources,
      as_of: r.as_of,
      caveats: [`list price at ${provider} as of ${r.as_of}`, ...lifecycleCaveat, ...(r.regions?.length ? [`regions: ${r.regions.join(', ')}`] : []), ...(r.price.note ? [r.price.note] : [])],
      tags: ['price'],
      ...(dates.expires !== undefined ? { expires: dates.expires } : {}),
      extra: {
        provider: { id: r.provider, names: [provider, ...(vendorName !== undefined ? [vendorName] : [])] },
        ...(dates.retired_on !== undefined ? { retired_on: dates.retired_on } : {}),
      },
    });
  }
  return derived('model', id, subjectOf(registry, 'model', id), model.reviewed, claims);
}

type FieldClaim = Pick<Claim, 'statement' | 'value' | 'unit' | 'as_of' | 'tags'>;

function modelFieldClaim(registry: Registry, model: Model, key: string, value: unknown): FieldClaim {
  const name = model.name;
  const licenseName = (lid: string) => registry.licenses[lid]?.name ?? lid;
  switch (key) {
    case 'license':
      return { statement: `${name} weights are licensed under the ${licenseName(String(value))}`, value: licenseName(String(value)), tags: ['license'] };
    case 'api_terms':
      return { statement: `Access to ${name} through its vendor's API is governed by the ${licenseName(String(value))}`, value: licenseName(String(value)), tags: ['license'] };
    case 'context_tokens':
      return { statement: `${name} has a context window of ${formatNumber(Number(value))} tokens`, value: Number(value), unit: 'tokens', tags: ['context'] };
    case 'max_output_tokens':
      return { statement: `${name} generates at most ${formatNumber(Number(value))} output tokens per response`, value: Number(value), unit: 'tokens', tags: ['context'] };
    case 'release_date':
      return { statement: `${name} was released on ${String(value)}`, value: String(value), as_of: String(value), tags: ['release'] };
    case 'modalities': {
      const m = value as Model['modalities'];
      return { statement: `${name} takes ${m.input.join(', ')} input and produces ${m.output.join(', ')} output`, value: m.input.join(' + '), tags: ['modalities'] };
    }
    case 'base_model': {
      const b = value as NonNullable<Model['base_model']>;
      const base = registry.models[b.model]?.name ?? b.model;
      return { statement: `${name} is a ${b.relation} of ${base}, so ${base}'s license terms apply to it as well`, value: base, tags: ['license'] };
    }
    case 'license_history': {
      const h = value as NonNullable<Model['license_history']>;
      return { statement: `${name} weights were earlier licensed under ${h.map((x) => licenseName(x.license) + (x.until ? ` (until ${x.until})` : '')).join(', ')}`, tags: ['license'] };
    }
    case 'architecture':
    case 'architecture.params_total_b': {
      const a = model.architecture;
      if (a) {
        const active = a.params_active_b !== undefined && a.params_active_b !== a.params_total_b ? `, ${formatNumber(a.params_active_b)}B active per token` : '';
        const nominal = a.params_nominal_b !== undefined && a.params_nominal_b !== a.params_total_b ? ` (named for ${formatNumber(a.params_nominal_b)}B)` : '';
        return { statement: `${name} has ${formatNumber(a.params_total_b)}B parameters in total${nominal}${active}`, value: `${formatNumber(a.params_total_b)}B`, unit: 'parameters', tags: ['architecture'] };
      }
      break;
    }
    case 'lifecycle': {
      const l = value as Model['lifecycle'];
      const when = l.retired_on ? `; it was retired on ${l.retired_on}` : l.retires_on ? `; it retires on ${l.retires_on}` : l.deprecated_on ? ` since ${l.deprecated_on}` : '';
      return { statement: `${name} is ${l.status}${when}`, value: l.status, tags: ['lifecycle'] };
    }
    case 'aliases': {
      const ids = value as string[];
      return { statement: `${name} is listed under ${ids.length} id${ids.length === 1 ? '' : 's'} by routers and providers: ${ids.join(', ')}`, value: `${ids.length} id${ids.length === 1 ? '' : 's'}`, tags: ['aliases'] };
    }
    case 'architecture.native_precision':
      return { statement: `${name} weights are published in ${String(value)} (their native precision)`, value: String(value), tags: ['architecture'] };
    default:
      break;
  }
  // Other architecture fields read as "Model: hidden size is 5,120", not "architecture hidden size".
  if (key.startsWith('architecture.')) return { statement: `${name}: ${humanPath(key.slice('architecture.'.length))} is ${describe(value)}`, ...(isScalar(value) ? { value } : {}), tags: ['architecture'] };
  return { statement: `${name}: ${humanPath(key)} is ${describe(value)}`, ...(isScalar(value) ? { value } : {}), tags: [key.split(/[.[]/)[0]!.replace(/_/g, '-')] };
}

function variantCaveat(variant: 'base' | 'instruct' | 'reasoning'): string {
  if (variant === 'base') return 'pre-trained base model, not the instruct model';
  if (variant === 'reasoning') return 'reasoning (thinking) mode';
  return 'instruct model';
}

// ---------------------------------------------------------------- licenses

type ClauseClaim = { value: unknown; summary: string; quote?: string; status: FactRecord['status']; sources: SourceRef[] };

function licenseFacts(id: string, license: License): FactRecord[] {
  const claims: Claim[] = [];
  const clause = (path: string, c: ClauseClaim | undefined, extra: Partial<Claim> = {}) => {
    if (!c) return;
    claims.push({
      path,
      statement: `${license.name}: ${c.summary}`,
      ...(isScalar(c.value) ? { value: c.value as number | string } : c.value === null ? { value: 'none' } : {}),
      status: c.status,
      sources: c.sources,
      caveats: [],
      tags: ['license'],
      ...extra,
    });
  };
  clause('commercial_use', license.commercial_use);
  clause('mau_cap', license.mau_cap, {
    ...(typeof license.mau_cap?.value === 'number' ? { value: license.mau_cap.value, unit: 'monthly active users' } : { value: 'no cap' }),
    caveats: license.mau_measured ? [`measured: ${license.mau_measured}`] : [],
  });
  clause('revenue_cap', license.revenue_cap, typeof license.revenue_cap?.value === 'number' ? { unit: 'USD' } : {});
  clause('output_training', license.output_training);
  clause('flow_down', license.flow_down);
  clause('governing_law', license.governing_law);
  clause('competing_models', license.competing_models);
  license.obligations.forEach((o) => clause(`obligations.${o.value}`, o));
  license.geo_exclusions.forEach((g, i) =>
    claims.push({
      path: `geo_exclusions.${i + 1}`,
      statement: `${license.name}: ${g.summary}`,
      value: `excludes ${g.regions.join(', ')}`,
      status: g.status,
      sources: g.sources,
      caveats: [
        g.applies_to === 'multimodal-models' ? 'applies to multimodal models only' : 'applies to every model under this license',
        `basis: ${g.basis}; written in the ${g.in_document.replace(/-/g, ' ')}`,
        ...(g.exempt ? [`exempt: ${g.exempt}`] : []),
      ],
      tags: ['license', 'geography'],
    }),
  );
  (license.other_clauses ?? []).forEach((c, i) => clause(`other_clauses.${i + 1}`, c));
  return derived('license', id, { kind: 'license', id, name: license.name }, license.reviewed, claims);
}

// ---------------------------------------------------------------- providers


function providerFacts(id: string, provider: Provider): FactRecord[] {
  const claims: Claim[] = [];
  const name = provider.name;
  for (const [key, citation] of Object.entries(provider.citations)) {
    const value = getIn(provider, parseFieldPath(key));
    if (value === undefined) continue;
    let statement: string;
    let shown: number | string | undefined;
    if (key === 'country') [statement, shown] = [`${name} is seated in ${countryName(String(value))}`, countryName(String(value))];
    else if (key === 'parent_country') [statement, shown] = [`${name}'s ultimate parent company is in ${countryName(String(value))}`, countryName(String(value))];
    else if (key === 'eu_controlled') [statement, shown] = [`${name} is ${value ? '' : 'not '}headquartered and controlled in the EU/EEA`, value ? 'EU-controlled' : 'not EU-controlled'];
    else if (key === 'regions') {
      const regions = value as Provider['regions'];
      const list = regions.map((r) => `${r.id} (${r.country})`).join(', ');
      const among = provider.regions_complete === false ? ', among others' : '';
      [statement, shown] = [`${name} serves from ${list}${among}`, `${regions.length}${provider.regions_complete === false ? '+' : ''} region${regions.length === 1 ? '' : 's'}`];
    } else [statement, shown] = [`${name}: ${humanPath(key)} is ${describe(value)}`, isScalar(value) ? (value as number | string) : undefined];
    const listExtra = key === 'regions' ? { extra: { is_list: true, ...(provider.regions_complete !== undefined ? { list_complete: provider.regions_complete } : {}) } } : {};
    claims.push({ path: key, statement, ...(shown !== undefined ? { value: shown } : {}), ...fromCitation(citation), tags: ['provider'], ...listExtra });
  }
  const clause = (path: string, c: ClauseClaim | undefined) => {
    if (!c) return;
    claims.push({ path, statement: `${name}: ${c.summary}`, ...(isScalar(c.value) ? { value: c.value as string } : {}), status: c.status, sources: c.sources, caveats: [], tags: ['provider', 'data-handling'] });
  };
  clause('data_retention', provider.data_retention);
  clause('zero_data_retention', provider.zero_data_retention);
  clause('trains_on_customer_data', provider.trains_on_customer_data);
  for (const c of provider.certifications) {
    const label = CERTIFICATIONS[c.name]?.inSentence ?? c.name;
    const level = c.level ? ` (${c.level})` : '';
    const scope = c.scope ? ` for ${c.scope}` : '';
    const statement =
      c.basis === 'tender-assessment' && (c.held === 'yes' || c.held === 'in-progress') ? `${name} was assessed against ${label} in a tender${scope}${c.level ? ` (${c.level})` : ''}; a tender score is not a certificate`
      : c.basis === 'self-assessment' && (c.held === 'yes' || c.held === 'in-progress') ? `${name} is self-assessed against ${label}${scope}${c.level ? ` (${c.level})` : ''}; a self-assessment is not a certificate`
      : c.held === 'yes' ? `${name} holds ${label}${level}${scope}`
      : c.held === 'no' ? `${name} does not hold ${label}${scope}`
      : c.held === 'in-progress' ? `${name}'s ${label}${level} is in progress, not yet granted${scope}`
      : `Whether ${name} holds ${label}${scope} is not established`;
    claims.push({
      path: `certifications.${c.name}`,
      statement,
      value: c.held === 'yes' ? (c.level ?? 'held') : c.held,
      status: c.status,
      sources: c.sources,
      caveats: [...(c.scope ? [`scope: ${c.scope}`] : []), ...(c.basis !== undefined && c.basis !== 'certificate' ? [`basis: ${c.basis.replace(/-/g, ' ')}`] : [])],
      tags: ['provider', 'certification'],
      extra: { certification: { held: c.held, ...(c.scope !== undefined ? { scope: c.scope } : {}), ...(c.basis !== undefined ? { basis: c.basis } : {}) } },
    });
  }
  return derived('provider', id, { kind: 'provider', id, name }, provider.reviewed, claims);
}

// ---------------------------------------------------------------- helpers

/**
 * What a channel's lifecycle means for its facts: a known retirement date is their expiry, a retirement makes them
 * history from that day.
 */
export function lifecycleDates(l: Model['lifecycle']): { expires?: string; retired_on?: string } {
  if (l.status === 'retired') return l.retired_on !== undefined ? { retired_on: l.retired_on } : {};
  return l.retires_on !== undefined ? { expires: l.retires_on } : {};
}

function earliest(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return a < b ? a : b;
}

function fromCitation(c: Citation): Pick<Claim, 'status' | 'sources' | 'caveats'> {
  return { status: c.status, sources: c.sources, caveats: c.note ? [c.note] : [] };
}


const COUNTRY_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

/** "CN" → "China"; codes Intl does not know (and the EU) stay readable. */
function countryName(code: string): string {
  if (code === 'EU') return 'the European Union';
  try {
    return COUNTRY_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

function isScalar(v: unknown): v is number | string {
  return typeof v === 'number' || typeof v === 'string';
}

function describe(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (v === null) return 'none';
  if (Array.isArray(v)) return v.map(describe).join(', ');
  if (typeof v === 'object') return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k.replace(/_/g, ' ')} ${describe(x)}`).join('; ');
  return String(v);
}

function humanPath(key: string): string {
  return key.replace(/\[(\d+)\]/g, ' $1').replace(/[._]/g, ' ');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}
