/**
 * "Did you mean" suggestions by edit distance, for unknown ids in findings. Pure.
 *
 * `closest` scans every candidate: fine for a few hundred keys. The linter asks for suggestions once per
 * unknown model id against every alias in the registry, so it uses `createSuggestIndex`, built once per
 * registry: a trigram index narrows each query to the few candidates that share the most trigrams with it
 * (at most SHORTLIST), and only those pay for an edit distance. Query cost grows with the probe and the
 * posting lists it touches, not with candidates × length²; very common trigrams (in more than a quarter of a
 * large index) carry no information and are skipped.
 */

/** " (did you mean …?)" for the closest ids by edit distance. */
export function suggest(id: string, candidates: readonly string[]): string {
  const best = closest(id, candidates, 3);
  return best.length > 0 ? ` (did you mean ${best.map((b) => `"${b}"`).join(' or ')}?)` : '';
}

/** The largest edit distance that still counts as a near miss for an id of this length. */
export function maxDistance(id: string): number {
  return Math.max(2, Math.floor(id.length / 3));
}

export function closest(id: string, candidates: readonly string[], limit: number): string[] {
  const probe = id.toLowerCase();
  const max = maxDistance(id);
  const scored = candidates.map((c) => ({ c, d: editDistance(probe, c.toLowerCase(), max) }));
  return scored.filter((s) => s.d <= max).sort((a, b) => a.d - b.d || compare(a.c, b.c)).slice(0, limit).map((s) => s.c);
}

/** Row buffers reused across calls: the linter computes thousands of distances per run. */
let prevRow = new Int32Array(64);
let curRow = new Int32Array(64);

/**
 * Levenshtein distance; with `max`, only the band of cells within `max` of the diagonal is computed, and it
 * stops early returning max + 1 once the distance must exceed it.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const n = b.length;
  if (prevRow.length <= n) {
    prevRow = new Int32Array(n + 1);
    curRow = new Int32Array(n + 1);
  }
  let prev = prevRow;
  let cur = curRow;
  const band = Number.isFinite(max) ? max : Math.max(n, a.length);
  const big = n + a.length + 1;
  for (let j = 0; j <= n; j++) prev[j] = j <= band ? j : big;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - band);
    const to = Math.min(n, i + band);
    cur[0] = i <= band ? i : big;
    if (from > 1) cur[from - 1] = big;
    let rowMin = cur[0]!;
    const ca = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === b.charCodeAt(j - 1) ? 0 : 1));
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (to < n) cur[to + 1] = big;
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  const d = prev[n]!;
  return d > max ? max + 1 : d;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Candidates that pay for an edit distance per query. */
export const SHORTLIST = 48;

export interface SuggestIndex {
  readonly size: number;
  /** Up to `limit` spellings within edit distance of `probe`, closest first. */
  nearest(probe: string, limit: number): string[];
  /** Spellings that extend `stem` with a version, date or variant suffix (`-`, `:`, `@`), shortest first. */
  extensions(stem: string, limit: number): string[];
}

function trigrams(s: string): Set<string> {
  const out = new Set<string>();
  if (s.length < 3) {
    if (s !== '') out.add(s);
    return out;
  }
  for (let i = 0; i + 3 <= s.length; i++) out.add(s.slice(i, i + 3));
  return out;
}

export function createSuggestIndex(spellings: readonly string[]): SuggestIndex {
  const words = [...new Set(spellings)];
  const lower = words.map((w) => w.toLowerCase());
  const postings = new Map<string, number[]>();
  lower.forEach((w, i) => {
    for (const t of trigrams(w)) {
      const list = postings.get(t);
      if (list) list.push(i);
      else postings.set(t, [i]);
    }
  });
  // A trigram in more than a tenth of a large index ("lla", "-in") says little and costs the most.
  const common = words.length > 400 ? Math.floor(words.length / 10) : Number.POSITIVE_INFINITY;
  const sorted = lower.map((w, i) => i).sort((a, b) => compare(lower[a]!, lower[b]!));
  const hits = new Int32Array(words.length);

  function nearest(probe: string, limit: number): string[] {
    const p = probe.toLowerCase();
    const max = maxDistance(p);
    const grams = trigrams(p);
    const touched: number[] = [];
    let best = 0;
    for (const t of grams) {
      const list = postings.get(t);
      if (!list || list.length > common) continue;
      for (const i of list) {
        const h = ++hits[i]!;
        if (h === 1) touched.push(i);
        if (h > best) best = h;
      }
    }
    // The SHORTLIST candidates sharing the most trigrams, by counting (no sort of every candidate touched).
    const byHits: number[][] = Array.from({ length: best + 1 }, () => []);
    for (const i of touched) {
      // A candidate whose length alone puts it out of reach is not worth a slot.
      if (Math.abs(lower[i]!.length - p.length) <= max) byHits[hits[i]!]!.push(i);
      hits[i] = 0;
    }
    const shortlist: number[] = [];
    for (let h = best; h > 0 && shortlist.length < SHORTLIST; h--) for (const i of byHits[h]!) if (shortlist.length < SHORTLIST) shortlist.push(i);
    const scored: { w: string; d: number }[] = [];
    for (const i of shortlist) {
      const d = editDistance(p, lower[i]!, max);
      if (d <= max) scored.push({ w: words[i]!, d });
    }
    return scored
      .sort((a, b) => a.d - b.d || compare(a.w, b.w))
      .slice(0, limit)
      .map((s) => s.w);
  }

  function extensions(stem: string, limit: number): string[] {
    const s = stem.toLowerCase();
    if (s.length < 4) return [];
    // Binary search for the first spelling >= stem; the ones that start with it follow.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lower[sorted[mid]!]! < s) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let k = lo; k < sorted.length && out.length < 64; k++) {
      const w = lower[sorted[k]!]!;
      if (!w.startsWith(s)) break;
      if (w.length > s.length && /[-:@]/.test(w.charAt(s.length))) out.push(words[sorted[k]!]!);
    }
    return out.sort((a, b) => a.length - b.length || compare(a, b)).slice(0, limit);
  }

  return { size: words.length, nearest, extensions };
}
