/**
 * Alias resolution with provider-prefix rules, and what a route's provider prefix says about who serves
 * the model (its relationship to the model's creator) and where. Pure; built once per registry.
 */
import { checkpointDifferences, createSuggestIndex, editDistance, mergeReadings, readModelId, type ModelIdReading } from '../registry/suggest.ts';
import type { Registry } from '../registry/registry.ts';
import { createServing, SELF_HOSTED_PREFIXES, type RouteLocation, type RouteServing } from './serving.ts';
import { own } from './own.ts';
import { governingTerms } from './terms.ts';
import { routeTerms } from './upstream.ts';
import { createSpellingIndex, LITELLM_PROVIDERS, repoNameKey, resolveSpelling, variantSpelling, type Spelling } from './spellings.ts';
import type { RouteRef } from './types.ts';

export { SELF_HOSTED_PREFIXES, type ProviderMatch, type RouteLocation, type RouteServing } from './serving.ts';

/**
 * LiteLLM provider prefixes known to exist even when no registry provider claims them yet: the prefix is
 * stripped for alias lookup, and the provider stays unknown (fail closed on tier requirements).
 * From LiteLLM's provider list (docs.litellm.ai/docs/providers).
 */
export const KNOWN_LITELLM_PREFIXES: readonly string[] = [
  'openai', 'text-completion-openai', 'azure', 'azure_ai', 'azure_text', 'anthropic', 'bedrock', 'vertex_ai', 'vertex_ai_beta', 'gemini', 'cohere', 'cohere_chat',
  'mistral', 'codestral', 'together_ai', 'fireworks_ai', 'deepinfra', 'groq', 'openrouter', 'cerebras', 'sambanova', 'perplexity', 'deepseek', 'xai',
  'nvidia_nim', 'cloudflare', 'huggingface', 'replicate', 'anyscale', 'databricks', 'watsonx', 'friendliai', 'novita', 'hyperbolic', 'lambda_ai',
  'nebius', 'nscale', 'featherless_ai', 'snowflake', 'ai21', 'github', 'github_copilot', 'dashscope', 'moonshot', 'ovhcloud', 'scaleway', 'volcengine',
  'predibase', 'baseten', 'clarifai', 'galadriel', 'empower', 'aleph_alpha', 'nlp_cloud', 'voyage', 'jina_ai', 'infinity', 'llama', 'meta_llama',
];

/** Ids that pick a model per request, like a wildcard: OpenRouter's Auto Router and Free Models Router. */
export const MODEL_ROUTERS = /^(?:openrouter\/)?openrouter\/(?:auto|free)$/i;
const OPENROUTER_VARIANT = /:(free|beta|nitro|floor|extended|thinking|online|exacto)$/;

export type ModelResolution =
  /** spelling: how a provider path, Ollama tag, OpenRouter variant or re-upload was read (spellings.ts). */
  | { kind: 'model'; id: string; matched: string; spelling?: Spelling }
  | { kind: 'wildcard' }
  /**
   * near: the closest known checkpoints, best first; suggestions: the same as display strings, quoted, `"alias"
   * (model id, license class; differences)`, labelled with the weights license (describeSuggestions labels them
   * for a route). spelling: a rule understood the id, but its checkpoint is not in the registry.
   */
  | { kind: 'unknown'; suggestions: string[]; near: Suggestion[]; tried: string; spelling?: Spelling };

/** A known checkpoint near an unknown id, and what makes it another checkpoint than the one written. */
export interface Suggestion {
  /** The spelling to suggest (an alias or the registry id). */
  alias: string;
  id: string;
  /** checkpointDifferences: "a different size (7b, not 8b)", "not the coder variant"; empty when none. */
  differences: string[];
  /** The alias is spelled with another provider's prefix: this registry provider. */
  otherProvider?: string;
}

interface RankedSuggestion extends Suggestion {
  /** 0 when the candidate has every family word of the id. */
  covers: number;
  /** Family words of the candidate the id does not have. */
  extra: number;
  /** numericGap: how far its generation and size numbers are from the id's. */
  gap: number;
  samePrefix: number;
  distance: number;
}

/**
 * How far a candidate is from the id in the numbers that differ: the gap between generation numbers (4.7 is
 * nearer 4.8 than 4.5 is) plus the ratio between sizes in halvings (9b is nearer 4b than 35b is). 0 when the id
 * states neither.
 */
