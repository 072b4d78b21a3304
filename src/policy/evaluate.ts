/**
 * The policy engine: `evaluate(config, registry, policy, today) → PolicyFinding[]`. Pure — no fs, no console,
 * no clock (today is an argument) — so the site's playground runs the same code in the browser.
 */
import { ruleUrl } from '../registry/codes.ts';
import { formatPath, type Severity } from '../registry/finding.ts';
import type { Registry } from '../registry/registry.ts';
import type { Policy } from '../registry/schema/policy.ts';
import { isFailClosedRule } from '../registry/schema/refinements.ts';
import { closest } from '../registry/suggest.ts';
import { CONFIG_CODES, isFatalCode } from './config-codes.ts';
import { orderFindings } from './order.ts';
import { createResolver, type ModelResolution, type Resolver } from './resolve.ts';
import { RULES, RULES_BY_CODE } from './rules/index.ts';
import { spellingEvidence } from './spellings.ts';
import type { ConsultedFact, Emitted, Rule, RouteContext } from './rules/types.ts';
import { waiverCovers, waiverModelId } from './waivers.ts';
import { collapseFindings, withMeta } from './collapse.ts';
import { assumptions, withServedName, type BaseModelStatus } from './assumptions.ts';
import { routeModel } from './route-model.ts';
import { routeTerms } from './upstream.ts';
import type { LoadedPolicy, ParsedConfig, PolicyFinding, RouteRef, TierInfo } from './types.ts';
import { own } from './own.ts';

const resolvers = new WeakMap<Registry, Resolver>();

/** One resolver (alias index, prefix table) per registry object. */
export function resolverFor(registry: Registry): Resolver {
  let resolver = resolvers.get(registry);
  if (!resolver) {
    resolver = createResolver(registry);
    resolvers.set(registry, resolver);
  }
  return resolver;
}

/**
 * Lints one or more parsed router configs against a policy. Findings are sorted; waivers are applied across
 * all configs (a waiver used by any of them is not unused).
 */
export function evaluate(configs: ParsedConfig | readonly ParsedConfig[], registry: Registry, policyOrLoaded: LoadedPolicy | Policy, today: string): PolicyFinding[] {
  // A bare Policy (already validated) works too; its waiver findings then point at line 1 of "policy".
  const policy: LoadedPolicy = 'locate' in policyOrLoaded ? policyOrLoaded : { file: 'policy', policy: policyOrLoaded, locate: () => ({ line: 1, column: 1 }) };
  const list = Array.isArray(configs) ? (configs as readonly ParsedConfig[]) : [configs as ParsedConfig];
  const resolver = resolverFor(registry);
  let findings: PolicyFinding[] = [];
  for (const config of list) {
    findings.push(...config.findings);
    const tiers = new Map<string, TierInfo>();
    for (const tier of config.tiers) if (!tiers.has(tier.id)) tiers.set(tier.id, tier);
    // LiteLLM fallbacks place one deployment under many tiers: a route is evaluated once per distinct
    // (route, tier tags), and its findings re-labelled for each tier that reaches it.
    const shared = new Map<string, PolicyFinding[]>();
    for (const route of config.routes) {
      const tier = tiers.get(route.tier) ?? { id: route.tier, tags: [], path: route.path, line: route.line, column: route.column };
      const { tier: _tier, through, env: _env, ...core } = route;
      const key = JSON.stringify([core, [...tier.tags].sort()]);
      let base = shared.get(key);
      if (base === undefined) {
        base = evaluateRoute({ ...core, tier: route.tier, ...(route.env ? { env: route.env } : {}) }, tier, resolver, policy.policy, today);
        shared.set(key, base);
      }
      for (const f of base) findings.push({ ...f, tier: route.tier, ...(through ? { message: `${f.message} (${through})` } : {}) });
    }
  }
  findings = applySeverity(findings, policy.policy);
  findings = applyWaivers(findings, resolver, policy, today);
  // The same duty, weak fact or unset organisation fact on many routes is one finding with every location.
  findings = collapseFindings(findings, policy);
  return orderFindings(findings);
}

