/**
 * The spelling rules on the real registry in content/: provider spellings recorded as aliases, Ollama library
 * tags, quantized re-uploads, and a LiteLLM config that names them all (one route per rule).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../registry/load.ts';
import type { Registry } from '../registry/registry.ts';
import { testPolicy } from './__fixtures__/registry.ts';
import { lintText } from './index.ts';
import { createResolver, type Resolver } from './resolve.ts';

let registry: Registry;
let resolver: Resolver;
beforeAll(() => {
  registry = loadRegistry(new URL('../../content', import.meta.url).pathname, { today: '2026-12-02' }).registry;
  resolver = createResolver(registry);
});
const idOf = (spec: string) => {
  const r = resolver.resolveModel(spec, spec.includes('/') ? spec.slice(0, spec.indexOf('/')) : undefined);
  return r.kind === 'model' ? r.id : r.kind;
};

describe('spellings on the registry', () => {
  it('provider spellings are aliases of the checkpoint they serve', () => {
    expect(idOf('cerebras/llama-3.3-70b')).toBe('meta/llama-3.3-70b-instruct');
    expect(idOf('cerebras/llama3.3-70b')).toBe('meta/llama-3.3-70b-instruct');
    expect(idOf('cerebras/llama3.1-8b')).toBe('meta/llama-3.1-8b-instruct');
    expect(idOf('cloudflare/@cf/meta/llama-3.3-70b-instruct-fp8-fast')).toBe('meta/llama-3.3-70b-instruct');
    expect(idOf('github/Llama-3.3-70B-Instruct')).toBe('meta/llama-3.3-70b-instruct');
    expect(idOf('nvidia_nim/meta/llama-3.3-70b-instruct')).toBe('meta/llama-3.3-70b-instruct');
    expect(idOf('together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo')).toBe('meta/llama-3.3-70b-instruct');
    expect(idOf('siliconflow/Qwen/Qwen2.5-72B-Instruct')).toBe('alibaba/qwen2.5-72b-instruct');
    expect(idOf('cloudflare/@cf/deepseek-ai/deepseek-r1-distill-qwen-32b')).toBe('deepseek/deepseek-r1-distill-qwen-32b');
    expect(idOf('cloudflare/@cf/meta/llama-3.1-8b-instruct-fp8')).toBe('meta/llama-3.1-8b-instruct');
    expect(idOf('cloudflare/@cf/openai/gpt-oss-120b')).toBe('openai/gpt-oss-120b');
  });

  it('the providers those spellings need claim their prefixes', () => {
    const claimed = (prefix: string) => Object.keys(registry.providers).filter((id) => registry.providers[id]!.litellm_prefixes.includes(prefix));
    expect(claimed('cerebras')).toEqual(['cerebras']);
    expect(claimed('cloudflare')).toEqual(['cloudflare-workers-ai']);
    expect(claimed('nvidia_nim')).toEqual(['nvidia-nim']);
    expect(claimed('github')).toEqual(['github-models']);
    expect(claimed('siliconflow')).toEqual(['siliconflow']);
  });

  it('Ollama tags and quantized re-uploads land on the base checkpoint', () => {
    expect(idOf('ollama/llama3.3')).toBe('meta/llama-3.3-70b-instruct');
    expect(idOf('ollama_chat/llama3.1:8b-instruct-q4_K_M')).toBe('meta/llama-3.1-8b-instruct');
    expect(idOf('hosted_vllm/TheBloke/Llama-2-70B-Chat-AWQ')).toBe('meta/llama-2-70b-chat');
    expect(idOf('hosted_vllm/Qwen/Qwen2.5-72B-Instruct-AWQ')).toBe('alibaba/qwen2.5-72b-instruct');
    expect(idOf('hosted_vllm/unsloth/gemma-3-27b-it-GGUF')).toBe('google/gemma-3-27b-it');
    // A fine-tune is its own checkpoint: Hermes 3 has an entry; a fine-tune without one stays unknown.
    expect(idOf('hosted_vllm/NousResearch/Hermes-3-Llama-3.1-8B')).toBe('nous/hermes-3-llama-3.1-8b');
    expect(idOf('hosted_vllm/cognitivecomputations/Dolphin3.0-Llama3.1-8B')).toBe('unknown');
  });

  it('Azure: the Responses API route and Foundry model names are deployment names, read as an assumed model', () => {
    // LiteLLM removes "responses/" (and "o_series/") before sending the deployment name (get_stripped_model_name).
    expect(idOf('azure/responses/gpt-5')).toBe('openai/gpt-5');
    expect(idOf('azure/responses/o4-mini')).toBe('openai/o4-mini');
    expect(idOf('azure/responses/gpt-5-mini')).toBe('openai/gpt-5-mini');
    expect(idOf('azure/o_series/o3')).toBe('openai/o3');
    // A Foundry model deployed on an Azure resource, named like its azure_ai/ id or its repo name.
    expect(idOf('azure/gpt-oss-120b')).toBe('openai/gpt-oss-120b');
    expect(idOf('azure/deepseek-r1')).toBe('deepseek/deepseek-r1');
    expect(idOf('azure/deepseek-v3.2')).toBe('deepseek/deepseek-v3.2');
    expect(idOf('azure/mistral-large-3')).toBe('mistral/mistral-large-3');
    expect(idOf('azure/Kimi-K2.5')).toBe('moonshot/kimi-k2.5');
    expect(idOf('azure/responses/DeepSeek-R1-0528')).toBe('deepseek/deepseek-r1-0528');
    // A deployment name that is no model's name stays unknown, with or without the route segment.
    for (const spec of ['azure/responses/prod-eu-chat', 'azure/prod-gpt5', 'azure/responses/gpt-5-finetuned-support', 'azure/gpt-oss-120b-ft']) expect(idOf(spec), spec).toBe('unknown');
  });

  it('self-hosted served names without the org resolve only to a repo name one checkpoint has', () => {
    expect(idOf('hosted_vllm/qwen3-1.7b')).toBe('alibaba/qwen3-1.7b');
    expect(idOf('hosted_vllm/gpt-oss-120b')).toBe('openai/gpt-oss-120b');
    expect(idOf('openai/gemma-3-4b-it')).toBe('google/gemma-3-4b-it');
    expect(idOf('openai/EXAONE-3.5-2.4B-Instruct')).toBe('lg/exaone-3.5-2.4b-instruct');
    expect(idOf('openai/bge-m3')).toBe('baai/bge-m3');
    expect(idOf('openai/Qwen3.6-35B-A3B')).toBe('alibaba/qwen3.6-35b-a3b');
    expect(idOf('openai/kimi-k2-thinking')).toBe('moonshot/kimi-k2-thinking');
    expect(idOf('openai/qwen3-4b-awq')).toBe('alibaba/qwen3-4b');
    for (const spec of ['hosted_vllm/Qwen3-8B-abliterated', 'openai/gemma-3-4b-it-finetuned', 'hosted_vllm/qwen3-coder-30b', 'openai/Dolphin3.0-Llama3.1-8B']) expect(idOf(spec), spec).toBe('unknown');
  });

  it('a LiteLLM config of Azure deployments and served names warns for every name it read', () => {
    const routes = [
      { model: 'azure/responses/gpt-5' },
      { model: 'azure/gpt-oss-120b' },
      { model: 'azure/Kimi-K2.5', base: 'kimi-k2.5-preview' },
      { model: 'hosted_vllm/qwen3-1.7b' },
      { model: 'openai/bge-m3', base: 'BAAI/bge-m3' },
    ];
    const config = `model_list:\n${routes.map((r, i) => `  - model_name: r${i}\n    litellm_params:\n      model: ${r.model}\n${r.base ? `    model_info:\n      base_model: ${r.base}\n` : ''}`).join('')}`;
    const out = lintText('litellm.yaml', config, registry, testPolicy('name: t\norganization: {domicile: US, monthly_active_users: 1000, trains_on_outputs: false}\n'), '2026-12-02');
    expect(out.findings.filter((f) => f.code === 'registry/unknown-model' || f.code === 'config/base-model-mismatch')).toEqual([]);
    const assumed = out.findings.filter((f) => f.code === 'route/assumed-model').flatMap((f) => [f.tier, ...(f.locations ?? []).map((l) => l.tier)].map((t) => `${t}: ${f.message}`));
    expect(assumed.sort()).toEqual([
      'r0: "azure/responses/gpt-5" is an Azure deployment name, which you choose; it was read as GPT-5 (openai/gpt-5) only because it is spelled like that model',
      'r1: "azure/gpt-oss-120b" is an Azure deployment name, which you choose; it was read as gpt-oss-120b (openai/gpt-oss-120b) only because it is spelled like that model',
      'r2: "azure/Kimi-K2.5" is an Azure deployment name, which you choose; it was read as Kimi K2.5 (moonshot/kimi-k2.5) only because it equals the Hugging Face repo name of moonshotai/Kimi-K2.5 without the org (model_info.base_model "kimi-k2.5-preview" is not in the registry)',
      'r3: "hosted_vllm/qwen3-1.7b" is a served name, chosen by whoever runs the server; it was read as Qwen3-1.7B (alibaba/qwen3-1.7b) only because it equals the Hugging Face repo name of Qwen/Qwen3-1.7B without the org',
    ]);
  });

  it('a LiteLLM config of such spellings lints with every route resolved, and says how each was read', () => {
    const routes = ['cerebras/llama-3.3-70b', 'ollama/llama3.3:70b-instruct-q4_K_M', 'hosted_vllm/TheBloke/Llama-2-70B-Chat-AWQ', 'openrouter/meta-llama/llama-3.3-70b-instruct:free'];
    const config = `model_list:\n${routes.map((m, i) => `  - model_name: r${i}\n    litellm_params:\n      model: ${m}\n`).join('')}`;
    const out = lintText('litellm.yaml', config, registry, testPolicy('name: t\norganization: {domicile: US, monthly_active_users: 1000, trains_on_outputs: false}\n'), '2026-12-02');
    expect(out.findings.filter((f) => f.code === 'registry/unknown-model')).toEqual([]);
    const readAs = out.findings.flatMap((f) => f.evidence.filter((e) => / · (ollama-library|quantized|provider-variant)$/.test(e.subject)).map((e) => `${f.tier}: ${e.summary.split(';')[0]}`));
    expect([...new Set(readAs)].sort()).toEqual([
      'r1: the Ollama library tag "llama3.3:70b-instruct-q4_K_M" serves meta-llama/Llama-3.3-70B-Instruct',
      'r2: resolved as a quantized re-upload of meta/llama-2-70b-chat (AWQ, by TheBloke): the base checkpoint\'s license chain applies',
      'r3: read as meta/llama-3.3-70b-instruct through the ":free" routing variant',
    ]);
  });
});
