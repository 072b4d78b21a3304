/** Rule tests on the in-memory test registry: each asserts codes (wording is pinned by the CLI goldens). */
import { describe, expect, it } from 'vitest';
import { provider, testPolicy, testRegistry } from '../__fixtures__/registry.ts';
import { lintText, type PolicyFinding } from '../index.ts';

const TODAY = '2026-11-22';
const registry = testRegistry();

function lint(config: string, policy = 'name: test\n', today = TODAY) {
  return lintText('router.yaml', config, registry, testPolicy(policy), today);
}

/** Codes of the findings, sorted, without the info-level obligations list unless asked. */
function codes(config: string, policy?: string, options: { infos?: boolean; today?: string } = {}): string[] {
  return lint(config, policy, options.today)
    .findings.filter((f) => options.infos || f.code !== 'license/obligations')
    .map((f) => f.code)
    .sort();
}

function native(routes: string, tags = '[]', extraTier = ''): string {
  return `name: t\ntiers:\n  - id: main\n    tags: ${tags}\n    routes:\n${routes}${extraTier}`;
}

function litellm(model: string, extra = ''): string {
  return `model_list:\n  - model_name: chat\n    litellm_params:\n      model: ${model}\n${extra}`;
}

const route = (model: string, via = 'self-hosted', more = '') => `      - model: ${model}\n        via: ${via}\n${more}`;

describe('registry/unknown-model', () => {
  it('fails closed on an id the registry does not know, with a suggestion', () => {
    const outcome = lint(litellm('hostco/acme/Open-8B'));
    expect(outcome.findings.map((f) => f.code)).toEqual(['registry/unknown-model']);
    expect(outcome.findings[0]!.message).toContain('did you mean "acme/Open-7B" (acme/open, permissive license; a different checkpoint; a different size (7b, not 8b))');
    expect(outcome.exitCode).toBe(1);
  });

  it('labels every suggestion with its license class and says when it is another checkpoint', () => {
    const r = testRegistry();
    r.models['acme/open-2.5-32b'] = { ...r.models['acme/open']!, name: 'Acme Open 2.5 32B', aliases: ['acme/Open-2.5-32B'] };
    r.models['acme/open-2.5-coder-32b'] = { ...r.models['acme/open']!, name: 'Acme Open 2.5 Coder 32B', license: 'nc-weights', aliases: ['acme/Open-2.5-Coder-32B'] };
    const message = (spec: string) => lintText('router.yaml', litellm(spec), r, testPolicy(), TODAY).findings.find((f) => f.code === 'registry/unknown-model')!.message;
    // A coder checkpoint that is not in the registry: the general model is named as a different variant.
    expect(message('hostco/acme/Open-2.5-Coder-7B')).toContain('"acme/open-2.5-coder-32b" (non-commercial license; a different checkpoint; a different size (32b, not 7b)) or "acme/open-2.5-32b" (permissive license; a different checkpoint; a different size (32b, not 7b); not the coder variant)');
    // A generation that is not in the registry: the nearest one says it is another generation.
    expect(message('hostco/acme/Open-2.6-32B')).toContain('(permissive license; a different checkpoint; a different generation (2.5, not 2.6))');
    expect(message('hostco/acme/Open-2.5-Coder-32C')).toMatch(/"acme\/open-2\.5-coder-32b" \(non-commercial license\)/);
  });

  it('ranks the checkpoints that carry every family word of the id, and the same size, before ones that share only a number', () => {
    const r = testRegistry();
    const open = r.models['acme/open']!;
    for (const size of ['0.6B', '1.7B', '14B']) r.models[`acme/open3-${size.toLowerCase()}`] = { ...open, name: `Acme Open3 ${size}`, aliases: [`acme/Open3-${size}`] };
    r.models['acme/open3-coder-480b-a35b'] = { ...open, name: 'Acme Open3 Coder 480B A35B', aliases: ['acme/Open3-Coder-480B-A35B-Instruct'] };
    r.models['acme/opus-oss-120b'] = { ...open, name: 'Acme Opus OSS 120B', aliases: ['eucloud/opus-oss-120b'] };
    r.models['acme/opus-oss-20b'] = { ...open, name: 'Acme Opus OSS 20B', aliases: [] };
    const near = (spec: string) => {
      const f = lintText('router.yaml', litellm(spec), r, testPolicy(), TODAY).findings.find((x) => x.code === 'registry/unknown-model')!;
      return [...f.message.matchAll(/ (?:mean|or) "([^"]+)"/g)].map((m) => m[1]);
    };
    // The coder checkpoint is far in edit distance from "open3-coder", but it is the only one with both family words.
    expect(near('hostco/acme/open3-coder:free')[0]).toMatch(/^acme\/open3-coder-480b-a35b/i);
    // Same family words and size: the registry id, not another provider's spelling, and before the other size.
    expect(near('cerebras/opus-oss-120b')).toEqual(['acme/opus-oss-120b', 'acme/opus-oss-20b']);
  });

  it('labels each suggestion with the terms that would govern it on this route, not always the weights license', () => {
    const message = (spec: string) => lint(litellm(spec)).findings.find((f) => f.code === 'registry/unknown-model')!.message;
    // acme/nc: non-commercial weights, Acme's own API terms. On Acme's first-party route the API terms govern.
    expect(message('acme_api/acme-nc-latest')).toContain('did you mean "acme_api/acme-nc" (acme/nc, proprietary-api license)');
    // On a host that serves the weights, the weights license does.
    expect(message('hostco/acme-ai/NC-105B')).toContain('did you mean "acme-ai/NC-104B" (acme/nc, non-commercial license; a different checkpoint; a different size (104b, not 105b))');
    // A distill is governed by its base model's license too.
    expect(message('hostco/acme-ai/Capped-Distil')).toContain('"acme-ai/Capped-Distill" (acme/capped-distill, permissive and open-weights-restricted licenses)');
  });

  it('hints model_info.base_model and the policy models: map for every unresolved route', () => {
    const f = lint(litellm('openai/base-mind', '      api_base: https://llm.internal/v1\n')).findings[0]!;
    expect(f.hint).toContain('model_info.base_model');
    expect(f.hint).toContain('models:');
  });

  it('resolves ids through aliases and provider prefixes', () => {
    expect(codes(litellm('hostco/acme/Open-7B'))).toEqual([]);
    expect(codes(litellm('ollama/open:7b'))).toEqual([]);
    expect(codes(native(route('acme/Open-7B')))).toEqual([]);
  });

  it('flags an API-only model on a self-hosted route', () => {
    expect(codes(native(route('acme/api')))).toEqual(['registry/unknown-model']);
  });

  it('flags a license id the registry does not have', () => {
    const r = testRegistry();
    r.models['acme/open']!.license = 'gone';
    const outcome = lintText('router.yaml', native(route('acme/open')), r, testPolicy(), TODAY);
    expect(outcome.findings.map((f) => f.code)).toEqual(['registry/unknown-model']);
  });
});

