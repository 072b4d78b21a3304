/**
 * New model entries: GLM-4-9B-Chat (glm-4-9b License), Kimi K2.5 (its own Modified MIT text), GLM-4.6 and GLM-4.7
 * (MIT, Z.ai's repo license tag) and Qwen3.6-35B-A3B (Apache-2.0). Each test pins the license the entry cites and the decision the
 * linter takes on a self-hosted route, the aliases a router config uses, and the architecture numbers that decide
 * sizing, with one fits / does-not-fit pair per family on the GPU count the shapes predict.
 */
import { describe, expect, it } from 'vitest';
import { testPolicy } from '../policy/__fixtures__/registry.ts';
import { lintText } from '../policy/index.ts';
import { governingTerms } from '../policy/terms.ts';
import { kvBytesPerToken } from '../sizing/kv-cache.ts';
import { aliasIndex } from './index.ts';
import { contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-04';
const { registry, findings } = contentRegistry(TODAY);
const { model, architecture: arch, size, license } = lookups(registry);

const status = (id: string, field: string) => model(id).citations[field]?.status;
const commercial = (id: string) => license(model(id).license).commercial_use.value;
const litellm = (m: string) => `model_list:\n  - model_name: m\n    litellm_params:\n      model: ${m}\n`;
const lint = (m: string, policy = 'name: test\n') => lintText('router.yaml', litellm(m), registry, testPolicy(policy), TODAY).findings;
const codes = (m: string, policy?: string) => [...new Set(lint(m, policy).map((f) => f.code))].sort();
const GB = 1e9 / 2 ** 30;
const DENY_CN = 'name: test\ndeny:\n  - flags: [origin:CN]\n    reason: no Chinese-origin weights\n';

const ADDED = ['zhipu/glm-4-9b-chat', 'moonshot/kimi-k2.5', 'zhipu/glm-4.6', 'zhipu/glm-4.7', 'alibaba/qwen3.6-35b-a3b'];
const SELF_HOSTED: Record<string, string> = {
  'zhipu/glm-4-9b-chat': 'hosted_vllm/THUDM/glm-4-9b-chat',
  'moonshot/kimi-k2.5': 'hosted_vllm/moonshotai/Kimi-K2.5',
  'zhipu/glm-4.6': 'hosted_vllm/zai-org/GLM-4.6',
  'zhipu/glm-4.7': 'hosted_vllm/zai-org/GLM-4.7',
  'alibaba/qwen3.6-35b-a3b': 'hosted_vllm/Qwen/Qwen3.6-35B-A3B',
};

describe('new model entries', () => {
  it('load without errors or warnings, from vendors that exist, citing only sources that exist', () => {
    const files = new Set(ADDED.map((id) => `content/models/${id}.yaml`));
    expect(findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && files.has(f.file))).toEqual([]);
    for (const id of ADDED) {
      const m = model(id);
      expect(registry.vendors[m.vendor], `${id} vendor`).toBeDefined();
      expect(m.procurement_flags?.map((f) => f.flag), id).toContain('origin:CN');
      for (const [field, c] of Object.entries(m.citations)) {
        for (const ref of c.sources) expect(registry.sources[ref.source], `${id} ${field} cites ${ref.source}`).toBeDefined();
      }
      for (const field of ['aliases', 'license', 'modalities', 'context_tokens', 'architecture']) expect(m.citations[field], `${id} cites ${field}`).toBeDefined();
    }
  });

  it('each alias resolves to its own entry, and none is taken by a sibling checkpoint', () => {
    const index = aliasIndex(registry);
    const expected: Record<string, string> = {
      'thudm/glm-4-9b-chat': 'zhipu/glm-4-9b-chat',
      'zai-org/glm-4-9b-chat': 'zhipu/glm-4-9b-chat',
      'thudm/glm-4-9b-chat-hf': 'zhipu/glm-4-9b-chat',
      'moonshotai/kimi-k2.5': 'moonshot/kimi-k2.5',
      'zai-org/glm-4.6': 'zhipu/glm-4.6',
      'zai-org/glm-4.6-fp8': 'zhipu/glm-4.6',
      'zai-org/glm-4.7': 'zhipu/glm-4.7',
      'zai-org/glm-4.7-fp8': 'zhipu/glm-4.7',
      'qwen/qwen3.6-35b-a3b': 'alibaba/qwen3.6-35b-a3b',
    };
    for (const [alias, id] of Object.entries(expected)) expect(index.get(alias), alias).toBe(id);
    for (const [id, alias] of Object.entries(SELF_HOSTED)) expect(index.get(alias.toLowerCase()), alias).toBe(id);
    // Neighbours stay apart: the Qwen3.5 checkpoint of the same size, GLM-4.5, and GLM-4.7-Flash (not in the registry).
    expect(index.get('qwen/qwen3.5-35b-a3b')).toBe('alibaba/qwen3.5-35b-a3b');
    expect(index.get('zai-org/glm-4.5')).toBe('zhipu/glm-4.5');
    expect(index.get('zai-org/glm-4.7-flash')).toBeUndefined();
  });

  it('license ids: glm-4-9b License, Kimi K2.5 Modified MIT, MIT for GLM-4.6 / 4.7 (verified from the Z.ai repo tag), Apache-2.0 for Qwen3.6 (verified)', () => {
    expect(model('zhipu/glm-4-9b-chat').license).toBe('glm-4-9b-license');
    expect(model('moonshot/kimi-k2.5').license).toBe('modified-mit-kimi-k2.5');
    expect(model('moonshot/kimi-k2.5').api_terms).toBe('kimi-openplatform-terms');
    expect(model('zhipu/glm-4.6').license).toBe('mit');
    expect(model('zhipu/glm-4.7').license).toBe('mit');
    expect(model('alibaba/qwen3.6-35b-a3b').license).toBe('apache-2.0');
    expect(status('zhipu/glm-4-9b-chat', 'license')).toBe('verified');
    expect(status('moonshot/kimi-k2.5', 'license')).toBe('verified');
    // Z.ai's README states MIT in words only for GLM-4.5; for 4.6 / 4.7 the license tag of Z.ai's own Hugging Face repo
    // was read (content-coverage-zai.test.ts pins the sources).
    expect(status('zhipu/glm-4.6', 'license')).toBe('verified');
    expect(status('zhipu/glm-4.7', 'license')).toBe('verified');
    expect(status('alibaba/qwen3.6-35b-a3b', 'license')).toBe('verified');
    expect(model('alibaba/qwen3.6-35b-a3b').citations['license']!.sources[0]!.source).toBe('qwen3.6-github-readme');
    // The license files these entries use were already in the registry and are now cited by a model.
    expect(license('glm-4-9b-license').url).toContain('glm-4-9b-chat');
    expect(license('modified-mit-kimi-k2.5').url).toContain('moonshotai/Kimi-K2.5');
  });

  it('license decision: GLM-4-9B-Chat is commercial only after registering (conditional), the rest allowed; no self-hosted route is flagged non-commercial', () => {
    expect(commercial('zhipu/glm-4-9b-chat')).toBe('conditional');
    expect(license('glm-4-9b-license').class).toBe('open-weights-restricted');
    expect(commercial('moonshot/kimi-k2.5')).toBe('allowed');
    expect(license('modified-mit-kimi-k2.5').class).toBe('open-weights-restricted');
    for (const id of ['zhipu/glm-4.6', 'zhipu/glm-4.7', 'alibaba/qwen3.6-35b-a3b']) expect(commercial(id), id).toBe('allowed');
    for (const [id, alias] of Object.entries(SELF_HOSTED)) {
      expect(codes(alias), id).toEqual(['license/obligations']);
    }
    // The duties the linter lists are the license's own strings.
    const glm = lint(SELF_HOSTED['zhipu/glm-4-9b-chat']!).find((f) => f.code === 'license/obligations')!;
    expect(glm.message).toContain('Built with glm-4');
    expect(glm.message).toContain('"glm-4" at the start of its name');
    const kimi = lint(SELF_HOSTED['moonshot/kimi-k2.5']!).find((f) => f.code === 'license/obligations')!;
    expect(kimi.message).toContain('Kimi K2.5');
  });

  it('Moonshot\'s own API for K2.5 is governed by the Kimi OpenPlatform terms, hosts of the weights by the K2.5 Modified MIT', () => {
    expect(governingTerms(registry, ['moonshot/kimi-k2.5'], 'first-party-api').map((t) => [t.licenseId, t.basis])).toEqual([['kimi-openplatform-terms', 'api-terms']]);
    expect(governingTerms(registry, ['moonshot/kimi-k2.5'], 'hosted-oss').map((t) => t.licenseId)).toEqual(['modified-mit-kimi-k2.5']);
  });

  it('a procurement deny on origin:CN catches every one of them', () => {
    for (const [id, alias] of Object.entries(SELF_HOSTED)) expect(codes(alias, DENY_CN), id).toContain('procurement/flagged');
  });
});

