/**
 * Licenses added for registry breadth (issue 12), second set: the Meta Llama 3 Community License (April 2024), the
 * 2023 Tongyi Qianwen LICENSE AGREEMENT and the Falcon 2 11B TII License 1.0, each with the checkpoints that use
 * it. Each test pins the clauses that decide a route - commercial use, the MAU cap and how it is measured, the
 * output-training clause, the name and display duties - read from the real registry in content/, and lints a
 * LiteLLM config naming each model, so a content edit that weakens a clause or drops an alias fails CI.
 */
import { describe, expect, it } from 'vitest';
import { testPolicy } from '../policy/__fixtures__/registry.ts';
import { lintText } from '../policy/index.ts';
import { contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-02';
const { registry, findings } = contentRegistry(TODAY);
const { license } = lookups(registry);
const litellm = (model: string) => `model_list:\n  - model_name: m\n    litellm_params:\n      model: ${model}\n`;
const lint = (model: string, policy = 'name: test\n') => lintText('router.yaml', litellm(model), registry, testPolicy(policy), TODAY).findings;
const codes = (model: string, policy?: string) => [...new Set(lint(model, policy).map((f) => f.code))].sort();
const severityOf = (model: string, code: string, policy: string) => lint(model, policy).filter((f) => f.code === code).map((f) => f.severity);

const TRAINS = 'name: test\norganization:\n  trains_on_outputs: true\n';
const ADDED = ['llama-3-community', 'tongyi-qianwen', 'falcon-2-11b-tii-license'];
const MODELS = ['meta/llama-3-8b-instruct', 'meta/llama-3-70b-instruct', 'alibaba/qwen2-72b-instruct', 'alibaba/qwen2-7b-instruct', 'tii/falcon-11b'];

describe('licenses added for breadth (second set)', () => {
  it('load without errors, and every commercial-use clause cites a license text that exists', () => {
    const mine = /^content\/(licenses\/(llama-3-community|tongyi-qianwen|falcon-2-11b-tii-license)\.yaml|vendors\/tii\.yaml|models\/tii\/|models\/meta\/llama-3-(8b|70b)-instruct\.yaml|models\/alibaba\/qwen2-(72b|7b)-instruct\.yaml)/;
    expect(findings.filter((f) => (f.severity === 'error' || f.severity === 'warning') && mine.test(f.file))).toEqual([]);
    for (const id of ADDED) {
      const l = license(id);
      expect(l.commercial_use.status, id).toBe('verified');
      expect(l.commercial_use.sources.length).toBeGreaterThan(0);
      for (const ref of l.commercial_use.sources) {
        expect(registry.sources[ref.source]?.kind, `${id} cites ${ref.source}`).toBe('license-text');
      }
    }
    for (const id of MODELS) expect(registry.models[id], id).toBeDefined();
    expect(Object.keys(registry.licenses).length).toBeGreaterThanOrEqual(37);
  });

  it('Meta Llama 3: 700M MAU on the 2024-04-18 release date, "Built with Meta Llama 3", and no improving other LLMs', () => {
    const l = license('llama-3-community');
    expect(l).toMatchObject({ spdx: 'LicenseRef-clearance-llama-3-community', hf_tag: 'llama3', published: '2024-04-18', vendor: 'meta', class: 'open-weights-restricted' });
    expect(l.identity?.note).toContain('ScanCode LicenseDB');
    expect(l.commercial_use).toMatchObject({ value: 'conditional', status: 'verified' });
    expect(l.commercial_use.quote).toContain('royalty-free limited license');
    expect(l.commercial_use.sources[0]).toMatchObject({ source: 'llama-3-license-text' });
    expect(l.mau_cap).toMatchObject({ value: 700_000_000, status: 'verified' });
    expect(l.mau_cap?.quote).toContain('on the Meta Llama 3 version release date');
    expect(l.mau_measured).toMatch(/^Once, on the Meta Llama 3 version release date \(2024-04-18\)/);
    // The clause 3.1 dropped: Llama 3 still forbids improving any other LLM with its outputs.
    expect(l.output_training).toMatchObject({ value: 'forbidden', status: 'verified' });
    expect(l.output_training.quote).toContain('to improve any other large language model (excluding Meta Llama 3');
    expect(l.output_training.sources[0]?.where).toBe('§1.b.v');
    expect(license('llama-3.1-community').output_training.value).toBe('restricted');
    expect(l.obligations.find((o) => o.value === 'attribution-display')).toMatchObject({ applies_when: 'making-available' });
    expect(l.obligations.find((o) => o.value === 'attribution-display')?.quote).toContain('“Built with Meta Llama 3”');
    expect(l.obligations.find((o) => o.value === 'name-prefix')?.quote).toContain('“Llama 3” at the beginning');
    expect(l.obligations.find((o) => o.value === 'license-notice')?.quote).toContain('Meta Llama 3 Community License');
    expect(l.governing_law?.value).toContain('California');
  });

  it('Tongyi Qianwen (2023): 100M MAU for commercial use, continuously measured, and the same output ban', () => {
    const l = license('tongyi-qianwen');
    expect(l).toMatchObject({ spdx: 'LicenseRef-scancode-tongyi-qianwen-2023', published: '2023-08-03', vendor: 'alibaba' });
    expect(l.identity?.sources[0]?.where).toContain('docs/tongyi-qianwen-2023.yml');
    expect(l.commercial_use).toMatchObject({ value: 'conditional', status: 'verified' });
    expect(l.commercial_use.sources[0]).toMatchObject({ source: 'scancode-tongyi-qianwen-2023-text' });
    expect(l.mau_cap).toMatchObject({ value: 100_000_000, status: 'verified' });
    expect(l.mau_cap?.quote).toBe(
      'If you are commercially using the Materials, and your product or service has more than 100 million monthly active users, You shall request a license from Us. You cannot exercise your rights under this Agreement without our express authorization.',
    );
    expect(l.mau_measured).not.toMatch(/^once/i);
    expect(l.output_training).toMatchObject({ value: 'forbidden', status: 'verified' });
    expect(l.output_training.quote).toContain('improve any other large language model (excluding Tongyi Qianwen');
    // The September 2024 Qwen license replaced the ban with a display duty.
    expect(license('qwen-license').output_training.value).toBe('restricted');
    expect(l.governing_law?.value).toContain('Hangzhou');
  });

  it('Falcon 2 11B TII License 1.0: commercial use without caps, an AUP that binds every use and changes at will', () => {
    const l = license('falcon-2-11b-tii-license');
    expect(l).toMatchObject({ spdx: 'LicenseRef-scancode-falcon-2-11b-1.0', vendor: 'tii', derived_from: 'apache-2.0' });
    expect(l.identity?.note).toContain('TII Falcon License 2.0');
    expect(l.commercial_use).toMatchObject({ value: 'allowed', status: 'verified', quote: 'Your copyright license to use the Work shall be royalty free and without charge.' });
    expect(l.commercial_use.sources[0]).toMatchObject({ source: 'scancode-falcon-2-11b-1.0-text' });
    expect(l.mau_cap?.value).toBeNull();
    expect(l.revenue_cap?.value).toBeNull();
    expect(l.output_training.value).toBe('restricted');
    expect(l.output_training.quote).toContain('conflicts with the Acceptable Use Policy');
    expect(l.flow_down?.value).toBe('yes');
    expect(l.obligations.filter((o) => o.value === 'aup-flow-down').map((o) => o.applies_when).sort()).toEqual(['distribution', 'use']);
    expect(l.obligations.find((o) => o.value === 'attribution-display')?.quote).toContain('is built using Falcon LLM technology from the Technology Innovation Institute');
    expect(l.other_clauses?.map((c) => c.value)).toContain('policy-updates');
    expect(registry.vendors.tii).toMatchObject({ country: 'AE' });
  });

  it('each model carries its own license, and the family name does not decide it', () => {
    expect(registry.models['meta/llama-3-8b-instruct']).toMatchObject({ license: 'llama-3-community', release_date: '2024-04-18', context_tokens: 8192 });
    expect(registry.models['meta/llama-3-70b-instruct']).toMatchObject({ license: 'llama-3-community', context_tokens: 8192 });
    expect(registry.models['meta/llama-3.1-8b-instruct']?.license).toBe('llama-3.1-community');
    expect(registry.models['meta/llama-3-8b-instruct']?.architecture).toMatchObject({ layers: 32, hidden_size: 4096, intermediate_size: 14336, attention: { kv_heads: 8 } });
    expect(registry.models['meta/llama-3-70b-instruct']?.architecture).toMatchObject({ layers: 80, hidden_size: 8192, intermediate_size: 28672 });
    // Qwen2 by size: the 72B keeps the Tongyi Qianwen license, the 7B is Apache-2.0 (Qwen2 blog, License section).
    expect(registry.models['alibaba/qwen2-72b-instruct']).toMatchObject({ license: 'tongyi-qianwen' });
    expect(registry.models['alibaba/qwen2-72b-instruct']?.citations.license?.sources.map((s) => s.source)).toContain('qwen2-blog');
    expect(registry.models['alibaba/qwen2-7b-instruct']).toMatchObject({ license: 'apache-2.0' });
    expect(registry.models['alibaba/qwen2-7b-instruct']?.citations.license?.status).toBe('verified');
    expect(registry.models['tii/falcon-11b']).toMatchObject({ license: 'falcon-2-11b-tii-license', vendor: 'tii' });
  });

  it('LiteLLM configs naming each model resolve to it, with the license duties under the test policy', () => {
    for (const model of [
      'hosted_vllm/meta-llama/Meta-Llama-3-8B-Instruct',
      'groq/llama3-8b-8192',
      'bedrock/meta.llama3-70b-instruct-v1:0',
      'hosted_vllm/meta-llama/Meta-Llama-3-70B-Instruct',
      'hosted_vllm/Qwen/Qwen2-72B-Instruct',
      'hosted_vllm/tiiuae/falcon-11B',
    ]) {
      const c = codes(model);
      expect(c, model).not.toContain('registry/unknown-model');
      expect(c, model).toContain('license/obligations');
      // MAU and output training are left undecided until the policy states the organisation's facts.
      expect(c, model).toContain('organization/unset');
      expect(c, model).not.toContain('license/non-commercial');
    }
    // Through a provider, Tongyi Qianwen carries no duty of use (it has no acceptable-use policy), so only the
    // undecided MAU and output-training checks remain; Llama 3's AUP applies to every use, hosted or not.
    expect(codes('fireworks_ai/accounts/fireworks/models/qwen2-72b-instruct')).toEqual(['organization/unset']);
    expect(lint('groq/llama3-70b-8192').find((f) => f.code === 'license/obligations')?.message).toContain('llama-3-community');
    // Apache-2.0: notices only, no organisation fact to decide.
    expect(codes('hosted_vllm/Qwen/Qwen2-7B-Instruct')).toEqual(['license/obligations']);
  });

  it('an organisation that trains on outputs gets an error on Llama 3 and Qwen2-72B, a warning on Llama 3.1 and Falcon 2', () => {
    expect(severityOf('hosted_vllm/meta-llama/Meta-Llama-3-8B-Instruct', 'license/output-training', TRAINS)).toEqual(['error']);
    expect(severityOf('groq/llama3-70b-8192', 'license/output-training', TRAINS)).toEqual(['error']);
    expect(severityOf('hosted_vllm/meta-llama/Llama-3.1-8B-Instruct', 'license/output-training', TRAINS)).toEqual(['warning']);
    expect(severityOf('hosted_vllm/Qwen/Qwen2-72B-Instruct', 'license/output-training', TRAINS)).toEqual(['error']);
    expect(severityOf('hosted_vllm/Qwen/Qwen2.5-72B-Instruct', 'license/output-training', TRAINS)).toEqual(['warning']);
    expect(severityOf('hosted_vllm/tiiuae/falcon-11B', 'license/output-training', TRAINS)).toEqual(['warning']);
    expect(codes('hosted_vllm/Qwen/Qwen2-7B-Instruct', TRAINS)).not.toContain('license/output-training');
  });

  it('MAU caps: Llama 3 counts the users of April 2024, Tongyi Qianwen today\'s', () => {
    // 800M users before the Llama 3 release, 100 today: over the Llama 3 cap, which is measured on 2024-04-18.
    const grewSmall = 'name: test\norganization:\n  monthly_active_users: 100\n  monthly_active_users_on: {2024-04-01: 800000000}\n';
    expect(severityOf('hosted_vllm/meta-llama/Meta-Llama-3-8B-Instruct', 'license/mau-cap', grewSmall)).toEqual(['error']);
    expect(codes('hosted_vllm/Qwen/Qwen2-72B-Instruct', grewSmall)).not.toContain('license/mau-cap');
    // 150M users today, 1 in April 2024: over Tongyi Qianwen's 100M cap, under Llama 3's test.
    const grewLarge = 'name: test\norganization:\n  monthly_active_users: 150000000\n  monthly_active_users_on: {2024-04-01: 1}\n';
    expect(severityOf('hosted_vllm/Qwen/Qwen2-72B-Instruct', 'license/mau-cap', grewLarge)).toEqual(['error']);
    expect(codes('hosted_vllm/meta-llama/Meta-Llama-3-8B-Instruct', grewLarge)).not.toContain('license/mau-cap');
    // Falcon 2 and Apache-2.0 Qwen2-7B have no cap.
    expect(codes('hosted_vllm/tiiuae/falcon-11B', grewLarge)).not.toContain('license/mau-cap');
    expect(codes('hosted_vllm/Qwen/Qwen2-7B-Instruct', grewLarge)).not.toContain('license/mau-cap');
  });
});
