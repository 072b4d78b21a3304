/** YAML merge keys, as LiteLLM's `yaml.safe_load` applies them: merged, located at the anchor, overridden in place. */
import { describe, expect, it } from 'vitest';
import { parseYamlSource } from './yaml-source.ts';

describe('YAML merge keys', () => {
  const text = 'base: &base\n  model: a/b\n  tags: [x]\nmore: &more\n  region: eu\nentry:\n  <<: [*base, *more]\n  tags: [y]\n';
  const source = parseYamlSource('f.yaml', text);

  it('merges one anchor or a list of them; a key written in place wins', () => {
    expect(source.findings).toEqual([]);
    expect((source.data as Record<string, unknown>).entry).toEqual({ model: 'a/b', region: 'eu', tags: ['y'] });
  });

  it('locates a merged value where its anchor writes it, and an overriding value in place', () => {
    expect(source.locate(['entry', 'model'])).toEqual({ line: 2, column: 3 });
    expect(source.locate(['entry', 'region'])).toEqual({ line: 5, column: 3 });
    expect(source.locate(['entry', 'tags'])).toEqual({ line: 8, column: 3 });
  });

  it('still refuses prototype keys inside an anchor', () => {
    expect(parseYamlSource('f.yaml', 'a: &a\n  constructor: 1\nb:\n  <<: *a\n').findings.map((f) => f.code)).toEqual(['yaml/forbidden-key']);
  });
});
