/** The shape of a lint rule: its documentation as data, and a check over one resolved route. */
import type { Severity } from '../../registry/finding.ts';
import type { Registry } from '../../registry/registry.ts';
import type { Model, Policy, Status } from '../../registry/schema/index.ts';
import type { ModelResolution, Resolver, RouteLocation, RouteServing } from '../resolve.ts';
import type { AppliedTerms } from '../terms.ts';
import type { RouteModel } from '../route-model.ts';
import type { Evidence, RouteRef, TierInfo } from '../types.ts';

/** A rule's documentation: the CLI hint, SARIF help and the site's /rules/<code> page all read it. */
export interface RuleDoc {
  code: string;
  title: string;
  /** Severity when the policy does not set one. */
  defaultSeverity: Severity;
  /** Why the rule exists, for legal and engineers. */
  why: string;
  /** How to fix a finding. */
  fix: string;
  /** A small example that triggers the rule (YAML), for the rule page. */
  example?: string;
}

/** What a rule reports; evaluate() adds code, location, tier, model and hint. */
export interface Emitted {
  severity?: Severity;
  message: string;
  evidence?: Evidence[];
  /** Replaces the rule's generic fix in the hint. */
  hint?: string;
  /**
   * Findings of one rule with the same key are one finding with every route as a location (a duty, a weak
   * fact): the message must then not name the route. evaluate() merges them after waivers.
   */
  collapse?: string;
  /**
   * The check could not be decided because an organisation fact is unset: evaluate() reports every such
   * check in one `organization/unset` finding per run, with the routes it affects, instead of one per route.
   */
  undecided?: UndecidedCheck;
}

/** The organisation facts in the policy that clauses depend on. */
export type OrganizationFact = 'domicile' | 'monthly_active_users' | 'annual_revenue_usd' | 'trains_on_outputs';

export interface UndecidedCheck {
  fact: OrganizationFact;
  /** What could not be checked, without the route: "the 700M MAU cap of Llama 3.3 Community License (llama-3.3-community)". */
  check: string;
}

/** A fact a decision rested on, for `provenance/weak`. */
export interface ConsultedFact {
  /** What it is, e.g. "license llama4 · mau_cap". */
  subject: string;
  status: Status;
  /** Review date of the entity holding the fact. */
  reviewed?: string;
  evidence: Evidence;
}

export interface RouteContext {
  registry: Registry;
  resolver: Resolver;
  policy: Policy;
  today: string;
  route: RouteRef;
  tier: TierInfo;
  modelId: string;
  model: Model;
  /** Derivative chain ids, the model first. */
  chainIds: string[];
  serving: RouteServing;
  location: RouteLocation;
  terms: AppliedTerms[];
  /** Aggregator route with an unknown upstream: the weights-license reading that `terms` (the vendor's API terms) replaced. */
  alternativeTerms?: AppliedTerms[];
  /** Records a fact a decision rested on. */
  consult(fact: ConsultedFact): void;
  consulted: ConsultedFact[];
}

/** Context for a route whose model id did not resolve to a registry model. */
export interface RefContext {
  registry: Registry;
  route: RouteRef;
  resolution: Exclude<ModelResolution, { kind: 'model' }>;
  /** What the model string says before resolution (served-name mapping, env value). */
  stated?: RouteModel;
}

export interface Rule extends RuleDoc {
  /** Checks a route that resolved to a registry model. */
  checkRoute?(ctx: RouteContext): Emitted[];
  /** Checks a route whose model did not resolve (unknown id, wildcard). */
  checkRef?(ctx: RefContext): Emitted[];
}
