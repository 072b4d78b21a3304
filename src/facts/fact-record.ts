/**
 * One shape for every fact a deck can use: a standalone fact (content/facts) and each claim-bearing field of a
 * model, license or provider. Deck-safety, the CLI, the facts page and the cards all read this shape only.
 */
import type { SourceRef, Status } from '../registry/index.ts';

/** Where a fact lives in the registry. */
export interface FactOrigin {
  kind: 'fact' | 'model' | 'license' | 'provider';
  /** Registry id of the entity holding the claim. */
  id: string;
  /** Data path of the claim inside the entity (`context_tokens`, `routes[2].price`); absent for standalone facts. */
  path?: string;
}

export type SubjectKind = 'model' | 'vendor' | 'provider' | 'license' | 'gpu' | 'market';

export interface FactSubject {
  kind: SubjectKind;
  /** Registry id; absent for market facts. */
  id?: string;
  /** Display name (the entity's name, or "Market"). */
  name: string;
}

export interface EvidenceAgainst {
  summary: string;
  sources: SourceRef[];
}

export interface FactRecord {
  /** Standalone facts: the file name. Derived facts: `<kind>:<entity id>:<path>`. */
  id: string;
  origin: FactOrigin;
  subject: FactSubject;
  /** The sentence a salesperson would say, complete on its own. */
  statement: string;
  value?: number | string;
  unit?: string;
  status: Status;
  sources: SourceRef[];
  /** When the claim was true or observed (YYYY-MM-DD or YYYY-MM); absent when the registry has no date for it. */
  as_of?: string;
  expires?: string;
  stale_after_days?: number;
  /** When a maintainer last checked the claim against its sources. */
  reviewed: string;
  /** Conditions a deck must show with the fact. */
  caveats: string[];
  circulated_as?: string;
  evidence_against: EvidenceAgainst[];
  tags: string[];
  /** Route facts: the provider whose own page a price must cite (its name and its vendor's). */
  provider?: { id: string; names: string[] };
  /** The channel the fact describes (a route, the vendor's API) was retired on this date: from then on it is history. */
  retired_on?: string;
  /** Certification facts: whether it is held, what it covers and what the claim rests on. */
  certification?: { held: 'yes' | 'no' | 'in-progress' | 'unknown'; scope?: string; basis?: CertificationBasis };
  /** List facts (a provider's regions): whether the list is complete; undefined when nobody said. */
  list_complete?: boolean;
  /** True for list facts, so an unstated completeness can be told from a fact that is not a list. */
  is_list?: boolean;
  /** Amounts of investment or contract value: the period the amount covers. */
  horizon?: string;
}

export type CertificationBasis = 'certificate' | 'attestation-report' | 'tender-assessment' | 'self-assessment' | 'provider-statement';
