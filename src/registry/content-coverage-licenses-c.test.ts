/**
 * Licenses added for registry breadth (issue 12), third batch: the Tencent Hunyuan Community License, BigCode
 * OpenRAIL-M v1, the Stability AI Community License and the EXAONE AI Model License 1.2 - NC, each with a model
 * that ships under it. Each test pins the deciding clauses (value, status, the quote's key words, the source) read
 * from the real registry in content/, and lints a LiteLLM config naming the model, so a content edit that weakens
 * or drops a clause fails CI.
 */
import { describe, expect, it } from 'vitest';
import { testPolicy } from '../policy/__fixtures__/registry.ts';
import { lintText } from '../policy/index.ts';
import { contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-02';
const { registry, findings } = contentRegistry(TODAY);
const { license } = lookups(registry);
const litellm = (model: string, extra = '') => `model_list:\n  - model_name: m\n    litellm_params:\n      model: ${model}\n${extra}`;
const lint = (config: string, policy = 'name: test\n') => lintText('router.yaml', config, registry, testPolicy(policy), TODAY).findings;
const codes = (config: string, policy?: string) => [...new Set(lint(config, policy).map((f) => f.code))].sort();
const EU = 'name: test\norganization:\n  domicile: DE\n';
const ADDED = ['tencent-hunyuan-community', 'bigcode-openrail-m-v1', 'stability-ai-community', 'exaone-1.2-nc'];
const MODELS: Record<string, string[]> = {
  'tencent-hunyuan-community': ['tencent/hunyuan-a13b-instruct', 'tencent/hunyuan-mt-7b'],
  'bigcode-openrail-m-v1': ['bigcode/starcoder2-3b', 'bigcode/starcoder2-7b', 'bigcode/starcoder2-15b'],
  'stability-ai-community': ['stability/stablelm-2-12b'],
  'exaone-1.2-nc': ['lg/exaone-4.0-32b'],
};

describe('licenses added for breadth (third batch)', () => {
  it('load without errors, cite existing sources, and each has a model that uses it', () => {
    const mine = /^content\/(licenses\/(tencent-hunyuan-community|bigcode-openrail-m-v1|stability-ai-community|exaone-1\.2-nc)\.yaml|models\/(tencent|bigcode|stability)\/|models\/lg\/exaone-4\.0|vendors\/(tencent|bigcode|stability)\.yaml|sources\/(hunyuan-|theedge-tencent|hf-blog-starcoder2|hf-starcoder2|scancode-bigcode|scancode-stability|stablelm-2-12b|exaone-license-1\.2|exaone-4\.0))/;
    expect(findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && mine.test(f.file))).toEqual([]);
    for (const id of ADDED) {
      const l = license(id);
      expect(l.commercial_use.sources.length).toBeGreaterThan(0);
      for (const ref of l.commercial_use.sources) expect(registry.sources[ref.source], `${id} cites ${ref.source}`).toBeDefined();
      for (const m of MODELS[id]!) expect(registry.models[m]?.license, m).toBe(id);
    }
  });

  it('Tencent Hunyuan: royalty-free inside the Territory, 100M MAU cap on the release date, no improving other models', () => {
    const l = license('tencent-hunyuan-community');
    expect(l).toMatchObject({ class: 'open-weights-restricted', spdx: 'LicenseRef-clearance-tencent-hunyuan-community', vendor: 'tencent', hf_tag: 'other' });
    expect(l.commercial_use).toMatchObject({ value: 'conditional', status: 'verified' });
    expect(l.commercial_use.quote).toContain('for the Territory only');
    expect(l.commercial_use.quote).toContain('royalty-free');
    expect(l.commercial_use.sources[0]).toMatchObject({ source: 'hunyuan-a13b-license-text' });
    expect(registry.sources['hunyuan-a13b-license-text']).toMatchObject({ kind: 'license-text', publisher: 'Tencent' });
    expect(l.mau_cap).toMatchObject({ value: 100_000_000, status: 'verified' });
    expect(l.mau_cap?.quote).toContain('greater than 100 million monthly active users in the preceding calendar month');
    expect(l.mau_measured).toContain('release date');
    expect(l.revenue_cap?.value).toBeNull();
    expect(l.output_training).toMatchObject({ value: 'forbidden', status: 'verified' });
    expect(l.output_training.quote).toContain('to improve any other AI model');
    expect(l.flow_down).toMatchObject({ value: 'yes' });
    expect(l.flow_down?.quote).toContain('as an enforceable provision');
    expect(l.governing_law?.value).toContain('Hong Kong');
    // "Powered by Tencent Hunyuan" is only encouraged; the Notice file is required when copies are distributed.
    expect(l.obligations.map((o) => [o.value, o.applies_when])).toEqual([
      ['aup-flow-down', 'use'],
      ['license-notice', 'making-available'],
      ['license-notice', 'distribution'],
      ['other', 'distribution'],
    ]);
    expect(l.obligations.find((o) => o.applies_when === 'distribution' && o.value === 'license-notice')?.quote).toContain('Tencent Hunyuan is licensed under the Tencent Hunyuan Community License Agreement');
  });

  it('Tencent Hunyuan: the EU/UK/South Korea exclusion is territorial (where use happens), in the license itself', () => {
    const [geo, ...rest] = license('tencent-hunyuan-community').geo_exclusions;
    expect(rest).toEqual([]);
    expect(geo).toMatchObject({ regions: ['EU', 'GB', 'KR'], basis: 'location', applies_to: 'all-models', in_document: 'license', status: 'verified' });
    expect(geo?.quote).toContain('DOES NOT APPLY IN THE EUROPEAN UNION, UNITED KINGDOM AND SOUTH KOREA');
    expect(geo?.quote).toContain('outside the Territory is unlicensed');
    expect(geo?.sources.map((s) => s.source)).toEqual(['hunyuan-a13b-license-text', 'hunyuan-mt-license-text']);
    expect(geo?.sources[0]?.where).toContain('§5.c');
  });

  it('lints a self-hosted Hunyuan route: an EU region or an EU-based organisation is an error; elsewhere, no location a warning', () => {
    const geo = (config: string, policy: string) => lint(config, policy).filter((f) => f.code === 'license/geo-restriction');
    const inEu = geo(litellm('hosted_vllm/tencent/Hunyuan-A13B-Instruct', '      region_name: eu\n'), EU);
    expect(inEu.map((f) => f.severity)).toEqual(['error']);
    expect(inEu[0]!.message).toContain('excludes use in EU, GB, KR');
    // Use and display of output happen where the organisation works: an EU company fails wherever the server is.
    const based = geo(litellm('hosted_vllm/tencent/Hunyuan-A13B-Instruct'), EU);
    expect(based.map((f) => f.severity)).toEqual(['error']);
    expect(based[0]!.message).toMatch(/the organization is domiciled in [A-Z]{2} \(EU member\), so it uses the model and its output there/);
    // A US company with no location given: a warning asking for it; with no domicile, the fact is listed as unset.
    const US = 'name: test\norganization:\n  domicile: US\n';
    const unknown = geo(litellm('hosted_vllm/tencent/Hunyuan-A13B-Instruct'), US);
    expect(unknown.map((f) => f.severity)).toEqual(['warning']);
    expect(unknown[0]!.message).toContain('the route’s location is unknown');
    expect(codes(litellm('hosted_vllm/tencent/Hunyuan-A13B-Instruct'), 'name: test\n')).toEqual(expect.arrayContaining(['license/geo-restriction', 'organization/unset']));
    expect(codes(litellm('hosted_vllm/tencent/Hunyuan-MT-7B', '      region_name: eu\n'), EU)).toContain('license/geo-restriction');
    // The 100M MAU cap is checked once the policy states users.
    const mau = lint(litellm('hosted_vllm/tencent/Hunyuan-A13B-Instruct'), 'name: test\norganization:\n  monthly_active_users: 150000000\n').filter((f) => f.code === 'license/mau-cap');
    expect(mau.map((f) => f.severity)).toEqual(['error']);
    expect(codes(litellm('hosted_vllm/tencent/Hunyuan-A13B-Instruct'))).not.toContain('license/non-commercial');
    expect(codes(litellm('hosted_vllm/tencent/Hunyuan-A13B-Instruct'), 'name: test\norganization:\n  trains_on_outputs: true\n')).toContain('license/output-training');
  });

  it('BigCode OpenRAIL-M v1: commercial use allowed, Attachment A restrictions flow down when the model is shared', () => {
    const l = license('bigcode-openrail-m-v1');
    expect(l).toMatchObject({ class: 'open-weights-restricted', spdx: 'LicenseRef-scancode-bigcode-open-rail-m-v1', hf_tag: 'bigcode-openrail-m' });
    expect(l.identity?.sources[0]?.where).toContain('docs/bigcode-open-rail-m-v1.yml');
    expect(l.commercial_use).toMatchObject({ value: 'allowed', status: 'verified' });
    expect(l.commercial_use.quote).toContain('even share commercial versions of it');
    expect(l.commercial_use.sources[0]).toMatchObject({ source: 'scancode-bigcode-open-rail-m-v1-text' });
    expect(registry.sources['scancode-bigcode-open-rail-m-v1-text']?.kind).toBe('license-text');
    expect(l.flow_down).toMatchObject({ value: 'yes', status: 'verified' });
    expect(l.flow_down?.quote).toContain('Paragraph 4 and the restrictions in Attachment A');
    expect(l.output_training.value).toBe('restricted');
    expect(l.output_training.quote).toContain('Output of the Model');
    const aup = l.obligations.find((o) => o.value === 'aup-flow-down');
    expect(aup).toMatchObject({ applies_when: 'making-available' });
    const restrictions = l.other_clauses?.find((c) => c.value === 'use-based-restrictions');
    expect(restrictions?.quote).toContain('without expressly and intelligibly disclaiming that the information and/or content is machine generated');
    expect(restrictions?.sources[0]?.where).toContain('Attachment A');
    expect(l.governing_law).toMatchObject({ value: null, status: 'verified' });
    for (const size of ['3b', '7b', '15b']) {
      const m = registry.models[`bigcode/starcoder2-${size}`];
      expect(m?.citations.license).toMatchObject({ status: 'verified' });
      expect(m?.citations.license?.sources[0]).toMatchObject({ source: 'hf-blog-starcoder2' });
      expect(codes(litellm(`hosted_vllm/bigcode/starcoder2-${size}`))).not.toContain('license/non-commercial');
      expect(codes(litellm(`hosted_vllm/bigcode/starcoder2-${size}`))).toContain('license/obligations');
    }
    expect(registry.models['bigcode/starcoder2-15b']?.citations.license?.sources.map((s) => s.source)).toContain('hf-starcoder2-15b-card');
  });

  it('Stability AI Community License: commercial use after registration, ends above USD 1M annual revenue', () => {
    const l = license('stability-ai-community');
    expect(l).toMatchObject({ class: 'open-weights-restricted', spdx: 'LicenseRef-scancode-stability-ai-community-2024', vendor: 'stability', published: '2024-07-05' });
    expect(l.commercial_use).toMatchObject({ value: 'conditional', status: 'verified' });
    expect(l.commercial_use.quote).toContain('You must register with Stability AI');
    expect(l.commercial_use.sources[0]).toMatchObject({ source: 'scancode-stability-ai-community-2024-text', where: expect.stringContaining('III Commercial Use License') });
    expect(l.revenue_cap).toMatchObject({ value: 1_000_000, status: 'verified' });
    expect(l.revenue_cap?.quote).toContain('more than USD $1,000,000 in annual revenue');
    expect(l.revenue_cap?.quote).toContain('any licenses granted to You under this Agreement shall terminate');
    expect(l.mau_cap?.value).toBeNull();
    expect(l.output_training).toMatchObject({ value: 'restricted' });
    expect(l.output_training.quote).toContain('to create or improve any foundational generative AI model');
    expect(l.obligations.find((o) => o.value === 'attribution-display')).toMatchObject({ applies_when: 'making-available', quote: expect.stringContaining('Powered by Stability AI') });
    expect(l.governing_law?.value).toContain('California');
    const m = registry.models['stability/stablelm-2-12b'];
    // The card was read in a verbatim copy, so the model's license is secondary, not verified.
    expect(m?.citations.license).toMatchObject({ status: 'secondary' });
    expect(m?.architecture).toMatchObject({ params_total_b: 12.14, layers: 40, hidden_size: 5120, attention: { kind: 'gqa', heads: 32, kv_heads: 8 } });
    expect(codes(litellm('hosted_vllm/stabilityai/stablelm-2-12b'))).not.toContain('license/non-commercial');
    expect(codes(litellm('hosted_vllm/stabilityai/stablelm-2-12b'), 'name: test\norganization:\n  trains_on_outputs: true\n')).toContain('license/output-training');
    // The revenue cap decides the verdict: a USD 25M company needs Stability's enterprise license; a start-up does not.
    const revenue = (usd: number) => `name: test\norganization:\n  annual_revenue_usd: ${usd}\n`;
    const over = lint(litellm('hosted_vllm/stabilityai/stablelm-2-12b'), revenue(25_000_000)).filter((f) => f.code === 'license/revenue-cap');
    expect(over.map((f) => f.severity)).toEqual(['error']);
    expect(over[0]!.message).toContain('grants rights only below USD 1M annual revenue');
    expect(codes(litellm('hosted_vllm/stabilityai/stablelm-2-12b'), revenue(200_000))).not.toContain('license/revenue-cap');
  });

  it('Devstral 2 (modified MIT): the revenue cap is per month; the annual figure it is compared with says so', () => {
    const l = license('devstral-2-modified-mit');
    expect(l.revenue_cap?.value).toBe(240_000_000);
    expect(l.revenue_measured).toMatch(/^Per month/);
    const over = lint(litellm('hosted_vllm/mistralai/Devstral-2-123B-Instruct-2512'), 'name: test\norganization:\n  annual_revenue_usd: 300000000\n').filter((f) => f.code === 'license/revenue-cap');
    expect(over.map((f) => f.severity)).toEqual(['error']);
    expect(over[0]!.evidence?.[0]?.summary).toContain('Measured: Per month');
  });

  it('EXAONE 1.2 - NC: still non-commercial; output ban narrowed to competing models; fine-tunes named "EXAONE…"', () => {
    const l = license('exaone-1.2-nc');
    const old = license('exaone-1.1-nc');
    expect(l).toMatchObject({ class: 'non-commercial', spdx: 'LicenseRef-clearance-exaone-1.2-nc', vendor: 'lg', derived_from: 'exaone-1.1-nc' });
    expect(l.spdx).not.toBe(old.spdx);
    expect(l.commercial_use).toMatchObject({ value: 'forbidden', status: 'verified' });
    expect(l.commercial_use.quote).toContain('expressly prohibited from using the Model, Derivatives, or Output for any commercial purposes');
    expect(l.commercial_use.sources[0]).toMatchObject({ source: 'exaone-license-1.2-nc-text', where: expect.stringContaining('research and educational') });
    expect(l.output_training).toMatchObject({ value: 'restricted', status: 'verified' });
    expect(l.output_training.quote).toContain('compete with the Licensor’s models');
    expect(old.output_training.value).toBe('forbidden');
    expect(l.competing_models?.value).toBe('forbidden');
    expect(l.obligations.find((o) => o.value === 'name-prefix')).toMatchObject({ applies_when: 'derivative-release', quote: expect.stringContaining('"EXAONE" at the beginning of its name') });
    expect(l.governing_law?.value).toContain('Korea');
    expect(codes(litellm('hosted_vllm/LGAI-EXAONE/EXAONE-4.0-32B'))).toContain('license/non-commercial');
  });
});
