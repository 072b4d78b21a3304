/**
 * Who serves a route, and where: a route's provider prefix and the api_base LiteLLM would call decide the
 * provider, its relationship to the model's creator, and the places it may run. Pure; built once per registry
 * (resolve.ts). docs/linter.md ("How Clearance reads a LiteLLM config") cites the LiteLLM source each rule follows.
 */
import type { Registry } from '../registry/registry.ts';
import type { Model, Provider } from '../registry/schema/index.ts';
import { COUNTRY_GROUPS } from './countries.ts';
import { own } from './own.ts';
import type { RouteRef, RouteRelationship } from './types.ts';

export interface ProviderMatch {
  id: string;
  provider: Provider;
}

export interface RouteServing {
  provider?: ProviderMatch;
  relationship: RouteRelationship;
  /** Why the relationship is what it is, for evidence. */
  basis: string;
  /** Native `via:` named a provider the registry does not have. */
  unknownProvider?: string;
  /** The basis is news to the reader (an api_base or a vendor mismatch decided it): findings quote it. */
  explain?: boolean;
}

export interface RouteLocation {
  /** Places the route may run in (country codes, or "EU"/"EEA" for any member); undefined when nothing says where. */
  countries?: string[];
  /** Where the answer came from, for messages. */
  label: string;
}

/**
 * API hosts → the LiteLLM provider name that serves them (the registry maps provider names to providers through
 * `litellm_prefixes`). Exact hosts, or `.suffix` for every host under a domain. From the default api_base of each
 * provider in LiteLLM's `get_llm_provider_logic.py` (`_get_openai_compatible_provider_info`, the
 * `openai_compatible_endpoints` branch) and the providers' own API documentation. An api_base on no host here
 * and on no private network is an unknown provider.
 */
export const API_HOSTS: ReadonlyMap<string, string> = new Map([
  ['api.openai.com', 'openai'],
  ['api.anthropic.com', 'anthropic'],
  ['api.mistral.ai', 'mistral'],
  ['codestral.mistral.ai', 'codestral'],
  ['api.cohere.ai', 'cohere'],
  ['api.cohere.com', 'cohere'],
  ['api.together.xyz', 'together_ai'],
  ['api.together.ai', 'together_ai'],
  ['api.fireworks.ai', 'fireworks_ai'],
  ['api.deepinfra.com', 'deepinfra'],
  ['api.groq.com', 'groq'],
  ['openrouter.ai', 'openrouter'],
  ['api.deepseek.com', 'deepseek'],
  ['api.x.ai', 'xai'],
  ['api.perplexity.ai', 'perplexity'],
  ['api.cerebras.ai', 'cerebras'],
  ['api.sambanova.ai', 'sambanova'],
  ['integrate.api.nvidia.com', 'nvidia_nim'],
  ['api.endpoints.anyscale.com', 'anyscale'],
  ['api.friendli.ai', 'friendliai'],
  ['api.ai21.com', 'ai21'],
  ['api.llama.com', 'meta_llama'],
  ['api.galadriel.com', 'galadriel'],
  ['app.empower.dev', 'empower'],
  ['ark.cn-beijing.volces.com', 'volcengine'],
  ['api.moonshot.ai', 'moonshot'],
  ['api.moonshot.cn', 'moonshot'],
  ['dashscope.aliyuncs.com', 'dashscope'],
  ['dashscope-intl.aliyuncs.com', 'dashscope'],
  ['api.scaleway.ai', 'scaleway'],
  ['generativelanguage.googleapis.com', 'gemini'],
  ['aiplatform.googleapis.com', 'vertex_ai'],
  ['models.inference.ai.azure.com', 'github'],
  ['.openai.azure.com', 'azure'],
  ['.cognitiveservices.azure.com', 'azure'],
  ['.services.ai.azure.com', 'azure_ai'],
  ['.models.ai.azure.com', 'azure_ai'],
  ['.endpoints.kepler.ai.cloud.ovh.net', 'ovhcloud'],
]);