function numericGap(ours: ModelIdReading, theirs: ModelIdReading): number {
  const generation = (g: string) => Number(/\d+(?:\.\d+)?/.exec(g)?.[0] ?? Number.NaN);
  const size = (t: string) => {
    if (/^[ae]/.test(t)) return Number.NaN;
    const m = /^(?:(\d+)x)?(\d+(?:\.\d+)?)([bmt])$/.exec(t);
    return m ? Number(m[1] ?? 1) * Number(m[2]) * (m[3] === 'm' ? 1e-3 : m[3] === 't' ? 1e3 : 1) : Number.NaN;
  };
  const gap = (mine: readonly string[], their: readonly string[], value: (t: string) => number, far: number, dist: (a: number, b: number) => number) => {
    const a = mine.map(value).find((v) => !Number.isNaN(v));
    if (a === undefined) return 0;
    const gaps = their.map(value).filter((v) => !Number.isNaN(v)).map((b) => dist(a, b));
    return gaps.length > 0 ? Math.min(...gaps) : far;
  };
  return gap(ours.generations, theirs.generations, generation, 1, (a, b) => Math.abs(a - b)) + gap(ours.sizes, theirs.sizes, size, 3, (a, b) => Math.abs(Math.log2(a / b)));
}

const isId = (s: RankedSuggestion) => (s.alias === s.id ? 0 : 1);
const other = (s: RankedSuggestion) => (s.otherProvider !== undefined ? 1 : 0);
const byAlias = (a: RankedSuggestion, b: RankedSuggestion) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0);

/** Which of two spellings of one model to show: the spec's own prefix, the nearer, the registry id, not another provider's. */
function spellingOrder(a: RankedSuggestion, b: RankedSuggestion): number {
  return a.samePrefix - b.samePrefix || a.distance - b.distance || isId(a) - isId(b) || other(a) - other(b) || byAlias(a, b);
}

/** Which of two models to suggest first, all else equal: spelled with the spec's prefix, the nearer spelling, not another provider's. */
function nearerOrder(a: RankedSuggestion, b: RankedSuggestion): number {
  return a.samePrefix - b.samePrefix || a.distance - b.distance || other(a) - other(b) || byAlias(a, b);
}

export interface Resolver {
  registry: Registry;
  resolveModel(spec: string, prefix?: string): ModelResolution;
  /** Suggestions as a finding shows them, each labelled with the class of the terms that would govern it on `route`. */
  describeSuggestions(suggestions: readonly Suggestion[], route?: RouteRef): string[];
  serving(route: RouteRef, modelId: string): RouteServing;
  location(route: RouteRef, serving: RouteServing): RouteLocation;
  /** Ids of every model in the derivative chain, itself first. */
  chainIds(modelId: string): string[];
}

