/**
 * NVIDIA models that real LiteLLM configs route to but the registry did not know: Nemotron 3 Super, Nano, Nano Omni
 * and Ultra, Llama-3.1-Nemotron-Ultra-253B-v1, Llama-3.3-Nemotron-Super-49B-v1.5 and Nemotron Nano 12B v2 VL. NVIDIA
 * uses four different terms across them (the NVIDIA Open Model License Agreement, the NVIDIA Nemotron Open Model
 * License, the NVIDIA Open Model Agreement and OpenMDW-1.1), so each test pins which one a card names, the clause legal
 * relies on, what a self-hosted route is then governed by, that the routed ids resolve, and the sizing the recorded
 * shapes give.
 */
import { describe, expect, it } from 'vitest';
import { testPolicy } from '../policy/__fixtures__/registry.ts';
import { lintText } from '../policy/index.ts';
import { createResolver } from '../policy/resolve.ts';
import { governingTerms } from '../policy/terms.ts';
import { kvBytesPerToken } from '../sizing/kv-cache.ts';
import { modelChain } from './index.ts';
import { contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-04';
const { registry, findings } = contentRegistry(TODAY);
const { model, architecture: arch, license, size } = lookups(registry);
const resolver = createResolver(registry);

const SUPER = 'nvidia/nemotron-3-super-120b-a12b';
const NANO = 'nvidia/nemotron-3-nano-30b-a3b';
const OMNI = 'nvidia/nemotron-3-nano-omni-30b-a3b-reasoning';
const ULTRA = 'nvidia/nemotron-3-ultra-550b-a55b';
const LLAMA_ULTRA = 'nvidia/llama-3_1-nemotron-ultra-253b-v1';
const SUPER_49_V15 = 'nvidia/llama-3_3-nemotron-super-49b-v1_5';
const VL = 'nvidia/nvidia-nemotron-nano-12b-v2-vl';
const ADDED = [SUPER, NANO, OMNI, ULTRA, LLAMA_ULTRA, SUPER_49_V15, VL];
const NEW_LICENSES = ['nvidia-nemotron-open-model-license', 'nvidia-open-model-agreement', 'openmdw-1.1'];

const litellm = (m: string) => `model_list:\n  - model_name: m\n    litellm_params:\n      model: ${m}\n`;
const codes = (m: string) => [...new Set(lintText('router.yaml', litellm(m), registry, testPolicy('name: test\n'), TODAY).findings.map((f) => f.code))];
const idOf = (spec: string) => {
  const r = resolver.resolveModel(spec, spec.includes('/') ? spec.slice(0, spec.indexOf('/')) : undefined);
  return r.kind === 'model' ? r.id : r.kind;
};
const chainIds = (id: string) => {
  const ids = [id];
  for (let base = model(id).base_model?.model; base !== undefined; base = registry.models[base]?.base_model?.model) ids.push(base);
  return ids;
};
const selfHosted = (id: string) => governingTerms(registry, chainIds(id), 'self-hosted').map((t) => t.licenseId);
const GB = 1e9 / 2 ** 30;

describe('NVIDIA models routed by real configs', () => {
  it('load without errors or warnings, and every citation names a source file that exists', () => {
    const files = new RegExp(`^content/(models/nvidia/(${ADDED.map((id) => id.slice('nvidia/'.length)).join('|')})|licenses/(${NEW_LICENSES.join('|')}))\\.yaml$`);
    expect(findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && files.test(f.file))).toEqual([]);
    for (const id of ADDED) {
      for (const [field, c] of Object.entries(model(id).citations)) {
        for (const s of c.sources) expect(registry.sources[s.source], `${id} ${field} cites ${s.source}`).toBeDefined();
      }
      expect(model(id).citations['license'], id).toBeDefined();
    }
  });

  it('the routed ids resolve to the new entries, v1.5 apart from v1', () => {
    const routes: [string, string][] = [
      ['nvidia_nim/nvidia/nemotron-3-super-120b-a12b', SUPER],
      ['openrouter/nvidia/nemotron-3-super-120b-a12b:free', SUPER],
      ['hosted_vllm/nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-FP8', SUPER],
      ['nvidia_nim/nvidia/nemotron-3-nano-omni-30b-a3b-reasoning', OMNI],
      ['openrouter/nvidia/nemotron-3-nano-30b-a3b:free', NANO],
      ['openrouter/nvidia/nemotron-3-ultra-550b-a55b:free', ULTRA],
      ['nvidia_nim/nvidia/llama-3.1-nemotron-ultra-253b-v1', LLAMA_ULTRA],
      ['nvidia_nim/nvidia/llama-3.3-nemotron-super-49b-v1.5', SUPER_49_V15],
      ['hosted_vllm/nvidia/Llama-3_3-Nemotron-Super-49B-v1_5', SUPER_49_V15],
      ['openrouter/nvidia/nemotron-nano-12b-v2-vl:free', VL],
    ];
    for (const [route, id] of routes) expect(idOf(route), route).toBe(id);
    expect(idOf('nvidia_nim/nvidia/llama-3.3-nemotron-super-49b-v1')).toBe('nvidia/llama-3_3-nemotron-super-49b-v1');
    for (const [route] of routes) expect(codes(route), route).not.toContain('registry/unknown-model');
  });

  it('Nemotron 3 Super and Nano name the NVIDIA Nemotron Open Model License, not the older Open Model License Agreement', () => {
    expect(model(SUPER).license).toBe('nvidia-nemotron-open-model-license');
    expect(model(NANO).license).toBe('nvidia-nemotron-open-model-license');
    // Super's card is NVIDIA's own page; Nano's is a copy whose front matter still carries the old slug.
    expect(model(SUPER).citations['license']).toMatchObject({ status: 'verified', sources: [{ source: 'nemotron-3-super-card' }, { source: 'nemotron-open-model-license-reading' }] });
    expect(model(NANO).citations['license']!.status).toBe('secondary');
    expect(registry.sources['nemotron-3-nano-30b-card-copy']!.note).toContain('license_name nvidia-open-model-license');

    const l = license('nvidia-nemotron-open-model-license');
    expect(l).toMatchObject({ class: 'open-weights-restricted', vendor: 'nvidia', published: '2025-12-15', spdx: 'LicenseRef-clearance-nvidia-nemotron-open-model-license' });
    expect(l.url).toBe('https://www.nvidia.com/en-us/agreements/enterprise-software/nvidia-nemotron-open-model-license/');
    expect(l.commercial_use).toMatchObject({ value: 'allowed', status: 'secondary', quote: 'Works are commercially usable.' });
    expect(l.obligations.find((o) => o.value === 'license-notice')?.quote).toBe('Licensed by NVIDIA Corporation under the NVIDIA Nemotron Model License.');
    expect(l.governing_law?.value).toContain('Delaware');
    // What sets it apart from the Open Model License Agreement: no guardrail clause, only litigation ends it.
    const clauses = l.other_clauses?.map((c) => c.value) ?? [];
    expect(clauses).toContain('patent-litigation-termination');
    expect(clauses).not.toContain('guardrail-circumvention-termination');
    expect(license('nvidia-open-model-license-2025-04-28').other_clauses?.map((c) => c.value)).toContain('guardrail-circumvention-termination');
    // Read through a third party's verbatim quotation, never as NVIDIA's own page.
    expect(registry.sources['nemotron-open-model-license-reading']).toMatchObject({ publisher: 'third party' });
  });

  it('self-hosting Nemotron 3 Super, Nano and Ultra is governed by their own terms alone, and passes as commercial', () => {
    expect(selfHosted(SUPER)).toEqual(['nvidia-nemotron-open-model-license']);
    expect(selfHosted(NANO)).toEqual(['nvidia-nemotron-open-model-license']);
    expect(selfHosted(ULTRA)).toEqual(['openmdw-1.1']);
    expect(selfHosted(OMNI)).toEqual(['nvidia-open-model-agreement']);
    for (const route of ['hosted_vllm/nvidia/NVIDIA-Nemotron-3-Super-120B-A12B-BF16', 'hosted_vllm/nvidia/NVIDIA-Nemotron-3-Nano-30B-A3B-BF16', 'hosted_vllm/nvidia/NVIDIA-Nemotron-3-Ultra-550B-A55B-NVFP4', 'hosted_vllm/nvidia/Nemotron-3-Nano-Omni-30B-A3B-Reasoning-NVFP4']) {
      const c = codes(route);
      expect(c, route).not.toContain('license/non-commercial');
      expect(c, route).toContain('license/obligations');
    }
  });

  it('Nemotron 3 Ultra is OpenMDW-1.1: permissive, its suit-termination widened to copyright', () => {
    expect(model(ULTRA).citations['license']!.sources[0]!.where).toContain('openmdw-1.1');
    const l = license('openmdw-1.1');
    expect(l).toMatchObject({ class: 'permissive', derived_from: 'openmdw-1.0', spdx: 'LicenseRef-clearance-openmdw-1.1' });
    expect(l.commercial_use).toMatchObject({ value: 'allowed', status: 'verified' });
    expect(l.commercial_use.quote).toBe(license('openmdw-1.0').commercial_use.quote);
    expect(l.output_training?.value).toBe('allowed');
    expect(l.other_clauses?.find((c) => c.value === 'patent-termination')?.summary).toContain('copyright');
    expect(registry.sources['openmdw-1.1-faq']!.note).toContain('the change from');
  });

  it('the Nano Omni names a third agreement, recorded only as far as third parties restate it', () => {
    expect(model(OMNI).license).toBe('nvidia-open-model-agreement');
    expect(model(OMNI).modalities).toEqual({ input: ['text', 'image', 'audio', 'video'], output: ['text'] });
    const l = license('nvidia-open-model-agreement');
    expect(l.commercial_use).toMatchObject({ value: 'allowed', status: 'secondary', quote: 'Works are commercially usable.' });
    expect(l.output_training).toMatchObject({ value: 'unknown', status: 'unknown' });
    expect(l.identity?.status).toBe('secondary');
    // Nothing beyond commercial use is claimed at more than single-source.
    expect(l.other_clauses?.every((c) => c.status === 'single-source')).toBe(true);
  });

  it('the Llama-derived Nemotrons chain to their Llama base, so both licenses govern a self-hosted route', () => {
    expect(model(LLAMA_ULTRA).base_model).toEqual({ model: 'meta/llama-3.1-405b-instruct', relation: 'distillation' });
    expect(model(SUPER_49_V15).base_model).toEqual({ model: 'meta/llama-3.3-70b-instruct', relation: 'distillation' });
    expect(modelChain(registry, LLAMA_ULTRA).map((m) => m.license)).toEqual(['nvidia-open-model-license', 'llama-3.1-community']);
    expect(modelChain(registry, SUPER_49_V15).map((m) => m.license)).toEqual(['nvidia-open-model-license', 'llama-3.3-community']);
    expect(selfHosted(LLAMA_ULTRA)).toEqual(expect.arrayContaining(['nvidia-open-model-license', 'llama-3.1-community']));
    expect(selfHosted(SUPER_49_V15)).toEqual(expect.arrayContaining(['nvidia-open-model-license', 'llama-3.3-community']));
    for (const id of [LLAMA_ULTRA, SUPER_49_V15]) {
      expect(model(id).procurement_flags?.map((f) => f.flag), id).toContain('llama-naming-duty');
      expect(model(id).citations['base_model']!.status, id).toBe('secondary');
    }
    // v1.5's card does not say it keeps v1's NAS blocks, so v1's shapes are not copied onto it.
    expect(model(SUPER_49_V15).architecture).toBeUndefined();
    expect(model('nvidia/llama-3_3-nemotron-super-49b-v1').architecture?.layers).toBe(49);
    // The Nano 12B v2 VL is not Llama-based and keeps the older NVIDIA agreement alone.
    expect(model(VL).license).toBe('nvidia-open-model-license');
    expect(selfHosted(VL)).toEqual(['nvidia-open-model-license']);
  });

  it('release dates and context windows as the cards state them', () => {
    const rows: [string, string, number][] = [
      [SUPER, '2026-03-11', 1_000_000],
      [NANO, '2025-12-15', 1_000_000],
      [OMNI, '2026-04-28', 256_000],
      [ULTRA, '2026-06-04', 1_000_000],
      [LLAMA_ULTRA, '2025-04-07', 131_072],
      [SUPER_49_V15, '2025-07-25', 131_072],
      [VL, '2025-10-28', 128_000],
    ];
    for (const [id, date, ctx] of rows) {
      expect(model(id).release_date, id).toBe(date);
      expect(model(id).context_tokens, id).toBe(ctx);
    }
    expect(model(SUPER).citations['release_date']!.status).toBe('verified');
  });

  it('Nemotron 3 Nano: 23 Mamba-2 + 6 attention layers hold state, 23 MoE blocks of 128 experts; 31.58B computed', () => {
    expect(arch(NANO)).toMatchObject({
      params_total_b: 31.58, params_active_b: 3.58, layers: 29, hidden_size: 2688, vocab_size: 131072,
      attention: { kind: 'gqa', heads: 32, kv_heads: 2, head_dim: 128 },
      linear_attention: { kind: 'mamba2', layers: 23, key_heads: 8, value_heads: 64, key_head_dim: 128, value_head_dim: 64, conv_kernel: 4 },
      moe: { experts_total: 128, experts_active: 6, experts_shared: 1, moe_layers: 23, expert_intermediate_size: 1856 },
      native_precision: 'bf16', tied_embeddings: false,
    });
    expect(arch(NANO).intermediate_size).toBeUndefined();
    expect(model(NANO).citations['architecture']!.status).toBe('secondary');
    // 6 attention layers × 2 (K and V) × 2 KV heads × 128 × 2 bytes.
    expect(kvBytesPerToken(arch(NANO), 'bf16')).toBe(6 * 2 * 2 * 128 * 2);
    const one = size(NANO, 'h100-sxm', 1, 'bf16');
    expect(one.weightsGib / GB).toBeCloseTo(31.58 * 2, 0);
    expect(one.fits).toBe(true);
    expect(size(NANO, 'l4', 1, 'bf16').fits).toBe(false);
  });

  it('Llama-3.1-Nemotron-Ultra-253B-v1: 64 of 162 NAS blocks keep attention; 253.40B computed, one 8x H100 node', () => {
    expect(arch(LLAMA_ULTRA)).toMatchObject({
      params_total_b: 253.4, params_active_b: 253.4, layers: 64, hidden_size: 16384, vocab_size: 128256,
      attention: { kind: 'gqa', heads: 128, kv_heads: 8, head_dim: 128 }, native_precision: 'bf16', tied_embeddings: false,
    });
    expect(arch(LLAMA_ULTRA).intermediate_size).toBeUndefined();
    const c = model(LLAMA_ULTRA).citations['architecture']!;
    expect(c.status).toBe('secondary');
    expect(c.sources[0]!.source).toBe('nemo-llama-nemotron-ultra-253b-config-copy');
    expect(c.note).toContain('253,401,268,224');
    // 64 attention layers × 2 × 8 KV heads × 128 × 2 bytes: 64/126 of the 405B base's cache.
    expect(kvBytesPerToken(arch(LLAMA_ULTRA), 'bf16')).toBe(64 * 2 * 8 * 128 * 2);
    const base = arch('meta/llama-3.1-405b-instruct');
    expect(kvBytesPerToken(arch(LLAMA_ULTRA), 'bf16') / kvBytesPerToken(base, 'bf16')).toBeCloseTo(64 / base.layers, 6);
    // The card: "fits on a single 8xH100 node" at BF16; 4 H100s are not enough.
    const eight = size(LLAMA_ULTRA, 'h100-sxm', 8, 'bf16');
    expect(eight.weightsGib / GB).toBeCloseTo(253.4 * 2, 0);
    expect(eight.fits).toBe(true);
    expect(size(LLAMA_ULTRA, 'h100-sxm', 4, 'bf16').fits).toBe(false);
  });

  it('Nemotron 3 Super: 40 Mamba-2 + 8 attention layers, 40 MoE blocks of 512 latent experts; 120.67B computed', () => {
    expect(arch(SUPER)).toMatchObject({
      params_total_b: 120.67, params_active_b: 12.77, layers: 48, hidden_size: 4096, vocab_size: 131072,
      attention: { kind: 'gqa', heads: 32, kv_heads: 2, head_dim: 128 },
      linear_attention: { kind: 'mamba2', layers: 40, key_heads: 8, value_heads: 128, key_head_dim: 128, value_head_dim: 64 },
      moe: { experts_total: 512, experts_active: 22, experts_shared: 1, moe_layers: 40, expert_intermediate_size: 2688 },
      native_precision: 'bf16', tied_embeddings: false,
    });
    expect(model(SUPER).citations['architecture']!.status).toBe('secondary');
    expect(model(SUPER).citations['architecture']!.note).toContain('120,668,707,840');
    expect(model(SUPER).citations['architecture.mtp_params_b']!.status).toBe('directional');
    // 8 KiB per token: the whole KV cache of an 88-block model comes from its 8 attention layers.
    expect(kvBytesPerToken(arch(SUPER), 'bf16')).toBe(8 * 2 * 2 * 128 * 2);
    // 241 GB of BF16 weights: not on 2 H100s, on 4 (the card's minimum is 1x B200 at NVFP4).
    const four = size(SUPER, 'h100-sxm', 4, 'bf16');
    expect(four.weightsGib / GB).toBeCloseTo(120.67 * 2, 0);
    expect(four.fits).toBe(true);
    expect(size(SUPER, 'h100-sxm', 2, 'bf16').fits).toBe(false);
  });
});
