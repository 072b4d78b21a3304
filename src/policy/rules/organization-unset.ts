/** organization/unset: organisation facts the policy does not set, and the checks they left undecided. Emitted once per run by evaluate(). */
import type { Rule } from './types.ts';

export const rule: Rule = {
  code: 'organization/unset',
  title: 'Organisation facts not set',
  defaultSeverity: 'warning',
  why: 'Some clauses turn on facts about the licensee, not the model: where it is domiciled (Llama 4’s EU exclusion), how many monthly active users it has (Llama’s 700M, Qwen’s 100M caps), whether it trains on outputs (API terms). When the policy does not state them those checks cannot be decided, so they are reported, once per run, with every route they leave open — not passed silently and not repeated per route.',
  fix: 'Set the facts under `organization:` in the policy (`clearance init` writes a policy with them), or have legal confirm that the listed checks do not matter for these routes.',
  example: '# policy without organization facts\nname: Example policy\n# router\ntiers:\n  - id: oss\n    routes:\n      - model: meta/llama-3.3-70b-instruct\n        via: self-hosted',
};