function evaluateRoute(route: RouteRef, tier: TierInfo, resolver: Resolver, policy: Policy, today: string): PolicyFinding[] {
  const registry = resolver.registry;
  // Served names the policy maps, env values and defaults: what the model string says before it is resolved.
  const stated = routeModel(route, policy);
  // An env default is linted as the default, with its own provider prefix.
  const servedRoute: RouteRef = stated.envDefault ? { ...route, spec: stated.spec, ...(stated.prefix !== undefined ? { prefix: stated.prefix } : {}) } : route;
  const { resolution, mismatch, base } = stated.served
    ? { resolution: resolver.resolveModel(stated.served.entry.model), mismatch: undefined, base: undefined }
    : stated.fromEnv !== undefined && route.baseModel !== undefined
      ? { resolution: resolver.resolveModel(route.baseModel), mismatch: undefined, base: undefined }
      : resolveRoute(servedRoute, resolver);
  const out: PolicyFinding[] = mismatch ? [mismatch] : [];
  // How a rule read the id (an Ollama tag, a quantized re-upload, an OpenRouter variant) goes with every finding of the route.
  const read = resolution.kind === 'wildcard' ? undefined : spellingEvidence(resolution.spelling, route.spec);
  let note: string | undefined;
  const emit = (rule: Rule, emitted: Emitted[], model: string) => {
    for (const e of emitted) {
      const mapped = stated.served ? withServedName(e, stated.served, model) : e;
      // What is said of this route alone (how its id was read, how its provider was found) keeps a collapsed
      // finding apart from routes where it differs.
      const particular = [read && `${read.subject}|${read.summary}`, note].filter(Boolean).join('|');
      const keyed = mapped.collapse !== undefined && particular !== '' ? { ...mapped, collapse: `${mapped.collapse}|${particular}` } : mapped;
      out.push(toFinding(rule, read ? { ...keyed, evidence: [...(keyed.evidence ?? []), read] } : keyed, route, model, note));
    }
  };
  if (resolution.kind !== 'model') {
    // Each suggestion carries the class of the terms that would govern it on this route, not always the weights license.
    const labelled = resolution.kind === 'unknown' ? { ...resolution, suggestions: resolver.describeSuggestions(resolution.near, servedRoute) } : resolution;
    for (const rule of RULES) if (rule.checkRef) emit(rule, rule.checkRef({ registry, route, resolution: labelled, stated }), route.spec);
    return out;
  }
  const modelId = resolution.id;
  const model = own(registry.models, modelId)!;
  const baseStatus: BaseModelStatus = route.baseModel === undefined ? 'none' : base === undefined || (base.kind === 'model' && base.id === modelId) ? 'confirms' : base.kind === 'model' ? 'differs' : 'unknown';
  emit(RULES_BY_CODE['route/assumed-model']!, assumptions(route, stated, resolution.matched, modelId, model, resolution.spelling, baseStatus), modelId);
  const serving = resolver.serving(servedRoute, modelId);
  if (serving.explain) note = serving.basis;
  if (serving.unknownProvider !== undefined) {
    const near = closest(serving.unknownProvider, [...Object.keys(registry.providers), 'self-hosted'], 3);
    return [
      {
        code: 'config/invalid',
        severity: 'error',
        message: `via: "${serving.unknownProvider}" is not a provider in the registry${near.length > 0 ? ` (did you mean ${near.map((n) => `"${n}"`).join(' or ')}?)` : ''}`,
        hint: `Use a provider id from content/providers, or "self-hosted". See ${ruleUrl('config/invalid')}`,
        file: route.file,
        ...locateSibling(route),
        path: formatPath([...route.path.slice(0, -1), 'via']),
        tier: route.tier,
        model: modelId,
        evidence: [],
      },
    ];
  }
  const chainIds = resolver.chainIds(modelId);
  const consulted: ConsultedFact[] = [];
  const terms = routeTerms(registry, chainIds, model, serving);
  const ctx: RouteContext = {
    registry,
    resolver,
    policy,
    today,
    route,
    tier,
    modelId,
    model,
    chainIds,
    serving,
    location: resolver.location(servedRoute, serving),
    terms: terms.terms,
    ...(terms.alternative ? { alternativeTerms: terms.alternative } : {}),
    consulted,
    consult: (fact) => consulted.push(fact),
  };
  // An API-only model on a self-hosted route is not a real route: report that alone.
  const rules = model.kind === 'api-only' && serving.relationship === 'self-hosted' ? [RULES_BY_CODE['registry/unknown-model']!] : RULES;
  for (const rule of rules) if (rule.checkRoute) emit(rule, rule.checkRoute(ctx), modelId);
  return out;
}

