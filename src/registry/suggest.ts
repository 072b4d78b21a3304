/**
 * "Did you mean" suggestions by edit distance, for unknown ids in findings. Pure.
 *
 * `closest` scans every candidate: fine for a few hundred keys. The linter asks for suggestions once per
 * unknown model id against every alias in the registry, so it uses `createSuggestIndex`, built once per
 * registry: a trigram index narrows each query to the few candidates that share the most trigrams with it
 * (at most SHORTLIST), and only those pay for an edit distance. Query cost grows with the probe and the
 * posting lists it touches, not with candidates × length²; very common trigrams (in more than a tenth of a
 * large index) carry no information and are skipped. The same index keeps each spelling's family words
 * (readModelId), so a query for "qwen3-coder" also finds "Qwen3-Coder-480B-A35B-Instruct", which no edit
 * distance would reach. readModelId and checkpointDifferences say what a suggestion changes: size,
 * generation, version, variant.
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
  /**
   * Spellings whose family words (readModelId) include every one of `words`, shortest first: the checkpoints
   * of a family however far their spelling is from the probe ("qwen3-coder" → "Qwen3-Coder-480B-A35B-Instruct").
   */
  containing(words: readonly string[], limit: number): string[];
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
  // Family word → spellings that have it, and each spelling's words, for `containing`.
  const familyWords = lower.map((w) => new Set(readModelId(w).words));
  const byWord = new Map<string, number[]>();
  familyWords.forEach((set, i) => {
    for (const w of set) {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }
  });

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

  function containing(wanted: readonly string[], limit: number): string[] {
    if (wanted.length === 0) return [];
    let shortest: number[] | undefined;
    for (const w of wanted) {
      const list = byWord.get(w);
      if (!list) return [];
      if (!shortest || list.length < shortest.length) shortest = list;
    }
    const out = shortest!.filter((i) => wanted.every((w) => familyWords[i]!.has(w)));
    return out
      .sort((a, b) => lower[a]!.length - lower[b]!.length || compare(lower[a]!, lower[b]!))
      .slice(0, limit)
      .map((i) => words[i]!);
  }

  return { size: words.length, nearest, extensions, containing };
}

/**
 * What a model id says about its checkpoint, read part by part (parts split at `-`, `_`, `/`, `:`, `@`, spaces,
 * and dots between words):
 * - a size is a number followed by b, m or t, with an expert count or an active/effective marker: `4b`, `2.4b`,
 *   `0.8b`, `135m`, `8x7b`, `a3b` (active parameters), `e2b` (Gemma's effective size);
 * - a version is `v` and a number: `v1`, `v1.5`, `v0.3` (Bedrock's trailing `-v1:0` numbers its catalogue
 *   listing and is left out);
 * - a generation is the family's own number: the digits after a family word (`qwen3`, `qwen3.5`, `llama-3.3`,
 *   `internvl2_5`), two single digits in a row read as one dotted number (`claude-3-5-sonnet` → 3.5,
 *   `llama-3_3` → 3.3), a one-letter line with its number (`k2.5`, `o3`, `r1`), or a digit with a letter (`4o`);
 * - dates and build numbers (`2411`, `20240620`, `08-2024`, `001`), context lengths (`128k`) and quantization
 *   tags (`q4_K_M`, `fp8`, `awq`) are none of these;
 * - the words left are the family words (`qwen`, `coder`, `gpt`, `oss`), decorations (`instruct`, `free`) aside.
 */
export interface ModelIdReading {
  words: string[];
  sizes: string[];
  versions: string[];
  generations: string[];
}

const QUANT = /(?<![a-z0-9])(?:i?q\d(?:_(?:[a-z]{1,2}|\d))*|fp\d+|bf16|f16|f32|int\d+|w\d+a\d+(?:g\d+)?|\d+bit|nvfp4|mxfp4|awq|gptq|gguf|exl2|mlx)(?![a-z0-9])/g;
/** Words that decorate a checkpoint's name without naming another one: serving and packaging suffixes. */
const DECORATION = new Set(['instruct', 'chat', 'it', 'hf', 'free', 'latest', 'preview', 'maas', 'beta', 'nitro', 'floor', 'extended', 'online', 'exacto', 'dynamic']);
const SIZE_PART = /^(?:(?:\d+x)?\d+(?:\.\d+)?[bmt]|[ae]\d+(?:\.\d+)?b)$/;
const VERSION_PART = /^v\d+(?:\.\d+)*$/;
const DATE_PART = /^(?:\d{3,}|0\d)$/;
const CONTEXT_PART = /^\d+k$/;

