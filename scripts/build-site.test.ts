import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildStampPath, checkHidden, checkHtml, checkLinks, checkNotes, factRecordHtml, siteBase } from './build-site.ts';

const problems = (html: string) => checkHtml('page.html', html).map((p) => p.problem);

describe('built output checks', () => {
  it('accepts bundled module scripts, stylesheets and external links', () => {
    expect(problems('<link rel="stylesheet" href="/_astro/a.css"><script type="module" src="/_astro/a.js"></script><a href="https://example.org/LICENSE">text</a>')).toEqual([]);
  });

  it('rejects inline scripts, styles and event handlers the CSP would block', () => {
    expect(problems('<script>alert(1)</script>')).toHaveLength(1);
    expect(problems('<style>p{}</style>')).toHaveLength(1);
    expect(problems('<p style="color:red">x</p>')).toHaveLength(1);
    expect(problems('<img src="/a.png" onerror="x()">')).toHaveLength(1);
  });

  it('rejects resources loaded from another host', () => {
    expect(problems('<script type="module" src="https://cdn.example/x.js"></script>')[0]).toContain('another host');
    expect(problems('<link rel="stylesheet" href="//fonts.example/css">')[0]).toContain('another host');
    expect(problems('<img src="https://example.org/x.png">')[0]).toContain('another host');
  });

  it('rejects a meta refresh on any page, however it is spelled (a CSP cannot stop one)', () => {
    expect(problems('<meta http-equiv="refresh" content="0;url=https://evil.example">')[0]).toContain('refresh');
    expect(problems("<META HTTP-EQUIV='Refresh' CONTENT='0'>")[0]).toContain('refresh');
    expect(problems('<meta http-equiv=refresh content=0>')[0]).toContain('refresh');
    expect(problems('<meta name="description" content="refresh your models">')).toEqual([]);
  });

  it('keeps the build stamp outside the published output, and refuses any hidden file or directory in it', () => {
    expect(buildStampPath('/x/dist')).not.toContain('/x/dist');
    expect(buildStampPath('/x/dist')).toContain('node_modules/.cache/');
    const out = mkdtempSync(join(tmpdir(), 'clearance-hidden-'));
    writeFileSync(join(out, 'index.html'), '<h1>x</h1>');
    expect(checkHidden(out)).toEqual([]);
    writeFileSync(join(out, '.clearance-build.json'), '{}');
    mkdirSync(join(out, 'node_modules', '.cache'), { recursive: true });
    expect(checkHidden(out).map((p) => p.file).sort()).toEqual(['.clearance-build.json', join('node_modules', '.cache')]);
  });

  it('reads markup inside a quoted attribute value as text', () => {
    expect(problems('<button data-citation="Source: &quot;Card <script>alert(1)</script>&quot;">Copy</button>')).toEqual([]);
  });

  it('ignores JSON data blocks', () => {
    expect(problems('<script type="application/json">{"a":1}</script>')).toEqual([]);
  });
});

describe('links between built pages', () => {
  const site = mkdtempSync(join(tmpdir(), 'clearance-links-'));
  const write = (path: string, html: string) => {
    mkdirSync(join(site, path, '..'), { recursive: true });
    writeFileSync(join(site, path), html);
  };

  it('accepts links that reach a page (and its anchor) under the base', () => {
    write('index.html', '<a href="/clearance/models/x/#traps">x</a><a href="#top" id="top">top</a><a href="/clearance/compare/?models=a,b">c</a><cl-search data-bundle="/clearance/pagefind/"></cl-search>');
    write('models/x/index.html', '<h2 id="traps">Traps</h2>');
    write('compare/index.html', '<h1>compare</h1>');
    expect(checkLinks(site, '/clearance/')).toEqual([]);
  });

  it('reports links that ignore the base, reach nothing, or name a missing anchor', () => {
    write('index.html', '<a href="/models/x/">no base</a><a href="/clearance/models/y/">missing</a><a href="/clearance/models/x/#nope">anchor</a><a href="#gone">here</a><span data-api="/api/"></span>');
    write('models/x/index.html', '<h2 id="traps">Traps</h2>');
    const problems = checkLinks(site, '/clearance/').map((p) => p.problem);
    expect(problems).toHaveLength(5);
    expect(problems.filter((p) => p.includes('ignores the site base'))).toHaveLength(2);
    expect(problems.some((p) => p.includes('points at nothing'))).toBe(true);
    expect(problems.some((p) => p.includes('no element with id "nope"'))).toBe(true);
    expect(problems.some((p) => p.includes('#gone'))).toBe(true);
  });

  it('normalizes the hosting sub-path and refuses what is not a path', () => {
    expect(siteBase('')).toBe('/');
    expect(siteBase('/')).toBe('/');
    expect(siteBase('clearance')).toBe('/clearance/');
    expect(siteBase('/tools/clearance/')).toBe('/tools/clearance/');
    expect(() => siteBase('https://x.example/')).toThrow(/URL path/);
    expect(() => siteBase('/a/../b/')).toThrow(/URL path/);
  });
});

describe('fact search records', () => {
  const fact = { id: 'x', statement: 'A <b>bold</b> claim', value: 0.55, unit: 'USD', subject: { name: 'Model <i>' }, status: 'unknown', deck_safe: false, why_not: [{ message: 'no source' }], caveats: [], circulated_as: null, url: '/facts/market/#fact-x' };

  it('carries the fact as text, its verdict as the deck-safe filter, and never its markup', () => {
    const html = factRecordHtml(fact);
    expect(html).toContain('<span data-pagefind-filter="deck-safe">No</span>');
    expect(html).toContain('<span data-pagefind-filter="type">Fact</span>');
    expect(html).toContain('<span data-pagefind-meta="title">A &lt;b&gt;bold&lt;/b&gt; claim</span>');
    expect(html).toContain('<p>Not deck-safe: no source.</p>');
    expect(html).not.toContain('<b>');
    expect(factRecordHtml({ ...fact, deck_safe: true })).toContain('<span data-pagefind-filter="deck-safe">Yes</span>');
  });
});

describe('fact search record titles', () => {
  it('cuts a long statement at a word for the title and keeps it whole in the text', () => {
    const statement = `Model X: aliases is ${'some-provider/some-model-id, '.repeat(12)}end.`;
    const html = factRecordHtml({ id: 'x', statement, value: null, unit: null, subject: { name: 'Model X' }, status: 'verified', deck_safe: true, why_not: [], caveats: [], circulated_as: null, url: '/facts/model/x/#fact-x' });
    const title = /data-pagefind-meta="title">([^<]*)</.exec(html)![1]!;
    expect(title.length).toBeLessThanOrEqual(160);
    expect(title.endsWith('…')).toBe(true);
    expect(html).toContain(`<p>${statement}</p>`);
  });
});

describe('notes before the build', () => {
  it('fails on code and markup in a note, with file:line:col, and passes the shipped notes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearance-notes-'));
    writeFileSync(join(dir, 'ok.mdx'), '---\ntitle: T\ndescription: D\nupdated: 2026-11-22\n---\n\nPlain [text](https://example.com).\n');
    writeFileSync(join(dir, 'bad.mdx'), '---\ntitle: T\ndescription: D\nupdated: 2026-11-22\n---\n\nimport X from "x";\n\n<meta http-equiv="refresh" content="0;url=https://evil.example" />\n');
    const lines = await checkNotes(dir);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/bad\.mdx:7:1  error  note\/esm/);
    expect(lines[1]).toMatch(/bad\.mdx:9:1  error  note\/element/);
    expect(await checkNotes(new URL('../content/notes', import.meta.url).pathname)).toEqual([]);
  });
});
