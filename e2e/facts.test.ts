/**
 * The salesperson's walk through the facts pages, in headless Chromium against the built site: filter by topic
 * and by open-weights models, keep the filter in the URL (back/forward, shared links), sort, copy a short
 * citation, download a slide; subject pages list pitch facts first and alias lists as names, not claims; labels
 * read as English; search does not index placeholders and counts facets for the query.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardFileName } from '../src/cards/index.ts';
import { collectFacts, deckSafety, isReferenceList, shortCitation, type FactRecord } from '../src/facts/index.ts';
import { loadRegistry } from '../src/registry/load.ts';
import type { Registry } from '../src/registry/index.ts';
import { screenshot, startHarness, type Harness } from './browser.ts';
import { SITE_DIR } from './global-setup.ts';

let h: Harness;
let registry: Registry;
let facts: FactRecord[];

beforeAll(async () => {
  registry = loadRegistry('content').registry;
  facts = collectFacts(registry);
  h = await startHarness(SITE_DIR);
});

afterAll(async () => {
  expect(h.external, 'requests leaving localhost').toEqual([]);
  expect(h.errors, 'console errors').toEqual([]);
  await h?.close();
});

async function open(path: string, options?: { width?: number; javaScriptEnabled?: boolean }): Promise<Page> {
  const page = await h.newPage(options);
  const response = await page.goto(`${h.server.url}${path}`);
  expect(response?.status(), `GET ${path}`).toBe(200);
  return page;
}

/** Data of the visible facts, in page order. */
function shown(page: Page) {
  return page.locator('li.fact:visible').evaluateAll((lis) =>
    lis.map((li) => {
      const d = (li as HTMLElement).dataset;
      return { id: li.id, topics: (d.topics ?? '').split(' '), openWeights: d.openWeights, deckSafe: d.deckSafe, date: d.date ?? '', origin: d.origin };
    }),
  );
}

const pitch = () => facts.filter((f) => f.origin.kind === 'fact');
const TODAY = () => JSON.parse(readFileSync(join(SITE_DIR, 'api', 'facts.json'), 'utf8')).today as string | undefined;

describe('facts index filters', () => {
  it('filters by topic and deck-safety, keeps both in the URL, and steps back and forward through them', async () => {
    const page = await open('/facts/');
    await page.locator('form.fact-filters').waitFor();
    const all = (await shown(page)).length;
    expect(all).toBe(pitch().length);

    await page.locator('select[name="topic"]').selectOption('price');
    await expect.poll(() => page.url()).toContain('?topic=price');
    const prices = await shown(page);
    expect(prices.length).toBe(pitch().filter((f) => f.tags.includes('price')).length);
    for (const f of prices) expect(f.topics, f.id).toContain('price');

    await page.locator('input[name="deck-safe"]').check();
    await expect.poll(() => page.url()).toContain('topic=price&deck-safe=1');
    const safePrices = await shown(page);
    expect(safePrices.length).toBeLessThan(prices.length);
    for (const f of safePrices) expect(f.deckSafe, f.id).toBe('yes');
    expect(await page.locator('.fact-count').innerText()).toBe(`${safePrices.length} of ${all} facts shown`);

    await page.goBack();
    await expect.poll(() => page.locator('input[name="deck-safe"]').isChecked()).toBe(false);
    expect(await page.locator('select[name="topic"]').inputValue()).toBe('price');
    expect((await shown(page)).length).toBe(prices.length);
    await page.goBack();
    await expect.poll(() => page.locator('select[name="topic"]').inputValue()).toBe('');
    expect((await shown(page)).length).toBe(all);
    await page.goForward();
    await expect.poll(() => page.locator('select[name="topic"]').inputValue()).toBe('price');
    expect((await shown(page)).length).toBe(prices.length);
  });

  it('opens a shared link with its filters and sort, newest first', async () => {
    const page = await open('/facts/?topic=benchmark&sort=newest');
    await page.locator('form.fact-filters').waitFor();
    expect(await page.locator('select[name="topic"]').inputValue()).toBe('benchmark');
    expect(await page.locator('select[name="sort"]').inputValue()).toBe('newest');
    const list = await shown(page);
    expect(list.length).toBe(pitch().filter((f) => f.tags.includes('benchmark')).length);
    const dates = list.map((f) => f.date);
    expect(dates).toEqual([...dates].sort().reverse());
    // The page order (by id) is not what "newest" shows.
    const ids = list.map((f) => f.id);
    expect(ids).not.toEqual([...ids].sort());
  });

  it('sorts deck-safe facts first by default (most relevant)', async () => {
    const page = await open('/facts/');
    await page.locator('form.fact-filters').waitFor();
    const verdicts = (await shown(page)).map((f) => f.deckSafe);
    const firstUnsafe = verdicts.indexOf('no');
    expect(firstUnsafe).toBeGreaterThan(0);
    expect(verdicts.slice(firstUnsafe)).not.toContain('yes');
  });

  it('shows only facts about open-weights models when asked', async () => {
    const page = await open('/facts/?open-weights=1');
    await page.locator('form.fact-filters').waitFor();
    expect(await page.locator('input[name="open-weights"]').isChecked()).toBe(true);
    const list = await shown(page);
    const expected = pitch().filter((f) => f.subject.kind === 'model' && registry.models[f.subject.id!]?.kind === 'open-weights');
    expect(list.map((f) => f.id).sort()).toEqual(expected.map((f) => `fact-${f.id}`).sort());
    expect(list.length).toBeGreaterThan(0);
    await screenshot(page, 'facts-filtered');
    const phone = await open('/facts/?topic=price', { width: 390 });
    await phone.locator('form.fact-filters').waitFor();
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone, 'facts-filtered-390');
  });
});