describe('route/wildcard', () => {
  it('fails closed on * and provider wildcards', () => {
    expect(codes(litellm('openai/*'))).toEqual(['route/wildcard']);
    expect(codes(litellm('"*"'))).toEqual(['route/wildcard']);
    expect(lint(litellm('anthropic/*')).exitCode).toBe(1);
  });
});

describe('license/non-commercial', () => {
  it('catches non-commercial weights self-hosted, but not the same model through the vendor API', () => {
    expect(codes(native(route('acme/nc')))).toEqual(['license/non-commercial']);
    expect(codes(litellm('ollama/acme-ai/NC-104B'))).toEqual(['license/non-commercial']);
    expect(codes(native(route('acme/nc', 'acme-api')))).toEqual([]);
    expect(codes(litellm('acme_api/acme-nc'))).toEqual([]);
  });

  it('catches it on a hosted-OSS provider, which serves the weights', () => {
    expect(codes(native(route('acme/nc', 'hostco')))).toEqual(['license/non-commercial']);
  });

  it('catches a non-commercial model that appears only in a fallback list', () => {
    const config = `${litellm('hostco/acme/Open-7B')}router_settings:\n  fallbacks:\n    - chat: [hostco/acme-ai/NC-104B]\n`;
    const findings = lint(config).findings.filter((f) => f.code !== 'license/obligations');
    expect(findings.map((f) => f.code)).toEqual(['license/non-commercial']);
    expect(findings[0]!.path).toBe('router_settings.fallbacks[0].chat[0]');
  });

  it('treats an unknown commercial-use clause as forbidden (fail closed)', () => {
    expect(codes(native(route('acme/mystery')))).toEqual(['license/non-commercial', 'provenance/weak']);
  });

  it('treats openai/ with a self-hosted api_base as self-hosted weights', () => {
    expect(codes(litellm('openai/acme-ai/NC-104B', '      api_base: http://vllm.internal:8000/v1\n'))).toEqual(['license/non-commercial']);
  });
});

describe('license/mau-cap', () => {
  const policy = (mau: number) => `name: t\norganization:\n  monthly_active_users: ${mau}\n`;
  it('errors at or over the cap and warns near it', () => {
    expect(codes(native(route('acme/capped')), policy(150_000_000))).toEqual(['license/mau-cap']);
    expect(lint(native(route('acme/capped')), policy(100_000_000)).findings[0]!.severity).toBe('error');
    const near = lint(native(route('acme/capped')), policy(90_000_000)).findings.filter((f) => f.code === 'license/mau-cap');
    expect(near.map((f) => f.severity)).toEqual(['warning']);
    expect(codes(native(route('acme/capped')), policy(1_000_000))).toEqual([]);
  });

  it('applies the base model cap to a derivative', () => {
    expect(codes(native(route('acme/capped-distill')), policy(800_000_000))).toEqual(['license/mau-cap']);
  });

  it('leaves the cap undecided when the organization MAU is not set (one organization/unset finding)', () => {
    const findings = lint(native(route('acme/capped'))).findings.filter((f) => f.code !== 'license/obligations');
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['organization/unset', 'warning']]);
    expect(findings[0]!.message).toContain('the 100M MAU cap of Capped (capped) [license/mau-cap] on main (router.yaml:6:9)');
  });

  it('measures a release-date cap with the organisation’s MAU on that date, a continuous cap with today’s', () => {
    const r = testRegistry();
    r.licenses.capped!.mau_measured = 'Once, on the Capped version release date, over the preceding calendar month.';
    r.models['acme/capped']!.release_date = '2024-07-23';
    const run = (policy: string) => lintText('router.yaml', native(route('acme/capped')), r, testPolicy(policy), TODAY).findings.filter((f) => f.code === 'license/mau-cap');
    const grown = 'name: t\norganization:\n  monthly_active_users: 150000000\n  monthly_active_users_on: {2024-07-01: 60000000}\n';
    // Over the cap today, under it on the release date: the license does not bite.
    expect(run(grown)).toEqual([]);
    const over = run('name: t\norganization:\n  monthly_active_users: 50000000\n  monthly_active_users_on: {2023-01-01: 120000000, 2025-01-01: 1}\n');
    expect(over.map((f) => f.severity)).toEqual(['error']);
    expect(over[0]!.message).toContain('the license measures once, on its release date 2024-07-23; the organization had (figure of 2023-01-01) 120M');
    // Over today with no figure for the release date: fails closed, and says which date decides; near the cap: a warning.
    const unknown = run('name: t\norganization:\n  monthly_active_users: 150000000\n');
    expect(unknown.map((f) => f.severity)).toEqual(['error']);
    expect(run('name: t\norganization:\n  monthly_active_users: 90000000\n').map((f) => f.severity)).toEqual(['warning']);
    expect(unknown[0]!.hint).toContain('monthly_active_users_on: {2024-07-23: …}');
    // The test registry's capped license without a measurement date is continuous: today's figure counts.
    expect(codes(native(route('acme/capped')), grown.replace('monthly_active_users_on: {2024-07-01: 60000000}', 'monthly_active_users_on: {2024-07-01: 1}'))).toEqual(['license/mau-cap']);
  });

  it('honours mau_warning_ratio', () => {
    expect(codes(native(route('acme/capped')), `${policy(60_000_000)}mau_warning_ratio: 0.5\n`)).toEqual(['license/mau-cap']);
  });
});

