/**
 * YAML parsing with source positions, hardened for hostile input. Shared by the registry loader and the
 * router-config parser so every finding can point at file:line:col.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Finding } from './finding.ts';
import { formatPath } from './finding.ts';
import { MAX_FILE_BYTES } from './ids.ts';

export type DataPath = readonly (string | number)[];

export interface YamlSource {
  file: string;
  /** Parsed data, or undefined when the document could not be parsed. */
  data: unknown;
  /** Maps a data path to the 1-based line/column of its key (or the nearest existing ancestor). */
  locate(path: DataPath): { line: number; column: number };
  findings: Finding[];
  /** With `collectDuplicates`: every repeated key (the later value is the one kept, as in PyYAML). */
  duplicates?: DuplicateKey[];
}

export interface DuplicateKey {
  /** Data path of the mapping that holds the key twice. */
  path: DataPath;
  key: string;
  first: { line: number; column: number };
  second: { line: number; column: number };
}

/** Keys that would reach Object.prototype if a consumer ever merged data naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Alias expansion budget: YAML "billion laughs" documents blow past it and are refused. */
const MAX_ALIAS_COUNT = 100;

export interface ParseOptions {
  /** Refuse input larger than this many bytes (default 5 MB). */
  maxBytes?: number;
  /**
   * Return repeated keys in `duplicates` instead of refusing the file, so the caller decides which ones
   * matter (a router config refuses them in routes, warns elsewhere). The later value is kept.
   */
  collectDuplicates?: boolean;
}

export function parseYamlSource(file: string, text: string, options: ParseOptions = {}): YamlSource {
  const lineCounter = new LineCounter();
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  const findings: Finding[] = [];
  const at = (offset: number) => {
    const p = lineCounter.linePos(offset);
    return { line: p.line, column: p.col };
  };
  if (text.length > maxBytes) {
    return {
      file,
      data: undefined,
      locate: () => ({ line: 1, column: 1 }),
      findings: [
        {
          code: 'yaml/too-large',
          severity: 'error',
          message: `file is ${text.length} bytes; the limit is ${maxBytes}`,
          hint: 'Split the file, or check that it is the file you meant.',
          file,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  // merge: true applies YAML merge keys (`<<: *anchor`, `<<: [*a, *b]`) as LiteLLM's `yaml.safe_load` does, so a
  // value merged in from an anchor is read (and linted) like one written in place.
  const collect = options.collectDuplicates === true;
  const doc = parseDocument(text, { lineCounter, uniqueKeys: !collect, prettyErrors: false, strict: true, version: '1.2', merge: true });
  const locate = (path: DataPath) => locateIn(doc, path, at);

  for (const err of doc.errors) {
    const pos = at(err.pos[0]);
    const duplicate = err.code === 'DUPLICATE_KEY';
    findings.push({
      code: duplicate ? 'yaml/duplicate-key' : 'yaml/syntax',
      severity: 'error',
      message: duplicate ? 'a key appears twice in the same mapping; YAML keeps only one of them' : firstLine(err.message),
      hint: duplicate ? 'Remove or merge the repeated key.' : 'Fix the YAML syntax at this position (indentation, quotes, colons).',
      file,
      ...pos,
    });
  }
  if (findings.length > 0) return { file, data: undefined, locate, findings };

  const forbidden = findForbiddenKey(doc.contents, []);
  if (forbidden) {
    return {
      file,
      data: undefined,
      locate,
      findings: [
        {
          code: 'yaml/forbidden-key',
          severity: 'error',
          message: `the key "${forbidden.key}" is not allowed`,
          hint: 'Rename the key; __proto__, constructor and prototype are refused to keep the data safe to process.',
          file,
          ...at(forbidden.offset),
          path: formatPath(forbidden.path),
        },
      ],
    };
  }

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return {
      file,
      data: undefined,
      locate,
      findings: [
        {
          code: 'yaml/alias-limit',
          severity: 'error',
          message: `the document expands too many aliases (${firstLine(String((error as Error).message))})`,
          hint: 'Write the repeated data out, or use fewer anchors and aliases.',
          file,
          line: 1,
          column: 1,
        },
      ],
    };
  }
  return { file, data, locate, findings, ...(collect ? { duplicates: findDuplicates(doc.contents, [], at) } : {}) };
}

function findDuplicates(node: unknown, path: (string | number)[], at: (offset: number) => { line: number; column: number }, out: DuplicateKey[] = []): DuplicateKey[] {
  if (isMap(node)) {
    const seen = new Map<string, number>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      const offset = (pair.key as Node | null)?.range?.[0] ?? 0;
      if (key !== undefined) {
        const before = seen.get(key);
        if (before !== undefined) out.push({ path, key, first: at(before), second: at(offset) });
        else seen.set(key, offset);
      }
      findDuplicates(pair.value, [...path, key ?? '?'], at, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => findDuplicates(item, [...path, i], at, out));
  }
  return out;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
}

function findForbiddenKey(node: unknown, path: (string | number)[]): { key: string; offset: number; path: (string | number)[] } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key !== undefined && FORBIDDEN_KEYS.has(key)) {
        return { key, offset: (pair.key as Node).range?.[0] ?? 0, path: [...path, key] };
      }
      const hit = findForbiddenKey(pair.value, [...path, key ?? '?']);
      if (hit) return hit;
    }
  } else if (isSeq(node)) {
    for (let i = 0; i < node.items.length; i++) {
      const hit = findForbiddenKey(node.items[i], [...path, i]);
      if (hit) return hit;
    }
  }
  return undefined;
}

/**
 * Walks the document along `path`; returns the key position of the deepest segment that exists. Follows
 * aliases and merge keys, so a value merged in from an anchor is located where the anchor writes it.
 */
export function locateIn(doc: Document, path: DataPath, at: (offset: number) => { line: number; column: number }) {
  const deref = (n: unknown): unknown => {
    for (let hops = 0; isAlias(n) && hops < MAX_ALIAS_COUNT; hops++) n = n.resolve(doc);
    return n;
  };
  let node: unknown = deref(doc.contents);
  let best = (node as Node | null)?.range?.[0] ?? 0;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = findPair(node, String(seg), deref);
      if (!pair) break;
      best = (pair.key as Node).range?.[0] ?? best;
      node = deref(pair.value);
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg] as Node | undefined;
      if (!item) break;
      best = item.range?.[0] ?? best;
      node = deref(item);
    } else {
      break;
    }
  }
  return at(best);
}

/** The pair for `key` in a map: written in place, or (YAML merge keys) in a merged anchor, in merge order. */
function findPair(map: unknown, key: string, deref: (n: unknown) => unknown, depth = 0): { key: unknown; value: unknown } | undefined {
  if (!isMap(map) || depth > MAX_ALIAS_COUNT) return undefined;
  const own = map.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
  if (own) return own;
  for (const p of map.items) {
    if (!(isPair(p) && isScalar(p.key) && (p.key.value === '<<' || String(p.key.value) === 'Symbol(<<)'))) continue;
    const sources = isSeq(deref(p.value)) ? (deref(p.value) as { items: unknown[] }).items : [p.value];
    for (const source of sources) {
      const hit = findPair(deref(source), key, deref, depth + 1);
      if (hit) return hit;
    }
  }
  return undefined;
}