/** Regional hosts that follow a pattern rather than a suffix: `europe-west4-aiplatform.googleapis.com`, `bedrock-runtime.eu-west-1.amazonaws.com`. */
const HOST_PATTERNS: readonly (readonly [RegExp, string])[] = [
  [/^[a-z0-9-]+-aiplatform\.googleapis\.com$/, 'vertex_ai'],
  [/^bedrock(?:-runtime)?(?:-fips)?\.[a-z0-9-]+\.amazonaws\.com$/, 'bedrock'],
];

/**
 * Environment variables LiteLLM reads for a provider's api_base when the call sets none (`<PROVIDER>_API_BASE`
 * throughout `get_llm_provider_logic.py`; these are the exceptions and extra spellings). Each provider name also
 * gets `<NAME>_API_BASE` and `<NAME>_BASE_URL`; over-matching only makes a route stricter.
 */
const API_BASE_ENV: ReadonlyMap<string, readonly string[]> = new Map([
  ['openai', ['OPENAI_API_BASE', 'OPENAI_BASE_URL']],
  ['text-completion-openai', ['OPENAI_API_BASE', 'OPENAI_BASE_URL']],
  ['anthropic', ['ANTHROPIC_API_BASE', 'ANTHROPIC_BASE_URL']],
  ['cohere_chat', ['COHERE_API_BASE']],
  ['together_ai', ['TOGETHER_AI_API_BASE', 'TOGETHERAI_API_BASE']],
  ['fireworks_ai', ['FIREWORKS_API_BASE', 'FIREWORKS_AI_API_BASE']],
  ['meta_llama', ['LLAMA_API_BASE']],
  ['friendliai', ['FRIENDLI_API_BASE']],
  ['azure', ['AZURE_API_BASE']],
  ['gemini', ['GEMINI_API_BASE']],
]);

export function apiBaseEnvNames(providerName: string): string[] {
  const upper = providerName.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return [...new Set([...(API_BASE_ENV.get(providerName) ?? []), `${upper}_API_BASE`, `${upper}_BASE_URL`])];
}

/** LiteLLM's marker for a value read from the proxy's environment at startup. */
export const ENV_REFERENCE = /^os\.environ\//;

/** Host of an api_base URL, lower-case, without port or brackets; undefined when it has none. */
export function apiHost(apiBase: string): string | undefined {
  const text = apiBase.trim();
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  try {
    const host = new URL(withScheme).hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
    return host === '' ? undefined : host;
  } catch {
    return undefined;
  }
}

/** The LiteLLM provider name whose API a host is, if Clearance knows it. */
export function hostProviderName(host: string): string | undefined {
  const exact = API_HOSTS.get(host);
  if (exact !== undefined) return exact;
  for (const [suffix, name] of API_HOSTS) if (suffix.startsWith('.') && host.endsWith(suffix)) return name;
  for (const [pattern, name] of HOST_PATTERNS) if (pattern.test(host)) return name;
  return undefined;
}

const PRIVATE_SUFFIXES = ['.localhost', '.internal', '.local', '.lan', '.home.arpa', '.svc', '.cluster.local', '.corp', '.intranet', '.private'];

/** True for hosts on a private network or this machine: loopback, RFC 1918, link-local, ULA, single-label names, internal suffixes. */
export function isPrivateHost(host: string): boolean {
  if (host === 'localhost' || host === '0.0.0.0' || host === '::1' || host === '::') return true;
  if (PRIVATE_SUFFIXES.some((s) => host.endsWith(s))) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 10 || a === 127 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254) || (a === 100 && b >= 64 && b <= 127);
  }
  if (host.includes(':')) return /^(fc|fd)[0-9a-f]{2}:/.test(host) || /^fe[89ab][0-9a-f]:/.test(host);
  // A single-label name (`vllm`, `ollama`) resolves only inside a private network or container network.
  return !host.includes('.');
}

/** LiteLLM prefixes that mean "a server you run": the weights license governs them. */
export const SELF_HOSTED_PREFIXES: readonly string[] = [
  'ollama', 'ollama_chat', 'hosted_vllm', 'vllm', 'lm_studio', 'llamafile', 'xinference', 'triton', 'sagemaker', 'sagemaker_chat', 'openai_like', 'custom_openai', 'oobabooga', 'petals',
];