export function createResolver(registry: Registry): Resolver {
  // lower-case alias → model id, and lower-case alias → alias as written (for suggestions).
  const index = new Map<string, string>();
  const spelled = new Map<string, string>();
  for (const id of Object.keys(registry.models).sort()) {
    for (const name of [id, ...registry.models[id]!.aliases]) {
      const key = name.toLowerCase();
      if (!index.has(key)) {
        index.set(key, id);
        spelled.set(key, name);
      }
    }
  }
  const prefixProviders = new Map<string, string>();
  for (const id of Object.keys(registry.providers).sort()) {
    for (const prefix of registry.providers[id]!.litellm_prefixes) if (!prefixProviders.has(prefix)) prefixProviders.set(prefix, id);
  }
  const knownPrefixes = new Set([...KNOWN_LITELLM_PREFIXES, ...LITELLM_PROVIDERS, ...SELF_HOSTED_PREFIXES, ...prefixProviders.keys()]);
  const spellingIndex = createSpellingIndex(registry.models, (key) => index.get(key));
  // Built once per registry; each unknown id then costs a few posting lists, at most SHORTLIST edit distances
  // per near-spelling query, and a bounded distance for each of at most 200 spellings with its family words.
  const suggestIndex = createSuggestIndex([...spelled.values()]);
  const unknownCache = new Map<string, ModelResolution>();

  function resolveModel(spec: string, prefix?: string): ModelResolution {
    if (spec.includes('*') || MODEL_ROUTERS.test(spec.trim())) return { kind: 'wildcard' };
    const keys = lookupKeys(spec, prefix, knownPrefixes);
    for (const key of keys) {
      const id = index.get(key);
      // An OpenRouter variant stays on the resolution even when the alias spells it (":free" changes the route's terms).
      const spelling = id ? variantSpelling(spec, id) : undefined;
      if (id) return { kind: 'model', id, matched: spelled.get(key) ?? key, ...(spelling ? { spelling } : {}) };
    }
    const cacheKey = `${prefix ?? ''}\u0000${spec}`;
    const cached = unknownCache.get(cacheKey);
    if (cached) return cached;
    const read = resolveSpelling(spec, prefix, knownPrefixes, spellingIndex);
    const resolution: ModelResolution =
      read && 'id' in read
        ? { kind: 'model', id: read.id, matched: read.matched, spelling: read.spelling }
        : unknown(suggestionsFor(spec, keys), spec, read?.spelling);
    if (unknownCache.size < 10_000) unknownCache.set(cacheKey, resolution);
    return resolution;
  }

  /**
   * Up to three known models near the spec, one spelling each, every one with what makes it a different
   * checkpoint from the one written (size, generation, version, variant, provider), so a suggestion never
   * changes the license silently. Candidates come from the trigram index (near spellings), from the family
   * words of the id (every checkpoint whose name has all of them, however long its spelling) and from dated
   * extensions of the id. They rank by: has every family word of the id, fewest differences, fewest family
   * words of its own, nearest generation and size (numericGap), spelled with the spec's prefix, edit distance,
   * not another provider's spelling. The label is added by describeSuggestions, for the route.
   */
  function suggestionsFor(spec: string, keys: readonly string[]): Suggestion[] {
    const lower = spec.toLowerCase();
    const probe = keys[keys.length - 1] ?? lower;
    const ours = readModelId(lastSegment(probe));
    const specPrefix = lower.includes('/') ? lower.slice(0, lower.indexOf('/')) : undefined;
    const shared = spellingIndex.sharedRepoNames.get(repoNameKey(lastSegment(probe))) ?? [];
    const aliases = new Set([
      // A served name several checkpoints' repos share (`hosted_vllm/Qwen3-8B` with two orgs' Qwen3-8B): each of them.
      ...shared.map((id) => spelled.get(registry.models[id]!.weights!.repo.toLowerCase()) ?? id),
      // Both spellings: aliases are recorded with and without provider prefixes.
      ...suggestIndex.nearest(spec, 12),
      ...(probe !== lower ? suggestIndex.nearest(probe, 12) : []),
      ...suggestIndex.containing(ours.words, 200),
      // A dated or versioned id the spec is the start of: "command-r-plus" → "command-r-plus-08-2024".
      ...suggestIndex.extensions(lower, 3),
      ...(probe !== lower ? suggestIndex.extensions(probe, 3) : []),
    ]);
    const best = new Map<string, RankedSuggestion>();
    for (const alias of aliases) {
      const id = index.get(alias.toLowerCase())!;
      const theirs = mergeReadings(readingOf(lastSegment(alias)), readingOf(lastSegment(id)));
      const theirPrefix = alias.includes('/') ? alias.slice(0, alias.indexOf('/')).toLowerCase() : undefined;
      const other = theirPrefix !== undefined && prefixProviders.has(theirPrefix) && theirPrefix !== specPrefix && !lower.startsWith(`${theirPrefix}/`) ? prefixProviders.get(theirPrefix)! : undefined;
      const differences = checkpointDifferences(ours, theirs);
      const candidate: RankedSuggestion = {
        alias,
        id,
        differences,
        ...(other !== undefined ? { otherProvider: other } : {}),
        covers: ours.words.every((w) => theirs.words.includes(w)) ? 0 : 1,
        extra: theirs.words.filter((w) => !ours.words.includes(w)).length,
        gap: numericGap(ours, theirs),
        samePrefix: theirPrefix !== undefined && theirPrefix === specPrefix ? 0 : 1,
        distance: Math.min(editDistance(lower, alias.toLowerCase(), 64), editDistance(probe, alias.toLowerCase(), 64)),
      };
      const held = best.get(id);
      if (!held || spellingOrder(candidate, held) < 0) best.set(id, candidate);
    }
    return [...best.values()]
      .sort((a, b) => a.covers - b.covers || a.differences.length - b.differences.length || a.extra - b.extra || a.gap - b.gap || nearerOrder(a, b))
      .slice(0, 3)
      .map(({ alias, id, differences, otherProvider }) => ({ alias, id, differences, ...(otherProvider !== undefined ? { otherProvider } : {}) }));
  }

  const readings = new Map<string, ModelIdReading>();
  function readingOf(name: string): ModelIdReading {
    const key = name.toLowerCase();
    let r = readings.get(key);
    if (!r) {
      r = readModelId(key);
      readings.set(key, r);
    }
    return r;
  }

  /**
   * The suggestions as the finding shows them: each with the class of the terms that would govern it on this
   * route (a Cohere model on the `cohere/` route is under Cohere's API terms, the same model self-hosted under
   * its weights license), or, without a route, the weights license (the API terms for an API-only model).
   */
  function describeSuggestions(suggestions: readonly Suggestion[], route?: RouteRef): string[] {
    return suggestions.map((s) => {
      const notes = [termsClassOf(s.id, route), ...(s.differences.length > 0 ? ['a different checkpoint', ...s.differences] : [])];
      if (s.otherProvider !== undefined) notes.push(`spelled as ${s.otherProvider} spells it, another provider`);
      return `"${s.alias}" (${s.alias === s.id ? '' : `${s.id}, `}${notes.join('; ')})`;
    });
  }

  function termsClassOf(id: string, route: RouteRef | undefined): string {
    const model = registry.models[id]!;
    const chain = chainIds(id);
    const terms = route ? routeTerms(registry, chain, model, serving(route, id)).terms : governingTerms(registry, chain, 'self-hosted');
    if (terms.length === 0 || terms.some((t) => !t.license)) return 'license not in the registry';
    const classes = [...new Set(terms.map((t) => t.license!.class))];
    return classes.length === 1 ? `${classes[0]} license` : `${classes.slice(0, -1).join(', ')} and ${classes[classes.length - 1]} licenses`;
  }

  const { serving, location } = createServing(registry, prefixProviders);

  function chainIds(modelId: string): string[] {
    const ids: string[] = [];
    let id: string | undefined = modelId;
    for (let model = id === undefined ? undefined : own(registry.models, id); id !== undefined && model !== undefined && !ids.includes(id); model = id === undefined ? undefined : own(registry.models, id)) {
      ids.push(id);
      id = model.base_model?.model;
    }
    return ids;
  }

  function unknown(near: Suggestion[], tried: string, spelling: Spelling | undefined): ModelResolution {
    return { kind: 'unknown', suggestions: describeSuggestions(near), near, tried, ...(spelling ? { spelling } : {}) };
  }

  return { registry, resolveModel, describeSuggestions, serving, location, chainIds };
}