describe('license/revenue-cap', () => {
  // The capped license with a USD 1M revenue cap (Stability AI Community's shape) and no MAU cap.
  const r = testRegistry();
  r.licenses.capped = { ...r.licenses.capped!, mau_cap: undefined, revenue_cap: { value: 1_000_000, summary: 'Over USD 1M annual revenue the license ends.', status: 'verified', sources: r.licenses.capped!.commercial_use.sources } };
  const run = (policy: string, model = 'acme/capped') => lintText('router.yaml', native(route(model)), r, testPolicy(policy), TODAY).findings.filter((f) => f.code !== 'license/obligations');
  const revenue = (usd: number, extra = '') => `name: t\norganization:\n  annual_revenue_usd: ${usd}\n${extra}`;

  it('errors at or over the cap, warns near it, and is silent well under it', () => {
    const over = run(revenue(25_000_000));
    expect(over.map((f) => [f.code, f.severity])).toEqual([['license/revenue-cap', 'error']]);
    expect(over[0]!.message).toContain('grants rights only below USD 1M annual revenue of the whole company; the organization has USD 25M');
    expect(run(revenue(1_000_000)).map((f) => f.severity)).toEqual(['error']);
    expect(run(revenue(900_000)).map((f) => [f.code, f.severity])).toEqual([['license/revenue-cap', 'warning']]);
    expect(run(revenue(100_000))).toEqual([]);
  });

  it('applies the base model’s cap to a derivative and honours revenue_warning_ratio', () => {
    expect(run(revenue(5_000_000), 'acme/capped-distill').map((f) => f.code)).toEqual(['license/revenue-cap']);
    expect(run(revenue(600_000, 'revenue_warning_ratio: 0.5\n')).map((f) => f.severity)).toEqual(['warning']);
  });

  it('leaves the cap undecided when the revenue is not set: one organization/unset naming the fact', () => {
    const findings = run('name: t\n');
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['organization/unset', 'warning']]);
    expect(findings[0]!.message).toContain('organization.annual_revenue_usd');
    expect(findings[0]!.message).toContain('the USD 1M revenue cap of Capped (capped) [license/revenue-cap] on main (router.yaml:6:9)');
  });

  it('is waived like any rule, with the vendor’s enterprise license as the reason', () => {
    const waived = run(revenue(25_000_000, 'waivers:\n  - {rule: license/revenue-cap, model: acme/capped, reason: enterprise license 2026-7, approved_by: legal, expires: 2027-06-30}\n'));
    expect(waived.map((f) => [f.code, f.severity])).toEqual([['waiver/applied', 'info']]);
  });
});

