/**
 * Spellings and derivatives, on the ids real configs write. The fixture registry holds a few real
 * checkpoints under their real repo names (test data: the licenses are the fixture's, not the real ones);
 * checkpoints it does not hold (Llama 3.2 1B, Code Llama, Mistral 7B v0.2) show that a tag naming a
 * missing checkpoint stays unknown instead of landing on a sibling.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRegistry, type Registry } from '../registry/registry.ts';
import { contentRegistry } from '../registry/test-support/content.ts';
import { license, model, testPolicy, vendor } from './__fixtures__/registry.ts';
import { lintText } from './index.ts';
import { createResolver, type ModelResolution } from './resolve.ts';
import { LITELLM_PROVIDERS, OLLAMA_LIBRARY, parseOllamaTag, repoNameIndex, stripQuantization } from './spellings.ts';

function hf(repo: string, extra: Partial<Parameters<typeof model>[0]> = {}) {
  return model({ weights: { repo, url: `https://huggingface.co/${repo}` }, aliases: [repo], ...extra });
}

function registry(): Registry {
  const r = emptyRegistry();
  r.sources['test-source'] = { title: 'Test source', url: 'https://example.org/source', publisher: 'Example', kind: 'license-text', retrieved: '2026-11-01' };
  for (const v of ['meta', 'mistral', 'google', 'alibaba', 'deepseek', 'anthropic', 'cohere']) r.vendors[v] = vendor({ name: v });
  r.licenses.permissive = license();
  r.licenses['nc-weights'] = license({ name: 'NonCommercial', class: 'non-commercial', commercial_use: { value: 'forbidden', summary: 'Non-commercial use only.', status: 'verified', sources: [{ source: 'test-source' }] } });
  r.licenses['api'] = license({ name: 'API terms', kind: 'api-terms', class: 'proprietary-api' });
  r.models['meta/llama-3.3-70b-instruct'] = hf('meta-llama/Llama-3.3-70B-Instruct', { vendor: 'meta' });
  r.models['meta/llama-3.1-8b-instruct'] = hf('meta-llama/Llama-3.1-8B-Instruct', { vendor: 'meta', aliases: ['meta-llama/Llama-3.1-8B-Instruct', 'meta-llama/Meta-Llama-3.1-8B-Instruct'] });
  r.models['meta/llama-3.2-3b-instruct'] = hf('meta-llama/Llama-3.2-3B-Instruct', { vendor: 'meta' });
  r.models['meta/llama-2-70b-chat'] = hf('meta-llama/Llama-2-70b-chat-hf', { vendor: 'meta' });
  r.models['mistral/mistral-7b-instruct-v0.3'] = hf('mistralai/Mistral-7B-Instruct-v0.3', { vendor: 'mistral' });
  r.models['google/gemma-3-4b-it'] = hf('google/gemma-3-4b-it', { vendor: 'google' });
  r.models['google/gemma-3-27b-it'] = hf('google/gemma-3-27b-it', { vendor: 'google' });
  r.models['alibaba/qwen2.5-72b-instruct'] = hf('Qwen/Qwen2.5-72B-Instruct', { vendor: 'alibaba' });
  r.models['alibaba/qwen3-8b'] = hf('Qwen/Qwen3-8B', { vendor: 'alibaba' });
  r.models['alibaba/qwen3.5-9b'] = hf('Qwen/Qwen3.5-9B', { vendor: 'alibaba', aliases: [] }); // weights repo only, no alias
  r.models['deepseek/deepseek-r1-distill-llama-70b'] = hf('deepseek-ai/DeepSeek-R1-Distill-Llama-70B', { vendor: 'deepseek', base_model: { model: 'meta/llama-3.3-70b-instruct', relation: 'distillation' } });
  r.models['cohere/c4ai-command-r-plus'] = hf('CohereForAI/c4ai-command-r-plus', { vendor: 'cohere', license: 'nc-weights' });
  r.models['anthropic/claude-3.5-sonnet'] = model({
    vendor: 'anthropic',
    kind: 'api-only',
    license: undefined,
    weights: undefined,
    api_terms: 'api',
    aliases: ['claude-3-5-sonnet-20240620', 'anthropic.claude-3-5-sonnet-20240620-v1:0', '@cf/meta/llama-3.3-70b-instruct-fp8-fast-not-this-one'],
  });
  r.models['meta/llama-3.3-70b-instruct']!.aliases.push('@cf/meta/llama-3.3-70b-instruct-fp8-fast', 'cerebras/llama-3.3-70b');
  return r;
}

const resolver = createResolver(registry());
const prefixOf = (spec: string) => (spec.includes('/') ? spec.slice(0, spec.indexOf('/')) : undefined);
const resolve = (spec: string): ModelResolution => resolver.resolveModel(spec, prefixOf(spec));
const idOf = (spec: string) => {
  const r = resolve(spec);
  return r.kind === 'model' ? r.id : r.kind;
};

describe('LiteLLM provider prefixes', () => {
  it('strips every provider prefix in LiteLLM\'s provider list', () => {
    expect(LITELLM_PROVIDERS).toContain('cerebras');
    expect(LITELLM_PROVIDERS).toContain('nvidia_nim');
    expect(LITELLM_PROVIDERS).toContain('github');
    for (const p of LITELLM_PROVIDERS) expect(idOf(`${p}/meta-llama/Llama-3.3-70B-Instruct`), p).toBe('meta/llama-3.3-70b-instruct');
    expect(idOf('notaprovider/meta-llama/Llama-3.3-70B-Instruct')).toBe('unknown');
  });

  it('reads provider spellings that are registry aliases: Cerebras, Cloudflare @cf/, NVIDIA NIM ids', () => {
    expect(idOf('cerebras/llama-3.3-70b')).toBe('meta/llama-3.3-70b-instruct');
    expect(idOf('cloudflare/@cf/meta/llama-3.3-70b-instruct-fp8-fast')).toBe('meta/llama-3.3-70b-instruct');
    // NVIDIA NIM and GitHub Models name Meta's model "meta/llama-3.3-70b-instruct", which is the registry id.
    expect(idOf('nvidia_nim/meta/llama-3.3-70b-instruct')).toBe('meta/llama-3.3-70b-instruct');
    expect(idOf('siliconflow/Qwen/Qwen2.5-72B-Instruct')).toBe('alibaba/qwen2.5-72b-instruct');
  });

  it('reads Vertex AI @versions, publisher paths and -maas ids', () => {
    expect(idOf('vertex_ai/claude-3-5-sonnet@20240620')).toBe('anthropic/claude-3.5-sonnet');
    expect(idOf('vertex_ai/projects/acme-prod/locations/us-east5/publishers/anthropic/models/claude-3-5-sonnet@20240620')).toBe('anthropic/claude-3.5-sonnet');
    expect(idOf('vertex_ai/meta/llama-3.3-70b-instruct-maas')).toBe('meta/llama-3.3-70b-instruct');
    expect(resolve('vertex_ai/claude-3-5-sonnet@20240620')).toMatchObject({ spelling: { rule: 'provider-path' } });
    expect(idOf('vertex_ai/claude-3-5-sonnet@20991231')).toBe('unknown');
  });

  it('reads Bedrock cross-region profiles, route segments and inference-profile ARNs', () => {
    for (const spec of [
      'bedrock/us.anthropic.claude-3-5-sonnet-20240620-v1:0',
      'bedrock/eu.anthropic.claude-3-5-sonnet-20240620-v1:0',
      'bedrock/apac.anthropic.claude-3-5-sonnet-20240620-v1:0',
      'bedrock/global.anthropic.claude-3-5-sonnet-20240620-v1:0',
      'bedrock/converse/us-gov.anthropic.claude-3-5-sonnet-20240620-v1:0',
      'bedrock/us-west-2/anthropic.claude-3-5-sonnet-20240620-v1:0',
      'bedrock/arn:aws:bedrock:eu-central-1:123456789012:inference-profile/eu.anthropic.claude-3-5-sonnet-20240620-v1:0',
    ]) expect(idOf(spec), spec).toBe('anthropic/claude-3.5-sonnet');
    expect(idOf('bedrock/arn:aws:bedrock:eu-central-1:123456789012:application-inference-profile/abc123')).toBe('unknown');
  });

  it('keeps the OpenRouter variant on the resolution: :free changes the terms, not the model', () => {
    expect(resolve('openrouter/meta-llama/llama-3.3-70b-instruct:free')).toMatchObject({ kind: 'model', id: 'meta/llama-3.3-70b-instruct', spelling: { rule: 'provider-variant', variant: 'free' } });
    expect(resolve('openrouter/meta-llama/llama-3.3-70b-instruct:nitro')).toMatchObject({ spelling: { variant: 'nitro' } });
    expect(resolve('openrouter/meta-llama/llama-3.3-70b-instruct:floor')).toMatchObject({ spelling: { variant: 'floor' } });
    expect(resolve('openrouter/meta-llama/llama-3.3-70b-instruct')).not.toHaveProperty('spelling');
    // An alias that spells the variant keeps it too.
    const r = registry();
    r.models['meta/llama-3.3-70b-instruct']!.aliases.push('openrouter/meta-llama/llama-3.3-70b-instruct:free');
    expect(createResolver(r).resolveModel('openrouter/meta-llama/llama-3.3-70b-instruct:free', 'openrouter')).toMatchObject({ matched: 'openrouter/meta-llama/llama-3.3-70b-instruct:free', spelling: { variant: 'free' } });
    expect(idOf('openrouter/meta-llama/llama-3.3-70b-instruct:turbo')).toBe('unknown');
  });

  it('reads GitHub Models ids, which LiteLLM writes as the repo name without the org', () => {
    expect(resolve('github/Meta-Llama-3.1-8B-Instruct')).toMatchObject({ kind: 'model', id: 'meta/llama-3.1-8b-instruct', spelling: { rule: 'provider-path' } });
    expect(idOf('github/Llama-3.3-70B-Instruct')).toBe('meta/llama-3.3-70b-instruct');
    expect(idOf('github/Llama-3.2-1B-Instruct')).toBe('unknown');
    // Only for catalogues documented to do so: another provider's bare name is not read this way.
    expect(idOf('sambanova/Meta-Llama-3.1-8B-Instruct')).toBe('unknown');
  });

  it('reads Hugging Face inference-provider paths', () => {
    expect(idOf('huggingface/together/meta-llama/Llama-3.3-70B-Instruct')).toBe('meta/llama-3.3-70b-instruct');
    expect(idOf('huggingface/meta-llama/Llama-3.3-70B-Instruct')).toBe('meta/llama-3.3-70b-instruct');
  });
});

describe('Ollama library tags', () => {
  it('resolves a bare name to the default tag the library documents, and :latest the same', () => {
    for (const spec of ['ollama/llama3.2', 'ollama_chat/llama3.2', 'ollama/llama3.2:latest', 'ollama/library/llama3.2', 'llama3.2']) {
      expect(resolve(spec), spec).toMatchObject({ kind: 'model', id: 'meta/llama-3.2-3b-instruct', spelling: { rule: 'ollama-library', source: { url: expect.stringContaining('github.com/ollama/ollama') } } });
    }
    expect(idOf('ollama/gemma3')).toBe('google/gemma-3-4b-it');
    expect(idOf('ollama/gemma3:4b')).toBe('google/gemma-3-4b-it');
    expect(idOf('ollama/mistral')).toBe('mistral/mistral-7b-instruct-v0.3');
    expect(idOf('ollama/mistral:instruct')).toBe('mistral/mistral-7b-instruct-v0.3');
    expect(idOf('ollama/mistral:7b-instruct-v0.3')).toBe('mistral/mistral-7b-instruct-v0.3');
  });

  it('resolves a size tag through the weights repo the tag serves', () => {
    expect(idOf('ollama/qwen3.5:9b')).toBe('alibaba/qwen3.5-9b');
    expect(idOf('ollama/gemma3:27b')).toBe('google/gemma-3-27b-it');
    expect(idOf('ollama/qwen2.5:72b')).toBe('alibaba/qwen2.5-72b-instruct');
    expect(idOf('ollama_chat/qwen3:8b')).toBe('alibaba/qwen3-8b');
    expect(idOf('ollama/llama2:70b-chat-q4_K_M')).toBe('meta/llama-2-70b-chat');
    expect(idOf('ollama_chat/deepseek-r1:70b-llama-distill-q4_K_M')).toBe('deepseek/deepseek-r1-distill-llama-70b');
  });

  it('reads a quantization tag as a quantized derivative of the base tag', () => {
    expect(resolve('ollama/llama3.2:3b-instruct-q4_K_M')).toMatchObject({
      kind: 'model',
      id: 'meta/llama-3.2-3b-instruct',
      spelling: { rule: 'ollama-library', derivative: { relation: 'quantized', of: 'meta/llama-3.2-3b-instruct', format: 'q4_K_M' } },
    });
    expect(resolve('ollama/gemma3:27b-it-qat')).toMatchObject({ id: 'google/gemma-3-27b-it', spelling: { derivative: { relation: 'quantized', format: 'qat' } } });
    expect(resolve('ollama/gemma3:4b-it-fp16')).toMatchObject({ id: 'google/gemma-3-4b-it', spelling: { derivative: { relation: 're-upload', format: 'fp16' } } });
    const r = resolve('ollama/llama3.2:3b-instruct-q8_0');
    expect(r.kind === 'model' && r.spelling?.note).toMatch(/resolved as a quantized re-upload of meta\/llama-3.2-3b-instruct/);
  });

  it('puts how the tag was read, with the library page, on every finding of the route', () => {
    const r = registry();
    r.models['meta/llama-3.2-3b-instruct']!.license = 'nc-weights';
    const config = 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: ollama/llama3.2:3b-instruct-q4_K_M\n';
    const finding = lintText('litellm.yaml', config, r, testPolicy(), '2026-12-01').findings.find((f) => f.code === 'license/non-commercial');
    expect(finding?.evidence.at(-1)).toMatchObject({
      subject: 'model id "ollama/llama3.2:3b-instruct-q4_K_M" · ollama-library',
      summary: expect.stringContaining('resolved as a quantized re-upload of meta/llama-3.2-3b-instruct (q4_K_M)'),
      status: 'verified',
      sources: [{ url: expect.stringContaining('ollama/ollama') }],
    });
  });

  it('a tag whose checkpoint is not in the registry is unknown, not its sibling', () => {
    for (const spec of ['ollama/llama3.2:1b', 'ollama/codellama', 'ollama/mistral:v0.2', 'ollama/mistral:text', 'ollama/llama3.1:405b-instruct-q4_0', 'ollama/qwen2.5:7b', 'ollama/gemma2']) {
      const r = resolve(spec);
      expect(r.kind, spec).toBe('unknown');
      expect(r.kind === 'unknown' && r.spelling?.note, spec).toMatch(/serves .+, which is not in the registry/);
    }
    // No source read says what bare "qwen3.5" serves: no default, no guess.
    expect(idOf('ollama/qwen3.5')).toBe('unknown');
    // The unknown-model finding names the checkpoint to add.
    const out = lintText('litellm.yaml', 'model_list:\n  - model_name: small\n    litellm_params:\n      model: ollama/llama3.2:1b\n', registry(), testPolicy(), '2026-12-01');
    expect(out.findings.map((f) => f.code)).toEqual(['registry/unknown-model']);
    expect(out.findings[0]!.evidence.at(-1)?.summary).toBe('the Ollama library tag "llama3.2:1b" serves meta-llama/Llama-3.2-1B-Instruct, which is not in the registry');
  });

  it('does not read tags it does not understand, or other namespaces', () => {
    expect(idOf('ollama/llama3.2:3b-abliterated')).toBe('unknown');
    expect(idOf('ollama/someuser/llama3.2')).toBe('unknown');
    expect(idOf('ollama/llama3.2:3b-instruct-q4_K_M-extra')).toBe('unknown');
    expect(parseOllamaTag('llama3.2:7b')).toBeUndefined();
    // Tags no source read shows stay unknown, whatever they would plausibly serve.
    expect(parseOllamaTag('llama3.1:70b')).toBeUndefined();
    expect(parseOllamaTag('codellama:13b-python')).toBeUndefined();
  });

  it('every library entry names its source and resolves its own default', () => {
    for (const entry of OLLAMA_LIBRARY) {
      expect(entry.source.url).toMatch(/^https:\/\//);
      expect(entry.source.where.length).toBeGreaterThan(10);
      if (entry.default) expect(parseOllamaTag(entry.name)?.checkpoint.size).toBe(entry.default.size);
    }
  });
});

describe('Ollama library tags on the registry in content/', () => {
  let cached: { registry: Registry; resolve: (spec: string) => ModelResolution } | undefined;
  const real = () => {
    if (!cached) {
      const { registry: r } = contentRegistry();
      const res = createResolver(r);
      cached = { registry: r, resolve: (spec) => res.resolveModel(spec, prefixOf(spec)) };
    }
    return cached;
  };
  const realId = (spec: string) => {
    const r = real().resolve(spec);
    return r.kind === 'model' ? r.id : r.kind;
  };
  const licenseOf = (spec: string) => {
    const r = real().resolve(spec);
    if (r.kind !== 'model') throw new Error(`${spec} did not resolve`);
    return real().registry.licenses[real().registry.models[r.id]!.license!]?.name;
  };

  it('every checkpoint of the names added from Ollama and vendor sources is a registry model', () => {
    const added = ['gemma2', 'llama3', 'llama2', 'qwen2.5', 'qwen3', 'deepseek-r1', 'phi3', 'mixtral', 'codellama'];
    for (const name of added) {
      const entry = OLLAMA_LIBRARY.find((e) => e.name === name);
      expect(entry, name).toBeDefined();
      for (const c of entry!.checkpoints) expect(realId(`hosted_vllm/${c.repo}`), `${name}:${c.size} → ${c.repo}`).not.toBe('unknown');
    }
  });

  it('gemma2: the bare name is the 9B, as the README table says; 2b and 27b by size', () => {
    expect(realId('ollama/gemma2')).toBe('google/gemma-2-9b-it');
    expect(realId('ollama_chat/gemma2:latest')).toBe('google/gemma-2-9b-it');
    expect(realId('ollama/gemma2:2b')).toBe('google/gemma-2-2b-it');
    expect(realId('ollama_chat/gemma2:27b')).toBe('google/gemma-2-27b-it');
    expect(real().resolve('ollama/gemma2:9b-instruct-q4_K_M')).toMatchObject({ kind: 'model', id: 'google/gemma-2-9b-it', spelling: { rule: 'ollama-library', derivative: { relation: 'quantized', format: 'q4_K_M' } } });
    expect(parseOllamaTag('gemma2:7b')).toBeUndefined();
  });

  it('llama3 and llama2: the bare names are the 8B and 7B chat models; the other README sizes by tag', () => {
    expect(realId('ollama/llama3')).toBe('meta/llama-3-8b-instruct');
    expect(realId('ollama_chat/llama3:8b-instruct-q4_K_M')).toBe('meta/llama-3-8b-instruct');
    expect(realId('ollama/llama3:70b')).toBe('meta/llama-3-70b-instruct');
    expect(realId('ollama/llama2')).toBe('meta/llama-2-7b-chat');
    expect(realId('ollama/llama2:13b-chat-q4_0')).toBe('meta/llama-2-13b-chat');
    expect(realId('ollama_chat/llama2:70b')).toBe('meta/llama-2-70b-chat');
    expect(licenseOf('ollama/llama3:70b')).toBe('Meta Llama 3 Community License Agreement');
    expect(licenseOf('ollama/llama2')).toBe('Llama 2 Community License Agreement');
    // The base (text) models are not in the table: no source read names their tags.
    expect(realId('ollama/llama3:8b-text')).toBe('unknown');
    expect(parseOllamaTag('llama2:34b')).toBeUndefined();
  });

  it('qwen2.5: each size tag is the Instruct checkpoint, with the license that size carries', () => {
    expect(realId('ollama/qwen2.5:0.5b')).toBe('alibaba/qwen2.5-0.5b-instruct');
    expect(realId('ollama/qwen2.5:7b')).toBe('alibaba/qwen2.5-7b-instruct');
    expect(realId('ollama_chat/qwen2.5:14b-instruct-q4_K_M')).toBe('alibaba/qwen2.5-14b-instruct');
    expect(realId('ollama/qwen2.5:32b')).toBe('alibaba/qwen2.5-32b-instruct');
    // Qwen2.5 licenses differ by size: 3B under the Qwen Research License, 72B under the Qwen License, the rest Apache-2.0.
    expect(licenseOf('ollama/qwen2.5:3b')).toBe('Qwen RESEARCH LICENSE AGREEMENT');
    expect(licenseOf('ollama/qwen2.5:72b')).toBe('Qwen LICENSE AGREEMENT');
    expect(real().registry.models['alibaba/qwen2.5-7b-instruct']!.license).toBe('apache-2.0');
    // No source read says what bare qwen2.5 serves.
    expect(realId('ollama/qwen2.5')).toBe('unknown');
    expect(realId('ollama/qwen2.5:latest')).toBe('unknown');
  });

  it('qwen3: the dense sizes with one checkpoint resolve; the sizes Ollama moved to the 2507 releases do not', () => {
    expect(realId('ollama/qwen3:8b')).toBe('alibaba/qwen3-8b');
    expect(realId('ollama_chat/qwen3:0.6b')).toBe('alibaba/qwen3-0.6b');
    expect(realId('ollama/qwen3:14b-q4_K_M')).toBe('alibaba/qwen3-14b');
    expect(realId('ollama/qwen3:32b')).toBe('alibaba/qwen3-32b');
    for (const spec of ['ollama/qwen3', 'ollama/qwen3:4b', 'ollama/qwen3:30b', 'ollama/qwen3:235b', 'ollama/qwen3:30b-a3b']) expect(realId(spec), spec).toBe('unknown');
  });

  it('deepseek-r1: the sizes with one distill and the llama-distill tags resolve; bare, 8b and 671b do not', () => {
    expect(realId('ollama_chat/deepseek-r1:14b')).toBe('deepseek/deepseek-r1-distill-qwen-14b');
    expect(realId('ollama/deepseek-r1:1.5b')).toBe('deepseek/deepseek-r1-distill-qwen-1.5b');
    expect(realId('ollama/deepseek-r1:7b-q8_0')).toBe('deepseek/deepseek-r1-distill-qwen-7b');
    expect(realId('ollama/deepseek-r1:32b')).toBe('deepseek/deepseek-r1-distill-qwen-32b');
    expect(realId('ollama/deepseek-r1:70b')).toBe('deepseek/deepseek-r1-distill-llama-70b');
    expect(real().resolve('ollama_chat/deepseek-r1:8b-llama-distill-q4_K_M')).toMatchObject({
      kind: 'model',
      id: 'deepseek/deepseek-r1-distill-llama-8b',
      spelling: { rule: 'ollama-library', derivative: { relation: 'quantized', format: 'q4_K_M' } },
    });
    expect(realId('ollama/deepseek-r1:70b-llama-distill-q8_0')).toBe('deepseek/deepseek-r1-distill-llama-70b');
    expect(licenseOf('ollama/deepseek-r1:8b-llama-distill')).toBe('MIT License');
    // What these serve now is not read (R1-0528 and its Qwen3-8B distill); the qwen-distill and 0528 tag pages were not read.
    for (const spec of ['ollama/deepseek-r1', 'ollama/deepseek-r1:latest', 'ollama/deepseek-r1:8b', 'ollama/deepseek-r1:671b', 'ollama/deepseek-r1:14b-qwen-distill-q4_K_M', 'ollama/deepseek-r1:8b-0528-qwen3-q4_K_M']) {
      expect(realId(spec), spec).toBe('unknown');
    }
  });

  it('phi3: the bare name and :mini are the Mini 4k, :medium-128k the Medium 128k; the 4k Medium is not in the registry', () => {
    for (const spec of ['ollama/phi3', 'ollama_chat/phi3:latest', 'ollama/phi3:mini', 'ollama/phi3:3.8b', 'ollama/phi3:3.8b-mini-4k-instruct-q6_K', 'ollama/phi3:mini-4k']) {
      expect(realId(spec), spec).toBe('microsoft/phi-3-mini-4k-instruct');
    }
    expect(realId('ollama/phi3:medium-128k')).toBe('microsoft/phi-3-medium-128k-instruct');
    expect(realId('ollama_chat/phi3:14b-medium-128k-instruct-q4_K_M')).toBe('microsoft/phi-3-medium-128k-instruct');
    expect(licenseOf('ollama/phi3:medium-128k')).toBe('MIT License');
    for (const spec of ['ollama/phi3:medium', 'ollama/phi3:14b', 'ollama/phi3:mini-128k', 'ollama/phi3:mini-mini', 'ollama/phi3:medium-4k']) expect(realId(spec), spec).toBe('unknown');
    // Size names belong to their entry.
    expect(parseOllamaTag('llama3:mini')).toBeUndefined();
  });

  it('mixtral: the bare name, :instruct and :8x7b are the 8x7B Instruct; :8x22b the 8x22B; a sizeless version is not the default', () => {
    for (const spec of ['ollama/mixtral', 'ollama/mixtral:instruct', 'ollama/mixtral:8x7b', 'ollama_chat/mixtral:8x7b-instruct-v0.1-q4_K_M']) {
      expect(realId(spec), spec).toBe('mistral/mixtral-8x7b-instruct-v0.1');
    }
    expect(realId('ollama/mixtral:8x22b')).toBe('mistral/mixtral-8x22b-instruct-v0.1');
    expect(realId('ollama/mixtral:8x22b-instruct-v0.1-q4_0')).toBe('mistral/mixtral-8x22b-instruct-v0.1');
    // The library page shows mixtral:v0.1-instruct is the 141B blob; the base (text) model is not in the registry.
    for (const spec of ['ollama/mixtral:v0.1-instruct', 'ollama/mixtral:text', 'ollama/mixtral:8x7b-instruct-v0.2', 'ollama/mixtral:7b']) expect(realId(spec), spec).toBe('unknown');
    expect(parseOllamaTag('mixtral:v0.1-instruct')).toBeUndefined();
  });

  it('codellama: each size tag of the library page is the Instruct checkpoint; the python and code variants are not in the registry', () => {
    expect(realId('ollama/codellama')).toBe('meta/codellama-7b-instruct-hf');
    expect(realId('ollama/codellama:13b')).toBe('meta/codellama-13b-instruct-hf');
    expect(realId('ollama_chat/codellama:34b-instruct-q4_K_M')).toBe('meta/codellama-34b-instruct-hf');
    expect(realId('ollama/codellama:70b')).toBe('meta/codellama-70b-instruct-hf');
    for (const spec of ['ollama/codellama:13b-python', 'ollama/codellama:7b-code', 'ollama/codellama:code', 'ollama/codellama:22b']) expect(realId(spec), spec).toBe('unknown');
  });

  it('a qualifier is read only whole and right after the size', () => {
    expect(parseOllamaTag('deepseek-r1:8b-llama-distill')?.checkpoint.repo).toBe('deepseek-ai/DeepSeek-R1-Distill-Llama-8B');
    expect(parseOllamaTag('deepseek-r1:70b-llama-distill-fp16')).toMatchObject({ checkpoint: { repo: 'deepseek-ai/DeepSeek-R1-Distill-Llama-70B' }, quant: 'fp16' });
    expect(parseOllamaTag('deepseek-r1:70b')?.checkpoint.qualifier).toBeUndefined();
    for (const ref of ['deepseek-r1:8b', 'deepseek-r1:8b-llama', 'deepseek-r1:8b-distill-llama', 'deepseek-r1:llama-distill', 'deepseek-r1:8b-q4_K_M-llama-distill', 'qwen3:8b-llama-distill']) {
      expect(parseOllamaTag(ref), ref).toBeUndefined();
    }
  });
});

describe('quantized and re-uploaded weights', () => {
  const quantized = (spec: string, id: string, format: RegExp) =>
    expect(resolve(spec), spec).toMatchObject({ kind: 'model', id, spelling: { rule: 'quantized', derivative: { relation: 'quantized', of: id, format: expect.stringMatching(format) } } });

  it('resolves re-uploader quantizations to the base checkpoint', () => {
    quantized('hosted_vllm/TheBloke/Llama-2-70B-Chat-AWQ', 'meta/llama-2-70b-chat', /^AWQ$/);
    quantized('hosted_vllm/TheBloke/Llama-2-70B-Chat-GPTQ', 'meta/llama-2-70b-chat', /^GPTQ$/);
    quantized('openai/bartowski/Meta-Llama-3.1-8B-Instruct-GGUF', 'meta/llama-3.1-8b-instruct', /^GGUF$/);
    quantized('hosted_vllm/unsloth/Llama-3.3-70B-Instruct-bnb-4bit', 'meta/llama-3.3-70b-instruct', /bitsandbytes 4bit/);
    quantized('lm_studio/lmstudio-community/gemma-3-27b-it-GGUF', 'google/gemma-3-27b-it', /GGUF/);
    quantized('hosted_vllm/RedHatAI/Meta-Llama-3.1-8B-Instruct-quantized.w4a16', 'meta/llama-3.1-8b-instruct', /w4a16/);
    quantized('hosted_vllm/neuralmagic/Meta-Llama-3.1-8B-Instruct-FP8', 'meta/llama-3.1-8b-instruct', /FP8/);
    quantized('hosted_vllm/RedHatAI/Llama-3.3-70B-Instruct-FP8-dynamic', 'meta/llama-3.3-70b-instruct', /FP8/);
    quantized('hosted_vllm/nvidia/Llama-3.3-70B-Instruct-NVFP4', 'meta/llama-3.3-70b-instruct', /NVFP4/);
  });

  it('resolves a vendor\'s own quantized repos (Qwen AWQ/GPTQ/FP8, Gemma QAT GGUF)', () => {
    quantized('hosted_vllm/Qwen/Qwen2.5-72B-Instruct-AWQ', 'alibaba/qwen2.5-72b-instruct', /AWQ/);
    quantized('hosted_vllm/Qwen/Qwen2.5-72B-Instruct-GPTQ-Int4', 'alibaba/qwen2.5-72b-instruct', /GPTQ Int4/);
    quantized('hosted_vllm/Qwen/Qwen3-8B-FP8', 'alibaba/qwen3-8b', /FP8/);
    quantized('ollama/hf.co/google/gemma-3-27b-it-qat-q4_0-gguf', 'google/gemma-3-27b-it', /QAT q4_0 GGUF/);
  });

  it('reads Ollama pulls from Hugging Face with a quantization tag', () => {
    quantized('ollama/hf.co/bartowski/Llama-3.2-3B-Instruct-GGUF:Q4_K_M', 'meta/llama-3.2-3b-instruct', /GGUF Q4_K_M/);
  });

  it('says what it resolved: "resolved as a quantized re-upload of X"', () => {
    const r = resolve('hosted_vllm/TheBloke/Llama-2-70B-Chat-AWQ');
    expect(r.kind === 'model' && r.spelling?.note).toBe('resolved as a quantized re-upload of meta/llama-2-70b-chat (AWQ, by TheBloke)');
    expect(resolve('hosted_vllm/unsloth/Llama-3.3-70B-Instruct')).toMatchObject({ id: 'meta/llama-3.3-70b-instruct', spelling: { rule: 're-upload', derivative: { relation: 're-upload', publisher: 'unsloth' } } });
  });

  it('a quantized derivative keeps the base\'s license chain', () => {
    quantized('hosted_vllm/TheBloke/DeepSeek-R1-Distill-Llama-70B-AWQ', 'deepseek/deepseek-r1-distill-llama-70b', /AWQ/);
    expect(resolver.chainIds('deepseek/deepseek-r1-distill-llama-70b')).toEqual(['deepseek/deepseek-r1-distill-llama-70b', 'meta/llama-3.3-70b-instruct']);
    const config = 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: hosted_vllm/CohereForAI/c4ai-command-r-plus-4bit\n';
    const out = lintText('litellm.yaml', config, registry(), testPolicy(), '2026-12-01');
    expect(out.findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.model])).toEqual([['license/non-commercial', 'cohere/c4ai-command-r-plus']]);
    const nc = out.findings.find((f) => f.code === 'license/non-commercial')!;
    expect(nc.evidence.at(-1)).toMatchObject({ summary: expect.stringContaining('resolved as a quantized re-upload of cohere/c4ai-command-r-plus (4bit, by CohereForAI)'), status: 'directional' });
  });

  it('never resolves a fine-tune: a different name needs its own entry or an overlay', () => {
    for (const spec of [
      'hosted_vllm/NousResearch/Hermes-3-Llama-3.1-8B',
      'hosted_vllm/TheBloke/Nous-Hermes-2-Mixtral-8x7B-DPO-AWQ',
      'hosted_vllm/bartowski/Llama-3.1-Nemotron-70B-Instruct-HF-GGUF',
      'hosted_vllm/nvidia/Llama-3.1-Nemotron-70B-Instruct-HF',
      'hosted_vllm/unsloth/Llama-3.3-70B-Instruct-abliterated-GGUF',
      'hosted_vllm/mlabonne/Meta-Llama-3.1-8B-Instruct-abliterated',
      'hosted_vllm/TheBloke/Llama-2-70B-Chat-fine-tuned-AWQ',
    ]) expect(idOf(spec), spec).toBe('unknown');
  });

  it('does not trust an unknown org or an unmarked copy', () => {
    expect(idOf('hosted_vllm/someone/Llama-3.3-70B-Instruct-AWQ')).toBe('unknown'); // could be anything under that name
    expect(idOf('hosted_vllm/someone/Llama-3.3-70B-Instruct')).toBe('unknown');
    expect(idOf('hosted_vllm/nvidia/Llama-3.3-70B-Instruct')).toBe('unknown'); // NVIDIA also trains its own: a marker is required
    expect(idOf('hosted_vllm/Llama-3.3-70B-Instruct-AWQ')).toBe('meta/llama-3.3-70b-instruct'); // a served name with a marker and no org
    expect(idOf('together_ai/Llama-3.3-70B-Instruct')).toBe('unknown'); // not a served name: a provider's catalogue id
  });

  it('a repo name two models share resolves to neither', () => {
    const r = registry();
    r.models['other/llama-3.3-70b-instruct'] = hf('other-org/Llama-3.3-70B-Instruct', { vendor: 'meta' });
    expect(repoNameIndex(r.models).unique.has('llama-3.3-70b-instruct')).toBe(false);
    const x = createResolver(r);
    expect(x.resolveModel('hosted_vllm/TheBloke/Llama-3.3-70B-Instruct-AWQ', 'hosted_vllm').kind).toBe('unknown');
  });

  it('strips quantization suffixes and nothing else', () => {
    expect(stripQuantization('Llama-3.2-3B-Instruct-Q4_K_M-GGUF')).toEqual({ base: 'Llama-3.2-3B-Instruct', format: 'Q4_K_M GGUF' });
    expect(stripQuantization('Mistral-7B-Instruct-v0.3-AWQ')).toEqual({ base: 'Mistral-7B-Instruct-v0.3', format: 'AWQ' });
    expect(stripQuantization('Llama-4-Scout-17B-16E-Instruct-unsloth-bnb-4bit')?.base).toBe('Llama-4-Scout-17B-16E-Instruct');
    expect(stripQuantization('Qwen3-30B-A3B-Instruct-2507-FP8')?.base).toBe('Qwen3-30B-A3B-Instruct-2507');
    expect(stripQuantization('Llama-3.3-70B-Instruct')).toBeUndefined();
    expect(stripQuantization('Llama-3.3-70B-Instruct-bf16')).toBeUndefined(); // a float copy names no quantization
    expect(stripQuantization('gpt-oss-20b')).toBeUndefined();
  });
});

describe('served names without an org', () => {
  const lintRoutes = (routes: { model: string; base?: string }[], reg = registry()) => {
    const config = `model_list:\n${routes.map((r, i) => `  - model_name: r${i}\n    litellm_params:\n      model: ${r.model}\n${r.base ? `    model_info:\n      base_model: ${r.base}\n` : ''}`).join('')}`;
    return lintText('litellm.yaml', config, reg, testPolicy(), '2026-12-01').findings;
  };

  it('a self-hosted served name equal to one checkpoint\'s repo name without the org resolves, case-insensitively', () => {
    for (const [spec, id] of [
      ['hosted_vllm/Qwen3-8B', 'alibaba/qwen3-8b'],
      ['hosted_vllm/qwen3-8b', 'alibaba/qwen3-8b'],
      ['openai/gemma-3-4b-it', 'google/gemma-3-4b-it'],
      ['lm_studio/Mistral-7B-Instruct-v0.3', 'mistral/mistral-7b-instruct-v0.3'],
      ['openai/qwen3.5-9b', 'alibaba/qwen3.5-9b'], // the weights repo alone, no alias
      ['hosted_vllm/Meta-Llama-3.1-8B-Instruct', 'meta/llama-3.1-8b-instruct'],
    ] as const) expect(resolve(spec), spec).toMatchObject({ kind: 'model', id, spelling: { rule: 'served-name', assumed: expect.stringContaining('without the org') } });
    expect(resolve('openai/gemma-3-4b-it')).toMatchObject({ spelling: { note: 'read as google/gemma-3-4b-it: "gemma-3-4b-it" is the Hugging Face repo name of google/gemma-3-4b-it without the org' } });
  });

  it('is reported as an assumed model, never silently, with the reading as directional evidence', () => {
    const findings = lintRoutes([{ model: 'hosted_vllm/qwen3-8b' }, { model: 'openai/qwen3-8b-awq' }]);
    const assumed = findings.filter((f) => f.code === 'route/assumed-model');
    expect(assumed.map((f) => [f.tier, f.model, f.severity])).toEqual([
      ['r0', 'alibaba/qwen3-8b', 'warning'],
      ['r1', 'alibaba/qwen3-8b', 'warning'],
    ]);
    expect(assumed[0]!.message).toContain('"hosted_vllm/qwen3-8b" is a served name, chosen by whoever runs the server; it was read as');
    expect(assumed[0]!.message).toContain('because it equals the Hugging Face repo name of Qwen/Qwen3-8B without the org');
    // The quantized reading without an org is the same kind of assumption.
    expect(assumed[1]!.message).toContain('repo name of Qwen/Qwen3-8B without the org, plus a quantization suffix (AWQ)');
    const read = assumed[0]!.evidence.at(-1)!;
    expect(read).toMatchObject({ subject: 'model id "hosted_vllm/qwen3-8b" · served-name', status: 'directional' });
    // A re-uploader's repo names its publisher: no assumption about the name.
    expect(lintRoutes([{ model: 'hosted_vllm/TheBloke/Llama-2-70B-Chat-AWQ' }]).filter((f) => f.code === 'route/assumed-model')).toEqual([]);
  });

  it('a repo name two models share stays unknown, with a did-you-mean', () => {
    const r = registry();
    r.models['other/qwen3-8b'] = hf('other-org/Qwen3-8B', { vendor: 'alibaba' });
    const x = createResolver(r);
    const res = x.resolveModel('hosted_vllm/Qwen3-8B', 'hosted_vllm');
    expect(res.kind).toBe('unknown');
    expect(res.kind === 'unknown' && res.suggestions.slice(0, 2)).toEqual([expect.stringContaining('"Qwen/Qwen3-8B" (alibaba/qwen3-8b'), expect.stringContaining('other/qwen3-8b')]);
  });

  it('a fine-tune, another provider\'s catalogue or a bare name never resolves this way', () => {
    for (const spec of ['hosted_vllm/Qwen3-8B-abliterated', 'openai/Hermes-3-Llama-3.1-8B', 'hosted_vllm/gemma-3-4b-it-sft', 'together_ai/Qwen3-8B', 'groq/gemma-3-4b-it', 'Qwen3-8B', 'hosted_vllm/my-qwen'])
      expect(idOf(spec), spec).toBe('unknown');
    // Ollama names are library names, read only through the table.
    expect(idOf('ollama/gemma-3-4b-it')).toBe('unknown');
  });

  it('model_info.base_model states what the served name only suggests', () => {
    // base_model names another registry model: it is linted, no mismatch error and no assumption.
    const stated = lintRoutes([{ model: 'hosted_vllm/qwen3-8b', base: 'CohereForAI/c4ai-command-r-plus' }]);
    expect(stated.map((f) => [f.code, f.model])).toEqual([['license/non-commercial', 'cohere/c4ai-command-r-plus']]);
    // base_model confirms the reading: no assumption left.
    expect(lintRoutes([{ model: 'hosted_vllm/qwen3-8b', base: 'Qwen/Qwen3-8B' }]).filter((f) => f.code === 'route/assumed-model')).toEqual([]);
    // base_model the registry does not know: the name alone decided, and the warning says so.
    const unknownBase = lintRoutes([{ model: 'hosted_vllm/qwen3-8b', base: 'qwen3-8b-preview' }]).filter((f) => f.code === 'route/assumed-model');
    expect(unknownBase.map((f) => f.model)).toEqual(['alibaba/qwen3-8b']);
    expect(unknownBase[0]!.message).toContain('(model_info.base_model "qwen3-8b-preview" is not in the registry)');
  });
});

describe('properties', () => {
  const r = registry();
  const bases = Object.values(r.models).flatMap((m) => (m.weights ? [m.weights.repo.slice(m.weights.repo.indexOf('/') + 1)] : []));
  const idOfRepo = (name: string) => Object.keys(r.models).find((id) => r.models[id]!.weights?.repo.endsWith(`/${name}`))!;

  it('never throws, and a resolved id is always a registry model', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), fc.option(fc.constantFrom('ollama', 'hosted_vllm', 'bedrock', 'vertex_ai', 'openrouter', 'cloudflare', 'huggingface'), { nil: undefined }), (spec, prefix) => {
        const res = resolver.resolveModel(prefix ? `${prefix}/${spec}` : spec, prefix);
        expect(['model', 'unknown', 'wildcard']).toContain(res.kind);
        if (res.kind === 'model') expect(r.models[res.id]).toBeDefined();
      }),
      { numRuns: 300 },
    );
  });

  it('any quantization suffix a re-uploader adds to a base repo name resolves to that base', () => {
    const suffix = fc.array(fc.constantFrom('AWQ', 'GPTQ', 'GGUF', 'FP8', 'NVFP4', 'Int4', 'bnb-4bit', 'Q4_K_M', 'w4a16', 'MLX-4bit'), { minLength: 1, maxLength: 2 });
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.constantFrom('TheBloke', 'bartowski', 'unsloth', 'lmstudio-community', 'RedHatAI'), suffix, (name, org, parts) => {
        const res = resolver.resolveModel(`hosted_vllm/${org}/${name}-${parts.join('-')}`, 'hosted_vllm');
        expect(res).toMatchObject({ kind: 'model', id: idOfRepo(name), spelling: { derivative: { relation: 'quantized' } } });
      }),
      { numRuns: 200 },
    );
  });

  it('a base repo name with any extra word before the quantization suffix (a fine-tune) never resolves', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bases), fc.stringMatching(/^[a-z]{2,8}$/), fc.constantFrom('', '-AWQ', '-GGUF', '-FP8'), (name, word, quant) => {
        const res = resolver.resolveModel(`hosted_vllm/bartowski/${name}-ft${word}${quant}`, 'hosted_vllm');
        expect(res.kind).toBe('unknown');
      }),
      { numRuns: 200 },
    );
  });
});
