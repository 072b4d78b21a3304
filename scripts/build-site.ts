/**
 * `npm run build`: builds the static site (Astro), indexes it for search (Pagefind), then checks the output is
 * offline-clean: no inline scripts or styles the CSP would block, no resource loaded from another host, every link
 * between pages reaching a built file (and anchor) under the site base. Each fact is also indexed as its own record.
 *
 * Env: CLEARANCE_REGISTRY (registry to build from, default ./content), CLEARANCE_SITE_OUT (output dir, default ./dist),
 * CLEARANCE_SITE_BASE (URL path to host under, default /), CLEARANCE_SITE_URL (origin for absolute share URLs).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface BuildResult {
  outDir: string;
  /** HTML pages written. */
  pages: number;
  /** Pages in the search index (those with data-pagefind-body). */
  indexedPages: number;
  /** Facts indexed as search records of their own (from api/facts.json). */
  factRecords: number;
  astroMs: number;
  pagefindMs: number;
  totalMs: number;
}

/** One problem in the built output: file and what is wrong. */
export interface OutputProblem {
  file: string;
  problem: string;
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...htmlFiles(full));
    else if (entry.name.endsWith('.html')) out.push(full);
  }
  return out;
}

/**
 * Checks built HTML for what the CSP or "offline by design" forbids: inline <script> code, inline style
 * attributes or <style> blocks, and scripts, styles, images, fonts or frames from another host.
 */
