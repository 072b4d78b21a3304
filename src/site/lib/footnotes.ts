/**
 * Numbered provenance footnotes for one page. Each distinct (source, where, says) gets one number, in the order
 * the page first cites it, so a page's claims and its source list stay in step. Pure.
 */
import type { Citation, Registry, Source, SourceRef, Status } from '../../registry/index.ts';

export interface Footnote {
  n: number;
  sourceId: string;
  /** Undefined only if the source entry is missing (the validator reports dangling references). */
  source: Source | undefined;
  where?: string;
  says?: string;
}

export class Footnotes {
  readonly #registry: Registry;
  readonly #byKey = new Map<string, Footnote>();
  readonly #list: Footnote[] = [];

  constructor(registry: Registry) {
    this.#registry = registry;
  }

  /** Number for one citation, adding it on first use. */
  ref(ref: SourceRef): number {
    const key = JSON.stringify([ref.source, ref.where ?? '', ref.says ?? '']);
    const found = this.#byKey.get(key);
    if (found) return found.n;
    const note: Footnote = { n: this.#list.length + 1, sourceId: ref.source, source: this.#registry.sources[ref.source] };
    if (ref.where !== undefined) note.where = ref.where;
    if (ref.says !== undefined) note.says = ref.says;
    this.#byKey.set(key, note);
    this.#list.push(note);
    return note.n;
  }

  /** Numbers for several citations, in order, without repeats. */
  refs(refs: readonly SourceRef[] | undefined): number[] {
    return [...new Set((refs ?? []).map((r) => this.ref(r)))];
  }

  /** A field's provenance for display: the citation at its path (or a parent path), with footnote numbers. */
  cited(citations: Record<string, Citation>, path: string): { status: Status | undefined; notes: number[]; caveat: string | undefined } {
    const c = citationFor(citations, path);
    return { status: c?.status, notes: c ? this.refs(c.sources) : [], caveat: c?.note };
  }

  list(): readonly Footnote[] {
    return this.#list;
  }
}

/** Citation for a field path, or for its nearest cited parent (`architecture.layers` → `architecture`). */
export function citationFor(citations: Record<string, Citation>, path: string): Citation | undefined {
  let p: string | undefined = path;
  while (p) {
    const c = citations[p];
    if (c) return c;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut > 0 ? p.slice(0, cut) : undefined;
  }
  return undefined;
}