describe('citations and cards', () => {
  it('copies the short citation (publisher, title, date, link; no commit hash) and downloads a slide', async () => {
    const page = await open('/facts/?topic=price&deck-safe=1');
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(h.server.url).origin });
    const item = page.locator('li.fact:visible').first();
    const id = (await item.getAttribute('id'))!.replace(/^fact-/, '');
    const fact = facts.find((f) => f.id === id)!;
    const expected = shortCitation(fact, registry.sources, deckSafety(fact, registry.sources, { today: TODAY() ?? new Date().toISOString().slice(0, 10) }));
    await item.getByRole('button', { name: 'Copy short citation' }).click();
    await expect.poll(() => item.getByRole('button', { name: 'Copied' }).count()).toBe(1);
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(expected);
    const source = registry.sources[fact.sources[0]!.source]!;
    expect(copied).toContain(source.publisher);
    expect(copied).toContain(source.title);
    if (source.url) expect(copied).toContain(source.url);
    // No document version (a commit) unless it is part of the link itself.
    if (source.version && !source.url?.includes(source.version)) expect(copied).not.toContain(source.version);
    expect(copied).not.toContain('retrieved');

    const [download] = await Promise.all([page.waitForEvent('download'), item.getByRole('link', { name: 'Slide 1920×1080' }).click()]);
    const png = readFileSync((await download.path())!);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
  });
});

describe('subject pages', () => {
  it('lists pitch facts first, field facts apart, and aliases as names without a verdict or card', async () => {
    const id = 'meta/llama-4-maverick-17b-128e-instruct';
    const page = await open(`/facts/model/${id}/`);
    const headings = await page.locator('cl-facts h2').allInnerTexts();
    expect(headings).toEqual(['Pitch facts', 'Model fields', 'Names and ids']);
    const pitchItems = page.locator('section[aria-labelledby="pitch"] li.fact');
    expect(await pitchItems.count()).toBe(pitch().filter((f) => f.subject.id === id).length);
    for (const origin of await pitchItems.evaluateAll((lis) => lis.map((li) => (li as HTMLElement).dataset.origin))) expect(origin).toBe('fact');
    // Field facts are share cards at most, never slides.
    expect(await page.locator('section[aria-labelledby="fields"] a[download]', { hasText: 'Slide' }).count()).toBe(0);
    expect(await page.locator('section[aria-labelledby="fields"] a[download]').count()).toBeGreaterThan(0);
    const names = page.locator('section[aria-labelledby="names"] li.fact');
    expect(await names.count()).toBe(1);
    expect(await names.locator('.badge.good, .badge.bad, [class*="status-"]').count()).toBe(0);
    expect(await names.locator('a[download]').count()).toBe(0);
    expect(await names.locator('.fact-ids code').allInnerTexts()).toEqual(registry.models[id]!.aliases);
    // A kind filter narrows to the model fields, and the empty sections hide.
    await page.locator('select[name="kind"]').selectOption('model');
    await expect.poll(() => page.locator('section[aria-labelledby="pitch"]').isVisible()).toBe(false);
    expect(page.url()).toContain('kind=model');
    await screenshot(page, 'facts-subject');
    const phone = await open(`/facts/model/${id}/`, { width: 390 });
    await screenshot(phone, 'facts-subject-390');
  });

  it('never makes a slide of an alias list or a field fact', () => {
    const cards = readdirSync(join(SITE_DIR, 'facts', 'cards'));
    const slides = cards.filter((c) => c.endsWith('.slide.png'));
    expect(slides.length).toBe(pitch().length);
    expect(facts.filter(isReferenceList).length).toBeGreaterThan(0);
    for (const f of facts.filter(isReferenceList)) expect(cards, f.id).not.toContain(cardFileName(f.id, 'og'));
    for (const f of pitch()) expect(cards, f.id).toContain(cardFileName(f.id, 'slide'));
  });
});

