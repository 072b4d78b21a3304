/** license/non-commercial: a governing license forbids commercial use (CC-BY-NC, research licenses). */
import { claimEvidence, licenseLabel } from '../terms.ts';
import { modelLabel, servedBy } from './describe.ts';
import type { Emitted, Rule } from './types.ts';

const NON_COMMERCIAL_CLASSES = new Set(['non-commercial', 'research-only']);

export const rule: Rule = {
  code: 'license/non-commercial',
  title: 'License forbids commercial use',
  defaultSeverity: 'error',
  why: 'Weights under CC-BY-NC, a research license or an evaluation license may not be used in a commercial product. The same model reached through its vendor’s paid API is governed by the API terms instead, so the route decides which terms apply. Where the registry does not establish that commercial use is allowed, the rule fails closed.',
  fix: 'Route the model through a channel whose terms allow commercial use (usually the vendor’s API), pick a model with a commercial license, or get a commercial license and record a waiver.',
  example: 'name: Example for license/non-commercial\ntiers:\n  - id: rag\n    routes:\n      - model: cohere/command-r-plus-08-2024\n        via: self-hosted',
  checkRoute(ctx) {
    const out: Emitted[] = [];
    for (const terms of ctx.terms) {
      const license = terms.license;
      if (!license) continue;
      const clause = license.commercial_use;
      const subject = `license ${terms.licenseId} · commercial_use`;
      const evidence = claimEvidence(ctx.registry, subject, clause);
      ctx.consult({ subject, status: clause.status, reviewed: license.reviewed, evidence });
      const base = terms.modelId !== ctx.modelId ? `, the license of its base model ${terms.modelId},` : '';
      const kind = terms.basis === 'api-terms' ? 'the API terms' : 'the weights license';
      if (NON_COMMERCIAL_CLASSES.has(license.class) || clause.value === 'forbidden') {
        out.push({ message: `${modelLabel(ctx)} ${servedBy(ctx)}: ${kind} ${licenseLabel(terms)}${base} forbids commercial use`, evidence: [evidence] });
      } else if (clause.value === 'unknown') {
        out.push({
          message: `${modelLabel(ctx)} ${servedBy(ctx)}: ${kind} ${licenseLabel(terms)}${base} does not establish that commercial use is allowed; treated as forbidden`,
          evidence: [evidence],
        });
      }
    }
    return out;
  },
};
