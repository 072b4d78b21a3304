/** license/obligations: duties a route takes on (notices, "Built with Llama", name prefixes). Info. */
import { claimEvidence, licenseLabel } from '../terms.ts';
import { modelLabel, servedBy } from './describe.ts';
import type { Emitted, Rule } from './types.ts';

export const rule: Rule = {
  code: 'license/obligations',
  title: 'License obligations',
  defaultSeverity: 'info',
  why: 'Using a model under a license creates duties: ship the license notice, display “Built with Llama”, begin derivative model names with “Llama”, pass use restrictions on to your users. They are not violations, but someone has to do them.',
  fix: 'Hand the list to whoever owns notices and product copy; nothing to change in the config.',
  checkRoute(ctx) {
    const out: Emitted[] = [];
    for (const terms of ctx.terms) {
      const license = terms.license;
      if (!license || license.obligations.length === 0) continue;
      const evidence = license.obligations.map((o, i) => claimEvidence(ctx.registry, `license ${terms.licenseId} · obligations[${i}] (${o.value})`, o));
      out.push({
        message: `${modelLabel(ctx)} ${servedBy(ctx)}: ${licenseLabel(terms)} requires: ${license.obligations.map((o) => o.summary.replace(/\.$/, '')).join('; ')}`,
        evidence,
      });
    }
    return out;
  },
};
