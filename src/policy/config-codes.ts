/**
 * Codes for inputs the linter could not evaluate (exit 2): unparsable or invalid router configs and
 * policies. YAML-level codes (yaml/*) come from the shared parser and are documented in registry/codes.ts.
 */
import type { CodeDoc } from '../registry/codes.ts';

export const CONFIG_CODES = {
  'config/unknown-format': {
    severity: 'error',
    title: 'Unrecognised router config',
    why: 'The linter reads Clearance tiered configs (a `tiers:` list) and LiteLLM proxy configs (a `model_list:`); anything else cannot be checked, and an unchecked config must not pass.',
    fix: 'Lint the router config itself: a file with `tiers:` or `model_list:` at the top level.',
  },
  'config/unreadable': {
    severity: 'error',
    title: 'Unreadable router config',
    why: 'A config the linter cannot read cannot be checked, and an unchecked config must not pass.',
    fix: 'Check the path, permissions and encoding (UTF-8).',
  },
  'config/invalid': {
    severity: 'error',
    title: 'Invalid router config',
    why: 'A value of the wrong type or shape means the linter cannot tell which model a route uses.',
    fix: 'Correct the value at the reported position; schemas/router-config.schema.json describes the tiered format.',
  },
  'config/include': {
    severity: 'error',
    title: 'LiteLLM include not followed',
    why: 'LiteLLM loads every file a config names under `include:` and routes to the models in them; a file the linter cannot follow (missing, outside the config\'s directory, unreadable, or part of an include cycle) would leave routes unchecked.',
    fix: 'Make the included file exist next to the config (paths are relative to the file that names them), name a file outside the config\'s directory on the command line too, and remove include cycles.',
  },
  'config/base-model-mismatch': {
    severity: 'error',
    title: 'base_model contradicts the called model',
    why: 'LiteLLM calls `litellm_params.model`; `model_info.base_model` only labels it (for costs and context windows). When both name models the registry knows and they differ, the label hides what is really called.',
    fix: 'Remove `model_info.base_model`, or correct it to the model that `litellm_params.model` calls. Use base_model only to explain a deployment name (Azure, an OpenAI-compatible server) the registry cannot resolve.',
  },
  'policy/invalid': {
    severity: 'error',
    title: 'Invalid policy',
    why: 'A policy the linter cannot read would silently change what passes.',
    fix: 'Correct the policy at the reported position; schemas/policy.schema.json describes every key.',
  },
} as const satisfies Record<string, CodeDoc>;

/** Finding codes that mean "could not evaluate" (exit 2) rather than "policy violated" (exit 1). */
export function isFatalCode(code: string): boolean {
  return code.startsWith('yaml/') || code.startsWith('config/') || code.startsWith('policy/') || code === 'registry/unreadable' || code === 'registry/invalid-bundle';
}
