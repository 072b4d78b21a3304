/**
 * The policy playground as a lawyer uses it: paste a config, set the organisation through the form, read the
 * per-route verdicts, export the report, share the config — and never lose what was pasted.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
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

const CONFIG = [
  '# our proxy',
  'model_list:',
  '  - model_name: answers',
  '    litellm_params:',
  '      model: hosted_vllm/CohereLabs/c4ai-command-r-plus-08-2024',
  '      api_base: http://gpu-box:8000/v1',
  '  - model_name: chat',
  '    litellm_params:',
  '      model: anthropic/claude-opus-4-7',
  '',
].join('\n');

async function playground(path = '/playground/'): Promise<Page> {
  const page = await h.newPage();
  await page.goto(`${h.server.url}${path}`);
  await page.locator('cl-playground:not([hidden])').waitFor();
  return page;
}

describe('policy playground', () => {
  it('keeps a pasted config when "Start from" changes, unless the user agrees to replace it', async () => {
    const page = await playground();
    const config = page.locator('textarea[name=config]');
    await config.fill(CONFIG);
    const seen: string[] = [];
    page.once('dialog', (d) => {
      seen.push(d.message());
      void d.dismiss();
    });
    // A keyboard user moving through the closed select fires "change" on every arrow key.
    await page.locator('select[name=example]').focus();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => seen.length).toBe(1);
    expect(seen[0]).toMatch(/^Replace the config you entered with/);
    expect(await config.inputValue()).toBe(CONFIG);
    expect(await page.locator('select[name=example]').inputValue()).toBe('');
    page.once('dialog', (d) => void d.accept());
    await page.locator('select[name=example]').selectOption('litellm');
    await expect.poll(() => config.inputValue()).not.toBe(CONFIG);
  });

  it('writes the organisation form into the policy and lints with Ctrl+Enter: a verdict per route, no CLI jargon', async () => {
    const page = await playground();
    await page.locator('textarea[name=config]').fill(CONFIG);
    await page.locator('button[name=preset-eu]').click();
    await page.locator('select[name=trains]').selectOption('false');
    const policy = await page.locator('textarea[name=policyText]').inputValue();
    expect(policy).toMatch(/domicile: DE/);
    expect(policy).toMatch(/monthly_active_users: 5000000/);
    expect(policy).toMatch(/trains_on_outputs: false/);
    expect(await page.locator('select[name=policy]').inputValue()).toBe('custom');
    // Thousands separators of another locale are read too; a decimal is refused, not misread.
    await page.locator('input[name=mau]').fill('5.000.000');
    await page.locator('input[name=mau]').dispatchEvent('change');
    expect(await page.locator('textarea[name=policyText]').inputValue()).toMatch(/monthly_active_users: 5000000/);
    await page.locator('input[name=mau]').fill('5.5');
    await page.locator('input[name=mau]').dispatchEvent('input');
    expect(await page.locator('input[name=mau]').getAttribute('aria-invalid')).toBe('true');
    await page.locator('input[name=mau]').fill('5,000,000');
    await page.locator('input[name=mau]').dispatchEvent('change');
    // Revenue: the whole company's, for licenses that end above a revenue.
    await page.locator('input[name=revenue]').fill('25,000,000');
    await page.locator('input[name=revenue]').dispatchEvent('change');
    expect(await page.locator('textarea[name=policyText]').inputValue()).toMatch(/annual_revenue_usd: 25000000/);

    await page.locator('textarea[name=config]').focus();
    await page.keyboard.press('Control+Enter');
    const rows = page.locator('.pg-route-table tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(await page.locator('.pg-route-table tr[data-verdict=fail]').innerText()).toContain('license/non-commercial');
    expect(await page.locator('.pg-route-table tr[data-verdict=pass]').innerText()).toContain('claude-opus');
    const summary = await page.locator('.pg-summary').innerText();
    expect(summary).toMatch(/^Fails: 1 error must be fixed or waived/);
    expect(summary).not.toMatch(/exit/i);
    await screenshot(page, 'playground-verdicts');
  });

  it('says when tier requirements did not apply because no route is tagged, and applies them on request', async () => {
    const page = await playground();
    await page.locator('select[name=policy]').selectOption('default');
    await page.locator('textarea[name=config]').fill(CONFIG);
    // The default policy requires EU hosting of tiers tagged sovereign; this config tags none.
    await page.locator('cl-playground button[type=submit]').click();
    const notice = page.locator('.pg-residency');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/no route in this config is tagged/);
    await notice.locator('button').click();
    await expect.poll(async () => page.locator('ol.findings li[data-code="tier/requirement"]').count()).toBeGreaterThan(0);
  });

  it('exports the report as Markdown, SARIF and JSON', async () => {
    const page = await playground();
    await page.locator('textarea[name=config]').fill(CONFIG);
    await page.locator('cl-playground button[type=submit]').click();
    await page.locator('.pg-export:not([hidden])').waitFor();
    for (const [format, file, check] of [
      ['markdown', 'clearance-report.md', (t: string) => expect(t).toContain('license/non-commercial')],
      ['sarif', 'clearance-report.sarif.json', (t: string) => expect(JSON.parse(t).version).toBe('2.1.0')],
      ['json', 'clearance-report.json', (t: string) => expect(JSON.parse(t).summary.errors).toBe(1)],
    ] as const) {
      const download = page.waitForEvent('download');
      await page.locator(`.pg-export button[data-format=${format}]`).click();
      const d = await download;
      expect(d.suggestedFilename()).toBe(file);
      check(readFileSync((await d.path())!, 'utf8'));
    }
  });

  it('shares the config in the URL fragment only, and opens it from there', async () => {
    const page = await playground();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('textarea[name=config]').fill(CONFIG);
    await page.locator('button[name=share]').click();
    await expect.poll(() => page.url()).toMatch(/#config=[A-Za-z0-9_-]+$/);
    const link = page.url();
    expect(new URL(link).search).toBe('');
    const before = h.requests.length;
    const other = await h.newPage();
    await other.goto(link);
    await other.locator('.pg-route-table tbody tr').first().waitFor();
    expect(await other.locator('textarea[name=config]').inputValue()).toBe(CONFIG);
    // The fragment never reaches the server: no request carries the config.
    expect(h.requests.slice(before).some((u) => u.includes('config='))).toBe(false);
    // A config too large for a link says so instead of writing a broken one.
    const big = `${CONFIG}${Array.from({ length: 4000 }, (_, i) => `# ${i.toString(36)}-${Math.random().toString(36)}`).join('\n')}`;
    await page.locator('textarea[name=config]').evaluate((area, text) => ((area as HTMLTextAreaElement).value = text), big);
    await page.locator('button[name=share]').click();
    await expect.poll(() => page.locator('.pg-share-status').innerText()).toMatch(/too large for a share link .* the limit is 16 KB/);
  });

  it("a rule page's example opens in the playground, linted", async () => {
    const page = await h.newPage();
    await page.goto(`${h.server.url}/rules/license/non-commercial/`);
    await page.locator('a', { hasText: 'Try this example in the policy playground' }).click();
    await page.locator('ol.findings li[data-code="license/non-commercial"]').waitFor();
    expect(await page.locator('textarea[name=config]').inputValue()).toContain('cohere/command-r-plus-08-2024');
  });

  it('says what the first lint downloads, and the registry arrives precompressed', async () => {
    const page = await playground();
    expect(await page.locator('.lede').innerText()).toMatch(/downloads the registry once: [\d,]+ KB compressed \([\d,]+ KB as JSON\)/);
    const res = await page.request.get(`${h.server.url}/api/registry.json`, { headers: { 'accept-encoding': 'br, gzip' } });
    expect(res.status()).toBe(200);
    expect(res.headers()['content-encoding']).toBe('br');
    expect(Object.keys((await res.json()).registry.models).length).toBeGreaterThan(100);
  });

  it('stays within a 390px phone screen', async () => {
    const page = await h.newPage({ width: 390 });
    await page.goto(`${h.server.url}/playground/`);
    await page.locator('textarea[name=config]').fill(CONFIG);
    await page.locator('cl-playground button[type=submit]').click();
    await page.locator('.pg-route-table').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await screenshot(page, 'playground-phone');
  });
});

describe('offline', () => {
  it('requested nothing outside localhost and logged no errors', () => {
    expect(h.external).toEqual([]);
    expect(h.errors).toEqual([]);
  });
});
