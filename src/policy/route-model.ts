/**
 * What a route's model string says before it is resolved: a served name the policy maps (`models:`), a
 * value that comes from the environment (`os.environ/X`, `${X}`), an env default (`${X:-gpt-4o}`), an Azure
 * deployment name, a moving pointer (`-latest`). The engine resolves `spec` (after `baseModel`, when given)
 * and reports every assumption it made as a `route/assumed-model` warning, so nothing is matched silently. Pure.
 */
import type { Policy, ServedName } from '../registry/schema/index.ts';
import type { RouteRef } from './types.ts';

export interface RouteModel {
  /** The model string to resolve (the env default substituted). */
  spec: string;
  prefix?: string;
  /** A policy `models:` entry for this served name, applied before resolution. */
  served?: { name: string; entry: ServedName };
  /** The environment variable the model comes from when the config gives no default. */
  fromEnv?: string;
  /** `${VAR:-default}`: linted as the default. */
  envDefault?: { variable: string; value: string };
}

const ENV_REF = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::?-([^}]*))?\}/g;
const OS_ENVIRON = /^os\.environ\/([A-Za-z_][A-Za-z0-9_]*)$/;

export function routeModel(route: RouteRef, policy: Pick<Policy, 'models'>): RouteModel {
  const served = servedName(route.spec, policy);
  if (served) return { spec: route.spec, ...(route.prefix !== undefined ? { prefix: route.prefix } : {}), served };
  const env = OS_ENVIRON.exec(route.spec);
  if (env) return { spec: route.spec, fromEnv: env[1]! };
  const refs = [...route.spec.matchAll(ENV_REF)];
  if (refs.length > 0) {
    const missing = refs.find((m) => m[2] === undefined || m[2] === '');
    if (missing) return { spec: route.spec, fromEnv: missing[1]! };
    const spec = route.spec.replace(ENV_REF, (_all, _name: string, fallback: string) => fallback);
    const slash = spec.indexOf('/');
    return { spec, ...(slash > 0 ? { prefix: spec.slice(0, slash).toLowerCase() } : {}), envDefault: { variable: refs[0]![1]!, value: refs[0]![2]! } };
  }
  return { spec: route.spec, ...(route.prefix !== undefined ? { prefix: route.prefix } : {}) };
}

/** The policy's entry for a served name: exact spelling first, then case-insensitively. */
function servedName(spec: string, policy: Pick<Policy, 'models'>): RouteModel['served'] {
  const models = policy.models;
  if (!models) return undefined;
  if (Object.hasOwn(models, spec)) return { name: spec, entry: models[spec]! };
  const lower = spec.toLowerCase();
  const name = Object.keys(models).find((k) => k.toLowerCase() === lower);
  return name !== undefined ? { name, entry: models[name]! } : undefined;
}

/** A moving pointer: `-latest`, `:latest`, `@latest` — the provider may repoint it at another checkpoint. */
export function isMovingPointer(spec: string): boolean {
  return /(?:^|[-:@/_.])latest$/i.test(spec.trim());
}
