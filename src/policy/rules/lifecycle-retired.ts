/**
 * lifecycle/retired: the channel a route uses has retired the model (or its announced retirement date has
 * passed). Lifecycle is per channel: the model's own `lifecycle` is the vendor's API; another provider's
 * dates are that route's `routes[].lifecycle`. A vendor's date never retires the model on Bedrock, Vertex or a
 * hosted-OSS provider, and weights you run yourself do not retire at all.
 */
import type { Lifecycle } from '../../registry/schema/index.ts';
import { citationFor, citedFact, claimEvidence } from '../terms.ts';
import type { Evidence } from '../types.ts';
import { modelLabel, servedBy } from './describe.ts';
import type { Emitted, Rule, RouteContext } from './types.ts';

export const rule: Rule = {
  code: 'lifecycle/retired',
  title: 'Retired model',
  defaultSeverity: 'error',
  why: 'A retired model no longer answers on the channel that retired it; a router that still names it fails at run time or silently falls back. Lifecycle is per channel: the vendor’s retirement of its own API does not retire the model on Bedrock, Vertex or a hosted-OSS provider, which publish their own dates, and self-hosted weights do not retire. A route whose channel the config does not identify is read as the vendor’s own API (fail closed). Retirement dates that have passed count as retired even if the registry has not caught up.',
  fix: 'Switch the route to the replacement (named in the message when the registry knows it), or to a channel that still serves the model, and re-run the linter.',
  example: 'model_list:\n  - model_name: claude\n    litellm_params:\n      model: anthropic/claude-3-5-sonnet-20240620',
  checkRoute(ctx) {
    const channel = channelLifecycle(ctx);
    if (!channel.lifecycle) return [];
    const retiredOn = retirementDate(channel.lifecycle, ctx.today);
    if (retiredOn === undefined) return [];
    const lc = channel.lifecycle;
    ctx.consult({ subject: channel.evidence.subject, status: channel.evidence.status, reviewed: ctx.model.reviewed, evidence: channel.evidence });
    const replacement = replacementLabel(ctx, lc);
    const out: Emitted = {
      message: `${modelLabel(ctx)} ${servedBy(ctx)} was retired ${channel.label}${retiredOn ? ` on ${retiredOn}` : ''}${replacement ? `; the replacement named is ${replacement}` : '; the registry records no replacement'}`,
      evidence: [channel.evidence],
      hint: replacement ? `Replace it with ${replacement}, or reach the model through a channel that still serves it.` : 'Choose a current model (the registry records no replacement for this one), or reach it through a channel that still serves it.',
    };
    return [out];
  },
};

export interface ChannelLifecycle {
  /** The lifecycle of the channel the route uses; undefined when the registry does not know it (or it has none). */
  lifecycle?: Lifecycle;
  /** "on anthropic's own API", "on aws-bedrock". */
  label: string;
  basis: 'vendor-api' | 'route' | 'unknown' | 'self-hosted';
  evidence: Evidence;
}

/** Which lifecycle governs this route: the vendor's own API, this provider's route entry, or none known. */
export function channelLifecycle(ctx: Pick<RouteContext, 'model' | 'modelId' | 'registry' | 'serving'>): ChannelLifecycle {
  const { serving, model } = ctx;
  const vendorEvidence = lifecycleEvidence(ctx);
  if (serving.relationship === 'self-hosted') return { label: 'self-hosted', basis: 'self-hosted', evidence: vendorEvidence };
  const providerId = serving.provider?.id;
  const route = providerId !== undefined ? model.routes?.find((r) => r.provider === providerId) : undefined;
  if (route?.lifecycle) {
    const lc = route.lifecycle;
    const evidence = claimEvidence(ctx.registry, `model ${ctx.modelId} · routes[${providerId}].lifecycle`, { summary: `${model.name} on ${providerId}: ${describe(lc)}.`, status: route.status, sources: route.sources });
    return { lifecycle: lc, label: `on ${providerId}`, basis: 'route', evidence };
  }
  if (serving.relationship === 'first-party-api') return { lifecycle: model.lifecycle, label: `on ${providerId ?? model.vendor}'s own API`, basis: 'vendor-api', evidence: vendorEvidence };
  // Nobody identified serves the route: it may be the vendor's own API, so its dates apply (fail closed).
  if (serving.relationship === 'unknown') return { lifecycle: model.lifecycle, label: `on a channel the config does not identify (read as ${model.vendor}'s own API)`, basis: 'vendor-api', evidence: vendorEvidence };
  return { label: providerId !== undefined ? `on ${providerId}` : 'on this channel', basis: 'unknown', evidence: vendorEvidence };
}

/** The retirement date if retired by status or by a date on or before today; '' if retired without a date. */
export function retirementDate(lc: Lifecycle, today: string): string | undefined {
  if (lc.status === 'retired') return lc.retired_on ?? '';
  if (lc.retired_on !== undefined && lc.retired_on <= today) return lc.retired_on;
  if (lc.retires_on !== undefined && lc.retires_on <= today) return lc.retires_on;
  return undefined;
}

/** "Acme Open 7B (acme/open)" when the registry has the replacement, its id when it does not; undefined when none is named. */
export function replacementLabel(ctx: Pick<RouteContext, 'registry'>, lc: Lifecycle): string | undefined {
  if (lc.replacement === undefined) return undefined;
  const model = ctx.registry.models[lc.replacement];
  return model ? `${model.name} (${lc.replacement})` : `${lc.replacement} (not in the registry yet)`;
}

function describe(lc: Lifecycle): string {
  const dates = [lc.deprecated_on && `deprecated ${lc.deprecated_on}`, lc.retires_on && `retires ${lc.retires_on}`, lc.retired_on && `retired ${lc.retired_on}`].filter(Boolean).join(', ');
  return `${lc.status}${dates ? ` (${dates})` : ''}`;
}

export function lifecycleEvidence(ctx: Pick<RouteContext, 'model' | 'modelId' | 'registry'>): Evidence {
  return citedFact(ctx.registry, `model ${ctx.modelId} · lifecycle`, `${ctx.model.name}: ${describe(ctx.model.lifecycle)} on the vendor’s own API.`, citationFor(ctx.model.citations, 'lifecycle'));
}