/**
 * LiteLLM prefixes whose model string may be a deployment or served name rather than a model id (an Azure
 * deployment, a Bedrock ARN or provisioned model, a Vertex endpoint, a name an OpenAI-compatible server
 * chose). Only behind these may `model_info.base_model` say which model it is.
 */
const DEPLOYMENT_NAME_PREFIXES = new Set([
  'azure', 'azure_ai', 'azure_text', 'openai', 'text-completion-openai', 'bedrock', 'sagemaker', 'sagemaker_chat', 'vertex_ai', 'vertex_ai_beta', 'databricks',
  'ollama', 'ollama_chat', 'hosted_vllm', 'vllm', 'lm_studio', 'llamafile', 'xinference', 'triton', 'openai_like', 'custom_openai', 'oobabooga', 'petals',
]);

/**
 * LiteLLM calls `litellm_params.model`, so that id is linted whenever it resolves. `model_info.base_model` only
 * explains an id the registry cannot resolve behind a deployment-name prefix; when both resolve and differ,
 * the contradiction is an error of its own.
 */
function resolveRoute(route: RouteRef, resolver: Resolver): { resolution: ModelResolution; mismatch?: PolicyFinding; base?: ModelResolution } {
  const bySpec = resolver.resolveModel(route.spec, route.prefix);
  if (route.baseModel === undefined) return { resolution: bySpec };
  const byBase = resolver.resolveModel(route.baseModel);
  if (bySpec.kind === 'model') {
    if (byBase.kind !== 'model' || byBase.id === bySpec.id) return { resolution: bySpec, base: byBase };
    // A served name read only by its likeness to a repo name is no model id LiteLLM calls: base_model states it.
    if (bySpec.spelling?.rule === 'served-name' && DEPLOYMENT_NAME_PREFIXES.has(route.prefix ?? '')) return { resolution: byBase, base: byBase };
    const at = route.baseModelAt ?? { line: route.line, column: route.column };
    return {
      resolution: bySpec,
      base: byBase,
      mismatch: {
        code: 'config/base-model-mismatch',
        severity: 'error',
        message: `model_info.base_model says ${byBase.id}, but litellm_params.model "${route.spec}" calls ${bySpec.id}; LiteLLM calls ${bySpec.id}, and that is what is linted`,
        hint: `${CONFIG_CODES['config/base-model-mismatch'].fix} See ${ruleUrl('config/base-model-mismatch')}`,
        file: route.file,
        ...at,
        path: formatPath(route.baseModelPath ?? route.path),
        tier: route.tier,
        model: bySpec.id,
        evidence: [],
      },
    };
  }
  if (bySpec.kind === 'unknown' && byBase.kind === 'model' && (route.prefix === undefined ? false : DEPLOYMENT_NAME_PREFIXES.has(route.prefix))) return { resolution: byBase, base: byBase };
  return { resolution: bySpec, base: byBase };
}

/** Native routes: point at the `via` key beside `model`. */
function locateSibling(route: RouteRef): { line: number; column: number } {
  return route.viaAt ?? { line: route.line, column: route.column };
}