/** The last path segment of an id: the model's own name, without provider and organisation. */
function lastSegment(s: string): string {
  return s.slice(s.lastIndexOf('/') + 1);
}

/** Lower-case keys to try in the alias index, most specific first. */
export function lookupKeys(spec: string, prefix: string | undefined, knownPrefixes: ReadonlySet<string>): string[] {
  const lower = spec.trim().toLowerCase();
  const keys = [lower];
  const add = (k: string) => {
    if (k !== '' && !keys.includes(k)) keys.push(k);
  };
  add(lower.replace(OPENROUTER_VARIANT, ''));
  const first = prefix ?? (lower.includes('/') ? lower.slice(0, lower.indexOf('/')) : undefined);
  if (first && knownPrefixes.has(first) && lower.startsWith(`${first}/`)) {
    let rest = lower.slice(first.length + 1);
    add(rest);
    if (first === 'openrouter') rest = rest.replace(OPENROUTER_VARIANT, '');
    if (first === 'fireworks_ai') rest = rest.replace(/^accounts\/[^/]+\/models\//, '');
    if (first === 'bedrock') rest = rest.replace(/^(converse|invoke|converse_like)\//, '').replace(/^(us|eu|apac|jp|au|ca|us-gov|global)\./, '');
    if (first === 'cloudflare') rest = rest.replace(/^@cf\//, '');
    add(rest);
    add(`${first}/${rest}`);
  }
  return keys;
}