export function checkHtml(file: string, page: string): OutputProblem[] {
  const problems: OutputProblem[] = [];
  // Markup inside a quoted attribute value is text (Astro escapes the quotes), not an element: blank such values.
  const html = page.replace(/="[^"]*[<>][^"]*"/g, '=""').replace(/='[^']*[<>][^']*'/g, "=''");
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const attrs = m[1] ?? '';
    const isData = /type=["']?application\/(ld\+)?json/i.test(attrs);
    if (!/\bsrc=/i.test(attrs) && !isData && (m[2] ?? '').trim() !== '') problems.push({ file, problem: 'inline <script> (the CSP blocks it; bundle it as a module file)' });
  }
  if (/<style\b/i.test(html)) problems.push({ file, problem: 'inline <style> block (the CSP blocks it; use a stylesheet file)' });
  if (/\sstyle=["']/i.test(html)) problems.push({ file, problem: 'inline style attribute (the CSP blocks it)' });
  if (/\son[a-z]+=["']/i.test(html)) problems.push({ file, problem: 'inline event handler attribute (the CSP blocks it)' });
  // A CSP cannot stop a meta refresh, which would send every visitor elsewhere: no page may carry one.
  if (/<meta\b[^>]*\bhttp-equiv\s*=\s*["']?\s*refresh/i.test(html)) problems.push({ file, problem: '<meta http-equiv="refresh"> (it redirects visitors; no CSP can prevent it)' });
  for (const m of html.matchAll(/<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?\s(?:src|href|srcset|data)=["']?((?:https?:)?\/\/[^"'\s>]+)/gi)) {
    const tag = (m[1] ?? '').toLowerCase();
    // <link rel="canonical"> and similar are not fetched; stylesheets, icons, preloads and modules are.
    if (tag === 'link' && !/rel=["']?(stylesheet|icon|preload|modulepreload|manifest|prefetch)/i.test(m[0])) continue;
    problems.push({ file, problem: `<${tag}> loads ${m[2]} from another host` });
  }
  return problems;
}

/** What the search index needs of a fact in api/facts.json. */
interface FactJson {
  id: string;
  statement: string;
  value: string | number | null;
  unit: string | null;
  subject: { name: string };
  status: string;
  deck_safe: boolean;
  why_not: { message: string }[];
  caveats: string[];
  circulated_as: string | null;
  url: string;
}

/** A result title: at most `max` characters, cut at a word. The full statement stays in the record's text. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The HTML Pagefind indexes for one fact: title, subject and value as metadata, its verdict as a filter. */
export function factRecordHtml(f: FactJson): string {
  const value = f.value === null ? '' : `${f.value}${f.unit ? ` ${f.unit}` : ''}`;
  const text = [
    f.statement,
    value,
    f.subject.name,
    f.caveats.length ? `Show with it: ${f.caveats.join('; ')}.` : '',
    f.deck_safe ? 'Deck-safe.' : `Not deck-safe: ${f.why_not.map((w) => w.message).join('; ')}.`,
    f.circulated_as ? `Circulates as: ${f.circulated_as}.` : '',
  ].filter(Boolean);
  const meta = { title: shorten(f.statement, 160), subject: f.subject.name, ...(value ? { value: shorten(value, 80) } : {}) };
  return [
    '<html lang="en"><head></head><body>',
    ...Object.entries(meta).map(([k, v]) => `<span data-pagefind-meta="${k}">${escapeHtml(v)}</span>`),
    '<span data-pagefind-filter="type">Fact</span>',
    `<span data-pagefind-filter="deck-safe">${f.deck_safe ? 'Yes' : 'No'}</span>`,
    '<main data-pagefind-body>',
    ...text.map((t) => `<p>${escapeHtml(t)}</p>`),
    '</main></body></html>',
  ].join('');
}

/**
 * Indexes every fact of api/facts.json as its own search record: the result links to the fact's anchor on its
 * subject's facts page, and the `deck-safe` filter is the fact's own verdict (a facts page mixes both).
 * Record URLs are site paths without the base; Pagefind's client prefixes the base it was loaded from.
 */
async function addFactRecords(index: { addHTMLFile(file: { url: string; content: string }): Promise<{ errors: string[] }> }, outDir: string, base: string): Promise<number> {
  let doc: { facts: FactJson[] };
  try {
    doc = JSON.parse(readFileSync(join(outDir, 'api', 'facts.json'), 'utf8')) as { facts: FactJson[] };
  } catch {
    return 0; // A registry without facts publishes none.
  }
  for (const f of doc.facts) {
    const added = await index.addHTMLFile({ url: f.url.startsWith(base) ? `/${f.url.slice(base.length)}` : f.url, content: factRecordHtml(f) });
    if (added.errors.length) throw new Error(`pagefind (fact ${f.id}): ${added.errors.join('; ')}`);
  }
  return doc.facts.length;
}

/** Attributes whose root-relative value is a site URL: followed links and loads, and the URLs scripts read. */
const URL_ATTRIBUTE = /\s(href|src|action|content|data-[a-z-]+)="(\/(?!\/)[^"]*)"/gi;

/** The built file a site path (without the base) is served from, or undefined when there is none. */
function fileFor(outDir: string, sitePath: string): string | undefined {
  const path = decodeURIComponent(sitePath);
  const candidates = path.endsWith('/') ? [join(outDir, path, 'index.html')] : [join(outDir, path), join(outDir, path, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/**
 * Checks the links between built pages: every root-relative URL starts with the site base (so the site works
 * under a sub-path), and every link and load (href, src) reaches a built file — and, with a #fragment into a
 * page, an element with that id.
 */
export function checkLinks(outDir: string, base = '/'): OutputProblem[] {
  const problems: OutputProblem[] = [];
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!));
      ids.set(file, set);
    }
    return set;
  };
  for (const file of htmlFiles(outDir)) {
    const name = relative(outDir, file);
    const seen = new Set<string>();
    const page = readFileSync(file, 'utf8');
    for (const m of page.matchAll(/\shref="#([^"]+)"/g)) {
      if (!idsOf(file).has(decodeURIComponent(m[1]!))) problems.push({ file: name, problem: `href="#${m[1]}" has no element with that id on the page` });
    }
    for (const m of page.matchAll(URL_ATTRIBUTE)) {
      const attr = (m[1] ?? '').toLowerCase();
      const value = (m[2] ?? '').replace(/&amp;/g, '&');
      if (seen.has(`${attr} ${value}`)) continue;
      seen.add(`${attr} ${value}`);
      if (!value.startsWith(base)) {
        problems.push({ file: name, problem: `${attr}="${value}" ignores the site base ${base} (build links with url() from lib/paths.ts)` });
        continue;
      }
      if (attr !== 'href' && attr !== 'src') continue;
      const [beforeHash, fragment] = value.slice(base.length - 1).split('#', 2) as [string, string | undefined];
      const target = fileFor(outDir, beforeHash.split('?')[0]!);
      if (!target) problems.push({ file: name, problem: `${attr}="${value}" points at nothing in the built site` });
      else if (fragment && target.endsWith('.html') && !idsOf(target).has(decodeURIComponent(fragment))) {
        problems.push({ file: name, problem: `${attr}="${value}": ${relative(outDir, target)} has no element with id "${fragment}"` });
      }
    }
  }
  return problems;
}

/**
 * Hidden files and directories in the output: a build stamp, a cache, an editor's leftovers. dist/ is
 * published as it is, so nothing in it may start with a dot (the static server would not serve it either).
 */
export function checkHidden(outDir: string): OutputProblem[] {
  const problems: OutputProblem[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.name.startsWith('.')) problems.push({ file: relative(outDir, full), problem: `hidden ${entry.isDirectory() ? 'directory' : 'file'} in the published output (write build state outside ${relative(ROOT, outDir) || outDir}/)` });
      else if (entry.isDirectory()) walk(full);
    }
  };
  walk(outDir);
  return problems;
}

export function checkOutput(outDir: string, base = '/'): OutputProblem[] {
  return [...htmlFiles(outDir).flatMap((f) => checkHtml(relative(outDir, f), readFileSync(f, 'utf8'))), ...checkLinks(outDir, base), ...checkHidden(outDir)];
}

const LOCK_DIR = join(ROOT, 'node_modules', '.cache', 'clearance-site-build.lock');

/**
 * The build stamp (what was built, from which registry, when) for an output directory. It lives in the
 * project's cache, not in the output: dist/ is published as it is, and the stamp holds absolute paths.
 */
export function buildStampPath(outDir: string): string {
  const key = createHash('sha256').update(resolve(outDir)).digest('hex').slice(0, 16);
  return join(ROOT, 'node_modules', '.cache', 'clearance-site-builds', `${key}.json`);
}

/** The notes folder the build reads (as content.config.ts does): <registry dir>/notes, or ./content/notes. */
/** Files worth shipping compressed: the JSON API (the playground loads the whole registry) and the big text assets. */
const PRECOMPRESS = /\.(json|js|css|html|svg)$/;
const PRECOMPRESS_MIN_BYTES = 20_000;

/**
 * Writes `<file>.br` and `<file>.gz` beside every large text file of the output, so `npm start` (and any server
 * that serves precompressed files, such as nginx's gzip_static or Caddy's precompressed) sends a fraction of the
 * bytes without compressing on each request. Deterministic: the same input gives the same bytes.
 */
export function precompress(outDir: string): { files: number; bytes: number; brotliBytes: number } {
  let files = 0;
  let bytes = 0;
  let brotliBytes = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (PRECOMPRESS.test(entry.name) && statSync(path).size >= PRECOMPRESS_MIN_BYTES) {
        const data = readFileSync(path);
        const br = brotliCompressSync(data, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: data.length } });
        writeFileSync(`${path}.br`, br);
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
        files++;
        bytes += data.length;
        brotliBytes += br.length;
      }
    }
  };
  walk(outDir);
  return { files, bytes, brotliBytes };
}

