/** The shape of a lint rule: its documentation as data, and a check over one resolved route. */
import type { Severity } from '../../registry/finding.ts';
import type { Registry } from '../../registry/registry.ts';
import type { Model, Policy, Status } from '../../registry/schema/index.ts';
import type { ModelResolution, Resolver, RouteLocation, RouteServing } from '../resolve.ts';
import type { AppliedTerms } from '../terms.ts';
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
  /** Records a fact a decision rested on. */
  consult(fact: ConsultedFact): void;
  consulted: ConsultedFact[];
}

/** Context for a route whose model id did not resolve to a registry model. */
export interface RefContext {
  registry: Registry;
  route: RouteRef;
  resolution: Exclude<ModelResolution, { kind: 'model' }>;
}

export interface Rule extends RuleDoc {
  /** Checks a route that resolved to a registry model. */
  checkRoute?(ctx: RouteContext): Emitted[];
  /** Checks a route whose model did not resolve (unknown id, wildcard). */
  checkRef?(ctx: RefContext): Emitted[];
}