export function readModelId(id: string): ModelIdReading {
  const text = id
    .toLowerCase()
    .replace(QUANT, '-')
    // Bedrock's catalogue version of a model ("-v1:0", "-v2:0") numbers the API listing, not the checkpoint.
    .replace(/-v\d+:\d+$/, '')
    .replace(/(?<!\d)\.|\.(?!\d)/g, '-');
  const parts = text.split(/[-_/:@\s+]+/).filter((p) => p !== '');
  const out: ModelIdReading = { words: [], sizes: [], versions: [], generations: [] };
  const add = (list: string[], x: string) => {
    if (!list.includes(x)) list.push(x);
  };
  const isYear = (p: string | undefined) => p !== undefined && /^(?:19|20)\d\d$/.test(p);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = parts[i + 1];
    // A single digit followed by a single digit is one dotted number: 3-5 → 3.5, 2_5 → 2.5.
    const joins = (digit: string) => /^\d$/.test(digit) && next !== undefined && /^\d$/.test(next) && !isYear(parts[i + 2]);
    if (SIZE_PART.test(p)) add(out.sizes, p);
    else if (VERSION_PART.test(p)) add(out.versions, p);
    else if (DATE_PART.test(p) || CONTEXT_PART.test(p)) continue;
    else if (/^\d{1,2}(?:\.\d+)?$/.test(p)) {
      // A month or day next to a year is a date: 12-2024, 2024-12-17.
      if (isYear(next) || isYear(parts[i - 1]) || isYear(parts[i - 2])) continue;
      if (joins(p)) {
        add(out.generations, `${p}.${next}`);
        i++;
      } else add(out.generations, p);
    } else if (/^\d(?:\.\d+)?[a-z]$/.test(p)) add(out.generations, p);
    else {
      const m = /^([a-z]+)(\d+(?:\.\d+)?)$/.exec(p);
      if (m && m[1]!.length === 1) add(out.generations, p);
      else if (m) {
        add(out.words, m[1]!);
        if (joins(m[2]!)) {
          add(out.generations, `${m[2]}.${next}`);
          i++;
        } else add(out.generations, m[2]!);
      } else for (const w of p.match(/[a-z]+/g) ?? []) if (!DECORATION.has(w)) add(out.words, w);
    }
  }
  out.words = out.words.filter((w) => !DECORATION.has(w));
  return out;
}

/** Variant words that make another checkpoint of the same family. */
export const VARIANT_WORDS: ReadonlySet<string> = new Set(['coder', 'vl', 'vision', 'large', 'small', 'medium', 'mini', 'nano', 'math', 'guard', 'embed', 'tiny', 'micro', 'flash', 'lite', 'pro', 'ultra', 'opus', 'sonnet', 'haiku']);

/** Readings of several spellings of one checkpoint (an alias and its registry id) as one. */
export function mergeReadings(...readings: readonly ModelIdReading[]): ModelIdReading {
  const merge = (key: keyof ModelIdReading) => {
    const out: string[] = [];
    for (const x of readings.flatMap((r) => r[key])) if (!out.some((y) => sameNumber(x, y))) out.push(x);
    return out;
  };
  return { words: merge('words'), sizes: merge('sizes'), versions: merge('versions'), generations: merge('generations') };
}

/** "4" and "4.0", "v1" and "v1.0" name the same number. */
function sameNumber(a: string, b: string): boolean {
  return a === b || a.replace(/(?:\.0+)+$/, '') === b.replace(/(?:\.0+)+$/, '');
}

/**
 * What a suggested checkpoint changes against the id as written, in the linter's words: "a different size
 * (7.8b, not 2.4b)", "a different generation (3.5, not 3)", "a different version (v1, not v1.5)", "not the
 * coder variant", "the vision variant". Empty when nothing the id says differs.
 */
export function checkpointDifferences(ours: ModelIdReading, theirs: ModelIdReading): string[] {
  const out: string[] = [];
  const compare = (key: 'sizes' | 'generations' | 'versions', what: string) => {
    const missing = ours[key].filter((x) => !theirs[key].some((y) => sameNumber(x, y)));
    if (missing.length === 0) return;
    // An id with no number of that kind (mistral-medium-2508) is not said to have another one.
    out.push(theirs[key].length > 0 ? `a different ${what} (${theirs[key].join('/')}, not ${missing.join('/')})` : `no ${what} in its name (yours: ${missing.join('/')})`);
  };
  compare('sizes', 'size');
  compare('generations', 'generation');
  compare('versions', 'version');
  const ourVariants = ours.words.filter((w) => VARIANT_WORDS.has(w));
  const theirVariants = theirs.words.filter((w) => VARIANT_WORDS.has(w));
  const lost = ourVariants.filter((v) => !theirVariants.includes(v));
  const gained = theirVariants.filter((v) => !ourVariants.includes(v));
  if (lost.length > 0) out.push(`not the ${lost.join('/')} variant`);
  if (gained.length > 0) out.push(`the ${gained.join('/')} variant`);
  return out;
}