describe('license/geo-restriction', () => {
  const domicile = (c: string) => `name: t\norganization:\n  domicile: ${c}\n`;
  it('errors for an EU-domiciled organization on a multimodal model, not for a US one', () => {
    expect(codes(native(route('acme/vision')), domicile('DE'))).toEqual(['license/geo-restriction']);
    expect(codes(native(route('acme/vision')), domicile('US'))).toEqual([]);
  });

  it('self-hosted is an error; through a hosted API the policy decides, and unset it is a warning quoting both clauses', () => {
    const r = testRegistry();
    r.licenses['eu-excluded']!.geo_exclusions[0]!.exempt = 'End users of a product or service that incorporates the model.';
    const run = (config: string, policy: string) => lintText('router.yaml', config, r, testPolicy(policy), TODAY).findings.filter((f) => f.code === 'license/geo-restriction');
    expect(run(native(route('acme/vision')), domicile('DE')).map((f) => f.severity)).toEqual(['error']);
    const hosted = run(native(route('acme/vision', 'hostco')), domicile('DE'));
    expect(hosted.map((f) => f.severity)).toEqual(['warning']);
    expect(hosted[0]!.message).toContain('whether that is exempt end use is for legal to decide — the clause: No rights for EU-domiciled companies (multimodal).; the exemption: "End users of a product or service that incorporates the model"');
    const decide = (v: boolean) => `${domicile('DE')}geo_exclusions: {hosted_api_is_end_use: ${v}, approved_by: legal, reason: memo 12}\n`;
    expect(run(native(route('acme/vision', 'hostco')), decide(true))).toEqual([]);
    const no = run(native(route('acme/vision', 'hostco')), decide(false));
    expect(no.map((f) => f.severity)).toEqual(['error']);
    expect(no[0]!.message).toContain('decided by legal: memo 12');
    // The reading never exempts self-hosting.
    expect(run(native(route('acme/vision')), decide(true)).map((f) => f.severity)).toEqual(['error']);
  });

  it('skips text-only models when the clause covers multimodal models only', () => {
    expect(codes(native(route('acme/text')), domicile('FR'))).toEqual([]);
  });

  it('treats EEA-only members as outside the EU', () => {
    expect(codes(native(route('acme/vision')), domicile('NO'))).toEqual([]);
  });

  it('a place-of-use exclusion (Hunyuan’s EU/GB/KR) fails where the route runs or where the organisation is based', () => {
    const r = testRegistry();
    r.licenses['eu-excluded']!.geo_exclusions[0] = { ...r.licenses['eu-excluded']!.geo_exclusions[0]!, regions: ['EU', 'GB', 'KR'], basis: 'location', applies_to: 'all-models' };
    const run = (config: string, policy = 'name: t\n') => lintText('router.yaml', config, r, testPolicy(policy), TODAY).findings.filter((f) => f.code !== 'license/obligations');
    const at = (country: string) => route('acme/vision', 'self-hosted', `        country: ${country}\n`);
    // The server in the EU: an error whoever the organisation is.
    expect(run(native(at('FR')), domicile('US')).map((f) => [f.code, f.severity])).toEqual([['license/geo-restriction', 'error']]);
    // A German company running it in the US still uses the model and its output in Germany.
    const based = run(native(at('US')), domicile('DE'));
    expect(based.map((f) => [f.code, f.severity])).toEqual([['license/geo-restriction', 'error']]);
    expect(based[0]!.message).toContain('the organization is domiciled in DE (EU member), so it uses the model and its output there, whatever the server’s location (the route runs in US)');
    // A US company in the US passes; with no location a warning, and an unset domicile is listed once.
    expect(run(native(at('US')), domicile('US'))).toEqual([]);
    expect(run(native(route('acme/vision')), domicile('US')).map((f) => [f.code, f.severity])).toEqual([['license/geo-restriction', 'warning']]);
    const unset = run(native(route('acme/vision')));
    expect(unset.map((f) => f.code).sort()).toEqual(['license/geo-restriction', 'organization/unset']);
    expect(unset.find((f) => f.code === 'organization/unset')!.message).toContain('the EU, GB, KR exclusion of Vision License (eu-excluded) (use in those places)');
  });

  it('leaves the exclusion undecided when the domicile is not set', () => {
    const findings = lint(native(route('acme/vision'))).findings.filter((f) => f.code !== 'license/obligations');
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['organization/unset', 'warning']]);
    expect(findings[0]!.message).toMatch(/domicile: the EU exclusion of Vision License \(eu-excluded\) for multimodal models/);
  });
});

describe('license/output-training', () => {
  it('errors when the organization trains on outputs and the terms forbid it', () => {
    expect(codes(litellm('acme-api-1'), 'name: t\norganization:\n  trains_on_outputs: true\n')).toEqual(['license/output-training']);
    expect(codes(litellm('acme-api-1'), 'name: t\norganization:\n  trains_on_outputs: false\n')).toEqual([]);
  });
});

describe('license/obligations', () => {
  it('lists duties as info', () => {
    const findings = lint(native(route('acme/open'))).findings;
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['license/obligations', 'info']]);
    expect(findings[0]!.evidence[0]!.summary).toBe('Ship the license notice.');
  });
});

describe('procurement/flagged', () => {
  it('denies by vendor country, only in tiers with the tag', () => {
    const policy = 'name: t\ndeny:\n  - vendor_countries: [CN]\n    tier_tags: [regulated]\n    reason: customer contracts\n';
    expect(codes(native(route('dragon/open'), '[regulated]'), policy)).toEqual(['procurement/flagged']);
    expect(codes(native(route('dragon/open'), '[public]'), policy)).toEqual([]);
  });

  it('denies models by alias, vendors, providers and flags', () => {
    expect(codes(native(route('acme/open')), 'name: t\ndeny:\n  - models: [open:7b]\n    reason: r\n')).toEqual(['procurement/flagged']);
    expect(codes(native(route('dragon/open')), 'name: t\ndeny:\n  - flags: ["origin:CN"]\n    reason: r\n')).toEqual(['procurement/flagged']);
    expect(codes(native(route('acme/open', 'hostco')), 'name: t\ndeny:\n  - providers: [hostco]\n    reason: r\n')).toEqual(['procurement/flagged']);
    expect(codes(native(route('acme/capped-distill')), 'name: t\norganization: {monthly_active_users: 1}\ndeny:\n  - models: [acme/capped]\n    reason: r\n')).toEqual(['procurement/flagged']);
  });
});

