/** lifecycle/retired: the vendor has retired the model (or its announced retirement date has passed). */
import { citationFor, citedFact } from '../terms.ts';
import { modelLabel, servedBy } from './describe.ts';
import type { Emitted, Rule, RouteContext } from './types.ts';

export const rule: Rule = {
  code: 'lifecycle/retired',
  title: 'Retired model',
  defaultSeverity: 'error',
  why: 'A retired model no longer answers on its vendor’s API; a router that still names it fails at run time or silently falls back. Retirement dates that have passed count as retired even if the registry has not caught up.',
  fix: 'Switch to the replacement the vendor names (shown in the message) and re-run the linter.',
  example: 'model_list:\n  - model_name: claude\n    litellm_params:\n      model: anthropic/claude-3-5-sonnet-20240620',
  checkRoute(ctx) {
    const retiredOn = retirementDate(ctx);
    if (retiredOn === undefined) return [];
    const lc = ctx.model.lifecycle;
    const fact = lifecycleEvidence(ctx);
    ctx.consult({ subject: fact.subject, status: fact.status, reviewed: ctx.model.reviewed, evidence: fact });
    const out: Emitted = {
      message: `${modelLabel(ctx)} ${servedBy(ctx)} was retired${retiredOn ? ` on ${retiredOn}` : ''}${lc.replacement ? `; the vendor names ${lc.replacement} as its replacement` : ''}`,
      evidence: [fact],
      ...(lc.replacement ? { hint: `Replace it with ${lc.replacement}.` } : {}),
    };
    return [out];
  },
};

/** The retirement date if the model is retired by status or by a date on or before today; '' if retired without a date. */
export function retirementDate(ctx: Pick<RouteContext, 'model' | 'today'>): string | undefined {
  const lc = ctx.model.lifecycle;
  if (lc.status === 'retired') return lc.retired_on ?? '';
  if (lc.retired_on !== undefined && lc.retired_on <= ctx.today) return lc.retired_on;
  if (lc.retires_on !== undefined && lc.retires_on <= ctx.today) return lc.retires_on;
  return undefined;
}

export function lifecycleEvidence(ctx: Pick<RouteContext, 'model' | 'modelId' | 'registry'>) {
  const lc = ctx.model.lifecycle;
  const dates = [lc.deprecated_on && `deprecated ${lc.deprecated_on}`, lc.retires_on && `retires ${lc.retires_on}`, lc.retired_on && `retired ${lc.retired_on}`].filter(Boolean).join(', ');
  return citedFact(ctx.registry, `model ${ctx.modelId} · lifecycle`, `${ctx.model.name}: ${lc.status}${dates ? ` (${dates})` : ''}.`, citationFor(ctx.model.citations, 'lifecycle'));
}
