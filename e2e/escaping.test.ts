/**
 * Registry strings are always escaped: builds the site from the fixture registry, whose model name and source
 * title carry markup on purpose, and checks the markup arrives as text — in the HTML, the JSON API, and the DOM.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from '../scripts/build-site.ts';
import { startHarness, type Harness } from './browser.ts';

const out = mkdtempSync(join(tmpdir(), 'clearance-escaping-'));
let h: Harness;

beforeAll(async () => {
  await buildSite({ outDir: out, registry: 'src/site/__fixtures__/registry', quiet: true });
  h = await startHarness(out);
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
    await page.goto(`${h.server.url}/models/cohere/command-r-plus/`);
    expect(await page.locator('h1').innerText()).toBe('Command R+ <b>104B</b>');
    expect(await page.locator('h1 b').count()).toBe(0);
    await page.goto(`${h.server.url}/compare/?models=cohere/command-r-plus,meta/llama-3.3-70b-instruct`);
    const head = page.locator('table.compare thead th a').first();
    await head.waitFor();
    expect(await head.innerText()).toBe('Command R+ <b>104B</b>');
    expect(await page.locator('table.compare b').count()).toBe(0);
    expect(h.external).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
