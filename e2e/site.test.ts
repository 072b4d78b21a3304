/**
 * End-to-end tests of the built site in headless Chromium, served from dist/ on an ephemeral localhost port.
 * Expectations come from the registry itself, so the tests follow the content as it grows.
 * Every page load is checked for requests leaving localhost and for console errors (CSP violations included).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../src/registry/load.ts';
import type { Registry } from '../src/registry/index.ts';
import { modelRow, modelRows } from '../src/site/lib/model-row.ts';
import { cheapestApiPrice, sizeDeployment } from '../src/sizing/index.ts';
import { screenshot, startHarness, type Harness } from './browser.ts';
import { SITE_DIR } from './global-setup.ts';

let h: Harness;
let registry: Registry;

beforeAll(async () => {
  registry = loadRegistry('content').registry;
  h = await startHarness(SITE_DIR);
});

afterAll(async () => {
  await h?.close();
});

async function open(path: string, options?: { javaScriptEnabled?: boolean; width?: number; colorScheme?: 'light' | 'dark' }): Promise<Page> {
  const page = await h.newPage(options);
  const response = await page.goto(`${h.server.url}${path}`);
  expect(response?.status(), `GET ${path}`).toBe(200);
  return page;
}

/** Model ids governed by a license whose SPDX id starts with CC-BY-NC. */
function ccByNcModels(): string[] {
  return Object.entries(registry.models)
    .filter(([, m]) => [m.license, m.api_terms].some((l) => l && registry.licenses[l]?.spdx.startsWith('CC-BY-NC')))
    .map(([id]) => id)
    .sort();
}

