/** tier/requirement: routes of a tagged tier (e.g. `sovereign`) must meet the policy's hosting, region, SEAL and certification requirements. */
import type { Evidence } from '../types.ts';
import { placeWithin } from '../countries.ts';
import { citationFor, citedFact, claimEvidence } from '../terms.ts';
import { modelLabel, servedBy } from './describe.ts';
import type { Emitted, Rule } from './types.ts';

export const rule: Rule = {
  code: 'tier/requirement',
  title: 'Tier requirement not met',
  defaultSeverity: 'error',
  why: 'Tiers that carry regulated or sovereign traffic promise more than a license check: an EU-controlled provider or self-hosting in an EU region, a minimum EU Cloud Sovereignty Framework SEAL level, certifications such as ISO 27001 or BSI C5. A route that cannot show it meets them fails closed.',
  fix: 'Serve the tier from a provider or region that meets the requirement (or self-host it where required), state the region of the route, or record a waiver.',
  example: '# policy: tier_requirements: [{ tag: sovereign, hosting: [eu-controlled-provider, self-hosted], regions: [EU] }]\nname: Example for tier/requirement\ntiers:\n  - id: sovereign\n    tags: [sovereign]\n    routes:\n      - model: anthropic/claude-opus-4.7\n        via: anthropic',
  checkRoute(ctx) {
    const out: Emitted[] = [];
    for (const req of ctx.policy.tier_requirements ?? []) {
      if (!ctx.tier.tags.includes(req.tag)) continue;
      const unmet: string[] = [];
      const evidence: Evidence[] = [];
      const provider = ctx.serving.provider;
      const selfHosted = ctx.serving.relationship === 'self-hosted';
      if (req.hosting) {
        const ok = req.hosting.some((h) => (h === 'self-hosted' ? selfHosted : h === 'eu-controlled-provider' ? provider?.provider.eu_controlled === true : provider !== undefined && !selfHosted));
        if (provider) {
          const fact = citedFact(ctx.registry, `provider ${provider.id} · eu_controlled`, `${provider.provider.name} is ${provider.provider.eu_controlled ? '' : 'not '}headquartered and controlled in the EU/EEA (seat: ${provider.provider.country}${provider.provider.parent_country ? `, parent: ${provider.provider.parent_country}` : ''}).`, citationFor(provider.provider.citations, 'eu_controlled'));
          evidence.push(fact);
          ctx.consult({ subject: fact.subject, status: fact.status, reviewed: provider.provider.reviewed, evidence: fact });
        }
        if (!ok) {
          const is = selfHosted ? 'it is self-hosted' : provider ? `${provider.id} is ${provider.provider.eu_controlled ? 'EU-controlled' : `not EU-controlled (seat ${provider.provider.country})`}` : 'its provider is unknown';
          unmet.push(`hosting must be ${req.hosting.join(' or ')}, but ${is}`);
        }
      }
      if (req.regions) {
        const countries = ctx.location.countries;
        if (!countries) unmet.push(`it must run in ${req.regions.join(', ')}, but ${ctx.location.label}`);
        else {
          const outside = countries.filter((c) => !placeWithin(c, req.regions!));
          if (outside.length > 0) unmet.push(`it must run in ${req.regions.join(', ')}, but may run in ${outside.join(', ')} (${ctx.location.label})`);
        }
      }
      if (!selfHosted && (req.min_seal_level !== undefined || req.certifications)) {
        const certs = provider?.provider.certifications ?? [];
        if (req.min_seal_level !== undefined) {
          const seal = certs.find((c) => c.name === 'eu-csf-seal' && c.held === 'yes');
          const level = seal?.level ? Number(/(\d)/.exec(seal.level)?.[1]) : Number.NaN;
          if (seal) {
            const fact = claimEvidence(ctx.registry, `provider ${provider!.id} · certifications eu-csf-seal`, { summary: `${provider!.provider.name}: EU Cloud Sovereignty Framework ${seal.level ?? 'level not stated'}${seal.scope ? ` (${seal.scope})` : ''}.`, status: seal.status, sources: seal.sources });
            evidence.push(fact);
            ctx.consult({ subject: fact.subject, status: fact.status, reviewed: provider!.provider.reviewed, evidence: fact });
          }
          if (!(level >= req.min_seal_level)) {
            unmet.push(`the provider needs SEAL-${req.min_seal_level} or higher, but ${!provider ? 'the provider is unknown' : seal ? `${provider.id} has ${seal.level ?? 'no stated level'}` : `${provider.id} has no recorded SEAL level`}`);
          }
        }
        for (const name of req.certifications ?? []) {
          const cert = certs.find((c) => c.name === name);
          if (cert?.held === 'yes') {
            const fact = claimEvidence(ctx.registry, `provider ${provider!.id} · certifications ${name}`, { summary: `${provider!.provider.name} holds ${name}${cert.level ? ` (${cert.level})` : ''}${cert.scope ? `, scope: ${cert.scope}` : ''}.`, status: cert.status, sources: cert.sources });
            evidence.push(fact);
            ctx.consult({ subject: fact.subject, status: fact.status, reviewed: provider!.provider.reviewed, evidence: fact });
          } else {
            unmet.push(`the provider must hold ${name}, but ${!provider ? 'the provider is unknown' : `${provider.id} ${cert ? `lists it as "${cert.held}"` : 'has no record of it'}`}`);
          }
        }
      }
      if (unmet.length > 0) {
        out.push({ message: `${modelLabel(ctx)} ${servedBy(ctx)} does not meet the "${req.tag}" tier requirement: ${unmet.join('; ')}${req.reason ? `. Reason: ${req.reason}` : ''}`, evidence });
      }
    }
    return out;
  },
};
