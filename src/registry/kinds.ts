/**
 * Registry entity kinds and their content/ folders, which are also their keys in a Registry. No zod here, so the
 * policy engine and the browser can know the kinds without loading the schemas.
 */
export type EntityKind = 'model' | 'license' | 'vendor' | 'provider' | 'gpu' | 'source' | 'fact';

export const ENTITY_FOLDERS = {
  model: 'models',
  license: 'licenses',
  vendor: 'vendors',
  provider: 'providers',
  gpu: 'gpus',
  source: 'sources',
  fact: 'facts',
} as const satisfies Record<EntityKind, string>;