describe('tier/requirement', () => {
  const policy = 'name: t\ntier_requirements:\n  - tag: sovereign\n    hosting: [eu-controlled-provider, self-hosted]\n    regions: [EU]\n';
  it('passes an EU-controlled provider in an EU region and self-hosting in the EU', () => {
    expect(codes(native(route('acme/open', 'eucloud', '        region: fr-par\n'), '[sovereign]'), policy)).toEqual([]);
    expect(codes(native(route('acme/open', 'self-hosted', '        country: DE\n'), '[sovereign]'), policy)).toEqual([]);
  });

  it('fails a US provider, and a self-hosted route with no location (fail closed)', () => {
    expect(codes(native(route('acme/open', 'hostco'), '[sovereign]'), policy)).toEqual(['tier/requirement']);
    expect(codes(native(route('acme/open'), '[sovereign]'), policy)).toEqual(['tier/requirement']);
    expect(codes(native(route('acme/open', 'self-hosted', '        country: US\n'), '[sovereign]'), policy)).toEqual(['tier/requirement']);
  });

  it('checks SEAL level and certifications of providers', () => {
    const strict = 'name: t\ntier_requirements:\n  - tag: sovereign\n    min_seal_level: 3\n';
    expect(codes(native(route('acme/open', 'eucloud'), '[sovereign]'), strict)).toEqual(['tier/requirement']);
    const ok = 'name: t\ntier_requirements:\n  - tag: sovereign\n    min_seal_level: 2\n    certifications: [iso27001]\n';
    expect(codes(native(route('acme/open', 'eucloud'), '[sovereign]'), ok)).toEqual([]);
    expect(codes(native(route('acme/open', 'hostco'), '[sovereign]'), ok)).toEqual(['tier/requirement']);
  });

  it('counts a provider region whose country is the group "EU" as the EU (and as inside the EEA, not inside one member)', () => {
    expect(codes(native(route('acme/open', 'eumulti', '        region: eu\n'), '[sovereign]'), policy)).toEqual([]);
    expect(codes(native(route('acme/open', 'eumulti', '        region: eu\n'), '[sovereign]'), policy.replace('[EU]', '[EEA]'))).toEqual([]);
    expect(codes(native(route('acme/open', 'eumulti', '        region: eu\n'), '[sovereign]'), policy.replace('[EU]', '[DE, FR]'))).toEqual(['tier/requirement']);
    expect(codes(native(route('acme/open', 'eumulti', '        region: us\n'), '[sovereign]'), policy)).toEqual(['tier/requirement']);
    // No region: the provider serves from EU and US, so the route may leave the EU.
    expect(codes(native(route('acme/open', 'eumulti'), '[sovereign]'), policy)).toEqual(['tier/requirement']);
    expect(codes(litellm('eumulti/acme/Open-7B', '      region_name: eu\n      tags: [sovereign]\n'), policy)).toEqual([]);
  });

  it('reads LiteLLM tags as tier tags and region_name as the region', () => {
    const config = litellm('eucloud/acme/Open-7B', '      region_name: eu\n      tags: [sovereign]\n');
    expect(codes(config, policy)).toEqual([]);
    expect(codes(litellm('hostco/acme/Open-7B', '      tags: [sovereign]\n'), policy)).toEqual(['tier/requirement']);
  });
});

describe('lifecycle', () => {
  it('errors on a model retired on the vendor’s own API and names the replacement', () => {
    const findings = lint(litellm('acme_api/acme-old')).findings.filter((f) => f.code !== 'license/obligations');
    expect(findings.map((f) => f.code)).toEqual(['lifecycle/retired']);
    expect(findings[0]!.message).toContain("was retired on acme-api's own API on 2025-10-28; the replacement named is Acme Open 7B (acme/open)");
    expect(findings[0]!.hint).toMatch(/^Replace it with Acme Open 7B \(acme\/open\)/);
  });

  it('does not promise a replacement the registry does not know', () => {
    const r = testRegistry();
    delete r.models['acme/old']!.lifecycle.replacement;
    const f = lintText('router.yaml', litellm('acme_api/acme-old'), r, testPolicy(), TODAY).findings.find((x) => x.code === 'lifecycle/retired')!;
    expect(f.message).toContain('the registry records no replacement');
    expect(f.hint).not.toMatch(/replacement (the vendor names|shown)/);
  });

  it('does not borrow the vendor’s date for another channel: unknown there is a warning', () => {
    const hosted = lint(litellm('hostco/acme-old')).findings.filter((f) => f.code.startsWith('lifecycle/'));
    expect(hosted.map((f) => [f.code, f.severity])).toEqual([['lifecycle/deprecated', 'warning']]);
    expect(hosted[0]!.message).toContain('the vendor retired it on its own API on 2025-10-28; the lifecycle on hostco is not in the registry');
    // Weights you run yourself do not retire.
    expect(codes(litellm('ollama/acme-old'))).toEqual([]);
  });

  it('uses the provider’s own lifecycle for its route when the registry records one', () => {
    const r = testRegistry();
    r.models['acme/old']!.routes = [
      { provider: 'hostco', model_id: 'acme-old', as_of: '2026-11-01', status: 'verified', sources: [{ source: 'test-source' }], lifecycle: { status: 'deprecated', retires_on: '2027-06-30' } },
    ];
    const run = (today: string) => lintText('router.yaml', litellm('hostco/acme-old'), r, testPolicy(), today).findings.filter((f) => f.code.startsWith('lifecycle/'));
    expect(run(TODAY).map((f) => f.code)).toEqual(['lifecycle/deprecated']);
    expect(run(TODAY)[0]!.message).toContain('is deprecated on hostco; it retires on hostco on 2027-06-30');
    expect(run('2027-07-01').map((f) => [f.code, f.severity])).toEqual([['lifecycle/retired', 'error']]);
  });

  it('warns on a deprecated model, and errors once its retirement date has passed', () => {
    expect(lint(litellm('acme_api/acme/aging')).findings.filter((f) => f.code.startsWith('lifecycle/')).map((f) => [f.code, f.severity])).toEqual([['lifecycle/deprecated', 'warning']]);
    expect(codes(litellm('acme_api/acme/aging'), undefined, { today: '2027-03-01' })).toEqual(['lifecycle/retired']);
  });
});

