import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { withBase } from './base-links.ts';

describe('note links under a sub-path', () => {
  it('prefixes root-relative URLs with the base and leaves the others alone', () => {
    expect(withBase('/sizing/', '/clearance/')).toBe('/clearance/sizing/');
    expect(withBase('/sizing/', '/clearance')).toBe('/clearance/sizing/');
    expect(withBase('/clearance/sizing/', '/clearance/')).toBe('/clearance/sizing/');
    expect(withBase('/sizing/', '/')).toBe('/sizing/');
    for (const other of ['https://example.org/x', '//example.org/x', '#fn-1', 'sizing/', 'mailto:a@b.c']) expect(withBase(other, '/clearance/')).toBe(other);
  });
});

describe('the notes in content/notes', () => {
  it('write site links as Markdown, which get the base, not as HTML <a href="/…">, which would not', () => {
    const dir = fileURLToPath(new URL('../../../content/notes/', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.mdx'))) {
      const lines = readFileSync(join(dir, file), 'utf8').split('\n');
      const offending = lines.flatMap((line, i) => (/<a\s[^>]*href=["']\/(?!\/)/.test(line) ? [`content/notes/${file}:${i + 1}: use [text](/path/) instead of <a href="/path/">`] : []));
      expect(offending).toEqual([]);
    }
  });
});
