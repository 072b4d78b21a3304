/** Filters for `clearance facts` and the facts page: by subject, by deck-safety. */
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
