/** license/geo-restriction: the license withholds rights from the organization's domicile or the route's location. */
import { describeMembership, inPlaces, placeOverlaps } from '../countries.ts';
import { claimEvidence, licenseLabel } from '../terms.ts';
import { modelLabel, servedBy } from './describe.ts';
import type { Emitted, Rule } from './types.ts';

export const rule: Rule = {
  code: 'license/geo-restriction',
  title: 'Geographic exclusion',
  defaultSeverity: 'error',
  why: 'Some licenses withhold rights by geography. The Llama 4 acceptable-use policy grants no rights to multimodal Llama 4 models to individuals domiciled in, or companies with their principal place of business in, the EU (end users of products that incorporate them are exempt). An EU-domiciled company that self-hosts or fine-tunes these models has a blocker. Others exclude places of use: the Tencent Hunyuan Community License does not apply in the EU, the UK and South Korea and forbids using or displaying the model or its output there — an error when the route runs there or the organisation is based there, whatever the server’s location.',
  fix: 'Use a model without the exclusion (e.g. a text-only model), or reach the model in a way the clause exempts and record a waiver with legal’s reasoning. Keep `organization.domicile` correct.',
  example: '# policy: organization: { domicile: DE }\nname: Example for license/geo-restriction\ntiers:\n  - id: oss\n    routes:\n      - model: meta/llama-4-maverick-17b-128e-instruct\n        via: self-hosted',
  checkRoute(ctx) {
    const out: Emitted[] = [];
    const domicile = ctx.policy.organization.domicile;
    const multimodal = ctx.model.modalities.input.some((m) => m !== 'text');
    for (const terms of ctx.terms) {
      const license = terms.license;
      if (!license) continue;
      license.geo_exclusions.forEach((exclusion, i) => {
        if (exclusion.applies_to === 'multimodal-models' && !multimodal) return;
        const subject = `license ${terms.licenseId} · geo_exclusions[${i}] (${exclusion.in_document})`;
        const evidence = claimEvidence(ctx.registry, subject, exclusion);
        const exempt = exclusion.exempt ? ` Exempt: ${exclusion.exempt.replace(/\.$/, '')}.` : '';
        const where = `${modelLabel(ctx)} ${servedBy(ctx)}: ${licenseLabel(terms)}`;
        const scope = exclusion.applies_to === 'multimodal-models' ? ' for multimodal models' : '';
        if (exclusion.basis === 'location') {
          // Where use happens is where the model runs and where the organisation works with its output: an
          // organisation based in an excluded region uses it there whatever the server's location (fail closed).
          const countries = ctx.location.countries;
          const regions = exclusion.regions.join(', ');
          const based = domicile !== undefined && inPlaces(domicile, exclusion.regions);
          if (countries) ctx.consult({ subject, status: exclusion.status, reviewed: license.reviewed, evidence });
          const hit = countries?.filter((c) => placeOverlaps(c, exclusion.regions)) ?? [];
          if (hit.length > 0) {
            out.push({ message: `${where} excludes use in ${regions}${scope}; the route may run in ${hit.join(', ')}.${exempt}`, evidence: [evidence] });
            return;
          }
          if (based) {
            ctx.consult({ subject, status: exclusion.status, reviewed: license.reviewed, evidence });
            const runs = countries ? `the route runs in ${countries.join(', ')}` : 'the route’s location is not given';
            out.push({
              message: `${where} excludes use in ${regions}${scope}; the organization is domiciled in ${describeMembership(domicile, exclusion.regions)}, so it uses the model and its output there, whatever the server’s location (${runs}).${exempt}`,
              hint: 'Use a model without the exclusion. If legal finds that no use, display or distribution of the model or its output happens in the excluded region, record a waiver with that reasoning.',
              evidence: [evidence],
            });
            return;
          }
          if (!countries) {
            out.push({ severity: 'warning', message: `${where} excludes use in ${regions}${scope}, and the route’s location is unknown (${ctx.location.label})`, hint: 'State the region or country of the route.', evidence: [evidence] });
            if (domicile === undefined) {
              out.push({
                severity: 'warning',
                message: `${where} excludes use in ${regions}${scope}, and organization.domicile is not set, so whether the organization itself works there was not checked`,
                hint: 'Set organization.domicile (ISO 3166-1 alpha-2) in the policy.',
                evidence: [evidence],
                undecided: { fact: 'domicile', check: `the ${regions} exclusion of ${licenseLabel(terms)}${scope} (use in those places)` },
              });
            }
          }
          return;
        }
        if (domicile === undefined) {
          out.push({
            severity: 'warning',
            message: `${where} excludes organizations domiciled in ${exclusion.regions.join(', ')}${scope}, and organization.domicile is not set, so the exclusion was not checked`,
            hint: 'Set organization.domicile (ISO 3166-1 alpha-2) in the policy.',
            evidence: [evidence],
            undecided: { fact: 'domicile', check: `the ${exclusion.regions.join(', ')} exclusion of ${licenseLabel(terms)}${scope}` },
          });
          return;
        }
        ctx.consult({ subject, status: exclusion.status, reviewed: license.reviewed, evidence });
        if (inPlaces(domicile, exclusion.regions)) {
          // Reached through someone else's hosted API, the organisation may be the end user the clause exempts: legal decides, once, in the policy.
          const hosted = ctx.serving.relationship === 'hosted-oss' || ctx.serving.relationship === 'managed-cloud' || ctx.serving.relationship === 'first-party-api';
          if (hosted && exclusion.exempt && exclusion.basis === 'domicile') {
            const reading = ctx.policy.geo_exclusions;
            const decided = reading ? ` (policy geo_exclusions.hosted_api_is_end_use: ${reading.hosted_api_is_end_use}${reading.approved_by ? `, decided by ${reading.approved_by}` : ''}${reading.reason ? `: ${reading.reason}` : ''})` : '';
            if (reading?.hosted_api_is_end_use === true) return;
            const clauses = `the clause: ${exclusion.quote ? `"${exclusion.quote}"` : exclusion.summary}; the exemption: "${exclusion.exempt.replace(/\.$/, '')}"`;
            if (reading?.hosted_api_is_end_use === false) {
              out.push({ message: `${where} withholds rights from organizations domiciled in ${exclusion.regions.join(', ')}${scope}; the organization is domiciled in ${describeMembership(domicile, exclusion.regions)} and reaches it through ${ctx.serving.provider?.id ?? 'a'} hosted API, which the policy does not read as exempt end use${decided}`, evidence: [evidence] });
              return;
            }
            out.push({
              severity: 'warning',
              message: `${where} withholds rights from organizations domiciled in ${exclusion.regions.join(', ')}${scope}, and exempts end users of a product that incorporates the model. The organization (${describeMembership(domicile, exclusion.regions)}) reaches it through ${ctx.serving.provider?.id ?? 'a'} hosted API, not by self-hosting: whether that is exempt end use is for legal to decide — ${clauses}`,
              hint: 'Have legal decide, then record it in the policy: geo_exclusions: {hosted_api_is_end_use: true|false, reason: …, approved_by: …}. Self-hosting, fine-tuning or redistributing the model stays an error.',
              evidence: [evidence],
            });
            return;
          }
          const basis = exclusion.basis === 'export-control' ? 'export controls exclude' : 'it withholds rights from organizations domiciled in';
          out.push({
            message: `${where}: ${basis} ${exclusion.regions.join(', ')}${scope}; the organization is domiciled in ${describeMembership(domicile, exclusion.regions)}.${exempt}`,
            evidence: [evidence],
          });
        }
      });
    }
    return out;
  },
};