/** The api_base LiteLLM calls for a route, and where it came from; `env` when it is read from the proxy's environment. */
export interface EffectiveApiBase {
  value: string;
  from: string;
  env?: string;
  /** `litellm_settings.api_base`: set for every call, whichever provider handles it. */
  global?: boolean;
}

/** LiteLLM's order: the call's base_url or api_base (the parser puts the winner in apiBase), then `litellm.api_base` (litellm_settings), then the provider's env variable. */
export function effectiveApiBase(route: RouteRef, providerNames: readonly string[]): EffectiveApiBase | undefined {
  const pick = (value: string, from: string): EffectiveApiBase => {
    const env = ENV_REFERENCE.test(value) ? value.replace(ENV_REFERENCE, '') : undefined;
    if (env === undefined) return { value, from };
    // os.environ/X: the config's environment_variables may say what X is; otherwise it is unknown.
    const set = route.env?.get(env);
    return set !== undefined && !ENV_REFERENCE.test(set) ? { value: set, from: `${from} = os.environ/${env}, set in environment_variables` } : { value, from, env };
  };
  if (route.apiBase !== undefined) return pick(route.apiBase, route.apiBaseFrom ?? 'api_base');
  if (route.litellmApiBase !== undefined) return { ...pick(route.litellmApiBase, 'litellm_settings.api_base'), global: true };
  for (const name of providerNames) {
    for (const variable of apiBaseEnvNames(name)) {
      const value = route.env?.get(variable);
      if (value !== undefined) {
        return ENV_REFERENCE.test(value) ? { value, from: `environment_variables.${variable}`, env: value.replace(ENV_REFERENCE, '') } : { value, from: `environment_variables.${variable}` };
      }
    }
  }
  return undefined;
}

export interface Serving {
  serving(route: RouteRef, modelId: string): RouteServing;
  location(route: RouteRef, serving: RouteServing): RouteLocation;
}

