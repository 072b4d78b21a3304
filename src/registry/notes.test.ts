/** Notes are content, not code: the note check refuses what MDX would run or render as markup (notes.ts). */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkNote, urlProblem } from './notes.ts';

const FRONT = '---\ntitle: T\ndescription: D\nupdated: 2026-11-22\n---\n\n';
const check = (body: string) => checkNote('content/notes/x.mdx', FRONT + body).map((f) => ({ code: f.code, line: f.line - 6, column: f.column }));

describe('checkNote', () => {
  it('accepts the shipped notes and the fixture note', () => {
    for (const dir of ['content/notes', 'src/site/__fixtures__/registry/notes']) {
      for (const name of readdirSync(dir).filter((n) => n.endsWith('.mdx'))) {
        expect(checkNote(`${dir}/${name}`, readFileSync(`${dir}/${name}`, 'utf8')), `${dir}/${name}`).toEqual([]);
      }
    }
  });

  it('accepts Markdown, the registry components with literal attributes, and code that shows markup', () => {
    expect(check('Text with [a link](https://example.com/x) and [a page](/sizing/#top), <Source id="a" where="§1" />.\n\n<ModelLink id="meta/x">Llama</ModelLink>\n\n`<script>{alert(1)}</script>` in code.\n\n```html\n<meta http-equiv="refresh" content="0;url=https://evil.example">\n```\n\nA literal \\{ brace.\n')).toEqual([]);
  });

  it('refuses import and export at their line', () => {
    expect(check('import X from "./x.js";\n\nexport const y = 1;\n')).toEqual([
      { code: 'note/esm', line: 1, column: 1 },
      { code: 'note/esm', line: 3, column: 1 },
    ]);
  });

  it('refuses expressions in text and in attributes, and spreads', () => {
    expect(check('Total {1 + 1}.\n<Source id={x} />\n<Status {...p} />\n').map((f) => f.code)).toEqual(['note/expression', 'note/expression', 'note/expression']);
    expect(check('Total {1 + 1}.')[0]).toMatchObject({ line: 1, column: 7 });
  });

  it('refuses raw <meta>, <script>, <iframe> and any other element, at the tag', () => {
    const found = check('Hi.\n\n<meta http-equiv="refresh" content="0;url=https://evil.example" />\n<script src="/x.js"></script>\n<iframe src="https://evil.example"></iframe>\n<div>x</div>\n');
    expect(found).toEqual([
      { code: 'note/element', line: 3, column: 1 },
      { code: 'note/element', line: 4, column: 1 },
      { code: 'note/element', line: 5, column: 1 },
      { code: 'note/element', line: 6, column: 1 },
    ]);
  });

  it('refuses on…= attributes and attributes a component does not take', () => {
    expect(check('<Source id="a" onClick="alert(1)" />\n<ModelLink id="m" href="/x" />\n').map((f) => [f.code, f.line])).toEqual([
      ['note/attribute', 1],
      ['note/attribute', 2],
    ]);
  });

  it('refuses non-http(s) links, however they are spelled', () => {
    const found = check('[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](java&#115;cript:alert(1)) [d](data:text/html,x) [e]( <vbscript:x> )\n\n[ref]: javascript:alert(1)\n![img](data:image/png;base64,AA)\n');
    expect(found.map((f) => f.code)).toEqual(Array(7).fill('note/url'));
    expect(found[0]).toMatchObject({ line: 1, column: 5 });
  });

  it('reads a URL the way a browser does', () => {
    expect(urlProblem('https://example.com')).toBeUndefined();
    expect(urlProblem('/models/')).toBeUndefined();
    expect(urlProblem('#x')).toBeUndefined();
    expect(urlProblem('java\tscript:alert(1)')).toMatch(/javascript:/);
    expect(urlProblem('&#x6A;avascript&colon;alert(1)')).toMatch(/javascript:/);
    expect(urlProblem('file:///etc/passwd')).toMatch(/file:/);
  });
});
