/**
 * `npm run build`: builds the static site (Astro), indexes it for search (Pagefind), then checks the output is
 * offline-clean: no inline scripts or styles the CSP would block, no resource loaded from another host.
 *
 * Env: CLEARANCE_REGISTRY (registry to build from, default ./content), CLEARANCE_SITE_OUT (output dir, default ./dist).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

export interface BuildResult {
  outDir: string;
  /** HTML pages written. */
  pages: number;
  /** Pages in the search index (those with data-pagefind-body). */
  indexedPages: number;
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
  for (const m of html.matchAll(/<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*?\s(?:src|href|srcset|data)=["']?((?:https?:)?\/\/[^"'\s>]+)/gi)) {
    const tag = (m[1] ?? '').toLowerCase();
    // <link rel="canonical"> and similar are not fetched; stylesheets, icons, preloads and modules are.
    if (tag === 'link' && !/rel=["']?(stylesheet|icon|preload|modulepreload|manifest|prefetch)/i.test(m[0])) continue;
    problems.push({ file, problem: `<${tag}> loads ${m[2]} from another host` });
  }
  return problems;
}

export function checkOutput(outDir: string): OutputProblem[] {
  return htmlFiles(outDir).flatMap((f) => checkHtml(relative(outDir, f), readFileSync(f, 'utf8')));
}

const LOCK_DIR = join(ROOT, 'node_modules', '.cache', 'clearance-site-build.lock');

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

export function buildSite(options: { outDir?: string; registry?: string; quiet?: boolean } = {}): Promise<BuildResult> {
  return withBuildLock(() => buildSiteUnlocked(options));
}

async function buildSiteUnlocked(options: { outDir?: string; registry?: string; quiet?: boolean }): Promise<BuildResult> {
  const outDir = resolve(options.outDir ?? process.env.CLEARANCE_SITE_OUT ?? join(ROOT, 'dist'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ASTRO_TELEMETRY_DISABLED: '1',
    CLEARANCE_SITE_OUT: outDir,
    // Card images are cached between builds; keep the cache at the project root, outside the bundled output.
    CLEARANCE_CARD_CACHE: process.env.CLEARANCE_CARD_CACHE ?? join(ROOT, 'node_modules', '.cache', 'clearance-cards'),
  };
  if (options.registry) env.CLEARANCE_REGISTRY = resolve(options.registry);
  const started = performance.now();
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
  const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
  if (written.errors.length) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  await pagefind.close();
  const pagefindDone = performance.now();

  const problems = checkOutput(outDir);
  if (problems.length) {
    throw new Error(`the built site breaks its offline/CSP guarantees:\n${problems.slice(0, 30).map((p) => `  ${p.file}: ${p.problem}`).join('\n')}`);
  }
  const result: BuildResult = {
    outDir,
    pages: htmlFiles(outDir).length,
    indexedPages: added.page_count,
    astroMs: Math.round(astroDone - started),
    pagefindMs: Math.round(pagefindDone - astroDone),
    totalMs: Math.round(performance.now() - started),
  };
  // The e2e setup compares this stamp with source mtimes to decide whether to rebuild.
  writeFileSync(join(outDir, '.clearance-build.json'), `${JSON.stringify({ ...result, registry: env.CLEARANCE_REGISTRY ?? 'content', builtAt: new Date().toISOString() }, null, 2)}\n`);
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
