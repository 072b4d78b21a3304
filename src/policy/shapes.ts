/**
 * Shape checks of the documents the linter reads: a policy, a tiered router config, a LiteLLM proxy config.
 * The engine takes them as an argument so it never imports a validator itself. Two implementations agree
 * exactly (property-tested in shapes.test.ts):
 * - zod-shapes.ts: the zod schemas, with their human messages (the browser playground and tests use it);
 * - fast-shapes.node.ts: the precompiled ajv validators plus plain checks, which load zod only to explain a
 *   failure (`clearance lint`, where loading zod would cost more than the whole lint).
 */
import type { Policy } from '../registry/schema/policy.ts';
import type { RouterConfig } from '../registry/schema/router-config.ts';
import type { DataPath } from '../registry/yaml-source.ts';
import type { LitellmConfig } from './litellm-schema.ts';

/** One reason a document has the wrong shape, at a data path. */
export interface ShapeIssue {
  path: DataPath;
  message: string;
  /** Keys the schema does not allow (the finding then points at the first of them). */
  unknownKeys?: string[];
}

export type ShapeResult<T> = { ok: true; value: T } | { ok: false; issues: ShapeIssue[] };

export type ShapeCheck<T> = (data: unknown) => ShapeResult<T>;

export interface Shapes {
  policy: ShapeCheck<Policy>;
  routerConfig: ShapeCheck<RouterConfig>;
  litellm: ShapeCheck<LitellmConfig>;
}
