/** Suggestions: the banded edit distance equals the plain one, and the index finds what a full scan finds. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { closest, createSuggestIndex, editDistance } from './suggest.ts';

function plain(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

describe('editDistance', () => {
  it('is the Levenshtein distance, and with a bound says "more than max" exactly when it is', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', '-', '7'), maxLength: 14 });
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 6 }), (a, b, max) => {
        const d = plain(a, b);
        expect(editDistance(a, b)).toBe(d);
        expect(editDistance(a, b, max)).toBe(d <= max ? d : max + 1);
      }),
    );
  });
});

describe('createSuggestIndex', () => {
  const words = ['meta-llama/Llama-3.3-70B-Instruct', 'meta-llama/Llama-3.1-8B-Instruct', 'Qwen/Qwen2.5-72B-Instruct', 'mistralai/Mistral-Large-Instruct-2411', 'cohere/command-r-plus-08-2024', 'command-r-plus-08-2024', 'gpt-4o'];
  const index = createSuggestIndex(words);
  it('finds the near misses a full scan finds', () => {
    for (const probe of ['meta-llama/Llama-3.3-70B-Instruct-Turbo', 'qwen/qwen2.5-72b-instruct-awq', 'gpt-4o-mini', 'mistralai/mistral-large-instruct-2407']) {
      expect(index.nearest(probe, 3)).toEqual(closest(probe, words, 3));
    }
  });
  it('lists dated extensions of a stem, shortest first', () => {
    expect(index.extensions('command-r-plus', 3)).toEqual(['command-r-plus-08-2024', 'cohere/command-r-plus-08-2024'].filter((w) => w.startsWith('command-r-plus')));
    expect(index.extensions('gpt', 3)).toEqual([]);
  });
});
