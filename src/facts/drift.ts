/**
 * Drift: the registry's route prices, context windows and lifecycle flags against an outside catalogue. Pure:
 * the catalogue arrives as data (catalogues.ts); the report lists every disagreement with both values, their
 * dates and sources, every route that could not be mapped and why, and which disagreeing facts are deck-safe
 * today (those make `clearance drift` exit 1).
 */
import type { Model, Registry, Route } from '../registry/index.ts';
import type { Catalogue, CatalogueEntry, CatalogueName } from './catalogues.ts';
import { collectFacts } from './collect.ts';
import { deckSafety } from './deck-safe.ts';
import type { FactRecord } from './fact-record.ts';
import { formatMoney, formatNumber } from './value.ts';

/**
 * Registry provider id → the catalogue's provider ids. LiteLLM needs no row: a provider's `litellm_prefixes` are
 * its LiteLLM ids. A provider missing here is reported as not mapped, never guessed.
 */
export const CATALOGUE_PROVIDERS: Readonly<Record<Exclude<CatalogueName, 'litellm'>, Readonly<Record<string, readonly string[]>>>> = {
  'genai-prices': {
    anthropic: ['anthropic'],
    'aws-bedrock': ['aws'],
    azure: ['azure'],
    cohere: ['cohere'],
    deepseek: ['deepseek'],
    'fireworks-ai': ['fireworks'],
    'google-ai-studio': ['google'],
    'google-vertex-ai': ['google'],
    groq: ['groq'],
    mistral: ['mistral'],
    moonshot: ['moonshotai'],
    openai: ['openai'],
    openrouter: ['openrouter'],
    ovhcloud: ['ovhcloud'],
    'together-ai': ['together'],
  },
  'models.dev': {
    'alibaba-model-studio': ['alibaba'],
    anthropic: ['anthropic'],
    'aws-bedrock': ['amazon-bedrock'],
    azure: ['azure'],
    cohere: ['cohere'],
    deepinfra: ['deepinfra'],
    deepseek: ['deepseek'],
    'fireworks-ai': ['fireworks-ai'],
    'google-ai-studio': ['google'],
    'google-vertex-ai': ['google-vertex', 'google-vertex-anthropic'],
    groq: ['groq'],
    mistral: ['mistral'],
    moonshot: ['moonshotai'],
    openai: ['openai'],
    openrouter: ['openrouter'],
    ovhcloud: ['ovhcloud'],
    scaleway: ['scaleway'],
    'together-ai': ['togetherai'],
  },
};

export type DriftField = 'input price' | 'output price' | 'context window' | 'lifecycle';

export interface DriftSide {
  value: string;
  as_of?: string;
  /** Registry: the cited sources ("publisher — title"); catalogue: its entry and where it says the price comes from. */
  sources: string[];
}

export interface Disagreement {
  /** The registry fact that disagrees (`model:<id>:routes.<provider>.price`, `model:<id>:context_tokens`). */
  fact_id: string;
  model: string;
  provider: string;
  route_model_id: string;
  field: DriftField;
  /** Whether the registry fact is deck-safe today: a deck-safe fact that disagrees fails the run. */
  deck_safe: boolean;
  status: FactRecord['status'];
  registry: DriftSide;
  catalogue: DriftSide;
  /** A maintainer checked this disagreement and recorded why the catalogue is wrong (catalogue_disagreements). */
  explained?: { why: string; checked: string };
}

export interface Unmapped {
  model: string;
  provider: string;
  route_model_id: string;
  reason: string;
}

export interface DriftReport {
  catalogue: { name: CatalogueName; version?: string; as_of?: string };
  today: string;
  /** Routes found in the catalogue. */
  mapped: number;
  /** Fields compared on those routes, and how many agreed. */
  compared: number;
  agreed: number;
  disagreements: Disagreement[];
  unmapped: Unmapped[];
}

export interface DriftOptions {
  today: string;
  /** Relative tolerance for prices (default 0.5 %): catalogues round. */
  tolerance?: number;
}

/** Lower-case ids a route answers to: its model id, the model's aliases, and each with its provider prefixes cut. */
export function routeIds(route: Route, model: Model): string[] {
  const out: string[] = [];
  const add = (id: string) => {
    let s = id.toLowerCase();
    for (;;) {
      if (!out.includes(s)) out.push(s);
      const slash = s.indexOf('/');
      if (slash < 0) break;
      s = s.slice(slash + 1);
    }
  };
  add(route.model_id);
  for (const a of model.aliases) add(a);
  return out;
}

function providerMatches(catalogue: Catalogue, registry: Registry, providerId: string): (entryProvider: string) => boolean {
  if (catalogue.name === 'litellm') {
    const prefixes = registry.providers[providerId]?.litellm_prefixes ?? [];
    return (p) => prefixes.some((x) => p === x || p.startsWith(`${x}-`) || p.startsWith(`${x}_`));
  }
  const ids = CATALOGUE_PROVIDERS[catalogue.name][providerId] ?? [];
  return (p) => ids.includes(p);
}