describe('provenance/weak', () => {
  it('warns when a decision rests on a single-source or stale fact', () => {
    const findings = lint(native(route('acme/weak'))).findings.filter((f) => f.code === 'provenance/weak');
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toMatch(/single-source.*reviewed on 2024-01-01/);
  });

  it('respects the staleness limit', () => {
    expect(codes(native(route('acme/open')), 'name: t\nstaleness:\n  max_age_days: 10\n')).toEqual(['provenance/weak']);
  });
});

describe('waivers', () => {
  const policy = (expires: string, model = 'acme/nc', tier = '') =>
    `name: t\nwaivers:\n  - rule: license/non-commercial\n    model: ${model}\n${tier}    reason: research pilot\n    approved_by: legal\n    expires: ${expires}\n`;

  it('applies an unexpired waiver (matched by alias) and reports it', () => {
    const outcome = lint(native(route('acme/nc')), policy('2027-01-31', 'acme-ai/NC-104B'));
    expect(outcome.findings.map((f) => f.code)).toEqual(['waiver/applied']);
    expect(outcome.exitCode).toBe(0);
  });

  it('errors on an expired waiver and reports the finding again', () => {
    const outcome = lint(native(route('acme/nc')), policy('2026-11-21'));
    expect(outcome.findings.map((f) => f.code).sort()).toEqual(['license/non-commercial', 'waiver/expired']);
    const expired = outcome.findings.find((f) => f.code === 'waiver/expired')!;
    expect([expired.file, expired.line, expired.path]).toEqual(['policy.yaml', 3, 'waivers[0]']);
  });

  it('a waiver is valid through its expiry day', () => {
    expect(lint(native(route('acme/nc')), policy('2026-11-22')).findings.map((f) => f.code)).toEqual(['waiver/applied']);
  });

  it('warns on a waiver that matches nothing, including a tier that does not match', () => {
    expect(codes(native(route('acme/open')), policy('2027-01-31'), { infos: false })).toEqual(['waiver/unused']);
    expect(codes(native(route('acme/nc')), policy('2027-01-31', 'acme/nc', '    tier: other\n'))).toEqual(['license/non-commercial', 'waiver/unused']);
  });

  it('refuses waivers of fail-closed rules', () => {
    const policyYaml = 'name: t\nwaivers:\n  - rule: registry/unknown-model\n    model: x/y\n    reason: r\n    approved_by: a\n    expires: 2027-01-01\n';
    expect(() => testPolicy(policyYaml)).toThrow(/cannot be waived/);
  });
});

describe('severity overrides', () => {
  it('changes or drops a rule’s findings but never lowers fail-closed rules', () => {
    const config = native(route('acme/nc'));
    expect(lint(config, 'name: t\nseverity:\n  license/non-commercial: warning\n').findings.map((f) => f.severity)).toEqual(['warning']);
    expect(codes(config, 'name: t\nseverity:\n  license/non-commercial: "off"\n')).toEqual([]);
    expect(() => testPolicy('name: t\nseverity:\n  route/wildcard: warning\n')).toThrow(/cannot be lowered/);
  });
});

describe('every finding is located and explained', () => {
  it('carries file, line, column, path, tier, model and a hint linking its rule page', () => {
    const findings: PolicyFinding[] = lint(native(route('acme/nc')), 'name: t\norganization: {domicile: DE}\n').findings;
    for (const f of findings) {
      expect(f).toMatchObject({ file: 'router.yaml', tier: 'main', model: 'acme/nc', path: 'tiers[0].routes[0].model', line: 6, column: 9 });
      expect(f.hint).toContain(`/rules/${f.code}/`);
      expect(f.evidence.length).toBeGreaterThan(0);
    }
  });
});

