/**
 * `npm run bench:site`: how the site build scales and what pages weigh.
 *   1. Build time for the real registry and for a synthetic registry 10× larger (scripts/synthetic-registry.ts,
 *      written to a temp dir), both from a cold card-image cache, and the ratio. Target: ≤ 12× (linear growth).
 *   2. Page weight of the heaviest model card — HTML + CSS + JS as the browser loads it — and its JS alone.
 *      Targets: under 100 KB, JS under 15 KB (search excluded).
 *   3. Bytes a search transfers (Pagefind's script, WebAssembly, index and fragment files), first search and next.
 * Runs Chromium headless (/usr/bin/chromium, or CHROMIUM_PATH). Flags: --factor N (default 10), --json.
 * Exit 1 when a target is missed.
 */
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { buildSite, type BuildResult } from './build-site.ts';
import { serveStatic } from './serve-static.ts';
import { registryCounts, writeSyntheticRegistry, type SyntheticCounts } from './synthetic-registry.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];
export const TARGETS = { buildRatio: 12, modelCardBytes: 100 * 1024, modelCardJsBytes: 15 * 1024 };

interface Transfer {
  url: string;
  type: string;
  bytes: number;
  gzipBytes: number;
}

interface PageWeight {
  path: string;
  htmlBytes: number;
  cssBytes: number;
  jsBytes: number;
  fontBytes: number;
  otherBytes: number;
  /** HTML + CSS + JS. */
  totalBytes: number;
  totalGzipBytes: number;
  requests: number;
}

async function transfers(page: Page, action: () => Promise<unknown>): Promise<Transfer[]> {
  const out: Transfer[] = [];
  const pending: Promise<void>[] = [];
  const onResponse = (response: import('playwright-core').Response) => {
    pending.push(
      response
        .body()
        .then((body) => {
          out.push({ url: response.url(), type: response.request().resourceType(), bytes: body.length, gzipBytes: gzipSync(body).length });
        })
        .catch(() => undefined),
    );
  };
  page.on('response', onResponse);
  await action();
  await page.waitForLoadState('networkidle');
  await Promise.all(pending);
  page.off('response', onResponse);
  return out;
}

function weigh(path: string, list: Transfer[]): PageWeight {
  const sum = (f: (t: Transfer) => boolean, key: 'bytes' | 'gzipBytes' = 'bytes') => list.filter(f).reduce((n, t) => n + t[key], 0);
  const isHtml = (t: Transfer) => t.type === 'document';
  const isCss = (t: Transfer) => t.type === 'stylesheet';
  const isJs = (t: Transfer) => t.type === 'script';
  const isFont = (t: Transfer) => t.type === 'font';
  const core = (t: Transfer) => isHtml(t) || isCss(t) || isJs(t);
  return {
    path,
    htmlBytes: sum(isHtml),
    cssBytes: sum(isCss),
    jsBytes: sum(isJs),
    fontBytes: sum(isFont),
    otherBytes: sum((t) => !core(t) && !isFont(t)),
    totalBytes: sum(core),
    totalGzipBytes: sum(core, 'gzipBytes'),
    requests: list.length,
  };
}

/** Model card paths in a built site, heaviest HTML first. */
function modelCards(siteDir: string): { path: string; bytes: number }[] {
  const base = join(siteDir, 'models');
  const out: { path: string; bytes: number }[] = [];
  for (const vendor of readdirSync(base, { withFileTypes: true })) {
    if (!vendor.isDirectory()) continue;
    for (const model of readdirSync(join(base, vendor.name), { withFileTypes: true })) {
      const file = join(base, vendor.name, model.name, 'index.html');
      if (model.isDirectory()) out.push({ path: `/models/${vendor.name}/${model.name}/`, bytes: statSync(file).size });
    }
  }
  return out.sort((a, b) => b.bytes - a.bytes);
}

