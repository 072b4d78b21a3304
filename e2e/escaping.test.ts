/**
 * The fixture site: built from the fixture registry (whose model name and source title carry markup on purpose)
 * and hosted under a sub-path, /clearance/, as an air-gapped buyer may serve it.
 * - Registry strings are always escaped: the markup arrives as text in the HTML, the JSON API and the DOM.
 * - Under a sub-path every link, script, search result and API fetch stays under the base (the build's link check
 *   covers every page; these tests follow links in the browser).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../scripts/build-site.ts';
import { startHarness, type Harness } from './browser.ts';

const BASE = '/clearance/';
const out = mkdtempSync(join(tmpdir(), 'clearance-fixture-site-'));
let h: Harness;
let site: string;

beforeAll(async () => {
  await buildSite({ outDir: out, registry: 'src/site/__fixtures__/registry', base: BASE, siteUrl: 'https://intranet.example', quiet: true });
  h = await startHarness(out, { base: BASE });
  site = `${h.server.url}${BASE}`;
});

afterAll(async () => {
  await h?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('escaping of registry strings', () => {
  it('writes markup in a model name and a source title as text in the HTML', () => {
    const page = readFileSync(join(out, 'models', 'cohere', 'command-r-plus', 'index.html'), 'utf8');
    expect(page).toContain('<h1>Command R+ &lt;b&gt;104B&lt;/b&gt;</h1>');
    expect(page).toContain('&lt;script&gt;alert(');
    // Inside quoted attribute values (meta description, titles) markup is inert text; everywhere else it must be escaped.
    const outsideAttributes = page.replace(/="[^"]*"/g, '=""');
    expect(outsideAttributes).not.toContain('<b>104B</b>');
    expect(outsideAttributes).not.toMatch(/<script>alert/);
  });

  it('keeps the strings intact in the JSON API', () => {
    const doc = JSON.parse(readFileSync(join(out, 'api', 'models', 'cohere', 'command-r-plus.json'), 'utf8')) as { model: { name: string } };
    expect(doc.model.name).toBe('Command R+ <b>104B</b>');
  });

  it('shows the markup as text in the browser, including in client-rendered compare tables', async () => {
    const page = await h.newPage();
    await page.goto(`${site}models/cohere/command-r-plus/`);
    expect(await page.locator('h1').innerText()).toBe('Command R+ <b>104B</b>');
    expect(await page.locator('h1 b').count()).toBe(0);
    await page.goto(`${site}compare/?models=cohere/command-r-plus,meta/llama-3.3-70b-instruct`);
    const head = page.locator('table.compare thead th a');
    await head.first().waitFor();
    expect(await head.first().innerText()).toBe('Command R+ <b>104B</b>');
    expect(await page.locator('table.compare b').count()).toBe(0);
    // The compare page fetched its JSON from under the base, and its headers link there too.
    expect(new URL(await head.nth(1).evaluate((a) => (a as HTMLAnchorElement).href)).pathname).toBe(`${BASE}models/meta/llama-3.3-70b-instruct/`);
  });
});

describe(`hosting under a sub-path (${BASE})`, () => {
  it('follows note links written against the domain root to pages under the base', async () => {
    const page = await h.newPage();
    await page.goto(`${site}notes/hosting/`);
    const hrefs = await page.locator('article.note a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(hrefs).toEqual(expect.arrayContaining([`${BASE}sizing/`, `${BASE}facts/`, `${BASE}playground/`, `${BASE}models/meta/llama-3.3-70b-instruct/`]));
    await page.locator('article.note a', { hasText: 'sizing calculator' }).click();
    await page.locator('h1').waitFor();
    expect(new URL(page.url()).pathname).toBe(`${BASE}sizing/`);
  });

  it('searches with result links under the base, facts pointing at their own anchor', async () => {
    const page = await h.newPage();
    await page.goto(`${site}search/?q=Llama`);
    await page.locator('.search-status').filter({ hasText: /result/ }).waitFor();
    const links = await page.locator('ol.search-results h3 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname + new URL((a as HTMLAnchorElement).href).hash));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.startsWith(BASE), link).toBe(true);
    const fact = links.find((l) => l.includes('#fact-'));
    expect(fact, 'a fact record among the results').toBeDefined();
    await page.goto(`${h.server.url}${fact}`);
    expect(await page.locator(`li.fact${fact!.slice(fact!.indexOf('#'))}`).count()).toBe(1);
  });

  it('gives share previews an absolute image URL when the site origin is known', async () => {
    const html = readFileSync(join(out, 'models', 'meta', 'llama-3.3-70b-instruct', 'index.html'), 'utf8');
    expect(html).toContain('<meta property="og:image" content="https://intranet.example/clearance/models/meta/llama-3.3-70b-instruct/og.png">');
    expect(html).toContain('<link rel="canonical" href="https://intranet.example/clearance/models/meta/llama-3.3-70b-instruct/">');
  });

  it('requested nothing outside the base, nothing outside localhost, and logged no errors', () => {
    const outside = h.requests.filter((r) => !r.startsWith(site));
    expect(outside).toEqual([]);
    expect(h.external).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
