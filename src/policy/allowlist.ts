/**
 * What a gateway may serve under a policy. Every route of a router config is judged on its own by the same
 * `evaluate()` the linter runs, so the allow set is exactly the routes `clearance lint` passes — no second
 * reading of the policy that could drift from the first. A route that passes only because of waivers carries
 * the date its last covering waiver expires. Pure: the CLI (`clearance allowlist`) and tests call it.
 */
import type { Registry } from '../registry/registry.ts';
import type { AllowedChannel, AllowlistDocument } from '../registry/schema/allowlist.ts';
import { compareText } from './order.ts';
import { evaluate, resolverFor } from './evaluate.ts';
import type { Resolver } from './resolve.ts';
import { waiverCovers, waiverModelId } from './waivers.ts';
import type { LoadedPolicy, ParsedConfig, PolicyFinding, RouteRef, RouteRelationship } from './types.ts';

export interface RouteVerdict {
  route: RouteRef;
  allowed: boolean;
  /** Registry model id, when the route resolved. */
  model?: string;
  /** Provider id, "self-hosted", or "unknown" (unresolved routes and unknown hosts). */
  provider: string;
  relationship: RouteRelationship;
  /** Countries or groups (EU, EEA) the route runs in, when the config or registry says. */
  regions?: string[];
  /** What blocks the route: errors, and warnings too under `strict`. Empty when allowed. */
  blocking: PolicyFinding[];
  /** Last day the route stays allowed, when its pass rests on waivers (the earliest such date). */
  expires?: string;
}

export interface JudgeOptions {
  /** Warnings block a route too (as `clearance lint --strict` fails on them). */
  strict?: boolean;
}

/** Judges every route of every config; the order is the configs' own (file, then position). */
export function judgeRoutes(configs: readonly ParsedConfig[], registry: Registry, loaded: LoadedPolicy, today: string, options: JudgeOptions = {}): RouteVerdict[] {
  const resolver = resolverFor(registry);
  const unwaived: LoadedPolicy = { ...loaded, policy: { ...loaded.policy, waivers: [] } };
  const blocks = (f: PolicyFinding, route: RouteRef) => f.file === route.file && (f.severity === 'error' || (options.strict === true && f.severity === 'warning'));
  const verdicts: RouteVerdict[] = [];
  for (const config of configs) {
    for (const route of config.routes) {
      const alone: ParsedConfig = { ...config, routes: [route], findings: [] };
      const blocking = evaluate(alone, registry, loaded, today).filter((f) => blocks(f, route));
      const verdict: RouteVerdict = { route, allowed: blocking.length === 0, blocking, ...servingOf(route, resolver) };
      if (verdict.allowed) {
        const waived = evaluate(alone, registry, unwaived, today).filter((f) => blocks(f, route));
        const expires = waiverExpiry(waived, loaded, resolver, today);
        if (expires !== undefined) verdict.expires = expires;
      }
      verdicts.push(verdict);
    }
  }
  return verdicts;
}

/** The model, provider and regions of a route as the linter reads them. */
function servingOf(route: RouteRef, resolver: Resolver): Pick<RouteVerdict, 'model' | 'provider' | 'relationship' | 'regions'> {
  let resolution = route.baseModel !== undefined ? resolver.resolveModel(route.baseModel) : resolver.resolveModel(route.spec, route.prefix);
  if (resolution.kind !== 'model' && route.baseModel !== undefined) resolution = resolver.resolveModel(route.spec, route.prefix);
  if (resolution.kind !== 'model') return { provider: 'unknown', relationship: 'unknown' };
  const serving = resolver.serving(route, resolution.id);
  const provider = serving.provider?.id ?? (serving.relationship === 'self-hosted' ? 'self-hosted' : 'unknown');
  const countries = resolver.location(route, serving).countries;
  return { model: resolution.id, provider, relationship: serving.relationship, ...(countries && countries.length > 0 ? { regions: [...countries].sort(compareText) } : {}) };
}

/**
 * The last day every finding that the waivers hide stays hidden: for each finding, the latest expiry among the
 * waivers that cover it; for the route, the earliest of those. Undefined when nothing needed a waiver.
 */
function waiverExpiry(waived: readonly PolicyFinding[], loaded: LoadedPolicy, resolver: Resolver, today: string): string | undefined {
  let route: string | undefined;
  for (const finding of waived) {
    let latest: string | undefined;
    for (const waiver of loaded.policy.waivers ?? []) {
      if (waiver.expires < today || !waiverCovers(waiver, waiverModelId(waiver, resolver), finding)) continue;
      if (latest === undefined || waiver.expires > latest) latest = waiver.expires;
    }
    // evaluate() passed the route, so every blocking finding has a live waiver; keep the guard anyway.
    if (latest !== undefined && (route === undefined || latest < route)) route = latest;
  }
  return route;
}