function hasProvider(catalogue: Catalogue, registry: Registry, providerId: string): boolean {
  if (catalogue.name === 'litellm') return (registry.providers[providerId]?.litellm_prefixes ?? []).length > 0;
  return (CATALOGUE_PROVIDERS[catalogue.name][providerId] ?? []).length > 0;
}

/**
 * The catalogue entry for a route: an exact id first (the route's own id before the model's aliases), then a
 * match rule on the route's own id, then on the aliases.
 */
export function findEntry(catalogue: Catalogue, registry: Registry, route: Route, model: Model): CatalogueEntry | undefined {
  const ofProvider = providerMatches(catalogue, registry, route.provider);
  const entries = catalogue.entries.filter((e) => ofProvider(e.provider));
  const ids = routeIds(route, model);
  const exactIds = (e: CatalogueEntry) => [e.model.toLowerCase(), ...(e.ids ?? [])];
  for (const id of ids) {
    const hit = entries.find((e) => exactIds(e).includes(id));
    if (hit) return hit;
  }
  for (const id of ids) {
    const hit = entries.find((e) => e.matches?.(id) === true);
    if (hit) return hit;
  }
  return undefined;
}

const usd = (n: number) => `$${formatMoney(n)}`;

function close(a: number, b: number, tolerance: number): boolean {
  return Math.abs(a - b) <= Math.max(1e-9, tolerance * Math.max(Math.abs(a), Math.abs(b)));
}

function isFirstParty(route: Route, model: Model, registry: Registry): boolean {
  const p = registry.providers[route.provider];
  return route.relationship === 'first-party-api' || (route.relationship === undefined && p?.relationship === 'first-party-api' && p.vendor === model.vendor);
}

export function compareWithCatalogue(registry: Registry, catalogue: Catalogue, options: DriftOptions): DriftReport {
  const tolerance = options.tolerance ?? 0.005;
  const facts = new Map(collectFacts(registry).map((f) => [f.id, f]));
  const sourceNames = (f: FactRecord | undefined) =>
    (f?.sources ?? []).map((s) => {
      const src = registry.sources[s.source];
      return src ? `${src.publisher} — ${src.title}${s.where ? ` (${s.where})` : ''}` : s.source;
    });
  const catalogueName = catalogueLabel(catalogue);
  const entryId = (e: CatalogueEntry) => (e.model.toLowerCase().startsWith(`${e.provider.toLowerCase()}/`) ? e.model : `${e.provider}/${e.model}`);
  const entrySources = (e: CatalogueEntry) => [`${catalogueName}: ${entryId(e)}${e.pricing_url ? `, from ${e.pricing_url}` : ''}`];

  const report: DriftReport = {
    catalogue: { name: catalogue.name, ...(catalogue.version ? { version: catalogue.version } : {}), ...(catalogue.as_of ? { as_of: catalogue.as_of } : {}) },
    today: options.today,
    mapped: 0,
    compared: 0,
    agreed: 0,
    disagreements: [],
    unmapped: [],
  };

  for (const [modelId, model] of Object.entries(registry.models)) {
    const seen = new Map<string, number>();
    for (const route of model.routes ?? []) {
      // The fact id collect.ts gives this route's price (a second route at one provider gets ".2").
      let priceFactId: string | undefined;
      if (route.price) {
        const n = (seen.get(route.provider) ?? 0) + 1;
        seen.set(route.provider, n);
        priceFactId = `model:${modelId}:routes.${route.provider}.price${n === 1 ? '' : `.${n}`}`;
      }
      const where = { model: modelId, provider: route.provider, route_model_id: route.model_id };
      if (!hasProvider(catalogue, registry, route.provider)) {
        report.unmapped.push({ ...where, reason: `${catalogue.name} has no provider mapped to "${route.provider}"` });
        continue;
      }
      const entry = findEntry(catalogue, registry, route, model);
      if (!entry) {
        report.unmapped.push({ ...where, reason: `no ${catalogue.name} entry answers to ${route.model_id} or the model's aliases` });
        continue;
      }
      report.mapped++;
      const push = (factId: string, field: DriftField, registrySide: DriftSide, catalogueSide: DriftSide) => {
        const fact = facts.get(factId);
        const safety = fact ? deckSafety(fact, registry.sources, { today: options.today }) : undefined;
        // Explained only while the catalogue still says what the maintainer saw.
        const note = (model.catalogue_disagreements ?? []).find(
          (n) => n.catalogue === catalogue.name && n.field === field && (n.provider === undefined ? field === 'context window' : n.provider === route.provider) && n.says === catalogueSide.value,
        );
        report.disagreements.push({
          fact_id: factId,
          ...where,
          field,
          deck_safe: safety?.deck_safe ?? false,
          status: fact?.status ?? 'unknown',
          registry: registrySide,
          catalogue: catalogueSide,
          ...(note ? { explained: { why: note.why, checked: note.checked } } : {}),
        });
      };
      const catalogueDate = entry.as_of ?? catalogue.as_of;

      if (route.price && priceFactId && entry.prices && entry.prices.length > 0) {
        const fact = facts.get(priceFactId);
        for (const [field, key] of [['input price', 'input'], ['output price', 'output']] as const) {
          report.compared++;
          const mine = key === 'input' ? route.price.input_usd_per_mtok : route.price.output_usd_per_mtok;
          const theirs = entry.prices.map((p) => p[key]);
          if (theirs.some((t) => close(mine, t, tolerance))) {
            report.agreed++;
            continue;
          }
          push(
            priceFactId,
            field,
            { value: `${usd(mine)} per 1M`, as_of: route.as_of, sources: sourceNames(fact) },
            { value: `${theirs.map(usd).join(' or ')} per 1M${theirs.length > 1 ? ' (by time of day)' : ''}`, ...(catalogueDate ? { as_of: catalogueDate } : {}), sources: entrySources(entry) },
          );
        }
      }

      if (isFirstParty(route, model, registry) && model.context_tokens !== undefined && entry.context_tokens !== undefined) {
        report.compared++;
        if (model.context_tokens === entry.context_tokens) report.agreed++;
        else {
          const factId = `model:${modelId}:context_tokens`;
          push(
            factId,
            'context window',
            { value: `${formatNumber(model.context_tokens)} tokens`, ...(model.reviewed ? { as_of: model.reviewed } : {}), sources: sourceNames(facts.get(factId)) },
            { value: `${formatNumber(entry.context_tokens)} tokens`, ...(catalogueDate ? { as_of: catalogueDate } : {}), sources: entrySources(entry) },
          );
        }
      }

      const lifecycle = route.lifecycle ?? (isFirstParty(route, model, registry) ? model.lifecycle : undefined);
      if (entry.deprecated === true && lifecycle !== undefined) {
        report.compared++;
        if (lifecycle.status !== 'active') report.agreed++;
        else {
          const factId = priceFactId ?? `model:${modelId}:lifecycle`;
          push(
            factId,
            'lifecycle',
            { value: `active${route.lifecycle ? ' (route lifecycle)' : ' (the vendor channel’s lifecycle)'}`, as_of: route.as_of, sources: sourceNames(facts.get(factId)) },
            { value: 'deprecated', ...(catalogueDate ? { as_of: catalogueDate } : {}), sources: entrySources(entry) },
          );
        }
      }
    }
  }
  const order = (d: Disagreement) => `${d.deck_safe ? 0 : 1} ${d.fact_id} ${d.field}`;
  report.disagreements.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  report.unmapped.sort((a, b) => (`${a.model} ${a.provider}` < `${b.model} ${b.provider}` ? -1 : 1));
  return report;
}

