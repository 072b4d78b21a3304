/**
 * Open-weights coverage traps, read from the real registry (content/): the license facts that differ by checkpoint
 * rather than by family. Each test pins one fact a reviewer relies on, so a content edit that breaks it fails CI.
 */
import { describe, expect, it } from 'vitest';
import { aliasIndex, modelChain, type License, type Model } from './index.ts';
import { contentRegistry, lookups } from './test-support/content.ts';

const { registry, findings } = contentRegistry();

const { model, license } = lookups(registry);
const commercial = (id: string) => license(model(id).license).commercial_use.value;
const licenseChain = (id: string) => modelChain(registry, id).map((m) => m.license);
const flags = (id: string) => model(id).procurement_flags?.map((f) => f.flag) ?? [];

describe('open-weights coverage: license traps per checkpoint', () => {
  it('loads the new entries without errors', () => {
    const mine = /^content\/(models\/(mistral|lg|alibaba|deepseek|meta|moonshot|nvidia|microsoft|opengvlab|zhipu|ibm|baai|nomic|nous)\/|licenses\/(mistral-non-production|exaone|llama-3\.2|devstral-2|modified-mit-kimi))/;
    expect(findings.filter((f) => f.severity === 'error' && mine.test(f.file))).toEqual([]);
  });

  it('Codestral 22B is under the Mistral Non-Production License, while Mistral 7B, Mixtral 8x22B and Small 3.x are Apache-2.0', () => {
    const codestral = model('mistral/codestral-22b-v0.1');
    expect(codestral.license).toBe('mistral-non-production-license');
    const mnpl = license(codestral.license);
    expect(mnpl).toMatchObject({ class: 'non-commercial', version: 'MNPL-0.1', commercial_use: { value: 'forbidden' } });
    expect(mnpl.commercial_use.quote).toMatch(/Non-Production Environments/);
    expect(mnpl.commercial_use.sources.map((s) => s.source)).toContain('mnpl-0.1-section-3-quote');
    expect(flags('mistral/codestral-22b-v0.1')).toContain('non-commercial');
    for (const id of ['mistral/mistral-7b-instruct-v0.3', 'mistral/mixtral-8x22b-instruct-v0.1', 'mistral/mistral-small-24b-instruct-2501', 'mistral/mistral-small-3.2-24b-instruct-2506', 'mistral/devstral-small-2505']) {
      expect(model(id).license, id).toBe('apache-2.0');
    }
  });

  it("Mistral's API Codestral is a different, API-only model governed by the commercial terms, and codestral-latest points at it", () => {
    const index = aliasIndex(registry);
    expect(index.get('mistral/codestral-latest')).toBe('mistral/codestral-2508');
    const api = model('mistral/codestral-2508');
    expect(api.kind).toBe('api-only');
    expect(license(api.api_terms).kind).toBe('api-terms');
    expect(index.get('mistralai/codestral-22b-v0.1')).toBe('mistral/codestral-22b-v0.1');
  });

  it("Devstral 2 (123B) is revenue-capped \"modified MIT\" while Devstral Small 2 is Apache-2.0, and Mistral's -latest pointers resolve to the models the docs list", () => {
    const dev2 = license(model('mistral/devstral-2-123b-instruct-2512').license);
    expect(dev2).toMatchObject({ class: 'open-weights-restricted', commercial_use: { value: 'conditional' } });
    expect(dev2.commercial_use.quote).toMatch(/monthly revenue .* exceeds \$20 million/);
    expect(dev2.revenue_cap?.value).toBe(240_000_000);
    expect(model('mistral/devstral-small-2-24b-instruct-2512').license).toBe('apache-2.0');
    const index = aliasIndex(registry);
    expect(index.get('mistral/devstral-latest')).toBe('mistral/devstral-2-123b-instruct-2512');
    expect(index.get('devstral-small-latest')).toBe('mistral/devstral-small-2-24b-instruct-2512');
    expect(index.get('mistral/mistral-small-latest')).toBe('mistral/mistral-small-4-2603');
    // Mistral's catalogue links Mistral-Small-4-2603; the card's vllm serve command names Mistral-Small-4-119B-2603.
    expect(index.get('hosted_vllm/mistralai/mistral-small-4-119b-2603')).toBe('mistral/mistral-small-4-2603');
    expect(index.get('magistral-small-latest')).toBe('mistral/magistral-small-2509');
    // ministral-8b-latest moved to an Apache-2.0 model; the dated 2410 id stays on the research license.
    expect(model(index.get('ministral-8b-latest') ?? '').license).toBe('apache-2.0');
    expect(model('mistral/ministral-8b-instruct-2410').license).toBe('mistral-research-license');
    expect(model('mistral/devstral-medium-2507').lifecycle).toMatchObject({ status: 'retired', retired_on: '2026-05-31' });
    // Family names do not carry licenses: Pixtral 12B is Apache-2.0, Pixtral Large research-only; Codestral Mamba Apache-2.0, Codestral 22B MNPL.
    expect(model('mistral/pixtral-12b-2409').license).toBe('apache-2.0');
    expect(model('mistral/pixtral-large-instruct-2411').license).toBe('mistral-research-license');
    expect(model('mistral/mamba-codestral-7b-v0.1').license).toBe('apache-2.0');
    expect(model('mistral/voxtral-small-24b-2507').modalities.input).toContain('audio');
    expect(model('mistral/magistral-small-2506').lifecycle).toMatchObject({ status: 'retired', retired_on: '2025-11-30' });
    expect(index.get('mistral/ministral-3b-latest')).toBe('mistral/ministral-3-3b-instruct-2512');
  });

  it('EXAONE 3.5 is non-commercial at every size (EXAONE AI Model License 1.1 - NC), licensed by LG Management Development Institute', () => {
    const exaone = license('exaone-1.1-nc');
    expect(exaone).toMatchObject({ class: 'non-commercial', vendor: 'lg', commercial_use: { value: 'forbidden' } });
    expect(exaone.commercial_use.sources.map((s) => s.source)).toContain('exaone-license-1.1-nc-text');
    expect(exaone.commercial_use.quote).toMatch(/expressly prohibited .* commercial purposes/);
    expect(exaone.output_training.value).toBe('forbidden');
    expect(exaone.obligations.map((o) => o.value)).toContain('name-prefix');
    expect(registry.vendors['lg']?.legal_entity).toBe('LG Management Development Institute Co., Ltd.');
    for (const size of ['2.4b', '7.8b', '32b']) {
      const id = `lg/exaone-3.5-${size}-instruct`;
      expect(model(id).license, id).toBe('exaone-1.1-nc');
      expect(flags(id)).toEqual(expect.arrayContaining(['origin:KR', 'non-commercial']));
    }
  });

  it('Qwen2.5 licenses differ by size: 0.5B/1.5B/7B/14B/32B Apache-2.0, 3B research-only, 72B Qwen License', () => {
    for (const size of ['0.5b', '1.5b', '7b', '14b', '32b']) expect(model(`alibaba/qwen2.5-${size}-instruct`).license, size).toBe('apache-2.0');
    expect(commercial('alibaba/qwen2.5-3b-instruct')).toBe('forbidden');
    expect(model('alibaba/qwen2.5-72b-instruct').license).toBe('qwen-license');
    expect(license('qwen-license').mau_cap?.value).toBe(100_000_000);
  });

  it('Qwen2.5-Coder is Apache-2.0 except the 3B, which is under the Qwen Research License', () => {
    for (const size of ['0.5b', '1.5b', '7b', '14b', '32b']) expect(model(`alibaba/qwen2.5-coder-${size}-instruct`).license, size).toBe('apache-2.0');
    expect(model('alibaba/qwen2.5-coder-3b-instruct').license).toBe('qwen-research-license');
    expect(commercial('alibaba/qwen2.5-coder-3b-instruct')).toBe('forbidden');
    expect(flags('alibaba/qwen2.5-coder-3b-instruct')).toContain('non-commercial');
  });

  it('every Qwen3 dense size is Apache-2.0', () => {
    for (const size of ['0.6b', '1.7b', '4b', '8b', '14b', '32b']) expect(model(`alibaba/qwen3-${size}`).license, size).toBe('apache-2.0');
  });

  it('Qwen3-2507 Instruct and Thinking are separate checkpoints from the April hybrids, and the moving Ollama qwen3:30b-a3b tag resolves to none', () => {
    const index = aliasIndex(registry);
    for (const size of ['4b', '30b-a3b']) {
      const instruct = model(`alibaba/qwen3-${size}-instruct-2507`);
      const thinking = model(`alibaba/qwen3-${size}-thinking-2507`);
      expect(instruct.context_tokens, size).toBe(262_144);
      expect(model(`alibaba/qwen3-${size}`).context_tokens ?? 0, size).toBeLessThan(262_144);
      expect(instruct.architecture?.layers).toBe(thinking.architecture?.layers);
      expect(index.get(`qwen/qwen3-${size}-instruct-2507`)).toBe(`alibaba/qwen3-${size}-instruct-2507`);
    }
    expect(index.get('qwen/qwen3-30b-a3b-thinking-2507-fp8')).toBe('alibaba/qwen3-30b-a3b-thinking-2507');
    expect(index.get('openrouter/qwen/qwen3-235b-a22b-thinking-2507')).toBe('alibaba/qwen3-235b-a22b-thinking-2507');
    expect(index.get('ollama/qwen3:30b-a3b')).toBeUndefined();
    // The 8b tag moved between a Llama-based and a Qwen3-based distill, so it names neither.
    expect(index.get('ollama/deepseek-r1:8b')).toBeUndefined();
  });

  it('R1-Distill-Qwen stacks MIT on Apache-2.0 bases (Qwen2.5-Math for 1.5B and 7B), R1-Distill-Llama-8B on the Llama 3.1 license', () => {
    expect(modelChain(registry, 'deepseek/deepseek-r1-distill-qwen-1.5b').map((m) => m.name)).toEqual(['DeepSeek-R1-Distill-Qwen-1.5B', 'Qwen2.5-Math-1.5B']);
    expect(modelChain(registry, 'deepseek/deepseek-r1-distill-qwen-7b').map((m) => m.name)).toEqual(['DeepSeek-R1-Distill-Qwen-7B', 'Qwen2.5-Math-7B']);
    for (const id of ['deepseek/deepseek-r1-distill-qwen-1.5b', 'deepseek/deepseek-r1-distill-qwen-7b', 'deepseek/deepseek-r1-distill-qwen-14b']) {
      expect(licenseChain(id), id).toEqual(['mit', 'apache-2.0']);
    }
    expect(licenseChain('deepseek/deepseek-r1-distill-llama-8b')).toEqual(['mit', 'llama-3.1-community']);
    expect(licenseChain('deepseek/deepseek-r1-0528-qwen3-8b')).toEqual(['mit', 'apache-2.0']);
    expect(model('deepseek/deepseek-r1-0528-qwen3-8b').architecture?.layers).toBe(model('alibaba/qwen3-8b').architecture?.layers);
    const llama31 = license('llama-3.1-community');
    expect(llama31.obligations.map((o) => o.value)).toContain('name-prefix');
    expect(llama31.mau_cap?.value).toBe(700_000_000);
    expect(flags('deepseek/deepseek-r1-distill-llama-8b')).toContain('llama-naming-duty');
  });

  it.each([
    // R1 size tags pull the distills, not R1 itself.
    ['ollama/deepseek-r1:1.5b', 'deepseek/deepseek-r1-distill-qwen-1.5b'],
    ['ollama/deepseek-r1:7b', 'deepseek/deepseek-r1-distill-qwen-7b'],
    ['ollama/deepseek-r1:14b', 'deepseek/deepseek-r1-distill-qwen-14b'],
    // Library names and their default sizes.
    ['ollama/llama3.2', 'meta/llama-3.2-3b-instruct'],
    ['ollama/llama3.2:1b', 'meta/llama-3.2-1b-instruct'],
    ['ollama/llama3.2-vision', 'meta/llama-3.2-11b-vision-instruct'],
    ['ollama/llama3.2-vision:90b', 'meta/llama-3.2-90b-vision-instruct'],
    ['ollama/mistral', 'mistral/mistral-7b-instruct-v0.3'],
    ['ollama/codellama', 'meta/codellama-7b-instruct-hf'],
    ['ollama/phi4-mini', 'microsoft/phi-4-mini-instruct'],
  ])('Ollama tag %s resolves to the checkpoint it pulls (%s)', (tag, id) => {
    expect(aliasIndex(registry).get(tag)).toBe(id);
  });

  it('Kimi K2 Base / 0905 / Thinking sit under the Modified MIT license (MIT plus a "Kimi K2" display duty that binds derivatives), not MIT', () => {
    const kimi = license('modified-mit-kimi');
    expect(kimi.commercial_use).toMatchObject({ value: 'allowed', status: 'verified' });
    expect(kimi.flow_down?.value).toBe('yes');
    expect(kimi.obligations.map((o) => o.value)).toContain('attribution-display');
    for (const id of ['moonshot/kimi-k2-base', 'moonshot/kimi-k2-instruct-0905', 'moonshot/kimi-k2-thinking']) {
      expect(model(id).license, id).toBe('modified-mit-kimi');
      expect(model(id).license, id).not.toBe('mit');
    }
    const index = aliasIndex(registry);
    expect(index.get('moonshot/kimi-k2-0905-preview')).toBe('moonshot/kimi-k2-instruct-0905');
    expect(index.get('moonshot/kimi-k2-thinking')).toBe('moonshot/kimi-k2-thinking');
    expect(model('moonshot/kimi-k2-instruct').context_tokens).toBe(131_072);
    expect(model('moonshot/kimi-k2-instruct-0905').context_tokens).toBe(262_144);
    expect(model('moonshot/kimi-k2-thinking').architecture).toMatchObject({ native_expert_precision: 'int4', layers: 61 });
  });

  it('Llama-based Nemotrons stack the NVIDIA Open Model License on the Llama license of their base; Nemotron Nano 9B v2 does not', () => {
    expect(licenseChain('nvidia/llama-3_3-nemotron-super-49b-v1')).toEqual(['nvidia-open-model-license', 'llama-3.3-community']);
    expect(licenseChain('nvidia/llama-3.1-nemotron-nano-8b-v1')).toEqual(['nvidia-open-model-license', 'llama-3.1-community']);
    expect(licenseChain('nvidia/nvidia-nemotron-nano-9b-v2')).toEqual(['nvidia-open-model-license']);
    for (const id of ['nvidia/llama-3_3-nemotron-super-49b-v1', 'nvidia/llama-3.1-nemotron-nano-8b-v1']) expect(flags(id), id).toContain('llama-naming-duty');
    expect(aliasIndex(registry).get('nvidia/llama-3.3-nemotron-super-49b-v1')).toBe('nvidia/llama-3_3-nemotron-super-49b-v1');
    // NAS blocks: only the 49 of 80 blocks with attention are layers (content-coverage-arch-nas.test.ts pins the rest).
    expect(model('nvidia/llama-3_3-nemotron-super-49b-v1').architecture).toMatchObject({ layers: 49, params_total_b: 49.87 });
  });

  it('InternVL3-78B is tagged MIT but its Qwen2.5-72B language model brings the Qwen License (100M MAU) through the chain', () => {
    expect(model('alibaba/qwen2.5-72b').license).toBe('qwen-license');
    expect(licenseChain('opengvlab/internvl3-78b')).toEqual(['mit', 'qwen-license']);
    expect(license('qwen-license').mau_cap?.value).toBe(100_000_000);
    expect(model('opengvlab/internvl3-78b').modalities.input).toContain('image');
  });

  it('the Llama 3.2 AUP EU clause reaches 11B Vision but not the text-only 1B and 3B', () => {
    const l32 = license('llama-3.2-community');
    expect(l32.published).toBe('2024-09-25');
    const [eu, ...rest] = l32.geo_exclusions;
    expect(rest).toEqual([]);
    expect(eu).toMatchObject({ regions: ['EU'], basis: 'domicile', applies_to: 'multimodal-models', in_document: 'acceptable-use-policy', status: 'verified' });
    expect(eu!.quote).toMatch(/multimodal models included in Llama 3\.2/);
    for (const id of ['meta/llama-3.2-11b-vision-instruct', 'meta/llama-3.2-90b-vision-instruct']) {
      expect(model(id).license, id).toBe('llama-3.2-community');
      expect(model(id).modalities.input, id).toContain('image');
      expect(flags(id)).toContain('eu-multimodal-exclusion');
    }
    for (const id of ['meta/llama-3.2-1b-instruct', 'meta/llama-3.2-3b-instruct']) {
      expect(model(id).modalities.input, id).toEqual(['text']);
      expect(flags(id)).not.toContain('eu-multimodal-exclusion');
    }
  });

  it('Code Llama and Llama 2 7B / 13B sit under the Llama 2 license, which forbids using outputs to improve other LLMs', () => {
    for (const id of ['meta/codellama-7b-instruct-hf', 'meta/codellama-34b-instruct-hf', 'meta/codellama-70b-instruct-hf', 'meta/llama-2-7b-chat', 'meta/llama-2-13b-chat']) {
      expect(model(id).license, id).toBe('llama-2-community');
    }
    expect(license('llama-2-community').output_training.value).toBe('forbidden');
    // Llama 2 7B / 13B use full multi-head attention (the configs), not the 8 KV heads Meta's SKU table lists.
    expect(model('meta/llama-2-7b-chat').architecture!.attention).toMatchObject({ heads: 32, kv_heads: 32 });
    expect(model('meta/llama-2-13b-chat').architecture!.attention).toMatchObject({ heads: 40, kv_heads: 40 });
  });

  it('fine-tunes inherit their base: Hermes 3 is on the Llama 3.1 chain although its repo is tagged llama3', () => {
    expect(modelChain(registry, 'nous/hermes-3-llama-3.1-8b').map((m) => m.license)).toEqual(['llama-3.1-community', 'llama-3.1-community']);
    expect(model('nous/hermes-3-llama-3.1-8b').base_model).toEqual({ model: 'meta/llama-3.1-8b', relation: 'fine-tune' });
    expect(flags('nous/hermes-3-llama-3.1-8b')).toContain('llama-naming-duty');
  });

  it('embedding models carry their own licenses and origin flags', () => {
    expect(model('baai/bge-m3').license).toBe('mit');
    expect(flags('baai/bge-m3')).toContain('origin:CN');
    expect(model('microsoft/multilingual-e5-large-instruct').license).toBe('mit');
    expect(model('nomic/nomic-embed-text-v1.5').license).toBe('apache-2.0');
    expect(model('mistral/mistral-embed')).toMatchObject({ kind: 'api-only', api_terms: 'mistral-commercial-terms' });
  });

  it('permissive open weights from NVIDIA, IBM, Z.ai, Microsoft and OpenGVLab resolve to the licenses their cards state', () => {
    for (const id of ['microsoft/phi-3.5-moe-instruct', 'microsoft/phi-3-medium-128k-instruct', 'microsoft/phi-3.5-vision-instruct']) expect(model(id).license, id).toBe('mit');
    expect(model('nvidia/nvidia-nemotron-nano-9b-v2').license).toBe('nvidia-open-model-license');
    for (const id of ['ibm/granite-4.0-h-small', 'ibm/granite-4.0-h-tiny', 'ibm/granite-4.0-h-micro']) expect(model(id).license, id).toBe('apache-2.0');
    for (const id of ['zhipu/glm-4.5', 'zhipu/glm-4.5-air', 'microsoft/phi-3-mini-4k-instruct', 'microsoft/phi-3.5-mini-instruct', 'microsoft/phi-4-mini-instruct', 'opengvlab/internvl2-8b']) {
      expect(model(id).license, id).toBe('mit');
    }
    expect(model('opengvlab/internvl2-8b').modalities.input).toContain('image');
  });

  it('new open-weights entries with a read config carry architecture for sizing', () => {
    const mixtral = model('mistral/mixtral-8x22b-instruct-v0.1').architecture!;
    expect(mixtral.moe).toMatchObject({ experts_total: 8, experts_active: 2 });
    expect(mixtral.params_total_b).toBeGreaterThan(mixtral.params_active_b! * 3);
    expect(model('mistral/codestral-22b-v0.1').architecture).toMatchObject({ layers: 56, hidden_size: 6144, attention: { heads: 48, kv_heads: 8 } });
    expect(model('alibaba/qwen2.5-7b-instruct').architecture).toMatchObject({ layers: 28, hidden_size: 3584, attention: { heads: 28, kv_heads: 4, head_dim: 128 } });
    expect(model('meta/llama-3.2-1b-instruct').architecture).toMatchObject({ layers: 16, hidden_size: 2048, attention: { heads: 32, kv_heads: 8, head_dim: 64 } });
  });
});