function notesDirFor(registry: string | undefined): string {
  return registry && existsSync(registry) && statSync(registry).isDirectory() ? join(registry, 'notes') : join(ROOT, 'content', 'notes');
}

/** Every note's problems as "file:line:col  code  message" lines (src/registry/notes.ts), before Astro compiles them. */
export async function checkNotes(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const { checkNote } = await import('../src/registry/notes.ts');
  const { readTextBounded } = await import('../src/registry/read.node.ts');
  const lines: string[] = [];
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.mdx')).sort()) {
    const rel = relative(process.cwd(), join(dir, name));
    const file = rel.startsWith('..') ? join(dir, name) : rel;
    const read = readTextBounded(join(dir, name));
    if (!('text' in read)) {
      lines.push(`${file}:1:1  error  registry/unreadable  ${read.message}`);
      continue;
    }
    for (const f of checkNote(file, read.text)) lines.push(`${f.file}:${f.line}:${f.column}  error  ${f.code}  ${f.message}\n      hint: ${f.hint ?? ''}`);
  }
  return lines;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds are serialized across processes: Astro shares .astro/ and Vite caches, and two builds into one dist/
 * delete each other's chunks (e2e setup and `npm run build` may start together). A lock directory holds the pid.
 */
async function withBuildLock<T>(work: () => Promise<T>, timeoutMs = 15 * 60_000): Promise<T> {
  const started = Date.now();
  mkdirSync(join(LOCK_DIR, '..'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      writeFileSync(join(LOCK_DIR, 'pid'), String(process.pid));
      break;
    } catch {
      let holder = Number.NaN;
      try {
        holder = Number(readFileSync(join(LOCK_DIR, 'pid'), 'utf8'));
      } catch {
        // The holder is between mkdir and writing its pid; wait.
      }
      if (Number.isInteger(holder) && !alive(holder)) rmSync(LOCK_DIR, { recursive: true, force: true });
      else if (Date.now() - started > timeoutMs) throw new Error(`another site build (pid ${holder}) holds ${LOCK_DIR}`);
      else await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

export interface BuildOptions {
  outDir?: string;
  registry?: string;
  /** URL path the site is hosted under ("/clearance/"); default CLEARANCE_SITE_BASE or "/". */
  base?: string;
  /** The site's origin ("https://intranet.example"), for absolute canonical and Open Graph URLs; default CLEARANCE_SITE_URL. */
  siteUrl?: string;
  quiet?: boolean;
}

/** The hosting sub-path, normalized to start and end with "/". */
export function siteBase(base = process.env.CLEARANCE_SITE_BASE): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  if (/[?#\s\\]|\.\.|:\/\//.test(trimmed)) throw new Error(`CLEARANCE_SITE_BASE must be a URL path such as /clearance/, got "${base}"`);
  return trimmed ? `/${trimmed}/` : '/';
}

export function buildSite(options: BuildOptions = {}): Promise<BuildResult> {
  return withBuildLock(() => buildSiteUnlocked(options));
}

async function buildSiteUnlocked(options: BuildOptions): Promise<BuildResult> {
  const outDir = resolve(options.outDir ?? process.env.CLEARANCE_SITE_OUT ?? join(ROOT, 'dist'));
  const base = siteBase(options.base);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    CLEARANCE_SITE_OUT: outDir,
    CLEARANCE_SITE_BASE: base,
    // Card images are cached between builds; keep the cache at the project root, outside the bundled output.
    CLEARANCE_CARD_CACHE: process.env.CLEARANCE_CARD_CACHE ?? join(ROOT, 'node_modules', '.cache', 'clearance-cards'),
  };
  // Vite's import.meta.env keys leak in from a test runner (vitest sets BASE_URL=/) and would override `base`.
  for (const key of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR']) delete env[key];
  if (options.registry) env.CLEARANCE_REGISTRY = resolve(options.registry);
  if (options.siteUrl !== undefined) env.CLEARANCE_SITE_URL = options.siteUrl;
  const started = performance.now();
  // Notes are content, not code: refuse imports, expressions, raw markup and non-http(s) links before MDX runs any of it.
  const noteProblems = await checkNotes(notesDirFor(env.CLEARANCE_REGISTRY));
  if (noteProblems.length) throw new Error(`notes must be content, not code:\n${noteProblems.map((l) => `  ${l}`).join('\n')}`);
  const stamp = buildStampPath(outDir);
  rmSync(stamp, { force: true });
  rmSync(join(outDir, '.clearance-build.json'), { force: true });
  const astro = spawnSync(process.execPath, [join(ROOT, 'node_modules/astro/bin/astro.mjs'), 'build', ...(options.quiet ? ['--silent'] : [])], {
    cwd: ROOT,
    env,
    stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (astro.status !== 0) {
    const detail = options.quiet ? `\n${astro.stdout ?? ''}${astro.stderr ?? ''}` : '';
    throw new Error(`astro build failed (exit ${astro.status ?? astro.signal})${detail}`);
  }
  const astroDone = performance.now();

  const pagefind = await import('pagefind');
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'en' });
  if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
  const added = await index.addDirectory({ path: outDir });
  if (added.errors.length) throw new Error(`pagefind: ${added.errors.join('; ')}`);
  const factRecords = await addFactRecords(index, outDir, base);
  const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  const pagefindDone = performance.now();

  precompress(outDir);
  const problems = checkOutput(outDir, base);
  if (problems.length) {
    throw new Error(`the built site breaks its offline/CSP guarantees:\n${problems.slice(0, 30).map((p) => `  ${p.file}: ${p.problem}`).join('\n')}`);
  }
  const result: BuildResult = {
    outDir,
    pages: htmlFiles(outDir).length,
    indexedPages: added.page_count,
    factRecords,
    astroMs: Math.round(astroDone - started),
    pagefindMs: Math.round(pagefindDone - astroDone),
    totalMs: Math.round(performance.now() - started),
  };
  // The e2e setup compares this stamp with source mtimes to decide whether to rebuild. Not in dist/: it is published.
  mkdirSync(join(stamp, '..'), { recursive: true });
  writeFileSync(stamp, `${JSON.stringify({ ...result, registry: env.CLEARANCE_REGISTRY ?? 'content', builtAt: new Date().toISOString() }, null, 2)}\n`);
  return result;
}

if (import.meta.main) {
  try {
    const r = await buildSite();
    process.stdout.write(`Built ${r.pages} pages into ${relative(process.cwd(), r.outDir) || '.'} in ${(r.totalMs / 1000).toFixed(1)} s (astro ${(r.astroMs / 1000).toFixed(1)} s, pagefind ${(r.pagefindMs / 1000).toFixed(1)} s).\n`);
  } catch (error) {
    process.stderr.write(`build-site: ${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