/** Deck-safe facts that disagree with the catalogue, unexplained: each must be re-sourced or its catalogue shown wrong. */
export function deckSafeDrift(report: DriftReport): Disagreement[] {
  return report.disagreements.filter((d) => d.deck_safe && d.explained === undefined);
}

const CATALOGUE_TITLES: Record<CatalogueName, string> = { 'genai-prices': 'genai-prices', litellm: 'LiteLLM price map', 'models.dev': 'models.dev' };

function catalogueLabel(c: { name: CatalogueName; version?: string }): string {
  return `${CATALOGUE_TITLES[c.name]}${c.version ? ` ${c.version}` : ''}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatDriftText(report: DriftReport): string {
  const c = report.catalogue;
  const lines = [`Registry vs ${catalogueLabel(c)}${c.as_of ? ` (as of ${c.as_of})` : ''}, on ${report.today}`, ''];
  const safe = deckSafeDrift(report).length;
  const explained = report.disagreements.filter((d) => d.explained).length;
  lines.push(`Disagreements: ${report.disagreements.length} (${safe} deck-safe and unexplained${explained ? `, ${explained} explained` : ''})`);
  for (const d of report.disagreements) {
    lines.push(`  ${d.fact_id}  ${d.field}  ${d.deck_safe ? 'DECK-SAFE' : `not deck-safe (${d.status})`}${d.explained ? '  explained' : ''}`);
    lines.push(`    registry:  ${d.registry.value}${d.registry.as_of ? `, as of ${d.registry.as_of}` : ''}${d.registry.sources.length ? ` — ${d.registry.sources.join('; ')}` : ' — no source'}`);
    lines.push(`    catalogue: ${d.catalogue.value}${d.catalogue.as_of ? `, as of ${d.catalogue.as_of}` : ''} — ${d.catalogue.sources.join('; ')}`);
    if (d.explained) lines.push(`    explained: ${d.explained.why} (checked ${d.explained.checked})`);
  }
  lines.push('', `Not mapped: ${plural(report.unmapped.length, 'route')}`);
  for (const u of report.unmapped) lines.push(`  ${u.model} at ${u.provider} (${u.route_model_id}): ${u.reason}`);
  lines.push('', `${plural(report.mapped, 'route')} mapped, ${plural(report.compared, 'field')} compared: ${report.agreed} agree, ${report.disagreements.length} disagree (${safe} deck-safe and unexplained, ${explained} explained); ${plural(report.unmapped.length, 'route')} not mapped.`);
  return `${lines.join('\n')}\n`;
}
