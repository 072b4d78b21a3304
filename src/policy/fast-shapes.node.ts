/**
 * Shape checks for `clearance lint` that decide validity without zod: the ajv validators precompiled from the
 * generated JSON Schemas (`npm run schemas`), the refinements JSON Schema cannot carry (refinements.ts, the
 * same functions the zod schemas call), and the zod-free LiteLLM check. Loading and building the zod schemas
 * costs more than a whole lint run, so zod is loaded only when a document fails, to explain why in the words
 * of the schemas; if zod then accepts it after all, zod's reading wins. shapes.test.ts holds both paths equal.
 * Node only (the generated module loads ajv's runtime helpers with require).
 */
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { policy as policyValidator, routerConfig as routerConfigValidator } from '../registry/generated/lint-validators.js';
import type { Policy } from '../registry/schema/policy.ts';
import { duplicateTierIssues, policyRefinementIssues } from '../registry/schema/refinements.ts';
import type { RouterConfig } from '../registry/schema/router-config.ts';
import { isLitellmConfig } from './litellm.ts';
import type { ShapeCheck, ShapeResult, Shapes } from './shapes.ts';

const require = createRequire(import.meta.url);
let zodShapes: Shapes | undefined;

/** The zod checks, loaded on first use (require() of an ES module is synchronous, so the engine stays sync). */
function explainer(): Shapes {
  zodShapes ??= (require('./zod-shapes.ts') as typeof import('./zod-shapes.ts')).ZOD_SHAPES;
  return zodShapes;
}

function fast<T>(name: keyof Shapes, accept: (data: unknown) => T | undefined): ShapeCheck<T> {
  return (data) => {
    const value = allFinite(data) ? accept(data) : undefined;
    return value !== undefined ? { ok: true, value } : (explainer()[name](data) as ShapeResult<T>);
  };
}

/** JSON Schema's "number" admits Infinity (YAML `.inf`, `1e999`); zod does not. */
function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || value === null) return true;
  return Object.values(value).every(allFinite);
}

const validatePolicy = policyValidator as ValidateFunction<Policy>;
const validateRouterConfig = routerConfigValidator as ValidateFunction<RouterConfig>;

export const FAST_SHAPES: Shapes = {
  policy: fast('policy', (data) => {
    if (!validatePolicy(data) || policyRefinementIssues(data).length > 0) return undefined;
    // The defaults zod fills in.
    return { ...data, organization: data.organization ?? {} };
  }),
  routerConfig: fast('routerConfig', (data) => {
    if (!validateRouterConfig(data) || duplicateTierIssues(data.tiers).length > 0) return undefined;
    return { ...data, tiers: data.tiers.map((tier) => ({ ...tier, tags: tier.tags ?? [] })) };
  }),
  litellm: fast('litellm', (data) => (isLitellmConfig(data) ? data : undefined)),
};
