/** Rule tests on the in-memory test registry: each asserts codes (wording is pinned by the CLI goldens). */
import { describe, expect, it } from 'vitest';
import { testPolicy, testRegistry } from '../__fixtures__/registry.ts';
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
    expect(outcome.findings[0]!.message).toContain('did you mean "acme/Open-7B" (acme/open)');
    expect(outcome.exitCode).toBe(1);
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

  it('warns when the organization MAU is not set', () => {
    const findings = lint(native(route('acme/capped'))).findings.filter((f) => f.code === 'license/mau-cap');
    expect(findings.map((f) => f.severity)).toEqual(['warning']);
  });

  it('honours mau_warning_ratio', () => {
    expect(codes(native(route('acme/capped')), `${policy(60_000_000)}mau_warning_ratio: 0.5\n`)).toEqual(['license/mau-cap']);
  });
});

describe('license/geo-restriction', () => {
  const domicile = (c: string) => `name: t\norganization:\n  domicile: ${c}\n`;
  it('errors for an EU-domiciled organization on a multimodal model, not for a US one', () => {
    expect(codes(native(route('acme/vision')), domicile('DE'))).toEqual(['license/geo-restriction']);
    expect(codes(native(route('acme/vision')), domicile('US'))).toEqual([]);
  });

  it('skips text-only models when the clause covers multimodal models only', () => {
    expect(codes(native(route('acme/text')), domicile('FR'))).toEqual([]);
  });

  it('treats EEA-only members as outside the EU', () => {
    expect(codes(native(route('acme/vision')), domicile('NO'))).toEqual([]);
  });

  it('warns when the domicile is not set', () => {
    expect(lint(native(route('acme/vision'))).findings.filter((f) => f.code === 'license/geo-restriction').map((f) => f.severity)).toEqual(['warning']);
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
  it('errors on a retired model and names the replacement', () => {
    const findings = lint(litellm('acme-old')).findings.filter((f) => f.code !== 'license/obligations');
    expect(findings.map((f) => f.code)).toEqual(['lifecycle/retired']);
    expect(findings[0]!.message).toContain('acme/open');
  });

  it('warns on a deprecated model, and errors once its retirement date has passed', () => {
    expect(lint(native(route('acme/aging'))).findings.filter((f) => f.code.startsWith('lifecycle/')).map((f) => [f.code, f.severity])).toEqual([['lifecycle/deprecated', 'warning']]);
    expect(codes(native(route('acme/aging')), undefined, { today: '2027-03-01' })).toEqual(['lifecycle/retired']);
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
