/** license/output-training: the organization trains on model outputs and the terms forbid or restrict it. */
import { claimEvidence, licenseLabel } from '../terms.ts';
import { modelLabel, servedBy } from './describe.ts';
import type { Emitted, Rule } from './types.ts';

export const rule: Rule = {
  code: 'license/output-training',
  title: 'Training on outputs',
  defaultSeverity: 'error',
  why: 'API terms often forbid using outputs to build competing models (Anthropic Commercial Terms, OpenAI Services Agreement, Gemini API terms), and some weights licenses restrict it (Llama 2) or attach conditions (Llama 3.1+ naming, Qwen “Built with Qwen”). If the organization trains on outputs, those clauses bite.',
  fix: 'Keep outputs of these models out of training data, switch to a model whose terms allow it, or record a waiver with legal’s reading. Keep `organization.trains_on_outputs` correct.',
  example: '# policy: organization: { trains_on_outputs: true }\nname: Example for license/output-training\ntiers:\n  - id: frontier\n    routes:\n      - model: anthropic/claude-opus-4.7\n        via: anthropic',
  checkRoute(ctx) {
    const out: Emitted[] = [];
    const trains = ctx.policy.organization.trains_on_outputs;
    if (trains === false) return out;
    for (const terms of ctx.terms) {
      const license = terms.license;
      if (!license) continue;
      const clause = license.output_training;
      if (clause.value === 'allowed') {
        if (trains) ctx.consult({ subject: `license ${terms.licenseId} · output_training`, status: clause.status, reviewed: license.reviewed, evidence: claimEvidence(ctx.registry, `license ${terms.licenseId} · output_training`, clause) });
        continue;
      }
      const subject = `license ${terms.licenseId} · output_training`;
      const evidence = claimEvidence(ctx.registry, subject, clause);
      const where = `${modelLabel(ctx)} ${servedBy(ctx)}: ${licenseLabel(terms)}`;
      const verb = clause.value === 'forbidden' ? 'forbids' : clause.value === 'restricted' ? 'restricts' : 'does not establish whether it allows';
      if (trains === undefined) {
        if (clause.value === 'unknown') continue;
        out.push({
          severity: 'warning',
          message: `${where} ${verb} training on outputs, and organization.trains_on_outputs is not set, so the clause was not checked`,
          hint: 'Set organization.trains_on_outputs in the policy.',
          evidence: [evidence],
          undecided: { fact: 'trains_on_outputs', check: `the output-training clause of ${licenseLabel(terms)} (${clause.value})` },
        });
        continue;
      }
      ctx.consult({ subject, status: clause.status, reviewed: license.reviewed, evidence });
      out.push({
        severity: clause.value === 'forbidden' ? 'error' : 'warning',
        message: `${where} ${verb} using outputs to train models, and the organization trains on outputs`,
        evidence: [evidence],
      });
    }
    return out;
  },
};
