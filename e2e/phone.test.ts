/**
 * Every page of the built site at a 390px phone width: none may scroll sideways (wide tables scroll inside
 * their own box instead), and each page type is kept as a phone screenshot.
 */
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, startHarness, type Harness } from './browser.ts';
import { SITE_DIR } from './global-setup.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness(SITE_DIR);
});
afterAll(async () => {
  await h?.close();
});

/** Every HTML page of dist/ as a URL path (search index and JSON API excluded). */
function pages(dir = SITE_DIR): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (!name.startsWith('_') && !name.startsWith('.') && name !== 'pagefind' && name !== 'api') out.push(...pages(path));
    } else if (name === 'index.html') {
      const rel = relative(SITE_DIR, dir);
      out.push(rel ? `/${rel}/` : '/');
    }
  }
  return out.sort();
}

/** The page type: its first path segment, and whether it is the index or an entry. */
function kind(path: string): string {
  const parts = path.split('/').filter(Boolean);
  return parts.length <= 1 ? (parts[0] ?? 'home') : `${parts[0]}-entry`;
}

describe('at 390px', () => {
  it('no page scrolls sideways', async () => {
    const all = pages();
    expect(all.length).toBeGreaterThan(50);
    const page = await h.newPage({ width: 390 });
    const wide: string[] = [];
    const shot = new Set<string>();
    for (const path of all) {
      await page.goto(`${h.server.url}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) wide.push(`${path} (+${overflow}px)`);
      const k = kind(path);
      if (!shot.has(k)) {
        shot.add(k);
        await screenshot(page, `phone-${k}`);
      }
    }
    expect(wide).toEqual([]);
  }, 600_000);

  it('the models table keeps the model in view and shows the deciding columns until asked for all', async () => {
    const page = await h.newPage({ width: 390 });
    await page.goto(`${h.server.url}/models/`);
    const visibleHeaders = () => page.locator('table.models thead th').evaluateAll((ths) => ths.filter((th) => getComputedStyle(th).display !== 'none').map((th) => th.textContent?.trim()));
    expect(await visibleHeaders()).toEqual(['Model', 'License', 'Commercial use', 'MAU cap']);
    expect(await page.locator('table.models tbody th[scope=row]').first().evaluate((th) => getComputedStyle(th).position)).toBe('sticky');
    await page.locator('input.show-all-columns').check();
    expect((await visibleHeaders()).length).toBe(12);
    await screenshot(page, 'phone-models-all-columns');
    // On a wide screen every column shows and the switch is not offered.
    const wide = await h.newPage({ width: 1280 });
    await wide.goto(`${h.server.url}/models/`);
    expect(await wide.locator('table.models thead th').evaluateAll((ths) => ths.filter((th) => getComputedStyle(th).display !== 'none').length)).toBe(12);
    expect(await wide.locator('.models-columns').isVisible()).toBe(false);
  });
});