export type { AllowedChannel, AllowlistDocument };

export interface AllowlistSource {
  policy: string;
  date: string;
  registry: Registry;
}

/** The allow set of judged routes, deterministic (every list and key sorted). */
export function allowlistDocument(verdicts: readonly RouteVerdict[], source: AllowlistSource): AllowlistDocument {
  const models = new Map<string, Map<string, AllowedChannel>>();
  const names = new Map<string, Map<string, { model: string; provider: string }>>();
  const blockedNames = new Set<string>();
  const removed: AllowlistDocument['removed'] = [];
  for (const v of verdicts) {
    // The names a client may send for this route: the model string as written, and the tier or model group
    // (a fallback target is reached through its group, not by its own name).
    const routeNames = v.route.role === 'fallback' ? [v.route.spec] : [v.route.spec, v.route.tier];
    if (!v.allowed || v.model === undefined) {
      for (const n of routeNames) blockedNames.add(n);
      removed.push({
        at: `${v.route.file}:${v.route.line}:${v.route.column}`,
        tier: v.route.tier,
        model: v.route.spec,
        codes: [...new Set(v.blocking.map((f) => f.code))].sort(compareText),
        reasons: [...new Set(v.blocking.map((f) => f.message))],
      });
      continue;
    }
    const channels = models.get(v.model) ?? new Map<string, AllowedChannel>();
    const key = `${v.provider}\u0000${v.relationship}\u0000${(v.regions ?? []).join(',')}`;
    const channel = channels.get(key) ?? { provider: v.provider, relationship: v.relationship, ...(v.regions ? { regions: v.regions } : {}), names: [], tiers: [] };
    if (!channel.names.includes(v.route.spec)) channel.names.push(v.route.spec);
    if (!channel.tiers.includes(v.route.tier)) channel.tiers.push(v.route.tier);
    // A channel reached by several routes stays allowed until the earliest of their expiries.
    if (v.expires !== undefined && (channel.expires === undefined || v.expires < channel.expires)) channel.expires = v.expires;
    channels.set(key, channel);
    models.set(v.model, channels);
    for (const n of routeNames) {
      const refs = names.get(n) ?? new Map<string, { model: string; provider: string }>();
      refs.set(`${v.model}\u0000${v.provider}`, { model: v.model, provider: v.provider });
      names.set(n, refs);
    }
  }
  const document: AllowlistDocument = { format: 'clearance-allowlist/1', policy: source.policy, date: source.date, default: 'deny', models: {}, names: {}, removed };
  for (const id of [...models.keys()].sort(compareText)) {
    const model = source.registry.models[id]!;
    const channels = [...models.get(id)!.values()]
      .map((c) => ({ ...c, names: [...c.names].sort(compareText), tiers: [...c.tiers].sort(compareText) }))
      .sort((a, b) => compareText(a.provider, b.provider) || compareText(a.relationship, b.relationship) || compareText((a.regions ?? []).join(), (b.regions ?? []).join()));
    document.models[id] = { name: model.name, vendor: model.vendor, channels };
  }
  for (const n of [...names.keys()].sort(compareText)) {
    const channels = [...names.get(n)!.values()].sort((a, b) => compareText(a.model, b.model) || compareText(a.provider, b.provider));
    document.names[n] = { channels, requires_provider: blockedNames.has(n) };
  }
  removed.sort((a, b) => compareText(a.at, b.at));
  return document;
}

/**
 * The whole registry as routes: every model on each provider route the registry records, and self-hosted when
 * it has open weights. `clearance allowlist --all` judges these under the policy with no config at hand.
 */
export function registryAsConfig(registry: Registry, tier = 'registry'): ParsedConfig {
  const routes: RouteRef[] = [];
  let line = 0;
  const route = (spec: string, via: string): RouteRef => ({ file: 'registry', format: 'native', tier, role: 'primary', spec, path: ['tiers', tier, 'models', line], line: ++line, column: 1, via });
  for (const id of Object.keys(registry.models).sort(compareText)) {
    const model = registry.models[id]!;
    const providers = [...new Set((model.routes ?? []).map((r) => r.provider))].sort(compareText);
    for (const provider of providers) if (Object.hasOwn(registry.providers, provider)) routes.push(route(id, provider));
    if (model.kind === 'open-weights') routes.push(route(id, 'self-hosted'));
  }
  return { file: 'registry', format: 'native', name: 'the whole registry', tiers: [{ id: tier, tags: [], path: ['tiers', tier], line: 1, column: 1 }], routes, findings: [] };
}
