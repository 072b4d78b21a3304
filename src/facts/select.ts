/** Filters for `clearance facts` and the facts page: by subject, by deck-safety. */
import type { FactRecord } from './fact-record.ts';
import type { FactView } from './format.ts';

export interface FactSelection {
  /** A registry id (model, license, provider, vendor…), or a subject kind such as "market". */
  subject?: string;
  /** Keep only deck-safe facts. */
  deckSafeOnly?: boolean;
}

/** True when a fact is about `subject`: its subject id, the entity holding it, or its subject kind. */
export function matchesSubject(view: FactView, subject: string): boolean {
  const s = subject.toLowerCase();
  const f = view.fact;
  return f.subject.id?.toLowerCase() === s || f.origin.id.toLowerCase() === s || f.subject.kind === s;
}

export function selectFacts(views: readonly FactView[], selection: FactSelection): FactView[] {
  return views.filter((v) => (selection.subject === undefined || matchesSubject(v, selection.subject)) && (!selection.deckSafeOnly || v.safety.deck_safe));
}

/** A pitch fact: a standalone fact written for decks (content/facts), as opposed to a field of a model, license or provider. */
export function isPitchFact(fact: FactRecord): boolean {
  return fact.origin.kind === 'fact';
}

/**
 * A reference list, not a claim: a model's aliases (the ids routers and providers use for it). Shown as lookup
 * data, without a verification badge, and never drawn as a slide.
 */
export function isReferenceList(fact: FactRecord): boolean {
  return fact.origin.kind === 'model' && fact.origin.path === 'aliases';
}