function toFinding(rule: Rule, emitted: Emitted, route: RouteRef, model: string, note?: string): PolicyFinding {
  return withMeta(emitted, {
    code: rule.code,
    severity: emitted.severity ?? rule.defaultSeverity,
    message: note !== undefined ? `${emitted.message} (${note})` : emitted.message,
    hint: `${emitted.hint ?? rule.fix} See ${ruleUrl(rule.code)}`,
    file: route.file,
    line: route.line,
    column: route.column,
    path: formatPath(route.path),
    tier: route.tier,
    model,
    evidence: emitted.evidence ?? [],
  });
}

/** Policy `severity:` overrides; "off" drops a rule's findings. Fail-closed rules and input errors keep theirs. */
function applySeverity(findings: PolicyFinding[], policy: Policy): PolicyFinding[] {
  const overrides = policy.severity ?? {};
  const out: PolicyFinding[] = [];
  for (const f of findings) {
    const level = own(overrides, f.code);
    if (level === undefined || isFatalCode(f.code) || isFailClosedRule(f.code)) out.push(f);
    else if (level !== 'off') out.push({ ...f, severity: level as Severity });
  }
  return out;
}

function applyWaivers(findings: PolicyFinding[], resolver: Resolver, loaded: LoadedPolicy, today: string): PolicyFinding[] {
  const waivers = loaded.policy.waivers ?? [];
  if (waivers.length === 0) return findings;
  const overrides = loaded.policy.severity ?? {};
  const waived = new Set<PolicyFinding>();
  const extra: PolicyFinding[] = [];
  const policyFinding = (code: string, severity: Severity, message: string, i: number, model: string, tier?: string): PolicyFinding => {
    const rule = RULES_BY_CODE[code]!;
    const path = ['waivers', i] as const;
    return {
      code,
      severity,
      message,
      hint: `${rule.fix} See ${ruleUrl(code)}`,
      file: loaded.file,
      ...loaded.locate(path),
      path: formatPath(path),
      ...(tier !== undefined ? { tier } : {}),
      model,
      evidence: [],
    };
  };
  waivers.forEach((waiver, i) => {
    const resolved = resolver.resolveModel(waiver.model);
    const modelId = waiverModelId(waiver, resolver);
    const matches = findings.filter((f) => waiverCovers(waiver, modelId, f));
    const what = `${waiver.rule} on ${modelId}${waiver.tier !== undefined ? ` in tier ${waiver.tier}` : ''}`;
    if (waiver.expires < today) {
      const again = matches.length > 0 ? `; the ${matches.length} finding${matches.length === 1 ? '' : 's'} it covered ${matches.length === 1 ? 'is' : 'are'} reported again` : '';
      extra.push(policyFinding('waiver/expired', 'error', `the waiver for ${what} (approved by ${waiver.approved_by}) expired on ${waiver.expires}${again}`, i, modelId, waiver.tier));
      return;
    }
    if (matches.length === 0) {
      const level = own(overrides, 'waiver/unused') ?? 'warning';
      if (level === 'off') return;
      const why = resolved.kind === 'model' ? 'no finding matches it' : `"${waiver.model}" is not a model the registry knows, and no finding matches it`;
      extra.push(policyFinding('waiver/unused', level, `the waiver for ${what} is unused: ${why}`, i, modelId, waiver.tier));
      return;
    }
    const level = own(overrides, 'waiver/applied') ?? 'info';
    for (const f of matches) {
      if (waived.has(f)) continue;
      waived.add(f);
      if (level === 'off') continue;
      const rule = RULES_BY_CODE['waiver/applied']!;
      extra.push({
        ...f,
        code: 'waiver/applied',
        severity: level,
        message: `${f.code} waived until ${waiver.expires} (approved by ${waiver.approved_by}: ${waiver.reason}): ${f.message}`,
        hint: `${rule.fix} See ${ruleUrl('waiver/applied')}`,
      });
    }
  });
  return [...findings.filter((f) => !waived.has(f)), ...extra];
}

export { CONFIG_CODES };
