/**
 * Shared browser harness for the e2e tests: Debian's Chromium driven by playwright-core, the built site on an
 * ephemeral localhost port, and a record of every request so tests can prove nothing leaves localhost.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { serveStatic, type StaticServer } from '../scripts/serve-static.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

export interface Harness {
  browser: Browser;
  server: StaticServer;
  /** Every URL the browser requested, in order. */
  requests: string[];
  /** Requests to anything other than the local server (aborted, and a test failure). */
  external: string[];
  /** Console errors and page errors (a CSP violation shows up here). */
  errors: string[];
  newPage(options?: { javaScriptEnabled?: boolean; width?: number; colorScheme?: 'light' | 'dark' }): Promise<Page>;
  close(): Promise<void>;
}

/** Serves `siteDir` (under `base` for a site built with one) and starts Chromium. */
export async function startHarness(siteDir = join(ROOT, 'dist'), options: { base?: string } = {}): Promise<Harness> {
  const server = await serveStatic(siteDir, 0, options);
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const requests: string[] = [];
  const external: string[] = [];
  const errors: string[] = [];
  const contexts: BrowserContext[] = [];
  const origin = new URL(server.url).origin;
  const isLocal = (url: string) => url.startsWith(`${origin}/`) || url === origin || url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank';
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  return {
    browser,
    server,
    requests,
    external,
    errors,
    async newPage(options = {}) {
      const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 900 }, colorScheme: options.colorScheme ?? 'light' });
      contexts.push(context);
      // Anything not on the local server is recorded and aborted, so a leak fails the test instead of hanging offline.
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (isLocal(url)) return route.continue();
        external.push(url);
        return route.abort('blockedbyclient');
      });
      context.on('request', (r) => requests.push(r.url()));
      const page = await context.newPage();
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
      });
      page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
      return page;
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await server.close();
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}
