/**
 * How well each model is sourced: which fields are still missing and which claims rest on weak evidence.
 * Pure; `npm run registry:report` prints it, and maintainers use it to decide what to research next.
 */
import type { Registry } from './registry.ts';
import type { Model, Status } from './schema/index.ts';

/** Fields a model should have, by kind; absent ones are reported as unknown. */
const EXPECTED_FIELDS: Record<Model['kind'], readonly string[]> = {
  'open-weights': ['release_date', 'license', 'weights', 'context_tokens', 'architecture', 'modalities', 'routes'],
  'api-only': ['release_date', 'api_terms', 'context_tokens', 'max_output_tokens', 'modalities', 'routes'],
};

/** Architecture fields sizing needs; attention details depend on the layout. */
const SIZING_FIELDS = ['params_total_b', 'layers', 'hidden_size', 'attention', 'native_precision'] as const;

export const WEAK_STATUSES: readonly Status[] = ['single-source', 'directional', 'disputed', 'unknown'];

export interface ModelProvenance {
  id: string;
  kind: Model['kind'];
  missing: string[];
  /** Claims whose status is below verified/secondary, with that status. */
  weak: { field: string; status: Status }[];
  /** Citations and inline claims by status. */
  statuses: Partial<Record<Status, number>>;
}

export function modelProvenance(id: string, model: Model): ModelProvenance {
  const missing = EXPECTED_FIELDS[model.kind].filter((f) => (model as Record<string, unknown>)[f] === undefined);
  if (model.kind === 'open-weights' && model.architecture) {
    const arch = model.architecture as Record<string, unknown>;
    missing.push(...SIZING_FIELDS.filter((f) => arch[f] === undefined).map((f) => `architecture.${f}`));
    if (model.architecture.moe && model.architecture.params_active_b === undefined) missing.push('architecture.params_active_b');
  }
  const weak: ModelProvenance['weak'] = [];
  const statuses: ModelProvenance['statuses'] = {};
  const count = (field: string, status: Status) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (WEAK_STATUSES.includes(status)) weak.push({ field, status });
  };
  for (const [field, citation] of Object.entries(model.citations)) count(field, citation.status);
  model.routes?.forEach((r, i) => count(`routes[${i}] (${r.provider})`, r.status));
  model.benchmarks?.forEach((b, i) => count(`benchmarks[${i}] (${b.name})`, b.status));
  return { id, kind: model.kind, missing, weak, statuses };
}

export function registryProvenance(registry: Registry): ModelProvenance[] {
  return Object.entries(registry.models).map(([id, model]) => modelProvenance(id, model));
}
