/**
 * Every lint rule, in the order they run (provenance/weak last: it reads the facts the others consulted).
 * Adding a rule: a file in this folder exporting `rule`, one line here, one test, and a golden case if the
 * output changes.
 */
import { rule as lifecycleDeprecated } from './lifecycle-deprecated.ts';
import { rule as lifecycleRetired } from './lifecycle-retired.ts';
import { rule as geoRestriction } from './license-geo-restriction.ts';
import { rule as mauCap } from './license-mau-cap.ts';
import { rule as nonCommercial } from './license-non-commercial.ts';
import { rule as obligations } from './license-obligations.ts';
import { rule as revenueCap } from './license-revenue-cap.ts';
import { rule as outputTraining } from './license-output-training.ts';
import { rule as organizationUnset } from './organization-unset.ts';
import { rule as procurementFlagged } from './procurement-flagged.ts';
import { rule as provenanceWeak } from './provenance-weak.ts';
import { rule as unknownModel } from './registry-unknown-model.ts';
import { rule as aggregatorUpstream } from './route-aggregator-upstream.ts';
import { rule as assumedModel } from './route-assumed-model.ts';
import { rule as freeEndpoint } from './route-free-endpoint.ts';
import { rule as wildcard } from './route-wildcard.ts';
import { rule as tierRequirement } from './tier-requirement.ts';
import type { Rule } from './types.ts';
import { rule as waiverApplied } from './waiver-applied.ts';
import { rule as waiverExpired } from './waiver-expired.ts';
import { rule as waiverUnused } from './waiver-unused.ts';

export const RULES: readonly Rule[] = [
  unknownModel,
  wildcard,
  assumedModel,
  aggregatorUpstream,
  freeEndpoint,
  nonCommercial,
  mauCap,
  revenueCap,
  geoRestriction,
  outputTraining,
  obligations,
  procurementFlagged,
  tierRequirement,
  lifecycleRetired,
  lifecycleDeprecated,
  provenanceWeak,
  organizationUnset,
  waiverApplied,
  waiverExpired,
  waiverUnused,
];

export const RULES_BY_CODE: Readonly<Record<string, Rule>> = Object.fromEntries(RULES.map((r) => [r.code, r]));

export type { Rule, RuleDoc, RouteContext, Emitted } from './types.ts';
