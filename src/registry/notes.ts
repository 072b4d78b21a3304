/**
 * Content notes (content/notes/*.mdx) are content, not code. MDX would run an `import`, an `export` or a
 * `{…}` expression at build time, and render raw `<meta http-equiv="refresh">`, `<script>` or `<iframe>`
 * into every visitor's page (a CSP cannot stop a meta refresh). This check allows Markdown plus the site's
 * registry components with literal string attributes, and links to http(s) or site-relative URLs only. Pure:
 * `clearance validate` and the site build (scripts/build-site.ts) both run it, so a bad note fails with its
 * file:line:col before anything is compiled.
 */
import { REGISTRY_CODES, ruleUrl } from './codes.ts';
import type { Finding } from './finding.ts';

/** The components a note may use, with the attributes each accepts (src/site/components/mdx). */
export const NOTE_COMPONENTS: Readonly<Record<string, readonly string[]>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, readonly string[]>, {
    Source: ['id', 'where'],
    ModelLink: ['id'],
    LicenseLink: ['id'],
    Status: ['s'],
    RoutePrices: ['id'],
    GpuPrice: ['id'],
  }),
);

export type NoteCode = 'note/esm' | 'note/expression' | 'note/element' | 'note/attribute' | 'note/url';

const COMPONENT_LIST = Object.keys(NOTE_COMPONENTS).map((c) => `<${c}>`).join(', ');

/** Checks one note; findings carry `file` and 1-based line and column. */
export function checkNote(file: string, text: string): Finding[] {
  const findings: Finding[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const pos = (offset: number) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - lineStarts[lo]! + 1 };
  };
  const report = (code: NoteCode, offset: number, message: string, fix?: string) => {
    findings.push({ code, severity: 'error', message, hint: `${fix ?? REGISTRY_CODES[code].fix} See ${ruleUrl(code)}`, file, ...pos(offset) });
  };

  const masked = maskCode(text);
  // Front matter is YAML data (checked by the notes collection's schema), not MDX.
  let start = 0;
  const front = /^---\r?\n[\s\S]*?\r?\n---[ \t]*(?:\r?\n|$)/.exec(masked);
  if (front) start = front[0].length;

  // ESM: MDX runs `import` and `export` statements written at the start of a line.
  for (const m of masked.slice(start).matchAll(/^(import|export)\b/gm)) {
    report('note/esm', start + m.index, `"${m[1]}" runs code when the site is built; a note cannot import or export`,
      `Remove the statement: the components ${COMPONENT_LIST} are available without importing them.`);
  }
  // Reference definitions: [label]: url
  for (const m of masked.slice(start).matchAll(/^ {0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)/gm)) {
    checkUrl(m[1]!, start + m.index + m[0].length - m[1]!.length);
  }

  function checkUrl(raw: string, offset: number) {
    const problem = urlProblem(raw);
    if (problem) report('note/url', offset, problem);
  }

  let i = start;
  while (i < masked.length) {
    const c = masked[i]!;
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '{') {
      report('note/expression', i, 'a {…} expression runs JavaScript when the site is built; notes cannot contain expressions',
        'Write the text out; to show a literal brace, escape it as \\{.');
      i = skipBalanced(masked, i, '{', '}');
      continue;
    }
    if (c === ']' && masked[i + 1] === '(') {
      const end = skipBalanced(masked, i + 1, '(', ')');
      const raw = masked.slice(i + 2, end - 1);
      const inner = raw.trimStart();
      const angled = inner.startsWith('<');
      const destination = angled ? inner.slice(1, inner.indexOf('>') === -1 ? undefined : inner.indexOf('>')) : (inner.split(/\s+/)[0] ?? '');
      checkUrl(destination, i + 2 + (raw.length - inner.length) + (angled ? 1 : 0));
      i = end;
      continue;
    }
    if (c === '<' && /[A-Za-z/!]/.test(masked[i + 1] ?? '')) {
      i = checkTag(i);
      continue;
    }
    i++;
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);

  /** Checks the JSX or HTML tag at `at` ("<"); returns the offset after it. */
  function checkTag(at: number): number {
    let j = at + 1;
    if (masked[j] === '!') {
      report('note/element', at, 'raw HTML (a comment or declaration) is not allowed in a note', 'Remove it; MDX notes are Markdown plus the registry components.');
      const end = masked.indexOf('>', j);
      return end === -1 ? masked.length : end + 1;
    }
    const closing = masked[j] === '/';
    if (closing) j++;
    const name = /^[A-Za-z][\w.:-]*/.exec(masked.slice(j))?.[0] ?? '';
    j += name.length;
    if (/^[a-z][a-z0-9+.-]*:/i.test(name) || masked[j] === ':') {
      // <https://…> — an autolink, which MDX reads as JSX: say how to write a link instead.
      const end = masked.indexOf('>', j);
      report('note/element', at, `<${masked.slice(at + 1, end === -1 ? j : end)}> is not a link in MDX`, 'Write links as Markdown: [text](https://…).');
      return end === -1 ? masked.length : end + 1;
    }
    const allowed = Object.hasOwn(NOTE_COMPONENTS, name) ? NOTE_COMPONENTS[name]! : undefined;
    if (!allowed) {
      const lower = name.toLowerCase();
      const why =
        lower === 'meta' ? 'a <meta> tag can redirect every visitor of the page (http-equiv="refresh"), which no CSP prevents'
        : lower === 'script' ? 'a <script> would run in every visitor\'s browser'
        : lower === 'iframe' || lower === 'frame' || lower === 'object' || lower === 'embed' ? `an <${lower}> embeds another site into the page`
        : `<${name}> is not one of the components a note may use`;
      if (!closing) report('note/element', at, why, `Use Markdown for text and links, and only ${COMPONENT_LIST} for registry data.`);
    }
    // Attributes up to the end of the tag.
    while (j < masked.length) {
      const ch = masked[j]!;
      if (ch === '>') return j + 1;
      if (ch === '/' && masked[j + 1] === '>') return j + 2;
      if (/\s/.test(ch)) {
        j++;
        continue;
      }
      if (ch === '{') {
        report('note/expression', j, `a {…} expression (or spread) in <${name}> runs JavaScript when the site is built`, 'Give every attribute a literal value in quotes: id="…".');
        j = skipBalanced(masked, j, '{', '}');
        continue;
      }
      const attr = /^[A-Za-z_:][\w.:-]*/.exec(masked.slice(j))?.[0];
      if (!attr) return j + 1;
      const attrAt = j;
      j += attr.length;
      while (/[ \t]/.test(masked[j] ?? '')) j++;
      let value: string | undefined;
      if (masked[j] === '=') {
        j++;
        while (/\s/.test(masked[j] ?? '')) j++;
        const quote = masked[j];
        if (quote === '"' || quote === "'") {
          const end = masked.indexOf(quote, j + 1);
          value = masked.slice(j + 1, end === -1 ? masked.length : end);
          j = end === -1 ? masked.length : end + 1;
        } else if (quote === '{') {
          report('note/expression', j, `${attr}={…} in <${name}> is an expression, which runs JavaScript when the site is built`, `Write ${attr}="…" with a literal value.`);
          j = skipBalanced(masked, j, '{', '}');
          continue;
        }
      }
      if (/^on/i.test(attr)) report('note/attribute', attrAt, `${attr}= is an event handler: it would run script in the visitor's browser`, 'Remove the attribute.');
      else if (allowed && !allowed.includes(attr)) report('note/attribute', attrAt, `<${name}> takes ${allowed.map((a) => `${a}=`).join(' and ')}, not ${attr}=`, `Use ${allowed.map((a) => `${a}="…"`).join(', ')}.`);
      if (value !== undefined) {
        const problem = urlProblem(value);
        if (problem) report('note/url', attrAt, problem);
      }
    }
    return j;
  }
}

