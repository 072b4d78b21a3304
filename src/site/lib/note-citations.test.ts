import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load.ts';
import { Footnotes } from './footnotes.ts';
import { registerNoteCitations } from './note-citations.ts';

const { registry } = loadRegistry('src/site/__fixtures__/registry', { today: '2026-11-22' });

describe('note citations', () => {
  it('numbers <Source> and registry tables in reading order', () => {
    const notes = new Footnotes(registry);
    const body = 'A<Source id="mit-license" />. <RoutePrices id="meta/llama-3.3-70b-instruct" /> B<Source id="llama-3.3-license" where="§2" /> again<Source id="mit-license" />';
    registerNoteCitations(registry, body, notes);
    expect(notes.list().map((f) => [f.n, f.sourceId, f.where])).toEqual([
      [1, 'mit-license', undefined],
      [2, 'together-pricing', undefined],
      [3, 'llama-3.3-license', '§2'],
    ]);
  });
});