async function resultPaths(page: Page): Promise<string[]> {
  await page.locator('.search-status').filter({ hasText: /result/ }).waitFor();
  return (await page.locator('ol.search-results h3 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).sort();
}

describe('pages', () => {
  it('serves the main pages with a strict CSP and no inline scripts', async () => {
    for (const [name, path] of [
      ['home', '/'],
      ['models', '/models/'],
      ['licenses', '/licenses/'],
      ['providers', '/providers/'],
      ['gpus', '/gpus/'],
      ['rules', '/rules/'],
      ['notes', '/notes/'],
    ] as const) {
      const page = await open(path);
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(await page.locator('script:not([src])').count()).toBe(0);
      await screenshot(page, name);
      await page.close();
    }
  });

  it('shows a model card with license traps and footnoted sources', async () => {
    const id = 'meta/llama-4-maverick-17b-128e-instruct';
    expect(registry.models[id], 'the registry has Llama 4 Maverick').toBeDefined();
    const page = await open(`/models/${id}/`);
    await expect(page.locator('h1').innerText()).resolves.toBe(registry.models[id]!.name);
    const traps = page.locator('section:has(#traps) li');
    expect(await traps.count()).toBeGreaterThan(0);
    expect((await traps.allInnerTexts()).join(' ')).toMatch(/European Union|EU/);
    // Every footnote marker points at an entry of the source list, and entries link to their documents.
    const markers = await page.locator('sup.fn a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(markers.length).toBeGreaterThan(5);
    for (const href of new Set(markers)) expect(await page.locator(`li${href}`).count(), `${href} exists`).toBe(1);
    expect(await page.locator('#fn-1 a[href^="http"]').count()).toBe(1);
    expect(await page.locator('.badge.status-verified').count()).toBeGreaterThan(0);
    expect(await page.locator('#footprint').count()).toBe(1);
    expect(await page.locator('#alternatives').count()).toBe(1);
    await screenshot(page, 'model-card');
  });

  it('prints a model card without the site chrome, on the width of the paper, with source addresses', async () => {
    const page = await open('/models/meta/llama-4-maverick-17b-128e-instruct/', { width: 794 });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await page.locator('.site-footer').isVisible()).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    // A4 at 96 dpi: the wide routes and footprint tables wrap instead of running off the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(794);
    const printed = await page.locator('.footnotes a[href^="http"]').first().evaluate((a) => getComputedStyle(a, '::after').content);
    expect(printed).toContain('http');
  });

  it('works without JavaScript: the models table is complete and links to every card', async () => {
    const page = await open('/models/', { javaScriptEnabled: false });
    expect(await page.locator('table.models tbody tr').count()).toBe(Object.keys(registry.models).length);
    expect(await page.locator('form.filters').isVisible()).toBe(false);
    const card = await open(`/models/${Object.keys(registry.models)[0]}/`, { javaScriptEnabled: false });
    expect(await card.locator('#glance').count()).toBe(1);
  });

  it('filters and sorts the models table with JavaScript', async () => {
    const page = await open('/models/');
    const rows = page.locator('table.models tbody tr:not([hidden])');
    const all = await rows.count();
    await page.selectOption('#f-commercial', 'forbidden');
    const forbidden = modelRows(registry).filter((r) => r.commercialUse === 'forbidden').length;
    await expect.poll(() => rows.count()).toBe(forbidden);
    expect(forbidden).toBeLessThan(all);
    expect(page.url()).toContain('commercial=forbidden');
    await page.selectOption('#f-commercial', '');
    await page.locator('th[data-key="context"] button').click();
    await expect.poll(() => rows.count()).toBe(all);
    const contexts = await page.locator('table.models tbody tr td:nth-child(11)').evaluateAll((tds) => tds.map((td) => (td as HTMLElement).dataset.sort ?? ''));
    const numbers = contexts.filter((c) => c !== '').map(Number);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
  });
});

describe('search', () => {
  it('finds the models under a license term', async () => {
    const expected = ccByNcModels();
    expect(expected.length).toBeGreaterThan(0);
    const page = await open('/search/?q=CC-BY-NC');
    // More models carry the term than one page of results holds: list them all.
    await page.locator('.search-status').filter({ hasText: /result/ }).waitFor();
    const links = page.locator('ol.search-results.pages h3 a');
    const more = page.getByRole('button', { name: /^Show more (pages|results)$/ });
    for (let i = 0; i < 10 && (await more.isVisible()); i++) {
      const shown = await links.count();
      await more.click();
      await expect.poll(() => links.count()).toBeGreaterThan(shown);
    }
    const paths = await resultPaths(page);
    for (const id of expected) expect(paths).toContain(`/models/${id}/`);
    // Excerpts highlight the term.
    expect(await page.locator('ol.search-results mark').count()).toBeGreaterThan(0);
    await screenshot(page, 'search');
  });

  it('narrows results with filters', async () => {
    const page = await open('/search/?q=license');
    const before = await resultPaths(page);
    await page.locator('.search-filters input[name="commercial use"][value="Forbidden"]').check();
    await expect.poll(async () => (await page.locator('.search-status').innerText()).match(/^(\d+)/)?.[1]).not.toBe(String(before.length));
    const after = await resultPaths(page);
    expect(after.length).toBeGreaterThan(0);
    expect(after.length).toBeLessThan(before.length);
    for (const path of after.filter((p) => p.startsWith('/models/'))) {
      expect(modelRow(registry, path.slice('/models/'.length, -1)).commercialUse).toBe('forbidden');
    }
    expect(page.url()).toContain('f=commercial+use%3AForbidden');
  });
});

describe('compare', () => {
  it('compares the models named in its URL', async () => {
    const ids = ['meta/llama-3.3-70b-instruct', 'alibaba/qwen3-32b'];
    for (const id of ids) expect(registry.models[id], id).toBeDefined();
    const page = await open(`/compare/?models=${ids.join(',')}`);
    const heads = page.locator('table.compare thead th a');
    await heads.first().waitFor();
    expect(await heads.allInnerTexts()).toEqual(ids.map((id) => registry.models[id]!.name));
    expect(await page.locator('table.compare tbody tr').count()).toBeGreaterThan(10);
    expect(await page.locator('#cmp-1').inputValue()).toBe(ids[0]);
    // The highlight is explained, and counts the rows it marks.
    const marked = await page.locator('table.compare tbody tr:has(td.differs)').count();
    expect(marked).toBeGreaterThan(0);
    expect(await page.locator('.compare-legend').innerText()).toBe(`Highlighted: the ${marked} rows where the models differ.`);
    // A sizing row: what self-hosting each costs at one standard workload, on its cheapest priced GPU.
    const sizing = page.locator('table.compare tbody tr', { hasText: 'Self-hosting at 1 request/s' });
    expect(await sizing.count()).toBe(1);
    for (const cell of await sizing.locator('td').allInnerTexts()) expect(cell).toMatch(/^\d+ × .+, \$[\d,]+ a month at the catalog price$/);
    await screenshot(page, 'compare');
  });
});

describe('policy playground', () => {
  it('flags a CC-BY-NC model in a pasted LiteLLM config', async () => {
    const id = ccByNcModels().find((m) => registry.models[m]!.kind === 'open-weights')!;
    const repo = registry.models[id]!.weights!.repo;
    const config = ['model_list:', '  - model_name: answers', '    litellm_params:', `      model: hosted_vllm/${repo}`, '      api_base: http://gpu-box:8000/v1', ''].join('\n');
    const page = await open('/playground/');
    await page.locator('textarea[name=config]').fill(config);
    await page.locator('cl-playground button[type=submit]').click();
    const finding = page.locator('ol.findings li[data-code="license/non-commercial"]');
    await finding.waitFor();
    expect(await finding.getAttribute('data-severity')).toBe('error');
    expect(await finding.innerText()).toContain('line 4, column');
    expect(await page.locator('.pg-summary').innerText()).toMatch(/^Fails: 1 error must be fixed or waived/);
    await screenshot(page, 'playground');
    // The hint's "See /rules/<code>/" is a link to the rule's page.
    await finding.locator('p.small a[href$="/rules/license/non-commercial/"]').click();
    await expect.poll(() => page.locator('h1').innerText()).toBe('license/non-commercial');
  });
});

describe('sizing calculator', () => {
  it('returns a GPU count, the same as the sizing engine in Node', async () => {
    const id = 'meta/llama-3.3-70b-instruct';
    const gpuId = 'h100-sxm';
    const model = registry.models[id]!;
    const expected = sizeDeployment({
      model: { id, name: model.name, architecture: model.architecture! },
      gpu: { ...registry.gpus[gpuId]!, id: gpuId },
      workload: { isl: 1000, osl: 500, requestsPerSecond: 5 },
      ...(cheapestApiPrice(model, 1000, 500) ? { apiPrice: cheapestApiPrice(model, 1000, 500)! } : {}),
    });
    const page = await open(`/sizing/?model=${id}&gpu=${gpuId}&isl=1000&osl=500&rps=5`);
    const status = page.locator('.sz-status');
    await expect.poll(() => status.innerText()).toMatch(/\d+ GPUs? \(/);
    const gpus = Number(/(\d+) GPUs? \(/.exec(await status.innerText())![1]);
    expect(gpus).toBe(expected.gpus);
    expect(gpus).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'sizing');
  });

  it('takes the load per minute and compares every GPU for one workload, cheapest a month first', async () => {
    const page = await open('/sizing/?model=meta/llama-3.3-70b-instruct&gpu=h200-sxm&isl=2000&osl=500&rps=200&per=minute&tpot=50');
    await page.locator('.sz-status.callout').waitFor();
    expect(await page.locator('select[name=per]').inputValue()).toBe('minute');
    expect(await page.locator('.sz-facts').innerText()).toMatch(/3\.33 req\/s mean/);
    await page.locator('button[name=compare]').click();
    const rows = page.locator('.sz-compare-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(Object.keys(registry.gpus).length);
    const months = await page.locator('.sz-compare-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => (tr as HTMLTableRowElement).cells[6]?.textContent ?? '').filter((t) => t.startsWith('$')).map((t) => Number(t.replace(/[$,]/g, ''))),
    );
    expect(months.length).toBeGreaterThan(3);
    expect(months).toEqual([...months].sort((a, b) => a - b));
    // Input the engine refuses (beyond the model's context window) clears the previous answer instead of leaving it on screen.
    await page.locator('input[name=isl]').fill('200000');
    await page.locator('cl-sizing button[type=submit]').click();
    await expect.poll(() => page.locator('.sz-status').innerText()).toMatch(/^Cannot size this/);
    expect(await page.locator('.sz-compare-table').count()).toBe(0);
    expect(await page.locator('.sz-facts dt').count()).toBe(0);
  });

  it('is linked from the model card footprint with the row prefilled', async () => {
    const page = await open('/models/meta/llama-3.3-70b-instruct/');
    expect(await page.locator('table.footprint tbody tr').count()).toBe(Object.keys(registry.gpus).length);
    await page.locator('table.footprint tbody a[href*="sizing/"]').first().click();
    await page.locator('.sz-status.callout').waitFor();
    expect(new URL(page.url()).searchParams.get('model')).toBe('meta/llama-3.3-70b-instruct');
  });
});

/** api/facts.json as the build wrote it: every fact with its verdict and its URL on the site. */
function factsJson(): { id: string; statement: string; origin: { kind: string }; deck_safe: boolean; url: string }[] {
  return (JSON.parse(readFileSync(join(SITE_DIR, 'api', 'facts.json'), 'utf8')) as { facts: ReturnType<typeof factsJson> }).facts;
}

describe('facts in search', () => {
  it('finds a fact as its own result and narrows by its own deck-safe verdict', async () => {
    const facts = new Map(factsJson().map((f) => [new URL(f.url, 'http://x').pathname + new URL(f.url, 'http://x').hash, f]));
    // The circulating $0.55 V4-Pro input price is never deck-safe (docs/facts.md).
    const claim = [...facts.values()].find((f) => f.id === 'deepseek-v4-pro-input-price-0-55');
    expect(claim?.deck_safe).toBe(false);
    const page = await open('/search/?q=V4-Pro');
    const fullUrl = (as: Element[]) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash);
    await page.locator('.search-status').filter({ hasText: /result/ }).waitFor();
    const total = Number((await page.locator('.search-status').innerText()).match(/^(\d+)/)?.[1]);
    await page.locator('.search-filters input[name="deck-safe"][value="Yes"]').check();
    await expect.poll(async () => Number((await page.locator('.search-status').innerText()).match(/^(\d+)/)?.[1])).toBeLessThan(total);
    const safe = await page.locator('ol.search-results h3 a').evaluateAll(fullUrl);
    expect(safe.length).toBeGreaterThan(0);
    for (const url of safe) expect(facts.get(url)?.deck_safe, url).toBe(true);
    expect(await page.locator('ol.search-results .badge.bad').count()).toBe(0);
    expect(page.url()).toContain('f=deck-safe%3AYes');
    await page.locator('.search-filters input[name="deck-safe"][value="Yes"]').uncheck();
    await page.locator('.search-filters input[name="deck-safe"][value="No"]').check();
    await page.locator('#search-input').fill('0.55');
    const claimUrl = new URL(claim!.url, 'http://x').pathname + new URL(claim!.url, 'http://x').hash;
    await expect.poll(() => page.locator('ol.search-results h3 a').evaluateAll(fullUrl)).toContain(claimUrl);
    for (const url of await page.locator('ol.search-results h3 a').evaluateAll(fullUrl)) expect(facts.get(url)?.deck_safe, url).toBe(false);
  });

  it('links a result to the one fact on its subject page, which has its own permalink', async () => {
    const page = await open('/search/?q=0.55');
    const result = page.locator('ol.search-results h3 a[href*="#fact-"]').first();
    await result.click();
    await page.locator('li.fact:target').waitFor();
    const target = page.locator('li.fact:target');
    const url = new URL(page.url());
    expect(await target.locator('a.fact-permalink').getAttribute('href')).toBe(url.pathname + url.hash);
    expect(await target.locator('a[download]').count()).toBeGreaterThan(0);
    const fact = factsJson().find((f) => f.url === url.pathname + url.hash)!;
    expect(await target.getAttribute('data-deck-safe')).toBe(fact.deck_safe ? 'yes' : 'no');
    expect(await target.locator('button.fact-copy').first().getAttribute('data-citation')).toContain(fact.deck_safe ? '' : 'NOT DECK-SAFE');
    await screenshot(page, 'facts');
  });
});

describe('share previews', () => {
  const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

  it('gives every model card an Open Graph image drawn at build time', async () => {
    const id = 'meta/llama-3.3-70b-instruct';
    const page = await open(`/models/${id}/`);
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image).toBe(`/models/${id}/og.png`);
    expect(await page.locator('meta[name="twitter:card"]').getAttribute('content')).toBe('summary_large_image');
    expect(await page.locator('meta[property="og:image:alt"]').getAttribute('content')).toContain(registry.models[id]!.name);
    const response = await fetch(`${h.server.url}${image}`);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(pngSize(Buffer.from(await response.arrayBuffer()))).toEqual({ width: 1200, height: 630 });
    for (const model of Object.keys(registry.models)) expect(existsSync(join(SITE_DIR, 'models', model, 'og.png')), model).toBe(true);
  });

  it('gives facts pages a card as their image', async () => {
    const page = await open('/facts/market/');
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image).toMatch(/^\/facts\/cards\/.+\.og\.png$/);
    expect(pngSize(readFileSync(join(SITE_DIR, image!)))).toEqual({ width: 1200, height: 630 });
  });
});

describe('without JavaScript', () => {
  it('lists every pitch fact with its citation and card links; filters and copy buttons stay hidden', async () => {
    const page = await open('/facts/', { javaScriptEnabled: false });
    const pitch = factsJson().filter((f) => f.origin.kind === 'fact').length;
    expect(await page.locator('li.fact').count()).toBe(pitch);
    expect(await page.locator('li.fact:visible').count()).toBe(pitch);
    expect(await page.locator('form.fact-filters').isVisible()).toBe(false);
    expect(await page.locator('button.fact-copy:visible').count()).toBe(0);
    expect(await page.locator('li.fact .fact-citation').count()).toBe(pitch);
  });

  it('points the tools that need JavaScript at what works without it', async () => {
    for (const [path, link] of [
      ['/compare/', 'models/'],
      ['/sizing/', undefined],
      ['/playground/', 'rules/'],
      ['/search/', 'models/'],
    ] as const) {
      const page = await open(path, { javaScriptEnabled: false });
      const note = page.locator('.noscript-note');
      expect(await note.isVisible(), path).toBe(true);
      if (link) expect(await note.locator(`a[href="/${link}"]`).count(), path).toBeGreaterThan(0);
      await page.close();
    }
  });
});

describe('static JSON API', () => {
  it('lists every model and serves each one', async () => {
    const index = (await (await fetch(`${h.server.url}/api/models/index.json`)).json()) as { models: { id: string; json: string; url: string }[] };
    expect(index.models.map((m) => m.id).sort()).toEqual(Object.keys(registry.models).sort());
    const first = index.models[0]!;
    const doc = (await (await fetch(`${h.server.url}${first.json}`)).json()) as { model: { name: string } };
    expect(doc.model.name).toBe(registry.models[first.id]!.name);
    expect((await fetch(`${h.server.url}${first.url}`)).status).toBe(200);
  });

  it('serves a registry bundle the CLI loads, and the JSON Schemas', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearance-api-'));
    try {
      writeFileSync(join(dir, 'registry.json'), Buffer.from(await (await fetch(`${h.server.url}/api/registry.json`)).arrayBuffer()));
      const loaded = loadRegistry(join(dir, 'registry.json'));
      expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(Object.keys(loaded.registry.models).sort()).toEqual(Object.keys(registry.models).sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const schema = (await (await fetch(`${h.server.url}/schemas/model.schema.json`)).json()) as { type?: string; $schema?: string };
    expect(schema.$schema ?? schema.type).toBeDefined();
  });

  it('serves every fact with its verdict and a URL that reaches it', () => {
    const facts = factsJson();
    expect(facts.length).toBeGreaterThan(100);
    const pages = new Map<string, string>();
    for (const f of facts) {
      const [path, anchor] = f.url.split('#') as [string, string];
      const file = join(SITE_DIR, path, 'index.html');
      if (!pages.has(file)) pages.set(file, readFileSync(file, 'utf8'));
      expect(pages.get(file), f.url).toContain(`id="${anchor}"`);
    }
  });
});

describe('accessibility', () => {
  const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // WCAG 2.1 A/AA (landmarks, labels, names, contrast, heading order) plus axe's best practices.
  const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

  async function violations(page: Page, runOnly: { type: 'tag' | 'rule'; values: string[] }): Promise<string[]> {
    await page.evaluate(axeSource);
    const result = await page.evaluate((only) => (window as unknown as { axe: { run(c: Document, o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document, { runOnly: only }), runOnly);
    return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  }

  /** Opens a page and lets its client-rendered parts (results, tables) settle before auditing. */
  async function settled(path: string, colorScheme: 'light' | 'dark'): Promise<Page> {
    const page = await open(path, { colorScheme });
    if (/search|sizing|compare/.test(path)) await page.locator('.search-results li, .sz-status.callout, table.compare').first().waitFor();
    return page;
  }

  it('has no axe violations on the main pages', async () => {
    for (const path of [
      '/',
      '/models/',
      '/models/meta/llama-4-maverick-17b-128e-instruct/',
      '/search/?q=license',
      '/facts/',
      '/playground/',
      '/sizing/?model=meta/llama-3.3-70b-instruct&gpu=h100-sxm',
      '/compare/?models=meta/llama-3.3-70b-instruct,alibaba/qwen3-32b',
      '/rules/license/non-commercial/',
    ]) {
      const page = await settled(path, 'light');
      expect(await violations(page, { type: 'tag', values: TAGS }), path).toEqual([]);
      await page.close();
    }
  });

  it('keeps AA contrast in the dark colour scheme', async () => {
    for (const path of ['/models/meta/llama-4-maverick-17b-128e-instruct/', '/search/?q=license']) {
      const page = await settled(path, 'dark');
      expect(await violations(page, { type: 'rule', values: ['color-contrast'] }), `${path} (dark)`).toEqual([]);
      await page.close();
    }
  });
});

describe('budgets', () => {
  it('keeps the heaviest model card under 100 KB of HTML + CSS + JS, and its JS under 15 KB', async () => {
    const cards = readdirSync(join(SITE_DIR, 'models'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('index.html') && f.split(/[\\/]/).length === 3)
      .map((f) => ({ path: `/models/${f.replace(/index\.html$/, '').replace(/\\/g, '/')}`, bytes: statSync(join(SITE_DIR, 'models', f)).size }))
      .sort((a, b) => b.bytes - a.bytes);
    const page = await h.newPage();
    const sizes: Record<string, number> = { document: 0, stylesheet: 0, script: 0 };
    page.on('response', async (response) => {
      const type = response.request().resourceType();
      if (type in sizes) sizes[type]! += (await response.body()).length;
    });
    await page.goto(`${h.server.url}${cards[0]!.path}`);
    await page.waitForLoadState('networkidle');
    const total = sizes.document! + sizes.stylesheet! + sizes.script!;
    expect(total, `${cards[0]!.path}: ${JSON.stringify(sizes)}`).toBeLessThan(100 * 1024);
    expect(sizes.script).toBeLessThan(15 * 1024);
  });
});

describe('offline', () => {
  it('requested nothing outside localhost on any tested page', () => {
    expect(h.requests.length).toBeGreaterThan(20);
    expect(h.external).toEqual([]);
  });

  it('logged no console errors (a CSP violation would be one)', () => {
    expect(h.errors).toEqual([]);
  });

  it('keeps screenshots of the main pages as artifacts', () => {
    for (const name of ['home', 'models', 'model-card', 'search', 'compare', 'playground', 'sizing', 'facts']) {
      expect(existsSync(join('test-results', 'screenshots', `${name}.png`)), name).toBe(true);
    }
  });
});