describe('silence where nothing new is said', () => {
  const three = `${litellm('hostco/acme-ai/Capped-72B')}  - model_name: chat-b\n    litellm_params:\n      model: hostco/acme-ai/Capped-72B\n  - model_name: vision\n    litellm_params:\n      model: ollama/acme-ai/Vision\n`;

  it('reports unset organisation facts once per run, with each undecided check and its routes', () => {
    const findings = lint(three).findings.filter((f) => f.code !== 'license/obligations');
    expect(findings.map((f) => f.code)).toEqual(['organization/unset']);
    const unset = findings[0]!;
    expect([unset.file, unset.path, unset.severity]).toEqual(['policy.yaml', 'organization', 'warning']);
    expect(unset.message).toContain('organization.domicile, organization.monthly_active_users');
    expect(unset.message).toContain('the 100M MAU cap of Capped (capped) [license/mau-cap] on chat (router.yaml:4:7), chat-b (router.yaml:7:7)');
    expect(unset.locations!.map((l) => `${l.file}:${l.line}`)).toEqual(['policy.yaml:1', 'router.yaml:4', 'router.yaml:7', 'router.yaml:10']);
    // The clause behind each undecided check is shown once.
    expect(unset.evidence.map((e) => e.subject)).toEqual(['license capped · mau_cap', 'license eu-excluded · geo_exclusions[0] (acceptable-use-policy)']);
  });

  it('says nothing about organisation facts once they are set', () => {
    expect(codes(three, 'name: t\norganization: {domicile: US, monthly_active_users: 1000}\n')).toEqual([]);
  });

  it('a waiver still covers the undecided check of its own route, and organization/unset can be turned off', () => {
    const waiver = 'name: t\norganization: {domicile: US}\nwaivers:\n  - {rule: license/mau-cap, model: acme/capped, tier: chat, reason: contract, approved_by: legal, expires: 2027-01-01}\n';
    const unset = lint(three, waiver).findings.find((f) => f.code === 'organization/unset')!;
    expect(unset.locations!.map((l) => l.line)).toEqual([2, 7]);
    expect(codes(three, 'name: t\nseverity:\n  organization/unset: "off"\n')).toEqual([]);
  });

  it('collapses one license’s duties reached the same way into one finding with every route, by what sets each off', () => {
    const r = testRegistry();
    const cite = r.licenses.permissive!.obligations[0]!;
    r.licenses.permissive!.obligations = [
      { ...cite, value: 'license-notice', summary: 'Ship the license notice.', applies_when: 'distribution' },
      { ...cite, value: 'aup-flow-down', summary: 'Follow the use policy.', applies_when: 'use' },
      { ...cite, value: 'other', summary: 'Something unrecorded.' },
    ];
    const config = `${litellm('hostco/acme/Open-7B')}  - model_name: other\n    litellm_params:\n      model: hostco/acme/Open-7B\n  - model_name: local\n    litellm_params:\n      model: ollama/acme/Open-7B\n`;
    const run = (policy = 'name: t\n') => lintText('router.yaml', config, r, testPolicy(policy), TODAY).findings.filter((f) => f.code === 'license/obligations');
    const duties = run();
    expect(duties).toHaveLength(2);
    const hosted = duties.find((f) => f.message.includes('provider that serves the weights'))!;
    expect(hosted.locations!.map((l) => [l.tier, l.line])).toEqual([['chat', 4], ['other', 7]]);
    expect(hosted.tier).toBeUndefined();
    expect(hosted.model).toBe('acme/open');
    // Calling a hosted provider copies nothing: the distribution duty is not set off; use duties bind; unrecorded ones go to legal.
    expect(hosted.message).toContain('Duties: Follow the use policy.');
    expect(hosted.message).toContain('For legal to read: Something unrecorded (the registry does not record what sets this duty off).');
    expect(hosted.message).toContain('Not set off by these routes: Ship the license notice.');
    const local = duties.find((f) => f.message.includes('self-hosted'))!;
    expect(local.message).toContain('Only if: Ship the license notice (it binds when copies of the weights are given to others; organization.distributes is not set in the policy)');
    expect(local.locations).toBeUndefined();
    // The policy settles distribution.
    expect(run('name: t\norganization: {distributes: true}\n').find((f) => f.message.includes('self-hosted'))!.message).toContain('Duties: Ship the license notice; Follow the use policy.');
  });

  it('reports a weak fact once, however many routes rest on it', () => {
    const config = `${litellm('hostco/acme/weak')}  - model_name: b\n    litellm_params:\n      model: ollama/acme/weak\n`;
    const weak = lint(config).findings.filter((f) => f.code === 'provenance/weak');
    expect(weak).toHaveLength(1);
    expect(weak[0]!.message).toMatch(/^a decision rests on license weak · commercial_use, and its status is single-source and its entry was last reviewed on 2024-01-01/);
    expect(weak[0]!.locations!.map((l) => l.tier)).toEqual(['chat', 'b']);
  });
});

