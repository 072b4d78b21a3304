import { describe, expect, it } from 'vitest';
import { checkHtml } from './build-site.ts';

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

  it('reads markup inside a quoted attribute value as text', () => {
    expect(problems('<button data-citation="Source: &quot;Card <script>alert(1)</script>&quot;">Copy</button>')).toEqual([]);
  });

  it('ignores JSON data blocks', () => {
    expect(problems('<script type="application/json">{"a":1}</script>')).toEqual([]);
  });
});
