/**
 * Alias resolution with provider-prefix rules, and what a route's provider prefix says about who serves
 * the model (its relationship to the model's creator) and where. Pure; built once per registry.
 */
import { closest } from '../registry/suggest.ts';
import type { Registry } from '../registry/registry.ts';
import { createServing, SELF_HOSTED_PREFIXES, type RouteLocation, type RouteServing } from './serving.ts';
import { own } from './own.ts';
import { createSpellingIndex, LITELLM_PROVIDERS, resolveSpelling, variantSpelling, type Spelling } from './spellings.ts';
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
  const candidates = [...spelled.values()];
  const spellingIndex = createSpellingIndex(registry.models, (key) => index.get(key));

  function resolveModel(spec: string, prefix?: string): ModelResolution {
    if (spec.includes('*')) return { kind: 'wildcard' };
    const keys = lookupKeys(spec, prefix, knownPrefixes);
    for (const key of keys) {
      const id = index.get(key);
      // An OpenRouter variant stays on the resolution even when the alias spells it (":free" changes the route's terms).
      const spelling = id ? variantSpelling(spec, id) : undefined;
      if (id) return { kind: 'model', id, matched: spelled.get(key) ?? key, ...(spelling ? { spelling } : {}) };
    }
    const read = resolveSpelling(spec, prefix, knownPrefixes, spellingIndex);
    if (read && 'id' in read) return { kind: 'model', id: read.id, matched: read.matched, spelling: read.spelling };
    const probe = keys[keys.length - 1] ?? spec.toLowerCase();
    const near = [
      ...closest(spec, candidates, 12),
      ...(probe !== spec.toLowerCase() ? closest(probe, candidates, 12) : []),
      // A dated or versioned id the spec is the start of: "command-r-plus" → "command-r-plus-08-2024".
      ...extensionsOf(spec.toLowerCase(), candidates),
      ...(probe !== spec.toLowerCase() ? extensionsOf(probe, candidates) : []),
    ];
    // One suggestion per model: its closest spelling, with the registry id when they differ.
    const byModel = new Map<string, string>();
    for (const alias of near) {
      const id = index.get(alias.toLowerCase())!;
      if (!byModel.has(id)) byModel.set(id, alias === id ? `"${id}"` : `"${alias}" (${id})`);
    }
    return { kind: 'unknown', suggestions: [...byModel.values()].slice(0, 3), tried: spec, ...(read ? { spelling: read.spelling } : {}) };
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

/** Known spellings that extend `stem` with a version, date or variant suffix, shortest first. */
function extensionsOf(stem: string, candidates: readonly string[]): string[] {
  if (stem.length < 4) return [];
  return candidates
    .filter((c) => c.length > stem.length && c.toLowerCase().startsWith(stem) && /[-:@]/.test(c.charAt(stem.length)))
    .sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, 3);
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