async function timedBuild(outDir: string, registry: string, cacheDir: string): Promise<BuildResult> {
  const previous = process.env.CLEARANCE_CARD_CACHE;
  process.env.CLEARANCE_CARD_CACHE = cacheDir;
  try {
    return await buildSite({ outDir, registry, quiet: true });
  } finally {
    if (previous === undefined) delete process.env.CLEARANCE_CARD_CACHE;
    else process.env.CLEARANCE_CARD_CACHE = previous;
  }
}

export interface BenchReport {
  factor: number;
  real: { build: BuildResult; counts: SyntheticCounts };
  synthetic: { build: BuildResult; counts: SyntheticCounts };
  buildRatio: number;
  pagesRatio: number;
  modelCard: { heaviest: PageWeight; median: PageWeight };
  search: { term: string; results: number; firstSearchBytes: number; nextSearchBytes: number; files: { url: string; bytes: number }[] };
  targets: typeof TARGETS;
  pass: { buildRatio: boolean; modelCardBytes: boolean; modelCardJsBytes: boolean };
}

export async function benchSite(factor: number, log: (line: string) => void): Promise<BenchReport> {
  const work = mkdtempSync(join(tmpdir(), 'clearance-bench-site-'));
  try {
    const realDir = join(work, 'real');
    log('building the site from the real registry (cold card cache)…');
    const realBuild = await timedBuild(realDir, join(ROOT, 'content'), join(work, 'cache-real'));
    const realCounts = registryCounts(join(ROOT, 'content'));
    log(`  ${realBuild.pages} pages in ${(realBuild.totalMs / 1000).toFixed(1)} s`);
    log(`generating a synthetic registry ${factor}× larger…`);
    const synthContent = join(work, 'content');
    const synthCounts = writeSyntheticRegistry(join(ROOT, 'content'), synthContent, factor);
    log(`  ${synthCounts.models} models, ${synthCounts.facts} facts, ${synthCounts.vendors} vendors`);
    log('building the site from the synthetic registry (cold card cache)…');
    const synthBuild = await timedBuild(join(work, 'synthetic'), synthContent, join(work, 'cache-synthetic'));
    log(`  ${synthBuild.pages} pages in ${(synthBuild.totalMs / 1000).toFixed(1)} s`);

    log('measuring page weight and search transfer in Chromium…');
    const server = await serveStatic(realDir, 0);
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    try {
      const cards = modelCards(realDir);
      const measureCard = async (path: string) => {
        const context = await browser.newContext();
        const page = await context.newPage();
        const list = await transfers(page, () => page.goto(`${server.url}${path}`));
        await context.close();
        return weigh(path, list);
      };
      const heaviest = await measureCard(cards[0]!.path);
      const median = await measureCard(cards[Math.floor(cards.length / 2)]!.path);

      const term = 'commercial';
      const context = await browser.newContext();
      const page = await context.newPage();
      const isSearch = (t: Transfer) => new URL(t.url).pathname.startsWith('/pagefind/');
      // The search page loads Pagefind (script, worker, WebAssembly, filters) as it opens; all of it counts.
      const first = (
        await transfers(page, async () => {
          await page.goto(`${server.url}/search/`);
          await page.locator('cl-search input[type=search]').fill(term);
          await page.locator('cl-search button[type=submit]').click();
          await page.locator('.search-status').filter({ hasText: /result/ }).waitFor();
        })
      ).filter(isSearch);
      const results = Number(/^(\d+)/.exec(await page.locator('.search-status').innerText())?.[1] ?? 0);
      const next = (
        await transfers(page, async () => {
          await page.locator('cl-search input[type=search]').fill('license');
          await page.locator('cl-search button[type=submit]').click();
          await page.locator('.search-status').filter({ hasText: /result/ }).waitFor();
        })
      ).filter(isSearch);
      await context.close();
      const buildRatio = synthBuild.totalMs / realBuild.totalMs;
      return {
        factor,
        real: { build: realBuild, counts: realCounts },
        synthetic: { build: synthBuild, counts: synthCounts },
        buildRatio,
        pagesRatio: synthBuild.pages / realBuild.pages,
        modelCard: { heaviest, median },
        search: {
          term,
          results,
          firstSearchBytes: first.reduce((n, t) => n + t.bytes, 0),
          nextSearchBytes: next.reduce((n, t) => n + t.bytes, 0),
          files: first.map((t) => ({ url: new URL(t.url).pathname, bytes: t.bytes })),
        },
        targets: TARGETS,
        pass: {
          buildRatio: buildRatio <= TARGETS.buildRatio,
          modelCardBytes: heaviest.totalBytes < TARGETS.modelCardBytes,
          modelCardJsBytes: heaviest.jsBytes < TARGETS.modelCardJsBytes,
        },
      };
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const mark = (ok: boolean) => (ok ? 'ok' : 'MISSED');

export function formatReport(r: BenchReport): string {
  const c = (x: SyntheticCounts) => `${x.models} models, ${x.facts} facts, ${x.vendors} vendors, ${x.licenses} licenses, ${x.providers} providers, ${x.gpus} GPUs`;
  const b = (x: BuildResult) => `${(x.totalMs / 1000).toFixed(1)} s (astro ${(x.astroMs / 1000).toFixed(1)} s + pagefind ${(x.pagefindMs / 1000).toFixed(1)} s), ${x.pages} HTML pages, ${x.factRecords} fact search records`;
  const w = (p: PageWeight) =>
    `${kb(p.totalBytes)} (HTML ${kb(p.htmlBytes)} + CSS ${kb(p.cssBytes)} + JS ${kb(p.jsBytes)}; ${kb(p.totalGzipBytes)} gzipped; fonts ${kb(p.fontBytes)} on first visit) ${p.path}`;
  return [
    'Site build',
    `  real registry:        ${b(r.real.build)}`,
    `                        ${c(r.real.counts)}`,
    `  synthetic ${r.factor}× registry: ${b(r.synthetic.build)}`,
    `                        ${c(r.synthetic.counts)}`,
    `  ratio:                ${r.buildRatio.toFixed(2)}× build time for ${(r.synthetic.counts.models / r.real.counts.models).toFixed(0)}× models (${r.pagesRatio.toFixed(2)}× pages); target ≤ ${r.targets.buildRatio}×: ${mark(r.pass.buildRatio)}`,
    '',
    'Model card weight (as Chromium loads it, uncompressed)',
    `  heaviest: ${w(r.modelCard.heaviest)}`,
    `  median:   ${w(r.modelCard.median)}`,
    `  target < ${kb(r.targets.modelCardBytes)}: ${mark(r.pass.modelCardBytes)}; JS ${kb(r.modelCard.heaviest.jsBytes)}, target < ${kb(r.targets.modelCardJsBytes)}: ${mark(r.pass.modelCardJsBytes)}`,
    '',
    `Search ("${r.search.term}", ${r.search.results} results)`,
    `  first search: ${kb(r.search.firstSearchBytes)} in ${r.search.files.length} files (Pagefind script, worker, WebAssembly, filters, index, result fragments)`,
    `  next search:  ${kb(r.search.nextSearchBytes)}`,
    ...r.search.files.map((f) => `    ${kb(f.bytes).padStart(9)}  ${f.url}`),
  ].join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { factor: { type: 'string', default: '10' }, json: { type: 'boolean', default: false } } });
  const factor = Number(values.factor);
  try {
    const report = await benchSite(factor, (line) => process.stderr.write(`${line}\n`));
    process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
    if (!Object.values(report.pass).every(Boolean)) process.exitCode = 1;
  } catch (error) {
    process.stderr.write(`bench-site: ${(error as Error).stack ?? String(error)}\n`);
    process.exitCode = 2;
  }
}

