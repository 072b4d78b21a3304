/** lifecycle/deprecated: the vendor has deprecated the model; it still answers until its retirement date. */
import { daysBetween, modelLabel, servedBy } from './describe.ts';
import { lifecycleEvidence, retirementDate } from './lifecycle-retired.ts';
import type { Rule } from './types.ts';

export const rule: Rule = {
  code: 'lifecycle/deprecated',
  title: 'Deprecated model',
  defaultSeverity: 'warning',
  why: 'A deprecated model still works but has a retirement date; routes that name it will break then. The warning gives the date so the switch can be planned.',
  fix: 'Plan the move to the replacement before the retirement date.',
  example: 'model_list:\n  - model_name: claude\n    litellm_params:\n      model: anthropic/claude-sonnet-4-5-20250929',
  checkRoute(ctx) {
    const lc = ctx.model.lifecycle;
    if (lc.status !== 'deprecated' || retirementDate(ctx) !== undefined) return [];
    const fact = lifecycleEvidence(ctx);
    ctx.consult({ subject: fact.subject, status: fact.status, reviewed: ctx.model.reviewed, evidence: fact });
    const when = lc.retires_on ? `; it retires on ${lc.retires_on} (in ${daysBetween(ctx.today, lc.retires_on)} days)` : '';
    return [
      {
        message: `${modelLabel(ctx)} ${servedBy(ctx)} is deprecated${lc.deprecated_on ? ` since ${lc.deprecated_on}` : ''}${when}${lc.replacement ? `; replacement: ${lc.replacement}` : ''}`,
        evidence: [fact],
        ...(lc.replacement ? { hint: `Plan the move to ${lc.replacement}.` } : {}),
      },
    ];
  },
};
