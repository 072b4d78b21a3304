/** Deck-safety of the standalone facts about a subject, from the facts core (src/facts). Pure. */
import { collectFacts, deckSafety, type DeckSafety, type FactRecord } from '../../facts/index.ts';
import type { Registry } from '../../registry/index.ts';

const records = new WeakMap<Registry, Map<string, FactRecord>>();

/** Verdict for a content/facts entry on `today`; undefined when the facts core does not know the id. */
export function factDeckSafety(registry: Registry, factId: string, today: string): DeckSafety | undefined {
  let byId = records.get(registry);
  if (!byId) {
    byId = new Map(collectFacts(registry).filter((f) => f.origin.kind === 'fact').map((f) => [f.origin.id, f]));
    records.set(registry, byId);
  }
  const record = byId.get(factId);
  return record ? deckSafety(record, registry.sources, { today }) : undefined;
}
