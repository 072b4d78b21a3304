/** Suggestions: the banded edit distance equals the plain one, the index finds what a full scan finds, and model ids read apart into sizes, versions and generations. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkpointDifferences, closest, createSuggestIndex, editDistance, readModelId } from './suggest.ts';

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

describe('readModelId', () => {
  // Realistic spellings: a family with its number, a size, a version suffix, decorations and a provider prefix.
  const family = fc.constantFrom(
    { name: 'Qwen', join: '' },
    { name: 'Llama-', join: '' },
    { name: 'EXAONE-', join: '' },
    { name: 'gemma-', join: '' },
    { name: 'Mistral-Small-', join: '' },
    { name: 'InternVL', join: '' },
  );
  const generation = fc.constantFrom('2', '2.5', '3', '3.3', '3.5', '4');
  const size = fc.constantFrom({ text: '4B', sizes: ['4b'] }, { text: '0.8B', sizes: ['0.8b'] }, { text: '2.4B', sizes: ['2.4b'] }, { text: '7.8B', sizes: ['7.8b'] }, { text: '8x7B', sizes: ['8x7b'] }, { text: '30B-A3B', sizes: ['30b', 'a3b'] }, { text: '135M', sizes: ['135m'] }, { text: '49B', sizes: ['49b'] });
  const version = fc.constantFrom('', 'v1', 'v1.5', 'v0.3', 'v2');
  const decoration = fc.constantFrom('', '-Instruct', '-AWQ', ':free', '-Instruct-2507', '-it-q4_K_M', '-FP8', '-Instruct-Turbo', '-08-2024');
  const prefix = fc.constantFrom('', 'openai/', 'ollama/', 'hosted_vllm/SomeOrg/', 'openrouter/vendor/', 'together_ai/');
  const id = fc.record({ family, generation, size, version, decoration, prefix });
  const spell = (p: { family: { name: string }; generation: string; size: { text: string }; version: string; decoration: string; prefix: string }) =>
    `${p.prefix}${p.family.name}${p.generation}-${p.size.text}${p.version ? `-${p.version}` : ''}${p.decoration}`;

  it('reads the family number as the generation, b/m numbers as sizes and v-numbers as versions, whatever decorates the id', () => {
    fc.assert(
      fc.property(id, (p) => {
        const r = readModelId(spell(p));
        expect(r.generations).toEqual([p.generation]);
        expect(r.sizes).toEqual(p.size.sizes);
        expect(r.versions).toEqual(p.version ? [p.version] : []);
      }),
    );
  });

  it('names exactly the one thing two spellings of a family differ in', () => {
    fc.assert(
      fc.property(id, generation, size, version, fc.constantFrom('generation', 'size', 'version') as fc.Arbitrary<'generation' | 'size' | 'version'>, (p, g, s, v, what) => {
        const other = what === 'generation' ? { ...p, generation: g } : what === 'size' ? { ...p, size: s } : { ...p, version: v };
        const differences = checkpointDifferences(readModelId(spell(p)), readModelId(spell(other)));
        const changed = what === 'generation' ? g !== p.generation : what === 'size' ? s.text !== p.size.text : v !== p.version && p.version !== '';
        // Their decorations may differ (another serving name of the same checkpoint): that is never a difference.
        // A spelling without a version is said to have none, not another one.
        const said = what === 'version' && v === '' ? 'no version in its name' : `a different ${what}`;
        expect(differences.map((d) => d.replace(/ \(.*/, ''))).toEqual(changed ? [said] : []);
      }),
    );
  });

  const diff = (ours: string, theirs: string) => checkpointDifferences(readModelId(ours), readModelId(theirs));

  it('tells a generation from a size from a version on the ids that real configs name', () => {
    expect(diff('Qwen/Qwen3-4B', 'Qwen/Qwen3.5-4B')).toEqual(['a different generation (3.5, not 3)']);
    expect(diff('openai/qwen3-4b-awq', 'Qwen/Qwen3-8B-AWQ')).toEqual(['a different size (8b, not 4b)']);
    expect(diff('openai/qwen3.5-4b-awq', 'Qwen/Qwen3-4B-AWQ')).toEqual(['a different generation (3, not 3.5)']);
    expect(diff('openai/EXAONE-3.5-2.4B-Instruct', 'lg/exaone-3.5-7.8b-instruct')).toEqual(['a different size (7.8b, not 2.4b)']);
    expect(diff('nvidia_nim/nvidia/llama-3.3-nemotron-super-49b-v1.5', 'nvidia/Llama-3_3-Nemotron-Super-49B-v1')).toEqual(['a different version (v1, not v1.5)']);
    expect(diff('ollama/qwen3.5:0.8b', 'ollama/qwen2.5:3b')).toEqual(['a different size (3b, not 0.8b)', 'a different generation (2.5, not 3.5)']);
    expect(diff('openai/OpenGVLab/InternVL2_5-4B-MPO-AWQ', 'OpenGVLab/InternVL2-8B-AWQ')).toEqual(['a different size (8b, not 4b)', 'a different generation (2, not 2.5)']);
    expect(diff('anthropic/claude-3-sonnet-20240229', 'anthropic/claude-3-5-sonnet-20240620')).toEqual(['a different generation (3.5, not 3)']);
    expect(diff('vertex_ai/claude-opus-4-8', 'claude-opus-4-7')).toEqual(['a different generation (4.7, not 4.8)']);
    expect(diff('gemini/gemini-3-flash', 'gemini/gemini-3.5-flash')).toEqual(['a different generation (3.5, not 3)']);
    expect(diff('openrouter/qwen/qwen3-coder:free', 'Qwen/Qwen3-1.7B')).toEqual(['not the coder variant']);
    expect(diff('kimi-k2.6', 'moonshotai/Kimi-K2.5')).toEqual(['a different generation (k2.5, not k2.6)']);
    expect(diff('gpt-4o-mini', 'gpt-4.1-mini')).toEqual(['a different generation (4.1, not 4o)']);
    expect(diff('claude-opus-4', 'claude-opus-4-0')).toEqual([]);
    // A dated id names no generation: it is not said to have another one.
    expect(diff('hosted_vllm/mistralai/Mistral-Medium-3.5', 'mistral/mistral-medium-2508')).toEqual(['no generation in its name (yours: 3.5)']);
  });

  it('leaves dates, build numbers, context lengths, quantization and Bedrock catalogue versions out', () => {
    expect(readModelId('bedrock/meta.llama3-1-70b-instruct-v1:0')).toEqual({ words: ['bedrock', 'meta', 'llama'], sizes: ['70b'], versions: [], generations: ['3.1'] });
    expect(readModelId('cohere/command-r-plus-08-2024')).toEqual({ words: ['cohere', 'command', 'r', 'plus'], sizes: [], versions: [], generations: [] });
    expect(readModelId('ollama/llama3.1:8b-instruct-q4_K_M')).toMatchObject({ sizes: ['8b'], versions: [], generations: ['3.1'] });
    expect(readModelId('gpt-3.5-turbo-16k-0613')).toMatchObject({ sizes: [], generations: ['3.5'] });
    expect(readModelId('gemma-3-1b-it')).toMatchObject({ sizes: ['1b'], generations: ['3'] });
    expect(readModelId('mistralai/Mixtral-8x7B-Instruct-v0.1')).toMatchObject({ words: ['mistralai', 'mixtral'], sizes: ['8x7b'], versions: ['v0.1'], generations: [] });
    expect(readModelId('gemini-2.0-flash-001')).toMatchObject({ generations: ['2.0'] });
    expect(readModelId('google/gemma-4-e2b-it')).toMatchObject({ sizes: ['e2b'], generations: ['4'] });
  });

  it('keeps the family words, decorations aside', () => {
    expect(readModelId('openrouter/qwen/qwen3-coder:free').words).toEqual(['openrouter', 'qwen', 'coder']);
    expect(readModelId('cerebras/gpt-oss-120b').words).toEqual(['cerebras', 'gpt', 'oss']);
    expect(readModelId('meta-llama/Llama-3.3-70B-Instruct-Turbo').words).toEqual(['meta', 'llama', 'turbo']);
  });
});

describe('createSuggestIndex.containing', () => {
  const words = ['Qwen/Qwen3-0.6B', 'Qwen/Qwen3-1.7B', 'Qwen/Qwen3-14B', 'Qwen/Qwen3-Coder-480B-A35B-Instruct', 'qwen3-coder-plus', 'Qwen/Qwen2.5-Coder-32B-Instruct', 'openai/gpt-oss-120b', 'azure_ai/gpt-oss-120b', 'openai/gpt-oss-20b'];
  const index = createSuggestIndex(words);
  it('finds every spelling with all the family words, however far its spelling is, shortest first', () => {
    expect(index.containing(['qwen', 'coder'], 10)).toEqual(['qwen3-coder-plus', 'Qwen/Qwen2.5-Coder-32B-Instruct', 'Qwen/Qwen3-Coder-480B-A35B-Instruct']);
    expect(index.containing(['gpt', 'oss'], 2)).toEqual(['openai/gpt-oss-20b', 'openai/gpt-oss-120b']);
    expect(index.containing(['qwen', 'vision'], 10)).toEqual([]);
    expect(index.containing([], 10)).toEqual([]);
  });
});
