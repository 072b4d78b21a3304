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
  const llama = out.models['meta/llama-3.1-70b-instruct']!;
  // meta-llama/Llama-3.1-70B-Instruct: 70,553,706,496 parameters (safetensors total), as the worked example uses.
  if (llama.architecture) llama.architecture = { ...llama.architecture, params_total_b: 70.55, params_active_b: 70.55 };
  return out;
}

export function writeSizeRegistry(registry: Registry): void {
  writeFileSync(SIZE_REGISTRY, `${JSON.stringify(toBundle(registry), null, 1)}\n`);
}
