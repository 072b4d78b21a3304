/**
 * Sizing a router config: every self-hosted route of every tier, with the tier's workload, priced against the
 * same model's API routes and the frontier tier. Pure (text in, data out), so `clearance size` and the site's
 * sizing page share it.
 */
import type { Finding } from '../registry/finding.ts';
import type { Registry } from '../registry/registry.ts';
import { RouterConfigSchema, type Architecture, type Model, type RouterConfig, type RouterRoute } from '../registry/schema/index.ts';
import { parseYamlSource } from '../registry/yaml-source.ts';
import { createResolver, type Resolver } from '../policy/index.ts';
import type { GpuSpec } from './deployment.ts';
import { SizingError } from './errors.ts';
import type { EngineId } from './memory.ts';
import { sizeDeployment, type ApiPrice, type SizingResult, type Workload } from './plan.ts';

/** A registry model that carries an architecture. */
export type SizableModel = Model & { architecture: Architecture };

/** A model the registry resolves, with an architecture sizing can use. */
export type ModelLookup =
  | { ok: true; id: string; model: SizableModel }
  | { ok: false; code: 'sizing/unknown-model' | 'sizing/unknown-architecture'; message: string; hint: string };

/** Resolves a model id or alias and checks it carries an architecture. */
export function lookupModel(registry: Registry, spec: string): ModelLookup {
  const resolution = resolverOf(registry).resolveModel(spec);
  if (resolution.kind !== 'model') {
    const suggestions = resolution.kind === 'unknown' && resolution.suggestions.length > 0 ? ` Did you mean ${resolution.suggestions.join(', ')}?` : '';
    return {
      ok: false,
      code: 'sizing/unknown-model',
      message: `model "${spec}" is not in the registry`,
      hint: `Use a registry id (vendor/model) or one of its aliases.${suggestions}`,
    };
  }
  const model = registry.models[resolution.id]!;
  if (!model.architecture) {
    return {
      ok: false,
      code: 'sizing/unknown-architecture',
      message: `the registry has no architecture for ${resolution.id} (${model.name}), so it cannot be sized${model.kind === 'api-only' ? ': it is an API-only model whose weights are not published' : ''}`,
      hint:
        model.kind === 'api-only'
          ? 'Only open-weights models can be self-hosted; size an open-weights alternative instead.'
          : `Add architecture: to content/models/${resolution.id}.yaml from the model's config.json (layers, hidden_size, attention, moe…), cited.`,
    };
  }
  return { ok: true, id: resolution.id, model: model as SizableModel };
}

/** The cheapest listed API price of a model, judged at the workload's input/output ratio. */
export function cheapestApiPrice(model: Model, isl: number, osl: number, provider?: string): ApiPrice | undefined {
  const priced = (model.routes ?? []).filter((r) => r.price && (provider === undefined || r.provider === provider));
  if (priced.length === 0) return undefined;
  const cost = (r: (typeof priced)[number]) => r.price!.output_usd_per_mtok + (r.price!.input_usd_per_mtok * isl) / osl;
  const best = priced.reduce((a, b) => (cost(b) < cost(a) ? b : a));
  return { inputUsdPerMTok: best.price!.input_usd_per_mtok, outputUsdPerMTok: best.price!.output_usd_per_mtok, label: `${best.provider} (${best.model_id}, ${best.as_of})` };
}

export interface RouteSizing {
  tier: string;
  role: 'primary' | 'fallback';
  /** The model as the config writes it, and its registry id when it resolved. */
  spec: string;
  modelId?: string;
  gpu?: string;
  line: number;
  column: number;
  result?: SizingResult;
  /** Why this route could not be sized. */
  problem?: Finding;
}

export interface TierSizing {
  id: string;
  name?: string;
  workload?: Workload;
  routes: RouteSizing[];
}

export interface RouterSizing {
  file: string;
  name?: string;
  tiers: TierSizing[];
  /** Problems: config errors (nothing sized), routes that could not be sized, tiers without a workload. */
  findings: Finding[];
  totals: { gpus: number; costPerMonthUsd: number | null };
  /** 0 every self-hosted route fits, 1 some route does not fit or meet its targets, 2 something could not be sized. */
  exitCode: 0 | 1 | 2;
}

