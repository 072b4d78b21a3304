/**
 * Licenses and API terms added for registry breadth (issue 12): the plain CC BY-NC 4.0 legal code, the dated
 * 28 April 2025 NVIDIA Open Model License, the glm-4-9b License, Kimi K2.5's Modified MIT and the Kimi
 * OpenPlatform API terms. Each test pins the commercial-use clause legal relies on, read from the real registry in
 * content/, so a content edit that weakens or drops it fails CI.
 */
import { describe, expect, it } from 'vitest';
import { testPolicy } from '../policy/__fixtures__/registry.ts';
import { lintText } from '../policy/index.ts';
import { governingTerms } from '../policy/terms.ts';
import { contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-02';
const { registry, findings } = contentRegistry(TODAY);
const { license } = lookups(registry);
const litellm = (model: string) => `model_list:\n  - model_name: m\n    litellm_params:\n      model: ${model}\n`;
const codes = (config: string) => [...new Set(lintText('router.yaml', config, registry, testPolicy('name: test\n'), TODAY).findings.map((f) => f.code))].sort();
const ADDED = ['cc-by-nc-4.0', 'nvidia-open-model-license-2025-04-28', 'glm-4-9b-license', 'modified-mit-kimi-k2.5', 'kimi-openplatform-terms'];

describe('licenses and API terms added for breadth', () => {
  it('load without errors, and every claim cites a source file that exists', () => {
    const mine = new RegExp(`^content/(licenses/(${ADDED.join('|').replace(/\./g, '\\.')})\\.yaml|sources/(glm-4-9b-license-text|simonwillison-kimi-k25|kimi-openplatform-terms)\\.yaml|models/moonshot/|models/mistral/voxtral-4b-tts-2603\\.yaml)`);
    expect(findings.filter((f) => f.severity === 'error' && mine.test(f.file))).toEqual([]);
    for (const id of ADDED) {
      const l = license(id);
      for (const ref of l.commercial_use.sources) expect(registry.sources[ref.source], `${id} cites ${ref.source}`).toBeDefined();
      expect(l.commercial_use.sources.length).toBeGreaterThan(0);
    }
  });

  it('plain CC-BY-NC-4.0 forbids commercial use, by the legal code read from the ScanCode copy', () => {
    const l = license('cc-by-nc-4.0');
    expect(l).toMatchObject({ spdx: 'CC-BY-NC-4.0', class: 'non-commercial', hf_tag: 'cc-by-nc-4.0' });
    expect(l.commercial_use).toMatchObject({ value: 'forbidden', status: 'verified' });
    expect(l.commercial_use.quote).toContain('for NonCommercial purposes only');
    expect(l.commercial_use.sources[0]).toMatchObject({ source: 'scancode-licensedb' });
    expect(l.commercial_use.sources[0]?.where).toContain('Section 2(a)(1)');
    // The bare legal code carries no acceptable-use addendum; Cohere's releases keep their own entry.
    expect(l.acceptable_use_policy).toBeUndefined();
    expect(license('cc-by-nc-4.0-cohere').acceptable_use_policy).toBeDefined();
    expect(l.obligations.map((o) => [o.value, o.applies_when])).toEqual([['attribution-display', 'distribution']]);
  });

  it('the 28 April 2025 NVIDIA Open Model License allows commercial use but ends on guardrail circumvention', () => {
    const l = license('nvidia-open-model-license-2025-04-28');
    expect(l.spdx).toBe('LicenseRef-scancode-nvidia-open-model-2025-04-28');
    expect(l.identity?.sources[0]?.where).toContain('docs/nvidia-open-model-2025-04-28.yml');
    expect(l.published).toBe('2025-04-28');
    expect(l.commercial_use).toMatchObject({ value: 'allowed', status: 'verified', quote: 'Models are commercially usable.' });
    expect(l.mau_cap?.value).toBeNull();
    expect(l.governing_law?.value).toContain('Delaware');
    expect(l.other_clauses?.map((c) => c.value)).toContain('guardrail-circumvention-termination');
    expect(l.obligations.find((o) => o.value === 'license-notice')?.quote).toBe('Licensed by NVIDIA Corporation under the NVIDIA Open Model License');
  });

  it('the glm-4-9b License allows commercial use only after registering with Zhipu AI, and binds derivatives to a name prefix', () => {
    const l = license('glm-4-9b-license');
    expect(l).toMatchObject({ spdx: 'LicenseRef-clearance-glm-4-9b-license', class: 'open-weights-restricted', vendor: 'zhipu' });
    expect(l.commercial_use).toMatchObject({ value: 'conditional', status: 'verified' });
    expect(l.commercial_use.quote).toContain('open.bigmodel.cn/mla/form');
    expect(l.commercial_use.quote).toContain('完成登记');
    expect(l.obligations.find((o) => o.value === 'name-prefix')).toMatchObject({ applies_when: 'derivative-release' });
    expect(l.obligations.find((o) => o.value === 'attribution-display')?.quote).toContain('Built with glm-4');
    expect(l.governing_law?.status).toBe('unknown');
  });

  it("Kimi K2.5's Modified MIT owes \"Kimi K2.5\" on the UI above 100M MAU or USD 20M monthly revenue, not a license fee", () => {
    const k25 = license('modified-mit-kimi-k2.5');
    const k2 = license('modified-mit-kimi');
    expect(k25.commercial_use).toMatchObject({ value: 'allowed', status: 'secondary' });
    expect(k25.commercial_use.quote).toContain('"Kimi K2.5"');
    expect(k2.obligations.find((o) => o.value === 'attribution-display')?.quote).toContain('"Kimi K2"');
    expect(k25.spdx).not.toBe(k2.spdx);
    expect(k25.mau_cap?.value).toBeNull();
    expect(k25.obligations).toEqual([expect.objectContaining({ value: 'attribution-display', applies_when: 'use' })]);
  });

  it("Moonshot's own API route is governed by the Kimi OpenPlatform terms; hosts of the weights by the Modified MIT", () => {
    const terms = license('kimi-openplatform-terms');
    expect(terms).toMatchObject({ kind: 'api-terms', class: 'proprietary-api' });
    expect(terms.commercial_use).toMatchObject({ value: 'allowed', status: 'verified' });
    expect(terms.commercial_use.quote).toContain('offer those Customer Applications to End Users');
    expect(terms.competing_models?.value).toBe('unknown');
    for (const id of ['moonshot/kimi-k2-instruct-0905', 'moonshot/kimi-k2-thinking']) {
      expect(registry.models[id]?.api_terms).toBe('kimi-openplatform-terms');
      expect(governingTerms(registry, [id], 'first-party-api').map((t) => [t.licenseId, t.basis])).toEqual([['kimi-openplatform-terms', 'api-terms']]);
      expect(governingTerms(registry, [id], 'hosted-oss').map((t) => t.licenseId)).toEqual(['modified-mit-kimi']);
    }
  });

  it('the Gemini API Additional Terms carry the ScanCode LicenseDB id of the same (20 May 2025) text', () => {
    const l = license('google-gemini-api-terms');
    expect(l.spdx).toBe('LicenseRef-scancode-gemini-api-additional-tos-2025');
    expect(l.version).toBe('effective 2025-05-20');
    expect(l.identity?.sources[0]?.where).toContain('docs/gemini-api-additional-tos-2025.yml');
    expect(l.commercial_use.value).toBe('allowed');
  });

  it('Voxtral TTS weights are plain CC-BY-NC-4.0: self-hosting is non-commercial, Mistral\'s API is not', () => {
    const m = registry.models['mistral/voxtral-4b-tts-2603'];
    expect(m).toMatchObject({ license: 'cc-by-nc-4.0', api_terms: 'mistral-commercial-terms' });
    expect(m?.citations.license).toMatchObject({ status: 'verified' });
    expect(codes(litellm('hosted_vllm/mistralai/Voxtral-4B-TTS-2603'))).toContain('license/non-commercial');
    expect(codes(litellm('mistral/voxtral-mini-tts-2603'))).not.toContain('license/non-commercial');
    // The speech-to-text sibling is Apache-2.0.
    expect(registry.models['mistral/voxtral-small-24b-2507']?.license).toBe('apache-2.0');
  });
});
