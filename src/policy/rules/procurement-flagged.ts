/** procurement/flagged: the policy's deny lists (models, vendors, vendor countries, providers, flags), optionally per tier tag. */
import { inPlaces } from '../countries.ts';
import { citationFor, citedFact } from '../terms.ts';
import { modelLabel, servedBy } from './describe.ts';
import type { Emitted, Rule } from './types.ts';
import { own } from '../own.ts';

export const rule: Rule = {
  code: 'procurement/flagged',
  title: 'Denied by procurement',
  defaultSeverity: 'error',
  why: 'Procurement may deny models, vendors, vendor countries, providers or flagged models for all tiers or for tiers with a tag (e.g. no vendor seated in a given country in `regulated` tiers). Derivatives carry their base model’s origin, so every model in the chain is checked.',
  fix: 'Replace the model or provider with one the policy allows, or record a waiver approved by procurement.',
  example: '# policy: deny: [{ vendor_countries: [CN], tier_tags: [regulated], reason: "customer contracts" }]\nname: Example for procurement/flagged\ntiers:\n  - id: regulated\n    tags: [regulated]\n    routes:\n      - model: deepseek/deepseek-v3.2\n        via: self-hosted',
  checkRoute(ctx) {
    const out: Emitted[] = [];
    for (const entry of ctx.policy.deny ?? []) {
      if (entry.tier_tags && !entry.tier_tags.some((t) => ctx.tier.tags.includes(t))) continue;
      const scope = entry.tier_tags ? ` in tiers tagged ${entry.tier_tags.join(', ')}` : '';
      const reasons: string[] = [];
      const evidence = [];
      const deniedModels = new Set(
        (entry.models ?? []).map((m) => {
          const r = ctx.resolver.resolveModel(m);
          return r.kind === 'model' ? r.id : m.toLowerCase();
        }),
      );
      for (const id of ctx.chainIds) {
        const model = ctx.registry.models[id]!;
        const what = id === ctx.modelId ? `model ${id}` : `base model ${id}`;
        if (deniedModels.has(id)) reasons.push(`${what} is denied`);
        if (entry.vendors?.includes(model.vendor)) reasons.push(`${what} comes from vendor ${model.vendor}, which is denied`);
        const vendor = own(ctx.registry.vendors, model.vendor);
        if (entry.vendor_countries && vendor && inPlaces(vendor.country, entry.vendor_countries)) {
          reasons.push(`${what} comes from ${vendor.name}, seated in ${vendor.country}`);
          const citation = citationFor(vendor.citations, 'country');
          const fact = citedFact(ctx.registry, `vendor ${model.vendor} · country`, `${vendor.legal_entity} is seated in ${vendor.legal_seat} (${vendor.country}).`, citation);
          evidence.push(fact);
          ctx.consult({ subject: fact.subject, status: fact.status, reviewed: vendor.reviewed, evidence: fact });
        }
        for (const flag of model.procurement_flags ?? []) {
          if (entry.flags?.includes(flag.flag)) reasons.push(`${what} carries the flag ${flag.flag}${flag.note ? ` (${flag.note})` : ''}`);
        }
      }
      const providerId = ctx.serving.provider?.id;
      if (providerId && entry.providers?.includes(providerId)) reasons.push(`provider ${providerId} is denied`);
      if (reasons.length > 0) {
        out.push({ message: `${modelLabel(ctx)} ${servedBy(ctx)}: denied by policy${scope}: ${[...new Set(reasons)].join('; ')}. Reason: ${entry.reason}`, evidence });
      }
    }
    return out;
  },
};