export interface RouterSizingOptions {
  engine?: EngineId;
  gpuHourUsd?: number;
}

const DEFAULT_TOKENS = 1000;

function workloadOf(tier: RouterConfig['tiers'][number]): Workload | undefined {
  const w = tier.workload;
  if (!w) return undefined;
  return {
    isl: w.input_tokens,
    osl: w.output_tokens,
    requestsPerSecond: w.requests_per_day / 86400,
    ...(w.peak_factor !== undefined ? { peakFactor: w.peak_factor } : {}),
    ...(w.tpot_ms !== undefined ? { tpotMs: w.tpot_ms } : {}),
    ...(w.ttft_ms !== undefined ? { ttftMs: w.ttft_ms } : {}),
  };
}

/** Sizes every self-hosted route of a Clearance router config. */
export function sizeRouterConfig(file: string, text: string, registry: Registry, options: RouterSizingOptions = {}): RouterSizing {
  const empty = (findings: Finding[]): RouterSizing => ({ file, tiers: [], findings, totals: { gpus: 0, costPerMonthUsd: null }, exitCode: 2 });
  const source = parseYamlSource(file, text, { maxBytes: 2_000_000 });
  if (source.findings.length > 0) return empty(source.findings);
  const data = source.data;
  if (data && typeof data === 'object' && !Array.isArray(data) && Object.hasOwn(data, 'model_list')) {
    return empty([
      {
        code: 'sizing/no-workload-format',
        severity: 'error',
        message: 'this is a LiteLLM proxy config: it names no GPUs and no workload, so there is nothing to size',
        hint: 'Size one model with `clearance size --model <id> --gpu <gpu-id>`, or describe the stack as a Clearance router config (tiers: with workload:).',
        file,
        line: 1,
        column: 1,
      },
    ]);
  }
  const parsed = RouterConfigSchema.safeParse(data);
  if (!parsed.success) {
    return empty(
      parsed.error.issues.slice(0, 10).map((issue) => ({
        code: 'sizing/invalid-config',
        severity: 'error' as const,
        message: `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`,
        hint: 'Fix the router config; schemas/router-config.schema.json describes every field.',
        file,
        ...source.locate(issue.path as (string | number)[]),
      })),
    );
  }
  const config = parsed.data;
  const findings: Finding[] = [];
  const tiers: TierSizing[] = [];

  // The frontier tier's price: its first primary route that the registry prices.
  const frontierTier = config.tiers.find((t) => t.tags.includes('frontier') || t.id === 'frontier');
  const frontierPrice = (isl: number, osl: number): ApiPrice | undefined => {
    if (!frontierTier) return undefined;
    for (const route of frontierTier.routes) {
      const found = lookupModel(registry, route.model);
      const model = found.ok ? found.model : registry.models[createResolverId(registry, route.model) ?? ''];
      if (!model) continue;
      const price = cheapestApiPrice(model, isl, osl, route.via) ?? cheapestApiPrice(model, isl, osl);
      if (price) return { ...price, label: `frontier tier: ${model.name} via ${price.label}` };
    }
    return undefined;
  };

  config.tiers.forEach((tier, t) => {
    const selfHosted: Array<{ route: RouterRoute; role: 'primary' | 'fallback'; index: number }> = [
      ...tier.routes.map((route, index) => ({ route, role: 'primary' as const, index })),
      ...(tier.fallbacks ?? []).map((route, index) => ({ route, role: 'fallback' as const, index })),
    ].filter((r) => r.route.via === 'self-hosted');
    if (selfHosted.length === 0) return;
    const workload = workloadOf(tier);
    const tierOut: TierSizing = { id: tier.id, ...(tier.name ? { name: tier.name } : {}), ...(workload ? { workload } : {}), routes: [] };
    if (!workload) {
      findings.push({
        code: 'sizing/no-workload',
        severity: 'warning',
        message: `tier "${tier.id}" has self-hosted routes but no workload; sized for one replica at ${DEFAULT_TOKENS}/${DEFAULT_TOKENS} input/output tokens`,
        hint: 'Add workload: (requests_per_day, input_tokens, output_tokens, and tpot_ms/ttft_ms targets) to the tier.',
        file,
        ...source.locate(['tiers', t]),
      });
    }
    for (const { route, role, index } of selfHosted) {
      const path = ['tiers', t, role === 'primary' ? 'routes' : 'fallbacks', index];
      const at = source.locate([...path, 'model']);
      const out: RouteSizing = { tier: tier.id, role, spec: route.model, ...(route.gpu ? { gpu: route.gpu } : {}), ...at };
      const problem = (code: string, message: string, hint: string, where = at): Finding => ({ code, severity: 'error', message, hint, file, ...where });
      const found = lookupModel(registry, route.model);
      if (!found.ok) {
        out.problem = problem(found.code, found.message, found.hint);
      } else {
        out.modelId = found.id;
        if (!route.gpu) {
          out.problem = problem('sizing/no-gpu', `self-hosted route ${found.id} names no GPU`, 'Add gpu: <id> (a file name in content/gpus, e.g. h100-sxm) to the route.');
        } else if (!Object.hasOwn(registry.gpus, route.gpu)) {
          out.problem = problem('sizing/unknown-gpu', `GPU "${route.gpu}" is not in the catalog`, `Use one of: ${Object.keys(registry.gpus).sort().join(', ')}.`, source.locate([...path, 'gpu']));
        } else {
          const w = workload ?? { isl: DEFAULT_TOKENS, osl: DEFAULT_TOKENS };
          const apiPrice = cheapestApiPrice(found.model, w.isl, w.osl);
          const frontier = frontierPrice(w.isl, w.osl);
          try {
            out.result = sizeDeployment({
              model: { id: found.id, name: found.model.name, architecture: found.model.architecture, ...(found.model.context_tokens !== undefined ? { contextTokens: found.model.context_tokens } : {}) },
              gpu: { ...registry.gpus[route.gpu]!, id: route.gpu } satisfies GpuSpec,
              ...(route.precision ? { precision: route.precision } : {}),
              ...(route.gpus ? { gpus: route.gpus } : {}),
              ...(options.engine ? { engine: options.engine } : {}),
              ...(options.gpuHourUsd !== undefined ? { gpuHourUsd: options.gpuHourUsd } : {}),
              workload: w,
              ...(apiPrice ? { apiPrice } : {}),
              ...(frontier ? { frontierPrice: frontier } : {}),
            });
            if (!out.result.fits) {
              out.problem = { ...problem('sizing/does-not-fit', `${found.id} on ${route.gpu}${route.gpus ? ` ×${route.gpus}` : ''} cannot serve tier "${tier.id}": ${out.result.reasons[0] ?? 'no layout fits'}`, 'Use more GPUs per replica, a larger GPU, a lower precision, or relax the TPOT/TTFT targets.') };
            }
          } catch (error) {
            if (!(error instanceof SizingError)) throw error;
            out.problem = problem(error.code, error.message, error.hint ?? 'Fix the architecture or workload.');
          }
        }
      }
      if (out.problem) findings.push(out.problem);
      tierOut.routes.push(out);
    }
    tiers.push(tierOut);
  });

  const sized = tiers.flatMap((t) => t.routes).filter((r) => r.result?.fits);
  const gpus = sized.reduce((sum, r) => sum + r.result!.gpus, 0);
  const costs = sized.map((r) => r.result!.cost?.perMonthUsd);
  const costPerMonthUsd = costs.length > 0 && costs.every((c) => c !== undefined) ? costs.reduce((a, b) => a! + b!, 0)! : null;
  const exitCode = findings.some((f) => f.severity === 'error' && f.code !== 'sizing/does-not-fit') ? 2 : findings.some((f) => f.code === 'sizing/does-not-fit') ? 1 : 0;
  return { file, ...(config.name ? { name: config.name } : {}), tiers, findings, totals: { gpus, costPerMonthUsd }, exitCode };
}

/** Registry id of a model spec, even when the model has no architecture (for prices). */
function createResolverId(registry: Registry, spec: string): string | undefined {
  const r = resolverOf(registry).resolveModel(spec);
  return r.kind === 'model' ? r.id : undefined;
}

const RESOLVERS = new WeakMap<Registry, Resolver>();

/** One alias resolver per registry (building it indexes every alias). */
function resolverOf(registry: Registry): Resolver {
  let resolver = RESOLVERS.get(registry);
  if (!resolver) {
    resolver = createResolver(registry);
    RESOLVERS.set(registry, resolver);
  }
  return resolver;
}
