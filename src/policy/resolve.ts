/**
 * Alias resolution with provider-prefix rules, and what a route's provider prefix says about who serves
 * the model (its relationship to the model's creator) and where. Pure; built once per registry.
 */
import { createSuggestIndex } from '../registry/suggest.ts';
import type { Registry } from '../registry/registry.ts';
import { createServing, SELF_HOSTED_PREFIXES, type RouteLocation, type RouteServing } from './serving.ts';
import { own } from './own.ts';
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
  /** suggestions: display strings, quoted: `"alias" (model id)`. spelling: a rule understood the id, but its checkpoint is not in the registry. */
  | { kind: 'unknown'; suggestions: string[]; tried: string; spelling?: Spelling };

export interface Resolver {
  registry: Registry;
  resolveModel(spec: string, prefix?: string): ModelResolution;
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
  // Repo name without the org → every model whose weights repo has it: a name several share is suggested, never read.
  const byBasename = new Map<string, string[]>();
  for (const id of Object.keys(registry.models).sort()) {
    const repo = registry.models[id]!.weights?.repo;
    if (repo === undefined) continue;
    const key = repoNameKey(repo.slice(repo.indexOf('/') + 1));
    byBasename.set(key, [...(byBasename.get(key) ?? []), id]);
  }
  // Built once per registry; each unknown id then costs a few posting lists and at most SHORTLIST edit distances.
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
        : { kind: 'unknown', suggestions: suggestionsFor(spec, keys), tried: spec, ...(read ? { spelling: read.spelling } : {}) };
    if (unknownCache.size < 10_000) unknownCache.set(cacheKey, resolution);
    return resolution;
  }

  /**
   * Up to three known models near the spec, one spelling each, every one labelled with its license class and
   * with what makes it a different checkpoint from the one written (size, generation, variant, provider), so
   * a suggestion never changes the license silently.
   */
  function suggestionsFor(spec: string, keys: readonly string[]): string[] {
    const lower = spec.toLowerCase();
    const probe = keys[keys.length - 1] ?? lower;
    // Both spellings: aliases are recorded with and without provider prefixes.
    const shared = byBasename.get(repoNameKey(probe.slice(probe.lastIndexOf('/') + 1))) ?? [];
    const near = [
      // A served name several checkpoints' repos share (`hosted_vllm/Qwen3-8B` with two orgs' Qwen3-8B): each of them.
      ...(shared.length > 1 ? shared.map((id) => spelled.get(registry.models[id]!.weights!.repo.toLowerCase()) ?? id) : []),
      ...suggestIndex.nearest(spec, 12),
      ...(probe !== lower ? suggestIndex.nearest(probe, 12) : []),
      // A dated or versioned id the spec is the start of: "command-r-plus" → "command-r-plus-08-2024".
      ...suggestIndex.extensions(lower, 3),
      ...(probe !== lower ? suggestIndex.extensions(probe, 3) : []),
    ];
    const byModel = new Map<string, string>();
    for (const alias of near) {
      const id = index.get(alias.toLowerCase())!;
      if (byModel.has(id)) continue;
      const notes = [licenseClassOf(id), ...differences(lower, probe, alias, id)];
      byModel.set(id, `"${alias}" (${alias === id ? '' : `${id}, `}${notes.join('; ')})`);
    }
    return [...byModel.values()].slice(0, 3);
  }

  function licenseClassOf(id: string): string {
    const model = registry.models[id]!;
    const terms = model.kind === 'api-only' ? model.api_terms : model.license;
    const license = terms !== undefined ? registry.licenses[terms] : undefined;
    return license ? `${license.class} license` : 'license not in the registry';
  }

  /** What the suggested checkpoint changes against the id as written. */
  function differences(spec: string, probe: string, alias: string, id: string): string[] {
    const theirs = `${alias} ${id}`.toLowerCase();
    const out: string[] = [];
    const compareTokens = (re: RegExp, what: string) => {
      const ours = tokens(probe, re);
      const their = tokens(theirs, re);
      const missing = ours.filter((x) => !their.includes(x));
      if (missing.length > 0) out.push(`a different ${what} (${their.length > 0 ? `${their.join('/')}, ` : ''}not ${missing.join('/')})`);
    };
    compareTokens(SIZE, 'size');
    compareTokens(VERSION, 'generation');
    const ourVariants = tokens(probe, VARIANT);
    const theirVariants = tokens(theirs, VARIANT);
    const lost = ourVariants.filter((v) => !theirVariants.includes(v));
    const gained = theirVariants.filter((v) => !ourVariants.includes(v));
    if (lost.length > 0) out.push(`not the ${lost.join('/')} variant`);
    if (gained.length > 0) out.push(`the ${gained.join('/')} variant`);
    if (out.length > 0) out.unshift('a different checkpoint');
    const theirPrefix = alias.includes('/') ? alias.slice(0, alias.indexOf('/')).toLowerCase() : undefined;
    if (theirPrefix !== undefined && prefixProviders.has(theirPrefix) && !spec.startsWith(`${theirPrefix}/`)) out.push(`spelled as ${prefixProviders.get(theirPrefix)} spells it, another provider`);
    return out;
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

  return { registry, resolveModel, serving, location, chainIds };
}

/** Parameter sizes ("7b", "8x7b", "0.5b"), versions ("3.2", "2.5"), and variant words that change the checkpoint. */
const SIZE = /(?<![a-z0-9.])(\d+x)?\d+(?:\.\d+)?b(?![a-z])/g;
const VERSION = /(?<![\d.])\d+\.\d+(?![\d.])/g;
const VARIANT = /(?<![a-z])(coder|vl|vision|large|small|medium|mini|nano|math|guard|embed|tiny|micro|flash|lite|pro|ultra|opus|sonnet|haiku)(?![a-z])/g;

function tokens(s: string, re: RegExp): string[] {
  // Hyphenated single-digit versions read as dotted ones: "claude-opus-4-7" → 4.7, "claude-3-5-sonnet" → 3.5.
  const text = re === VERSION ? s.replace(/(?<![\d.])(\d)-(\d)(?![\d])/g, '$1.$2') : s;
  return [...new Set([...text.matchAll(re)].map((m) => m[0]))];
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