/** Every built HTML page's visible text (scripts, styles and tags removed). */
function pageTexts(): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir)) {
      const p = join(dir, e);
      if (statSync(p).isDirectory()) {
        if (e !== 'pagefind' && e !== 'node_modules') walk(p);
      } else if (e.endsWith('.html')) {
        const html = readFileSync(p, 'utf8').replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>/g, '');
        out.push({ file: p.slice(SITE_DIR.length), text: html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ') });
      }
    }
  };
  walk(SITE_DIR);
  return out;
}

describe('words on the pages', () => {
  it('shows no repository paths and no garbled generated labels on any page', () => {
    const pages = pageTexts();
    expect(pages.length).toBeGreaterThan(100);
    for (const { file, text } of pages) {
      expect(text, file).not.toMatch(/Held in|\bcontent\/(facts|models|licenses|providers|sources)\b|\bsrc\/(registry|facts|site)\b/);
      expect(text, file).not.toMatch(/\bNo no training clause\b|stored in prc\b|\bEea ch uk\b|\bBaa zdr\b/i);
    }
    const deepseek = pages.find((p) => p.file === '/licenses/deepseek-api-terms/index.html')!;
    expect(deepseek.text).toContain('Data stored in China');
  });
});

describe('search', () => {
  async function search(page: Page, term: string): Promise<string> {
    await page.locator('#search-input').fill(term);
    await expect.poll(() => page.locator('.search-status').innerText(), { timeout: 15_000 }).toMatch(/result|No results/);
    return page.locator('.search-status').innerText();
  }

  it('does not index placeholder rows ("Unknown — unknown")', async () => {
    const page = await open('/search/');
    await search(page, 'unknown');
    const excerpts = await page.locator('ol.search-results li > p:last-child').allInnerTexts();
    for (const e of excerpts) expect(e).not.toMatch(/Unknown\.?\s*—\s*unknown/i);
  });

  it('finds nothing for gibberish rather than hundreds of prefix matches', async () => {
    const page = await open('/search/');
    for (const term of ['xqzvbnm', 'asdf qwer']) expect(await search(page, term), term).toBe('No results.');
    // A real word still finds pages.
    expect(await search(page, 'retention')).toMatch(/^\d+ result/);
  });

  it('lands common terms on the right pages: GDPR and DPA on providers, SecNumCloud on a provider that records it, "Llama EU" on the EU exclusion', async () => {
    const page = await open('/search/');
    const pagesFound = async (term: string) => {
      await search(page, term);
      return page.locator('ol.search-results.pages h3 a').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    };
    for (const term of ['GDPR', 'DPA']) {
      const found = await pagesFound(term);
      expect(found.length, term).toBeGreaterThan(0);
      expect(found[0], term).toMatch(/^\/providers\/[^/]+\/$/);
    }
    const secnum = (await pagesFound('SecNumCloud'))[0]!;
    // A provider whose SecNumCloud row says something (a status, or sources on what is qualified), not a placeholder.
    const entry = registry.providers[secnum.split('/')[2]!]?.certifications.find((c) => c.name === 'secnumcloud');
    expect(entry !== undefined && (entry.status !== 'unknown' || entry.sources.length > 0), secnum).toBe(true);
    // A Llama license that excludes the EU is among the first three pages (Llama derivatives that discuss the
    // Llama terms at length can rank above it).
    const top = (await pagesFound('Llama EU')).slice(0, 3);
    const licenses = top.filter((p) => p.startsWith('/licenses/llama-')).map((p) => registry.licenses[p.split('/')[2]!]);
    expect(licenses.some((l) => l?.geo_exclusions.some((g) => g.regions.includes('EU'))), top.join(' ')).toBe(true);
  });

  it('counts each facet for the query, not for the whole site', async () => {
    const page = await open('/search/');
    await page.locator('.search-filters .facet-count').first().waitFor();
    const before = await page.locator('.search-filters input[name="type"][value="Fact"] + .facet-count, .search-filters label:has(input[name="type"][value="Fact"]) .facet-count').first().innerText();
    const status = await search(page, 'V4-Pro');
    const facts = Number(status.match(/(\d+) facts?/)?.[1] ?? status.match(/^(\d+)/)?.[1]);
    const after = await page.locator('.search-filters label:has(input[name="type"][value="Fact"]) .facet-count').innerText();
    expect(after).not.toBe(before);
    expect(after).toBe(`(${facts})`);
    await screenshot(page, 'search-facets');
  });
});
