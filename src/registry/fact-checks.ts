/**
 * Validate-time checks of provenance: what a fact-checking desk would flag before anyone builds a deck.
 * Warnings, located at the field: citations of the project's own notes, sources a reader cannot find, values whose
 * own caveat says they were replaced, amounts without their period, certifications resting on a tender score, and
 * lifecycles whose announced retirement has passed. The rules are the ones deck-safety applies (src/facts/evidence.ts
 * and deck-safe.ts), so validate and `clearance facts` never disagree about why.
 */
import { isLocatable, isResearchNotes, isSiteRoot } from '../facts/evidence.ts';
import { isMoneyAmount, PERIOD, SUPERSEDED } from '../facts/deck-safe.ts';
import { REGISTRY_CODES, ruleUrl, type RegistryCode } from './codes.ts';
import { formatPath, type Finding } from './finding.ts';
import type { Registry } from './registry.ts';
import type { DataPath, YamlSource } from './yaml-source.ts';

export interface CheckedEntity {
  kind: string;
  id: string;
  file: string;
  src: Pick<YamlSource, 'locate'>;
  data: Record<string, unknown>;
}

/** Where a source's document says it is the project's working notes. */
const NOTES_PLACE = /shared\/research|project research notes|clearance project research/i;

export function factChecks(entities: readonly CheckedEntity[], registry: Registry, today: string | undefined): Finding[] {
  const out: Finding[] = [];
  const add = (code: RegistryCode, message: string, e: CheckedEntity, path: DataPath, hint?: string) => {
    const pos = e.src.locate(path);
    out.push({ code, severity: REGISTRY_CODES[code].severity, message, hint: `${hint ?? REGISTRY_CODES[code].fix} See ${ruleUrl(code)}`, file: e.file, line: pos.line, column: pos.column, ...(path.length > 0 ? { path: formatPath(path) } : {}) });
  };

  for (const e of entities) {
    const d = e.data as Record<string, any>;
    if (e.kind === 'source') {
      const place = `${d.document ?? ''} ${d.url ?? ''} ${d.publisher ?? ''}`;
      if (d.kind !== 'research-notes' && NOTES_PLACE.test(place)) {
        add('registry/cites-research-notes', 'this source is the project’s own research notes but is not marked kind: research-notes', e, ['kind'], 'Set kind: research-notes, and cite the public document the notes name instead.');
      }
      if (typeof d.url === 'string' && isSiteRoot(d.url)) {
        add('registry/source-not-locatable', `${d.url} is a site, not a page: a reader cannot find the claim there`, e, ['url']);
      }
      continue;
    }

    // Every citation anywhere in the entity.
    walk(d, [], (path, node) => {
      if (!Array.isArray(node.sources)) return;
      node.sources.forEach((ref: any, i: number) => {
        const source = typeof ref?.source === 'string' ? registry.sources[ref.source] : undefined;
        if (!source) return;
        if (isResearchNotes(source)) {
          add('registry/cites-research-notes', `cites "${ref.source}", the project’s own research notes`, e, [...path, 'sources', i, 'source']);
        } else if (source.url === undefined && !isLocatable(ref, source)) {
          add('registry/source-not-locatable', `cites the document "${source.title}" without the place in it`, e, [...path, 'sources', i], 'Add where: (page, section, table row) to the citation.');
        }
      });
    });

    if (e.kind === 'fact') {
      (d.caveats ?? []).forEach((c: unknown, i: number) => {
        if (typeof c === 'string' && SUPERSEDED.test(c) && d.expires === undefined) {
          add('registry/superseded-value', `a caveat says the value no longer holds ("${c}") but the fact has no expires:`, e, ['caveats', i]);
        }
      });
      const money = isMoneyAmount({ unit: d.unit, tags: d.tags ?? [] });
      if (money && d.horizon === undefined && !(d.caveats ?? []).some((c: unknown) => typeof c === 'string' && PERIOD.test(c))) {
        add('registry/money-without-horizon', `an amount in ${d.unit} without the period it covers`, e, ['unit']);
      }
    }

    if (e.kind === 'model') {
      (d.routes ?? []).forEach((r: any, i: number) => {
        const note = r?.price?.note;
        // The route's own lifecycle, or for the vendor's own API the model's (the vendor channel).
        const provider = registry.providers[r?.provider];
        const firstParty = r?.relationship === 'first-party-api' || (r?.relationship === undefined && provider?.relationship === 'first-party-api' && provider.vendor === d.vendor);
        const lifecycle = r?.lifecycle ?? (firstParty ? d.lifecycle : undefined);
        if (typeof note === 'string' && SUPERSEDED.test(note) && lifecycle?.status !== 'retired') {
          add('registry/superseded-value', `the route price’s note says it no longer holds ("${truncate(note)}")`, e, ['routes', i, 'price', 'note'], 'Record the current price (with its source and as_of), or the route’s lifecycle as retired.');
        }
      });
      const routeProviders = new Set(((d.routes ?? []) as any[]).map((r) => r?.provider));
      ((d.catalogue_disagreements ?? []) as any[]).forEach((n, i) => {
        if (n?.provider !== undefined && !routeProviders.has(n.provider)) {
          add('registry/dangling-reference', `catalogue_disagreements names provider "${n.provider}", which is not one of this model's routes`, e, ['catalogue_disagreements', i, 'provider']);
        }
      });
      const lifecycles: [DataPath, any][] = [[['lifecycle'], d.lifecycle], ...((d.routes ?? []) as any[]).map((r, i): [DataPath, any] => [['routes', i, 'lifecycle'], r?.lifecycle])];
      for (const [path, l] of lifecycles) {
        if (today !== undefined && l && l.status !== 'retired' && typeof l.retires_on === 'string' && l.retires_on < today) {
          add('registry/lifecycle-passed', `announced to retire on ${l.retires_on}, which has passed, but still recorded as ${l.status}`, e, [...path, 'status']);
        }
      }
    }

    if (e.kind === 'provider') {
      (d.certifications ?? []).forEach((c: any, i: number) => {
        if (c?.held !== 'yes' && c?.held !== 'in-progress') return;
        const words = `${c.level ?? ''} ${c.scope ?? ''}`;
        if (c.basis === 'tender-assessment' || c.basis === 'self-assessment') return;
        if (/\btender\b|\bscore/i.test(words)) {
          add('registry/certification-basis', `${c.name} is recorded as held, but its level or scope describes a tender score`, e, ['certifications', i, 'held'], 'Set basis: tender-assessment (a score in a procurement is not a certificate), or cite the certificate.');
        } else if (/self[- ]assess/i.test(words)) {
          add('registry/certification-basis', `${c.name} is recorded as held, but its level or scope describes a self-assessment`, e, ['certifications', i, 'held'], 'Set basis: self-assessment, or cite the certificate.');
        }
      });
    }
  }
  return out;
}

function walk(node: unknown, path: (string | number)[], visit: (path: DataPath, node: Record<string, any>) => void) {
  if (Array.isArray(node)) return node.forEach((x, i) => walk(x, [...path, i], visit));
  if (node === null || typeof node !== 'object') return;
  visit(path, node as Record<string, any>);
  for (const [k, v] of Object.entries(node)) if (k !== 'sources') walk(v, [...path, k], visit);
}

function truncate(s: string): string {
  return s.length > 80 ? `${s.slice(0, 79)}…` : s;
}
