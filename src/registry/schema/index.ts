/**
 * The registry's zod schemas: the single source of truth. `npm run schemas` generates schemas/*.schema.json
 * from ENTITY_SCHEMAS; `.refine()` rules live only here (JSON Schema cannot express them), so the loader
 * runs ajv for structure and zod for the refinements.
 */
import type { z } from 'zod';
import type { EntityKind } from '../kinds.ts';
import { FactSchema } from './fact.ts';
import { GpuSchema } from './gpu.ts';
import { LicenseSchema } from './license.ts';
import { ModelSchema } from './model.ts';
import { ProviderSchema } from './provider.ts';
import { SourceSchema } from './source.ts';
import { VendorSchema } from './vendor.ts';
import { RouterConfigSchema } from './router-config.ts';
import { PolicySchema } from './policy.ts';
import { AllowlistSchema } from './allowlist.ts';

export * from './common.ts';
export * from './fact.ts';
export * from './gpu.ts';
export * from './license.ts';
export * from './model.ts';
export * from './provider.ts';
export * from './source.ts';
export * from './vendor.ts';
export * from './router-config.ts';
export * from './policy.ts';
export * from './allowlist.ts';

/** Registry entity kinds, each a folder under content/ and a schema file under schemas/. */
export const ENTITY_SCHEMAS = {
  model: ModelSchema,
  license: LicenseSchema,
  vendor: VendorSchema,
  provider: ProviderSchema,
  gpu: GpuSchema,
  source: SourceSchema,
  fact: FactSchema,
} as const satisfies Record<EntityKind, z.ZodType>;
export type { EntityKind } from '../kinds.ts';

export { ENTITY_FOLDERS } from '../kinds.ts';

/**
 * Every schema written to schemas/<name>.schema.json by `npm run schemas`: the registry entities plus the
 * documents users write against them (router configs, policies) and the allow list `clearance allowlist` writes.
 */
export const JSON_SCHEMAS: Record<string, z.ZodType> = {
  ...ENTITY_SCHEMAS,
  'router-config': RouterConfigSchema,
  policy: PolicySchema,
  allowlist: AllowlistSchema,
};