/** Why a link target is not allowed, or undefined: only http(s), site-relative, relative and #fragment links. */
export function urlProblem(raw: string): string | undefined {
  // Browsers ignore tabs, newlines and leading control characters in a URL and Markdown decodes character
  // references, so "java&#115;cript:" and "java\tscript:" are both javascript: links.
  const decoded = decodeReferences(raw).replace(/[\u0000-\u0020\u007f]+/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(decoded)?.[1]?.toLowerCase();
  if (scheme === undefined || scheme === 'http' || scheme === 'https') return undefined;
  return `"${raw.length > 60 ? `${raw.slice(0, 60)}…` : raw}" is a ${scheme}: URL; notes link only to http(s) addresses and site pages`;
}

const NAMED_REFERENCES: Record<string, string> = { colon: ':', tab: '\t', newline: '\n', sol: '/', amp: '&', lpar: '(', rpar: ')', period: '.', nbsp: ' ' };

function decodeReferences(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return Object.hasOwn(NAMED_REFERENCES, ref.toLowerCase()) ? NAMED_REFERENCES[ref.toLowerCase()]! : whole;
  });
}

/** The offset just after the bracket that closes the one at `at` (or the end of the text). */
function skipBalanced(text: string, at: number, open: string, close: string): number {
  let depth = 0;
  for (let k = at; k < text.length; k++) {
    const ch = text[k];
    if (ch === '\\') {
      k++;
      continue;
    }
    if (ch === open) depth++;
    else if (ch === close && --depth === 0) return k + 1;
  }
  return text.length;
}

/**
 * The text with fenced code blocks and inline code spans blanked (same length, newlines kept), so their
 * contents — which MDX prints literally — are not read as tags, expressions or links.
 */
function maskCode(text: string): string {
  const out = text.split('');
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== '\n') out[k] = ' ';
  };
  const lines = text.split('\n');
  let offset = 0;
  let fence: { char: string; length: number; from: number } | undefined;
  for (const line of lines) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      if (m && m[1]![0] === fence.char && m[1]!.length >= fence.length && line.trim() === m[1]) {
        blank(fence.from, offset + line.length);
        fence = undefined;
      }
    } else if (m) {
      fence = { char: m[1]![0]!, length: m[1]!.length, from: offset };
    }
    offset += line.length + 1;
  }
  if (fence) blank(fence.from, text.length);
  const masked = out.join('');
  // Inline code: a run of n backticks up to the next run of exactly n.
  const result = masked.split('');
  for (let k = 0; k < masked.length; k++) {
    if (masked[k] === '\\') {
      k++;
      continue;
    }
    if (masked[k] !== '`') continue;
    let n = 0;
    while (masked[k + n] === '`') n++;
    const closeRe = new RegExp(`(?<!\`)\`{${n}}(?!\`)`, 'g');
    closeRe.lastIndex = k + n;
    const close = closeRe.exec(masked);
    if (!close) {
      k += n - 1;
      continue;
    }
    for (let q = k; q < close.index + n; q++) if (result[q] !== '\n') result[q] = ' ';
    k = close.index + n - 1;
  }
  return result.join('');
}
