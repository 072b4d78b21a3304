/** The zod schemas as shape checks (see shapes.ts): the source of truth, with the messages people read. */
import type { z } from 'zod';
import { PolicySchema } from '../registry/schema/policy.ts';
import { RouterConfigSchema } from '../registry/schema/router-config.ts';
import type { DataPath } from '../registry/yaml-source.ts';
import { LitellmConfigSchema } from './litellm-schema.ts';
import type { ShapeCheck, ShapeIssue, Shapes } from './shapes.ts';

function fromZod<S extends z.ZodType>(schema: S): ShapeCheck<z.output<S>> {
  return (data) => {
    const parsed = schema.safeParse(data);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, issues: parsed.error.issues.map(toShapeIssue) };
  };
}

function toShapeIssue(issue: z.core.$ZodIssue): ShapeIssue {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol') as DataPath;
  return issue.code === 'unrecognized_keys' ? { path, message: issue.message, unknownKeys: issue.keys } : { path, message: issue.message };
}

export const ZOD_SHAPES: Shapes = {
  policy: fromZod(PolicySchema),
  routerConfig: fromZod(RouterConfigSchema),
  litellm: fromZod(LitellmConfigSchema),
};