describe('route/assumed-model and served names', () => {
  const assumed = (config: string, policy?: string, r = registry) =>
    lintText('router.yaml', config, r, testPolicy(policy), TODAY).findings.filter((f) => f.code === 'route/assumed-model' || f.code === 'registry/unknown-model');

  it('an Azure deployment name spelled like a model is read as that model, with a warning; base_model states it', () => {
    const found = assumed(litellm('azure/acme/Open-7B'));
    expect(found.map((f) => [f.code, f.severity, f.model])).toEqual([['route/assumed-model', 'warning', 'acme/open']]);
    expect(found[0]!.message).toContain('is an Azure deployment name, which you choose');
    expect(assumed(litellm('azure/acme/Open-7B', '    model_info:\n      base_model: acme/open\n'))).toEqual([]);
  });

  it('a -latest pointer resolves only where the registry records it, with the checkpoint and the registry date', () => {
    const r = testRegistry();
    r.models['acme/open']!.aliases.push('acme-open-latest', 'acme-open-20250101');
    const found = assumed(litellm('hostco/acme-open-latest'), undefined, r);
    expect(found.map((f) => f.code)).toEqual(['route/assumed-model']);
    expect(found[0]!.message).toContain('is a moving pointer: as of the registry\'s review of acme/open (2026-11-01) it points at Acme Open 7B (acme/open)');
    expect(found[0]!.hint).toContain('Pin the dated id "acme-open-20250101"');
    const unknown = assumed(litellm('hostco/acme-other-latest'), undefined, r);
    expect(unknown.map((f) => f.code)).toEqual(['registry/unknown-model']);
    expect(unknown[0]!.hint).toContain('A "-latest" pointer resolves only where the registry records which checkpoint it points at');
  });

  it('an env value without a default is unknown with a base_model hint; a ${VAR:-x} default is linted as x with a note', () => {
    const env = assumed(litellm('os.environ/CHAT_MODEL'));
    expect(env.map((f) => f.code)).toEqual(['registry/unknown-model']);
    expect(env[0]!.message).toBe('"os.environ/CHAT_MODEL" comes from the environment variable CHAT_MODEL at run time, so the linter cannot know which model this route calls');
    expect(env[0]!.hint).toContain('model_info.base_model');
    expect(assumed(litellm('"${CHAT_MODEL}"')).map((f) => f.code)).toEqual(['registry/unknown-model']);
    // With base_model the env value is stated after all.
    expect(assumed(litellm('os.environ/CHAT_MODEL', '    model_info:\n      base_model: acme/open\n'))).toEqual([]);
    const dflt = lint(litellm('"hostco/${CHAT_MODEL:-acme-ai/NC-104B}"'));
    expect(dflt.findings.filter((f) => f.code !== 'license/obligations').map((f) => f.code).sort()).toEqual(['license/non-commercial', 'route/assumed-model']);
    expect(dflt.findings.find((f) => f.code === 'route/assumed-model')!.message).toContain('it was linted as its default "acme-ai/NC-104B", Acme NC (acme/nc)');
  });

  it('the policy models: map states what a served name is, before resolution, and every finding names it and its approver', () => {
    const policy = 'name: t\nmodels:\n  openai/base-mind:\n    model: acme-ai/NC-104B\n    approved_by: platform@example.com\n    reason: deployment record DR-7\n';
    const config = litellm('openai/base-mind', '      api_base: http://gpu.internal/v1\n');
    expect(codes(config)).toEqual(['registry/unknown-model']);
    const findings = lint(config, policy).findings.filter((f) => f.code !== 'license/obligations');
    expect(findings.map((f) => [f.code, f.model])).toEqual([['license/non-commercial', 'acme/nc']]);
    expect(findings[0]!.message).toContain('[“openai/base-mind” is acme/nc per the policy\'s models: (approved by platform@example.com)]'.replace(/[“”]/g, '"'));
    expect(findings[0]!.evidence.map((e) => e.subject)).toContain('policy · models["openai/base-mind"]');
    const bad = lint(config, policy.replace('acme-ai/NC-104B', 'acme-ai/NC-105B')).findings.filter((f) => f.code === 'registry/unknown-model');
    expect(bad[0]!.message).toMatch(/^the policy's models: maps "openai\/base-mind" to "acme-ai\/NC-105B", which is not a model the registry knows \(did you mean "acme-ai\/NC-104B"/);
  });
});

describe('aggregators and free endpoints', () => {
  const withAggregator = () => {
    const r = testRegistry();
    r.providers.openrouter = provider({
      name: 'OpenRouter',
      litellm_prefixes: ['openrouter'],
      data_retention: { value: 'Depends on the upstream endpoint', summary: 'Retention is that of the upstream endpoint.', ...{ status: 'verified' as const, sources: [{ source: 'test-source' }] } },
    });
    return r;
  };
  const run = (spec: string, r = withAggregator()) => lintText('router.yaml', litellm(spec), r, testPolicy(), TODAY).findings.filter((f) => f.code !== 'license/obligations' && f.code !== 'organization/unset');

  it('an aggregator route with an unknown upstream is checked under the vendor API terms, with a warning naming both', () => {
    const found = run('openrouter/acme-ai/NC-104B');
    expect(found.map((f) => [f.code, f.severity])).toEqual([['route/aggregator-upstream', 'warning']]);
    expect(found[0]!.message).toContain("From acme's own API, Acme API Terms (acme-api) governs and commercial use is allowed");
    expect(found[0]!.message).toContain('NonCommercial (nc-weights) would govern and forbids commercial use');
    expect(found[0]!.evidence.map((e) => e.subject)).toEqual(['license acme-api · commercial_use', 'license nc-weights · commercial_use']);
  });

  it('a recorded upstream decides: the vendor API passes, a weights host is the weights license', () => {
    const route = (relationship: 'first-party-api' | 'hosted-oss') => {
      const r = withAggregator();
      r.models['acme/nc']!.routes = [{ provider: 'openrouter', relationship, model_id: 'acme-ai/nc-104b', as_of: '2026-11-01', status: 'verified', sources: [{ source: 'test-source' }] }];
      return r;
    };
    expect(run('openrouter/acme-ai/NC-104B', route('first-party-api'))).toEqual([]);
    expect(run('openrouter/acme-ai/NC-104B', route('hosted-oss')).map((f) => f.code)).toEqual(['license/non-commercial']);
    // Open weights with no vendor API: only a weights host can serve them, nothing to ask.
    expect(run('openrouter/acme/Open-7B')).toEqual([]);
  });

  it('warns on the :free variant with the provider’s data terms', () => {
    const found = run('openrouter/acme/Open-7B:free');
    expect(found.map((f) => [f.code, f.model])).toEqual([['route/free-endpoint', 'acme/open']]);
    expect(found[0]!.evidence[0]!.subject).toBe('provider openrouter · data_retention');
  });

  it('OpenRouter’s Auto and Free Models routers pick any model: fail closed like a wildcard', () => {
    expect(run('openrouter/openrouter/auto').map((f) => f.code)).toEqual(['route/wildcard']);
    expect(run('openrouter/openrouter/free')[0]!.message).toContain('whichever model the aggregator picks per request');
  });
});

describe('lifecycle on an unidentified channel', () => {
  it('reads a route nobody identifiably serves as the vendor’s own API: a vendor-retired model fails closed', () => {
    const f = lint(litellm('acme-old')).findings.filter((x) => x.code.startsWith('lifecycle/'));
    expect(f.map((x) => [x.code, x.severity])).toEqual([['lifecycle/retired', 'error']]);
    expect(f[0]!.message).toContain("on a channel the config does not identify (read as acme's own API)");
  });
});