export function createServing(registry: Registry, prefixProviders: ReadonlyMap<string, string>): Serving {
  const providerOf = (id: string): Provider | undefined => own(registry.providers, id);

  function serving(route: RouteRef, modelId: string): RouteServing {
    const model = own(registry.models, modelId);
    const withProvider = (id: string, basis: string): RouteServing => {
      const provider = providerOf(id)!;
      const relationship = relationshipOf(id, provider, model);
      if (relationship === 'unknown') {
        // A vendor's API prefix in front of another vendor's weights: not that vendor's first-party API.
        return { relationship, explain: true, basis: `${basis}, but ${id} is ${provider.vendor ?? id}'s own API, not a first-party API for ${model?.vendor ?? 'this model'}'s weights, so who really serves the route is unknown; use the prefix of the provider that serves these weights, or an api_base on the server that runs them` };
      }
      return { provider: { id, provider }, relationship, basis };
    };
    if (route.format === 'native') {
      if (route.via === 'self-hosted') return { relationship: 'self-hosted', basis: 'via: self-hosted' };
      if (route.via !== undefined && providerOf(route.via)) return withProvider(route.via, `via: ${route.via}`);
      return { relationship: 'unknown', basis: `via: ${route.via ?? '(none)'}`, ...(route.via !== undefined ? { unknownProvider: route.via } : {}) };
    }
    const prefix = route.prefix;
    // No prefix on an API-only model: LiteLLM infers the vendor's own API from the model name.
    const firstParty = !prefix && model?.kind === 'api-only' ? firstPartyProvider(model) : undefined;
    const names = prefix ? [prefix] : firstParty ? providerOf(firstParty)!.litellm_prefixes : ['openai'];
    const base = effectiveApiBase(route, names);
    if (base?.env !== undefined) {
      return { relationship: 'unknown', explain: true, basis: `the api_base (${base.from}) is read from the environment variable ${base.env} when the proxy starts, so where the route goes cannot be checked; write the URL in the config (or set it under environment_variables) to have it checked` };
    }
    if (base !== undefined) {
      const host = apiHost(base.value);
      if (host === undefined) return { relationship: 'unknown', explain: true, basis: `the api_base "${base.value}" (${base.from}) has no host` };
      const name = hostProviderName(host);
      const claimed = prefix ? prefixProviders.get(prefix) : undefined;
      // A global api_base may not be read by every provider's handler: it cannot move a route away from the
      // provider its prefix names, in either direction. Only the call's own api_base can.
      if (base.global && claimed !== undefined && (name === undefined || prefixProviders.get(name) !== claimed)) {
        return { relationship: 'unknown', explain: true, basis: `litellm_settings.api_base (${host}) applies to calls that set no api_base, and it is not ${claimed}'s host, so whether this "${prefix}/" route goes to ${claimed} or to ${host} is unknown; set api_base on the deployment` };
      }
      if (name !== undefined) {
        const id = prefixProviders.get(name);
        if (id !== undefined) return { ...withProvider(id, `the api_base ${host} (${base.from}) is ${id}'s API`), ...(prefix !== undefined && prefixProviders.get(prefix) === id ? {} : { explain: true }) };
        return { relationship: 'unknown', explain: true, basis: `the api_base ${host} (${base.from}) is the "${name}" API, which no registry provider claims` };
      }
      if (isPrivateHost(host)) {
        const usual = prefix !== undefined && (SELF_HOSTED_PREFIXES.includes(prefix) || prefix === 'openai' || prefix === 'text-completion-openai');
        return { relationship: 'self-hosted', ...(usual ? {} : { explain: true }), basis: `the api_base ${host} (${base.from}) is on a private network: a server you run${prefix ? `, not the "${prefix}/" provider's API` : ''}` };
      }
      return { relationship: 'unknown', explain: true, basis: `the api_base ${host} (${base.from}) is not a provider host Clearance knows, so the provider is unknown; use the provider's own LiteLLM prefix without api_base, or an api_base on your private network for a server you run` };
    }
    if (prefix && SELF_HOSTED_PREFIXES.includes(prefix)) return { relationship: 'self-hosted', basis: `the "${prefix}/" prefix is a server you run` };
    const claimed = prefix ? prefixProviders.get(prefix) : undefined;
    if (claimed !== undefined) return withProvider(claimed, `the "${prefix}/" prefix routes to ${claimed}`);
    if (firstParty !== undefined) return withProvider(firstParty, `no prefix: LiteLLM calls ${model!.vendor}'s own API for this API-only model`);
    return { relationship: 'unknown', basis: prefix ? `no registry provider claims the "${prefix}/" prefix` : 'the model id has no provider prefix' };
  }

  function firstPartyProvider(model: Model): string | undefined {
    return Object.keys(registry.providers)
      .sort()
      .find((id) => registry.providers[id]!.vendor === model.vendor && registry.providers[id]!.relationship === 'first-party-api');
  }

  /** A first-party API serves its own vendor's models; another vendor's weights behind it are not first-party. */
  function relationshipOf(providerId: string, provider: Provider, model: Model | undefined): RouteRelationship {
    const override = model?.routes?.find((r) => r.provider === providerId)?.relationship;
    if (override) return override;
    if (model && provider.vendor !== undefined && provider.vendor === model.vendor) return 'first-party-api';
    if (provider.relationship === 'first-party-api') return 'unknown';
    return provider.relationship;
  }

  function location(route: RouteRef, serve: RouteServing): RouteLocation {
    if (route.country) return { countries: [route.country.toUpperCase()], label: `country: ${route.country}` };
    const provider = serve.provider?.provider;
    if (route.region) {
      const group = route.region.toUpperCase();
      const region = provider?.regions.find((r) => r.id.toLowerCase() === route.region!.toLowerCase());
      if (Object.hasOwn(COUNTRY_GROUPS, group) && !region) return { countries: [group], label: `region ${route.region}` };
      if (region) return { countries: [region.country], label: `${serve.provider!.id} region ${region.id} (${region.country})` };
      return { label: `region "${route.region}" is not in ${serve.provider ? `${serve.provider.id}'s region list` : 'any provider region list'}` };
    }
    if (provider && provider.regions.length > 0) {
      const countries = [...new Set(provider.regions.map((r) => r.country))].sort();
      return { countries, label: `no region given; ${serve.provider!.id} serves from ${countries.join(', ')}` };
    }
    return { label: serve.relationship === 'self-hosted' ? 'no region or country given for the self-hosted route' : 'no region given' };
  }

  return { serving, location };
}
