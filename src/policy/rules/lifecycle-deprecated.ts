/**
 * lifecycle/deprecated: the channel a route uses has deprecated the model (it still answers until its
 * retirement date); or the vendor has deprecated or retired it on its own API and this channel's own
 * lifecycle is not recorded — unknown, so a warning, never the vendor's date as an error.
 */
import { daysBetween, modelLabel, servedBy } from './describe.ts';
import { channelLifecycle, replacementLabel, retirementDate } from './lifecycle-retired.ts';
import type { Rule } from './types.ts';

export const rule: Rule = {
  code: 'lifecycle/deprecated',
  title: 'Deprecated model',
  defaultSeverity: 'warning',
  why: 'A deprecated model still works but has a retirement date; routes that name it will break then. The warning gives the date so the switch can be planned. Dates are per channel: when the vendor has deprecated or retired a model on its own API and the registry has no date for the provider this route uses (Bedrock, Vertex, a hosted-OSS provider), the route’s lifecycle is unknown and the warning says so. (Amazon Bedrock’s model lifecycle page: its dates “are specific to Amazon Bedrock and may differ from dates published by model providers”.)',
  fix: 'Plan the move to the replacement before the retirement date; for an unknown channel lifecycle, check the provider’s own deprecation page.',
  example: 'model_list:\n  - model_name: claude\n    litellm_params:\n      model: anthropic/claude-sonnet-4-5-20250929',
  checkRoute(ctx) {
    const channel = channelLifecycle(ctx);
    const vendor = ctx.model.lifecycle;
    if (channel.basis === 'unknown') {
      if (vendor.status === 'active' && retirementDate(vendor, ctx.today) === undefined) return [];
      const retired = retirementDate(vendor, ctx.today);
      const what = retired !== undefined ? `retired it on its own API${retired ? ` on ${retired}` : ''}` : `deprecated it on its own API${vendor.retires_on ? ` (retiring there on ${vendor.retires_on})` : ''}`;
      return [
        {
          message: `${modelLabel(ctx)} ${servedBy(ctx)}: the vendor ${what}; the lifecycle ${channel.label} is not in the registry, so whether this route still works after the vendor’s date is unknown`,
          hint: `Check ${channel.label.replace(/^on /, '')}’s own deprecation page and record its dates under routes[].lifecycle of ${ctx.modelId}, or move the route.`,
          evidence: [channel.evidence],
        },
      ];
    }
    const lc = channel.lifecycle;
    if (!lc || lc.status !== 'deprecated' || retirementDate(lc, ctx.today) !== undefined) return [];
    ctx.consult({ subject: channel.evidence.subject, status: channel.evidence.status, reviewed: ctx.model.reviewed, evidence: channel.evidence });
    const when = lc.retires_on ? `; it retires ${channel.label} on ${lc.retires_on} (in ${daysBetween(ctx.today, lc.retires_on)} days)` : '';
    const replacement = replacementLabel(ctx, lc);
    return [
      {
        message: `${modelLabel(ctx)} ${servedBy(ctx)} is deprecated ${channel.label}${lc.deprecated_on ? ` since ${lc.deprecated_on}` : ''}${when}${replacement ? `; replacement: ${replacement}` : ''}`,
        evidence: [channel.evidence],
        ...(replacement ? { hint: `Plan the move to ${replacement}.` } : {}),
      },
    ];
  },
};
