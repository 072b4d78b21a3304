/**
 * Outside price catalogues, read into one shape for `clearance drift`: the @pydantic/genai-prices bundle (the
 * default, offline), a LiteLLM model_prices_and_context_window.json, or a models.dev api.json. Pure: the shell
 * reads the file or imports the package and hands the parsed data here.
 *
 * genai-prices (github.com/pydantic/genai-prices, package dist/index.d.ts): providers with `models[]`, each with an
 * `id`, a `match` rule (equals / starts_with / ends_with / contains / regex / or / and, compared lower-case), an
 * optional `context_window` and `deprecated`, and `prices` — either one price table (`input_mtok`, `output_mtok`
 * in USD per 1M tokens; a tiered price has a `base`) or a list of conditional prices, which the package reads from
 * the last to the first and takes the first whose constraint holds (`start_date`, or a UTC `time_of_date` window
 * such as DeepSeek's peak hours), falling back to the first. We apply the same rule at every half hour of the day
 * asked about, so a time-of-day price shows as its alternatives.
 *
 * LiteLLM (github.com/BerriAI/litellm, model_prices_and_context_window.json): keys are model ids (often
 * `<provider>/<model>`), values carry `litellm_provider`, `input_cost_per_token` / `output_cost_per_token` (USD per
 * token), `max_input_tokens` and an optional `deprecation_date`; the `sample_spec` key documents the format.
 *
 * models.dev (github.com/anomalyco/models.dev, api.json): provider id → `{ models: { <id>: { cost: { input, output }
 * (USD per 1M tokens), limit: { context, output }, last_updated, status? } } }`.
 */

export interface CatalogueEntry {
  /** The catalogue's provider id (genai-prices `aws`, LiteLLM `bedrock`, models.dev `amazon-bedrock`). */
  provider: string;
  /** The catalogue's model id. */
  model: string;
  /** Other ids the entry answers to, besides `model` (lower-case). */
  ids?: string[];
  /** A match rule for ids (genai-prices); when absent only `model` and `ids` match. */
  matches?: (id: string) => boolean;
  /** USD per 1M tokens; several alternatives when the price depends on the time of day. */
  prices?: { input: number; output: number }[];
  context_tokens?: number;
  deprecated?: boolean;
  /** When the catalogue last changed this entry, if it says. */
  as_of?: string;
  /** Where the catalogue says its price comes from (a pricing URL), if it says. */
  pricing_url?: string;
}

export interface Catalogue {
  /** "genai-prices", "litellm", "models.dev". */
  name: CatalogueName;
  /** Package version or file name, for the report. */
  version?: string;
  /** When the catalogue was published or written, if known. */
  as_of?: string;
  entries: CatalogueEntry[];
}

export type CatalogueName = 'genai-prices' | 'litellm' | 'models.dev';

// ---------------------------------------------------------------- genai-prices

/** The parts of a genai-prices Provider the comparison reads (see the package's index.d.ts). */
export interface GenaiProvider {
  id: string;
  pricing_urls?: string[];
  models: {
    id: string;
    match: GenaiMatch;
    context_window?: number;
    deprecated?: boolean;
    prices: GenaiPrice | { constraint?: GenaiConstraint; prices: GenaiPrice }[];
  }[];
}
export type GenaiMatch =
  | { and: GenaiMatch[] }
  | { or: GenaiMatch[] }
  | { equals: string }
  | { starts_with: string }
  | { ends_with: string }
  | { contains: string }
  | { regex: string };
type GenaiNumber = number | { base: number } | undefined;
type GenaiPrice = Record<string, GenaiNumber | unknown>;
type GenaiConstraint = { type: 'start_date'; start_date: string } | { type: 'time_of_date'; start_time: string; end_time: string };

export function genaiMatches(rule: GenaiMatch, id: string): boolean {
  const s = id.toLowerCase();
  if ('or' in rule) return rule.or.some((r) => genaiMatches(r, id));
  if ('and' in rule) return rule.and.every((r) => genaiMatches(r, id));
  if ('equals' in rule) return s === rule.equals.toLowerCase();
  if ('starts_with' in rule) return s.startsWith(rule.starts_with.toLowerCase());
  if ('ends_with' in rule) return s.endsWith(rule.ends_with.toLowerCase());
  if ('contains' in rule) return s.includes(rule.contains.toLowerCase());
  if ('regex' in rule) {
    try {
      return new RegExp(rule.regex).test(id);
    } catch {
      return false;
    }
  }
  return false;
}

function mtok(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (v !== null && typeof v === 'object' && typeof (v as { base?: unknown }).base === 'number') return (v as { base: number }).base;
  return undefined;
}

function seconds(hms: string): number {
  const [h = '0', m = '0', s = '0'] = hms.replace(/Z$/, '').split(':');
  return Number(h) * 3600 + Number(m) * 60 + Number(s);
}

/** The price tables in effect on `day` (YYYY-MM-DD), one per distinct time-of-day price, by the package's rule. */
export function genaiPricesOn(prices: GenaiProvider['models'][number]['prices'], day: string): { input: number; output: number }[] {
  const tables: GenaiPrice[] = [];
  if (!Array.isArray(prices)) tables.push(prices);
  else {
    const dayMs = Date.parse(`${day}T00:00:00Z`);
    for (let t = 0; t < 86_400; t += 1800) {
      const at = dayMs + t * 1000;
      let chosen: GenaiPrice | undefined;
      for (let i = prices.length - 1; i >= 0 && chosen === undefined; i--) {
        const c = prices[i]!.constraint;
        if (c === undefined) chosen = prices[i]!.prices;
        else if (c.type === 'start_date') {
          if (at >= Date.parse(c.start_date.length === 10 ? `${c.start_date}T00:00:00Z` : c.start_date)) chosen = prices[i]!.prices;
        } else if (c.type === 'time_of_date') {
          const [s, e] = [seconds(c.start_time), seconds(c.end_time)];
          if (e < s ? t >= s || t < e : t >= s && t < e) chosen = prices[i]!.prices;
        }
      }
      tables.push(chosen ?? prices[0]!.prices);
    }
  }
  const out: { input: number; output: number }[] = [];
  for (const table of tables) {
    const input = mtok(table.input_mtok);
    const output = mtok(table.output_mtok);
    if (input === undefined || output === undefined) continue;
    if (!out.some((p) => p.input === input && p.output === output)) out.push({ input, output });
  }
  return out;
}

