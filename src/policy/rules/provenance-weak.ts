/** provenance/weak: a decision rests on a fact that is unverified, disputed or stale. Runs after the other rules. */
import { daysBetween } from './describe.ts';
import type { Emitted, Rule } from './types.ts';

export const DEFAULT_MAX_AGE_DAYS = 365;

/** Statuses strong enough to decide on: a primary source, or two independent secondary sources. */
const STRONG = new Set(['verified', 'secondary']);

export const rule: Rule = {
  code: 'provenance/weak',
  title: 'Decision rests on a weak fact',
  defaultSeverity: 'warning',
  why: 'A pass or a fail is only as good as the fact behind it. When the clause or fact that decided a check is single-source, directional, disputed or unknown, or its registry entry has not been reviewed within the policy’s staleness limit, the result needs a human look before anyone relies on it.',
  fix: 'Check the fact against its primary source and update the registry entry (status, sources, reviewed date), or have legal confirm the reading.',
  checkRoute(ctx) {
    const out: Emitted[] = [];
    const maxAge = ctx.policy.staleness?.max_age_days ?? DEFAULT_MAX_AGE_DAYS;
    const seen = new Set<string>();
    for (const fact of ctx.consulted) {
      if (seen.has(fact.subject)) continue;
      seen.add(fact.subject);
      const problems: string[] = [];
      if (!STRONG.has(fact.status)) problems.push(`its status is ${fact.status}`);
      if (fact.reviewed !== undefined) {
        const age = daysBetween(fact.reviewed, ctx.today);
        if (age > maxAge) problems.push(`its entry was last reviewed on ${fact.reviewed}, ${age} days ago (limit ${maxAge})`);
      }
      if (problems.length > 0) {
        // One weak fact is one finding, however many routes' decisions rest on it.
        out.push({ message: `a decision rests on ${fact.subject}, and ${problems.join(' and ')}`, evidence: [fact.evidence], collapse: fact.subject });
      }
    }
    return out;
  },
};
