/**
 * The Hugging Face importer on small fixture repos (src/registry/__fixtures__/hf): a dense GQA model, an MoE,
 * a fine-tune with base_model, an AWQ quantization and a custom license; and config.json layouts inline
 * (MLA, sliding-window patterns, chunked attention, hybrid linear attention, MXFP4 experts).
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { draftFromHf, readFrontMatter, type HfRepoFiles, type ImportContext } from './import-hf.ts';
import { validateRegistry } from './validate.ts';

const FIXTURES = fileURLToPath(new URL('./__fixtures__/hf/', import.meta.url));
const CONTENT = fileURLToPath(new URL('../../content/', import.meta.url));

function repo(dir: string, id: string): HfRepoFiles {
  const read = (f: string) => (existsSync(join(FIXTURES, dir, f)) ? readFileSync(join(FIXTURES, dir, f), 'utf8') : undefined);
  return { repo: id, readme: read('README.md'), config: read('config.json'), safetensorsIndex: read('model.safetensors.index.json') };
}

const ctx: ImportContext = {
  today: '2026-12-02',
  licenses: new Set(['apache-2.0', 'qwen-license', 'llama-3.1-community']),
  vendorOfOrg: (org) => (org.toLowerCase() === 'acme-ai' ? 'acme' : undefined),
  resolveBase: (r) => (r.toLowerCase() === 'acme-ai/acme-8b-instruct' ? 'acme/acme-8b-instruct' : undefined),
};

const citationOf = (draft: ReturnType<typeof draftFromHf>, path: string) => (draft.model.citations as Record<string, { status: string; sources: { source: string; where: string }[] }>)[path];

describe('clearance import hf: drafting from a model card and config.json', () => {
  it('drafts a dense GQA model, every field cited to its file and key', () => {
    const d = draftFromHf(repo('dense-gqa', 'acme-ai/Acme-8B-Instruct'), ctx);
    expect(d.modelId).toBe('acme/acme-8b-instruct');
    expect(d.model).toMatchObject({
      name: 'Acme-8B-Instruct',
      vendor: 'acme',
      kind: 'open-weights',
      license: 'apache-2.0',
      weights: { repo: 'acme-ai/Acme-8B-Instruct', url: 'https://huggingface.co/acme-ai/Acme-8B-Instruct', gated: true },
      modalities: { input: ['text'], output: ['text'] },
      context_tokens: 131072,
      architecture: {
        layers: 32,
        hidden_size: 4096,
        intermediate_size: 14336,
        vocab_size: 128256,
        attention: { kind: 'gqa', heads: 32, kv_heads: 8, head_dim: 128 },
        native_precision: 'bf16',
        tied_embeddings: false,
        params_total_b: 8.03,
      },
    });
    expect(citationOf(d, 'architecture.layers')).toEqual({ status: 'verified', sources: [{ source: 'hf-acme-ai-acme-8b-instruct-config', where: 'num_hidden_layers' }] });
    expect(citationOf(d, 'architecture.attention')?.sources[0]?.where).toBe('num_attention_heads 32, num_key_value_heads 8, head_dim = hidden_size / num_attention_heads = 128');
    // The card's metadata names the license; it is not the license text: single-source until someone reads it.
    expect(citationOf(d, 'license')).toMatchObject({ status: 'single-source', sources: [{ source: 'hf-acme-ai-acme-8b-instruct-card', where: 'front matter license: apache-2.0' }] });
    // Derived from the checkpoint size, and rope scaling makes the window a maybe: no stronger than directional.
    expect(citationOf(d, 'architecture.params_total_b')?.status).toBe('directional');
    expect(citationOf(d, 'context_tokens')?.status).toBe('directional');
    expect(Object.keys(d.sources).sort()).toEqual(['hf-acme-ai-acme-8b-instruct-card', 'hf-acme-ai-acme-8b-instruct-config', 'hf-acme-ai-acme-8b-instruct-safetensors-index']);
    expect(d.sources['hf-acme-ai-acme-8b-instruct-config']).toMatchObject({ kind: 'model-config', url: 'https://huggingface.co/acme-ai/Acme-8B-Instruct/blob/main/config.json', retrieved: '2026-12-02' });
    expect(d.missing.map((m) => m.path)).toEqual(['family']);
    expect(d.problems).toEqual(['family: required']);
  });

  it('drafts an MoE with its expert layout and a license: other / license_name mapped to the registry license', () => {
    const d = draftFromHf(repo('moe', 'acme-ai/Acme-MoE-30B-A3B'), ctx);
    expect(d.model.license).toBe('qwen-license');
    expect(d.model.architecture).toMatchObject({
      layers: 48,
      attention: { kind: 'gqa', heads: 32, kv_heads: 4, head_dim: 128 },
      moe: { experts_total: 128, experts_active: 8, experts_shared: 0, moe_layers: 48, expert_intermediate_size: 768 },
      params_total_b: 30.53,
    });
    expect(citationOf(d, 'architecture.params_total_b')?.status).toBe('verified');
    // No shared-expert key in the config: 0 is drafted, but no stronger than directional.
    expect(citationOf(d, 'architecture.moe')?.status).toBe('directional');
    expect(d.model.architecture).not.toHaveProperty('window');
    expect(d.missing.map((m) => m.path)).toEqual(['family', 'architecture.params_active_b']);
  });

  it('drafts a fine-tune with its base_model and relation; the base\'s license still applies through the chain', () => {
    const d = draftFromHf(repo('fine-tune', 'someone/Acme-8B-Support-FT'), ctx);
    expect(d.model.base_model).toEqual({ model: 'acme/acme-8b-instruct', relation: 'fine-tune' });
    expect(citationOf(d, 'base_model')).toMatchObject({ status: 'single-source', sources: [{ where: 'front matter base_model: acme-ai/Acme-8B-Instruct, base_model_relation: finetune' }] });
    expect(d.resolvedAs).toBeUndefined();
    expect(d.missing.map((m) => m.path)).toContain('vendor');
    expect(d.modelId).toBe('unknown-vendor/acme-8b-support-ft');
  });

  it('reads a quantization from quantization_config when the card gives no relation, and says the resolver already knows it', () => {
    const d = draftFromHf(repo('quantized', 'TheBloke/Acme-8B-Instruct-AWQ'), ctx);
    expect(d.model.base_model).toEqual({ model: 'acme/acme-8b-instruct', relation: 'quantization' });
    expect(citationOf(d, 'base_model')?.status).toBe('directional');
    expect(d.model.architecture).toMatchObject({ native_precision: 'int4' });
    expect(d.resolvedAs).toMatch(/a quantization of acme\/acme-8b-instruct/);
    // A quantized checkpoint's size says nothing exact about its parameter count.
    expect(d.missing.map((m) => m.path)).toContain('architecture.params_total_b');
  });

  it('points at the resolver\'s reading when a re-upload\'s card names no base model', () => {
    const files = { repo: 'bartowski/Acme-8B-Instruct-GGUF', readme: '---\nlicense: apache-2.0\n---\n', licenseFile: 'LICENSE' };
    const d = draftFromHf(files, { ...ctx, readRepo: (r) => (r === files.repo ? { id: 'acme/acme-8b-instruct', note: 'resolved as a quantized re-upload of acme/acme-8b-instruct (GGUF, by bartowski)' } : undefined) });
    expect(d.model).not.toHaveProperty('base_model');
    expect(d.missing.find((m) => m.path === 'base_model')?.why).toBe(
      'the card names no base_model, but the linter reads bartowski/Acme-8B-Instruct-GGUF as a quantized re-upload of acme/acme-8b-instruct (GGUF, by bartowski): set base_model to acme/acme-8b-instruct (relation quantization) if the card\'s text confirms it',
    );
    expect(d.resolvedAs).toMatch(/a quantization of acme\/acme-8b-instruct/);
    expect(draftFromHf({ repo: 'a/b', readme: '---\nlicense: other\nlicense_name: acme\n---\n', licenseFile: 'LICENSE.md' }, ctx).missing.find((m) => m.path === 'license')?.why).toMatch(/from the license text \(the repo's LICENSE\.md\)/);
  });

  it('never invents a license: an unknown license_name stays missing, with where to read it', () => {
    const d = draftFromHf(repo('custom-license', 'acme-ai/Acme-3B'), ctx);
    expect(d.model).not.toHaveProperty('license');
    expect(d.model.citations).not.toHaveProperty('license');
    expect(d.missing.find((m) => m.path === 'license')?.why).toBe(
      'the card says license: other, license_name: acme-community-license, license_link: https://acme.example/community-license; no registry license is that document. Add content/licenses/<id>.yaml from the license text (https://acme.example/community-license), citing its clauses',
    );
    expect(d.problems).toEqual(['family: required', 'architecture.params_total_b: required']);
    // license: other without a name, and a known generic id the registry lacks, are missing too.
    expect(draftFromHf({ repo: 'a/b', readme: '---\nlicense: other\n---\n' }, ctx).missing.find((m) => m.path === 'license')?.why).toMatch(/license: other without license_name/);
    expect(draftFromHf({ repo: 'a/b', readme: '---\nlicense: cc-by-nc-4.0\n---\n' }, ctx).model).not.toHaveProperty('license');
  });

  it('reports unreadable files instead of drafting from them', () => {
    expect(draftFromHf({ repo: 'a/b', readme: '---\nlicense: [unclosed\n---\n' }, ctx).errors).toEqual([expect.stringMatching(/^README.md front matter is not valid YAML/)]);
    expect(draftFromHf({ repo: 'a/b', config: '{"num_hidden_layers": 32,' }, ctx).errors).toEqual([expect.stringMatching(/^config.json is not valid JSON/)]);
    expect(readFrontMatter('# no front matter\n')).toEqual({ data: {} });
  });

  it('once a maintainer fills vendor and family, the draft and its sources pass the full validator', () => {
    const d = draftFromHf({ ...repo('dense-gqa', 'acme-ai/Acme-8B-Instruct'), revision: 'a'.repeat(40) }, ctx);
    const model = { ...d.model, family: 'acme-8b' };
    const files = [
      { path: 'models/acme/acme-8b-instruct.yaml', text: `# yaml-language-server: $schema=../../../schemas/model.schema.json\n${stringify(model)}` },
      ...Object.entries(d.sources).map(([id, s]) => ({ path: `sources/${id}.yaml`, text: `# yaml-language-server: $schema=../../schemas/source.schema.json\n${stringify(s)}` })),
      {
        path: 'vendors/acme.yaml',
        text: `# yaml-language-server: $schema=../../schemas/vendor.schema.json\n${stringify({
          name: 'Acme',
          legal_entity: 'Acme Inc.',
          country: 'US',
          legal_seat: 'Springfield',
          citations: Object.fromEntries(['legal_entity', 'country', 'legal_seat'].map((k) => [k, { status: 'single-source', sources: [{ source: 'hf-acme-ai-acme-8b-instruct-card', where: 'test' }] }])),
          reviewed: '2026-12-02',
        })}`,
      },
      { path: 'licenses/apache-2.0.yaml', text: readFileSync(join(CONTENT, 'licenses/apache-2.0.yaml'), 'utf8') },
    ];
    // The license cites its own sources: bring them along.
    const licenseSources = [...readFileSync(join(CONTENT, 'licenses/apache-2.0.yaml'), 'utf8').matchAll(/source: ([a-z0-9._-]+)/g)].map((m) => m[1]!);
    for (const id of new Set(licenseSources)) files.push({ path: `sources/${id}.yaml`, text: readFileSync(join(CONTENT, `sources/${id}.yaml`), 'utf8') });
    const errors = validateRegistry(files, { today: '2026-12-02' }).findings.filter((f) => f.severity === 'error');
    expect(errors).toEqual([]);
    expect(d.sources['hf-acme-ai-acme-8b-instruct-card']).toMatchObject({ version: 'a'.repeat(40), url: expect.stringContaining(`/blob/${'a'.repeat(40)}/README.md`) });
  });
});

describe('config.json layouts', () => {
  const arch = (config: object) => draftFromHf({ repo: 'acme-ai/X', config: JSON.stringify(config) }, ctx);

  it('multi-head latent attention (DeepSeek V3 keys), with dense first layers', () => {
    const d = arch({ hidden_size: 7168, num_hidden_layers: 61, num_attention_heads: 128, kv_lora_rank: 512, q_lora_rank: 1536, qk_rope_head_dim: 64, qk_nope_head_dim: 128, v_head_dim: 128, n_routed_experts: 256, n_shared_experts: 1, num_experts_per_tok: 8, first_k_dense_replace: 3, moe_intermediate_size: 2048, torch_dtype: 'bfloat16', quantization_config: { quant_method: 'fp8' } });
    expect(d.model.architecture).toMatchObject({
      attention: { kind: 'mla', heads: 128, kv_lora_rank: 512, q_lora_rank: 1536, qk_rope_head_dim: 64, qk_nope_head_dim: 128, v_head_dim: 128 },
      moe: { experts_total: 256, experts_active: 8, experts_shared: 1, moe_layers: 58, expert_intermediate_size: 2048 },
      native_precision: 'fp8',
    });
    expect(citationOf(d, 'architecture.moe')?.status).toBe('verified');
  });

  it('sliding windows: layer_types, a Gemma pattern, a Mistral window on every layer, Llama 4 chunks', () => {
    const types = Array.from({ length: 12 }, (_, i) => ((i + 1) % 6 === 0 ? 'full_attention' : 'sliding_attention'));
    expect(arch({ hidden_size: 1152, num_hidden_layers: 12, num_attention_heads: 4, num_key_value_heads: 1, head_dim: 256, sliding_window: 512, layer_types: types, torch_dtype: 'bfloat16' }).model.architecture).toMatchObject({ window: { kind: 'sliding', size: 512, windowed_layers: 10 } });
    expect(arch({ text_config: { hidden_size: 5376, num_hidden_layers: 62, num_attention_heads: 32, num_key_value_heads: 16, head_dim: 128, sliding_window: 1024, sliding_window_pattern: 6 }, vision_config: {}, torch_dtype: 'bfloat16' }).model).toMatchObject({
      modalities: { input: ['text', 'image'] },
      architecture: { layers: 62, window: { kind: 'sliding', size: 1024, windowed_layers: 52, pattern: '5 local : 1 global' } },
    });
    const mistral = arch({ hidden_size: 4096, num_hidden_layers: 32, num_attention_heads: 32, num_key_value_heads: 8, sliding_window: 4096, torch_dtype: 'bfloat16' });
    expect(mistral.model.architecture).toMatchObject({ window: { windowed_layers: 32 } });
    expect(citationOf(mistral, 'architecture.window')?.status).toBe('directional');
    const noRope = Array.from({ length: 48 }, (_, i) => ((i + 1) % 4 === 0 ? 0 : 1));
    expect(arch({ text_config: { hidden_size: 5120, num_hidden_layers: 48, num_attention_heads: 40, num_key_value_heads: 8, head_dim: 128, attention_chunk_size: 8192, no_rope_layers: noRope, num_local_experts: 16, num_experts_per_tok: 1, interleave_moe_layer_step: 1 }, torch_dtype: 'bfloat16' }).model.architecture).toMatchObject({ window: { kind: 'chunked', size: 8192, windowed_layers: 36 } });
  });

  it('hybrid linear attention (Qwen3-Next keys) and MXFP4 experts (gpt-oss keys)', () => {
    const types = Array.from({ length: 48 }, (_, i) => ((i + 1) % 4 === 0 ? 'full_attention' : 'linear_attention'));
    expect(arch({ hidden_size: 2048, num_hidden_layers: 48, num_attention_heads: 16, num_key_value_heads: 2, head_dim: 256, layer_types: types, linear_num_key_heads: 16, linear_num_value_heads: 32, linear_key_head_dim: 128, linear_value_head_dim: 128, linear_conv_kernel_dim: 4, torch_dtype: 'bfloat16' }).model.architecture).toMatchObject({
      linear_attention: { kind: 'gated-deltanet', layers: 36, key_heads: 16, value_heads: 32, key_head_dim: 128, value_head_dim: 128, conv_kernel: 4 },
    });
    expect(arch({ hidden_size: 2880, num_hidden_layers: 24, num_attention_heads: 64, num_key_value_heads: 8, head_dim: 64, num_local_experts: 32, num_experts_per_tok: 4, torch_dtype: 'bfloat16', quantization_config: { quant_method: 'mxfp4' } }).model.architecture).toMatchObject({ native_precision: 'bf16', native_expert_precision: 'mxfp4', moe: { experts_total: 32, experts_active: 4 } });
  });

  it('what it cannot read stays missing', () => {
    const d = arch({ hidden_size: 4096 });
    expect(d.missing.map((m) => m.path)).toEqual(expect.arrayContaining(['architecture.attention', 'architecture.native_precision', 'architecture.params_total_b']));
    expect(d.problems.some((p) => p.startsWith('architecture.'))).toBe(true);
  });
});