/** genai-prices providers as a catalogue, with the prices in effect on `today`. */
export function fromGenaiPrices(providers: readonly GenaiProvider[], today: string, meta: { version?: string; as_of?: string } = {}): Catalogue {
  const entries: CatalogueEntry[] = [];
  for (const p of providers) {
    for (const m of p.models) {
      const prices = genaiPricesOn(m.prices, today);
      entries.push({
        provider: p.id,
        model: m.id,
        matches: (id) => genaiMatches(m.match, id),
        ...(prices.length > 0 ? { prices } : {}),
        ...(m.context_window !== undefined ? { context_tokens: m.context_window } : {}),
        ...(m.deprecated === true ? { deprecated: true } : {}),
        ...(p.pricing_urls?.[0] !== undefined ? { pricing_url: p.pricing_urls[0] } : {}),
      });
    }
  }
  return { name: 'genai-prices', ...meta, entries };
}

// ---------------------------------------------------------------- LiteLLM

export class CatalogueFormatError extends Error {}

const round = (n: number) => Math.round(n * 1e9) / 1e9;

/** A LiteLLM model_prices_and_context_window.json (parsed JSON) as a catalogue. */
export function fromLiteLLM(data: unknown, today: string, meta: { version?: string; as_of?: string } = {}): Catalogue {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new CatalogueFormatError('a LiteLLM price map is a JSON object of model id → entry');
  const entries: CatalogueEntry[] = [];
  for (const [key, raw] of Object.entries(data as Record<string, unknown>)) {
    if (key === 'sample_spec' || raw === null || typeof raw !== 'object') continue;
    const v = raw as Record<string, unknown>;
    if (typeof v.litellm_provider !== 'string') continue;
    const input = typeof v.input_cost_per_token === 'number' ? round(v.input_cost_per_token * 1e6) : undefined;
    const output = typeof v.output_cost_per_token === 'number' ? round(v.output_cost_per_token * 1e6) : undefined;
    const context = typeof v.max_input_tokens === 'number' ? v.max_input_tokens : undefined;
    const deprecation = typeof v.deprecation_date === 'string' ? v.deprecation_date : undefined;
    const slash = key.indexOf('/');
    entries.push({
      provider: v.litellm_provider,
      model: key,
      ids: [key.toLowerCase(), ...(slash > 0 ? [key.slice(slash + 1).toLowerCase()] : [])],
      ...(input !== undefined && output !== undefined ? { prices: [{ input, output }] } : {}),
      ...(context !== undefined ? { context_tokens: context } : {}),
      ...(deprecation !== undefined && deprecation <= today ? { deprecated: true } : {}),
    });
  }
  if (entries.length === 0) throw new CatalogueFormatError('no entry has a litellm_provider: this is not a LiteLLM price map');
  return { name: 'litellm', ...meta, entries };
}

// ---------------------------------------------------------------- models.dev

/** A models.dev api.json (parsed JSON) as a catalogue. */
export function fromModelsDev(data: unknown, meta: { version?: string; as_of?: string } = {}): Catalogue {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw new CatalogueFormatError('a models.dev api.json is a JSON object of provider id → provider');
  const entries: CatalogueEntry[] = [];
  for (const [providerId, raw] of Object.entries(data as Record<string, unknown>)) {
    const models = (raw as { models?: unknown } | null)?.models;
    if (models === null || typeof models !== 'object') continue;
    for (const [modelId, m] of Object.entries(models as Record<string, unknown>)) {
      if (m === null || typeof m !== 'object') continue;
      const v = m as { cost?: { input?: unknown; output?: unknown }; limit?: { context?: unknown }; last_updated?: unknown; status?: unknown };
      const input = typeof v.cost?.input === 'number' ? v.cost.input : undefined;
      const output = typeof v.cost?.output === 'number' ? v.cost.output : undefined;
      entries.push({
        provider: providerId,
        model: modelId,
        ids: [modelId.toLowerCase()],
        ...(input !== undefined && output !== undefined ? { prices: [{ input, output }] } : {}),
        ...(typeof v.limit?.context === 'number' ? { context_tokens: v.limit.context } : {}),
        ...(v.status === 'deprecated' ? { deprecated: true } : {}),
        ...(typeof v.last_updated === 'string' ? { as_of: v.last_updated } : {}),
      });
    }
  }
  if (entries.length === 0) throw new CatalogueFormatError('no provider has models: this is not a models.dev api.json');
  return { name: 'models.dev', ...meta, entries };
}

/** Which format a parsed JSON file is in: LiteLLM keys carry `litellm_provider`, models.dev providers carry `models`. */
export function detectCatalogue(data: unknown): 'litellm' | 'models.dev' | undefined {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const values = Object.values(data as Record<string, unknown>).filter((v) => v !== null && typeof v === 'object') as Record<string, unknown>[];
  if (values.some((v) => typeof v.litellm_provider === 'string')) return 'litellm';
  if (values.some((v) => v.models !== null && typeof v.models === 'object')) return 'models.dev';
  return undefined;
}