describe('new model architectures for sizing', () => {
  it('GLM-4-9B-Chat: 40 layers, 32 / 2 heads of 128, 13,696 FFN, 151,552 vocab, 9.40B computed; 40,960 B of KV per token; one H100', () => {
    expect(arch('zhipu/glm-4-9b-chat')).toMatchObject({
      params_total_b: 9.4, params_nominal_b: 9, params_active_b: 9.4, layers: 40, hidden_size: 4096, intermediate_size: 13696, vocab_size: 151552,
      attention: { kind: 'gqa', heads: 32, kv_heads: 2, head_dim: 128 }, native_precision: 'bf16', tied_embeddings: false,
    });
    expect(status('zhipu/glm-4-9b-chat', 'architecture')).toBe('secondary');
    expect(model('zhipu/glm-4-9b-chat').citations['architecture']!.sources[0]!.source).toBe('glm-4-9b-chat-config-copy');
    expect(model('zhipu/glm-4-9b-chat').context_tokens).toBe(131072);
    expect(kvBytesPerToken(arch('zhipu/glm-4-9b-chat'), 'bf16')).toBe(40 * 2 * 2 * 128 * 2);
    const r = size('zhipu/glm-4-9b-chat', 'h100-sxm', 1, 'bf16');
    expect(r.fits).toBe(true);
    expect(r.weightsGib / GB).toBeCloseTo(9.4 * 2, 1);
  });

  it('Kimi K2.5: MLA 512 + 64 over 61 layers (70,272 B per token), 1026.88B with the vision tower, INT4 experts: ~551 GB fit 8 x H100, not 4', () => {
    expect(arch('moonshot/kimi-k2.5')).toMatchObject({
      params_total_b: 1026.88, params_active_b: 32.86, layers: 61, hidden_size: 7168, intermediate_size: 18432, vocab_size: 163840,
      attention: { kind: 'mla', heads: 64, kv_lora_rank: 512, q_lora_rank: 1536, qk_rope_head_dim: 64, qk_nope_head_dim: 128, v_head_dim: 128 },
      moe: { experts_total: 384, experts_active: 8, experts_shared: 1, moe_layers: 60, expert_intermediate_size: 2048 },
      native_precision: 'bf16', native_expert_precision: 'int4', tied_embeddings: false,
    });
    expect(status('moonshot/kimi-k2.5', 'architecture')).toBe('secondary');
    expect(status('moonshot/kimi-k2.5', 'architecture.native_expert_precision')).toBe('verified');
    expect(model('moonshot/kimi-k2.5').context_tokens).toBe(262144);
    expect(model('moonshot/kimi-k2.5').release_date).toBe('2026-01-27');
    expect(status('moonshot/kimi-k2.5', 'release_date')).toBe('secondary');
    expect(model('moonshot/kimi-k2.5').modalities.input).toEqual(['text', 'image', 'video']);
    expect(kvBytesPerToken(arch('moonshot/kimi-k2.5'), 'bf16')).toBe(61 * (512 + 64) * 2);
    const r = size('moonshot/kimi-k2.5', 'h100-sxm', 8);
    expect(r.fits).toBe(true);
    // The printed tensor table totals 554.30 GB of safetensors; the sizing core's native estimate lands within 1%.
    expect(Math.abs(r.weightsGib / GB - 554.3)).toBeLessThan(5.6);
    expect(size('moonshot/kimi-k2.5', 'h100-sxm', 4).fits).toBe(false);
  });

  it('GLM-4.6 and GLM-4.7: the GLM-4.5 shapes (92 layers, 96 / 8 heads, 160 + 1 experts), 202,752 context; 705.6 GB of BF16 fit 8 x H200, not 8 x H100', () => {
    for (const id of ['zhipu/glm-4.6', 'zhipu/glm-4.7']) {
      expect(arch(id), id).toEqual(arch('zhipu/glm-4.5'));
      expect(arch(id), id).toMatchObject({ params_total_b: 352.8, params_nominal_b: 355, layers: 92, attention: { kind: 'gqa', heads: 96, kv_heads: 8, head_dim: 128 } });
      expect(status(id, 'architecture'), id).toBe('secondary');
      expect(status(id, 'architecture.native_precision'), id).toBe('verified');
      expect(model(id).context_tokens, id).toBe(202752);
      expect(kvBytesPerToken(arch(id), 'bf16'), id).toBe(92 * 2 * 8 * 128 * 2);
      const r = size(id, 'h200-sxm', 8, 'bf16');
      expect(r.fits, id).toBe(true);
      expect(r.weightsGib / GB, id).toBeCloseTo(352.8 * 2, 0);
      expect(size(id, 'h100-sxm', 8, 'bf16').fits, id).toBe(false);
    }
    expect(model('zhipu/glm-4.5').context_tokens).toBe(131072);
  });

  it('Qwen3.6-35B-A3B: the Qwen3.5-35B-A3B hybrid layout, KV in 10 of 40 layers (20,480 B per token); 70 GB of BF16 fit one H100, not one L40S', () => {
    expect(arch('alibaba/qwen3.6-35b-a3b')).toMatchObject({
      params_total_b: 35, params_active_b: 3, layers: 40, hidden_size: 2048, vocab_size: 248320,
      attention: { kind: 'gqa', heads: 16, kv_heads: 2, head_dim: 256 },
      linear_attention: { kind: 'gated-deltanet', layers: 30, key_heads: 16, value_heads: 32, key_head_dim: 128, value_head_dim: 128 },
      moe: { experts_total: 256, experts_active: 8, experts_shared: 1, moe_layers: 40, expert_intermediate_size: 512 },
    });
    expect(status('alibaba/qwen3.6-35b-a3b', 'architecture')).toBe('secondary');
    expect(model('alibaba/qwen3.6-35b-a3b').release_date).toBe('2026-04-16');
    expect(model('alibaba/qwen3.6-35b-a3b').context_tokens).toBe(262144);
    expect(kvBytesPerToken(arch('alibaba/qwen3.6-35b-a3b'), 'bf16')).toBe(10 * 2 * 2 * 256 * 2);
    expect(kvBytesPerToken(arch('alibaba/qwen3.6-35b-a3b'), 'bf16')).toBe(kvBytesPerToken(arch('alibaba/qwen3.5-35b-a3b'), 'bf16'));
    expect(size('alibaba/qwen3.6-35b-a3b', 'h100-sxm', 1, 'bf16').fits).toBe(true);
    expect(size('alibaba/qwen3.6-35b-a3b', 'l40s', 1, 'bf16').fits).toBe(false);
  });
});
