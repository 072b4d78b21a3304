/**
 * Example router configs for the policy playground, generated from the registry so they always name real
 * models: a LiteLLM proxy config that self-hosts a permissive model next to a non-commercial one. Pure.
 */
import type { Registry } from '../../registry/index.ts';
import { modelRows } from './model-row.ts';

/** The id a LiteLLM config would spell for a self-hosted model: its Hugging Face repo when that is an alias. */
function servedName(registry: Registry, id: string): string {
  const model = registry.models[id]!;
  const repo = model.weights?.repo;
  return repo && model.aliases.some((a) => a.toLowerCase() === repo.toLowerCase()) ? repo : id;
}

export function litellmExample(registry: Registry): string | undefined {
  const rows = modelRows(registry).filter((r) => r.kind === 'open-weights' && r.lifecycle === 'active');
  const permissive = rows.find((r) => r.classes.length === 1 && r.classes[0] === 'permissive');
  // Prefer a CC-BY-NC model: the license buyers most often mistake for "open".
  const isCcByNc = (id: string) => registry.licenses[registry.models[id]!.license ?? '']?.spdx.startsWith('CC-BY-NC') ?? false;
  const nonCommercial = rows.find((r) => isCcByNc(r.id)) ?? rows.find((r) => r.classes.includes('non-commercial'));
  const picks = [permissive, nonCommercial].filter((r) => r !== undefined);
  if (picks.length === 0) return undefined;
  const entries = picks.map((r, i) =>
    [
      `  - model_name: ${i === 0 ? 'chat' : 'rag-answer'}`,
      '    litellm_params:',
      `      model: hosted_vllm/${servedName(registry, r.id)}`,
      `      api_base: http://vllm-${i + 1}.internal:8000/v1`,
    ].join('\n'),
  );
  return [
    '# A LiteLLM proxy config (https://docs.litellm.ai/docs/proxy/configs).',
    `# ${picks.map((r) => `${r.name}: ${r.classes.join(' + ')}`).join('; ')}.`,
    'model_list:',
    ...entries,
    'router_settings:',
    '  fallbacks:',
    `    - chat: [${picks.length > 1 ? 'rag-answer' : 'chat'}]`,
    '',
  ].join('\n');
}
