/**
 * GET /api/facts.json: every fact with its deck-safety verdict on the build date — the same shape as
 * `clearance facts --format json` — plus where it lives on the site (`url`, the fact's anchor on its subject's
 * facts page) and its card images. The build also indexes each fact from this file as its own search record
 * (scripts/build-site.ts), so a search hit and the deck-safe filter point at one fact.
 */
import { formatJson } from '../../../facts/index.ts';
import { factUrl } from '../../lib/paths.ts';
import { cardSizes, cardUrl, factsData } from '../facts/_facts-data.ts';

interface FactJson {
  id: string;
  subject: { kind: string; id?: string; name: string };
}

export function GET(): Response {
  const { views, registry, today } = factsData();
  const doc = JSON.parse(formatJson(views, registry.sources, today)) as { facts: FactJson[] };
  doc.facts.forEach((fact, i) => {
    const view = views[i]!;
    const slug = fact.subject.kind === 'market' || fact.subject.id === undefined ? 'market' : `${fact.subject.kind}/${fact.subject.id}`;
    Object.assign(fact, { url: factUrl(slug, fact.id), cards: Object.fromEntries(cardSizes(view).map((size) => [size, cardUrl(fact.id, size)])) });
  });
  return new Response(JSON.stringify(doc), { headers: { 'content-type': 'application/json' } });
}
