/**
 * The frozen registry the `clearance size` golden files run against: the GPU catalog and the models the
 * fixtures name, taken from content/ and written to size-registry.json, so the golden numbers stay put while
 * content/ grows. The Llama 3.1 70B entry carries the config.json parameter count (70.55B) so the goldens
 * show the gpu-sizing.md §3 worked example.
 * Regenerate: UPDATE_SIZE_REGISTRY=1 npx vitest run src/cli/commands/size.test.ts -u
 */
import { writeFileSync } from 'node:fs';
import { loadRegistry } from '../../registry/load.ts';
import { emptyRegistry, toBundle, type Registry } from '../../registry/registry.ts';
import { citedSources } from './lint-registry.ts';

export const SIZE_REGISTRY = new URL('./size-registry.json', import.meta.url).pathname;

const MODELS = [
  'meta/llama-3.1-70b-instruct',
  'mistral/mistral-large-3',
  'deepseek/deepseek-v3',
  'deepseek/deepseek-v3.2',
  'google/functiongemma-270m-it',
  'meta/llama-guard-4-12b',
  'anthropic/claude-opus-4.7',
];

export function buildSizeRegistry(contentDir: string): Registry {
  const full = loadRegistry(contentDir).registry;
  const out = emptyRegistry();
  out.gpus = full.gpus;
  for (const id of MODELS) {
    const model = full.models[id];
    if (!model) throw new Error(`size fixtures need ${id} in content/`);
    out.models[id] = structuredClone(model);
  }
  // Base models, and what every kept entry refers to, so the bundle passes the same checks as content/.
  for (let added = true; added; ) {
    added = false;
    for (const model of Object.values(out.models)) {
      const base = model.base_model?.model;
      if (base && !out.models[base] && full.models[base]) {
        out.models[base] = structuredClone(full.models[base]!);
        added = true;
      }
    }
  }
  for (const model of Object.values(out.models)) {
    for (const l of [model.license, model.api_terms, ...(model.license_history ?? []).map((h) => h.license)]) if (l && full.licenses[l]) out.licenses[l] = full.licenses[l]!;
    if (full.vendors[model.vendor]) out.vendors[model.vendor] = full.vendors[model.vendor]!;
    for (const route of model.routes ?? []) if (full.providers[route.provider]) out.providers[route.provider] = full.providers[route.provider]!;
  }
  for (const license of Object.values(out.licenses)) {
    if (license.derived_from && full.licenses[license.derived_from]) out.licenses[license.derived_from] = full.licenses[license.derived_from]!;
  }
  for (const entity of [...Object.values(out.licenses), ...Object.values(out.providers)]) if (entity.vendor && full.vendors[entity.vendor]) out.vendors[entity.vendor] = full.vendors[entity.vendor]!;
  for (const id of [...citedSources([out.models, out.licenses, out.vendors, out.providers, out.gpus])].sort()) if (full.sources[id]) out.sources[id] = full.sources[id]!;
  const llama = out.models['meta/llama-3.1-70b-instruct']!;
  // meta-llama/Llama-3.1-70B-Instruct: 70,553,706,496 parameters (safetensors total), as the worked example uses.
  if (llama.architecture) llama.architecture = { ...llama.architecture, params_total_b: 70.55, params_active_b: 70.55 };
  return out;
}

export function writeSizeRegistry(registry: Registry): void {
  writeFileSync(SIZE_REGISTRY, `${JSON.stringify(toBundle(registry), null, 1)}\n`);
}
