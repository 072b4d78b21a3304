import { describe, expect, it } from 'vitest';
import { readContentFiles } from './load.ts';
import { validateRegistry, type RegistryFile } from './validate.ts';

const okFiles = readContentFiles(new URL('./__fixtures__/ok/', import.meta.url).pathname);

/** The clean fixture with one file replaced or added. */
function withFile(path: string, text: string): RegistryFile[] {
  return [...okFiles.filter((f) => f.path !== path), { path, text }];
}
function edit(path: string, change: (text: string) => string): RegistryFile[] {
  const file = okFiles.find((f) => f.path === path)!;
  return withFile(path, change(file.text));
}
const codes = (files: RegistryFile[]) => validateRegistry(files, { today: '2026-11-22' }).findings.map((f) => f.code);
const MODEL = 'models/acme/acme-7b.yaml';

describe('validateRegistry', () => {
  it('accepts a clean registry and indexes entities by their path', () => {
    const result = validateRegistry(okFiles, { today: '2026-11-22' });
    expect(result.findings).toEqual([]);
    expect(Object.keys(result.registry.models)).toEqual(['acme/acme-7b']);
    expect(result.files['model:acme/acme-7b']).toBe(MODEL);
  });

  it('reports an unknown key at its own line and column', () => {
    const [f] = validateRegistry(edit(MODEL, (t) => t.replace('context_tokens: 32768', 'context_tokens: 32768\ncontext_token: 1')), {}).findings;
    expect(f).toMatchObject({ code: 'registry/unknown-key', line: 17, column: 1, path: 'context_token' });
  });

  it('reports a nested unknown key with its path', () => {
    const [f] = validateRegistry(edit(MODEL, (t) => t.replace('  layers: 32', '  layers: 32\n  layerz: 32')), {}).findings;
    expect(f).toMatchObject({ code: 'registry/unknown-key', path: 'architecture.layerz', column: 3 });
  });

  it('explains a wrong value with the message written beside the constraint', () => {
    const [f] = validateRegistry(edit(MODEL, (t) => t.replace('release_date: 2026-10-01', 'release_date: 01/10/2026')), {}).findings;
    expect(f).toMatchObject({ code: 'registry/invalid-value', path: 'release_date', line: 6 });
    expect(f!.message).toMatch(/YYYY-MM/);
  });

  it('reports a missing required field at the parent', () => {
    expect(codes(edit(MODEL, (t) => t.replace('family: acme\n', '')))).toEqual(['registry/missing-field']);
  });

  it('applies zod refinements JSON Schema cannot carry (open weights need their weights)', () => {
    const findings = validateRegistry(edit(MODEL, (t) => t.replace(/weights:\n.*\n.*\n/, '')), {}).findings;
    expect(findings.map((f) => [f.code, f.path])).toEqual([['registry/constraint', 'weights']]);
  });

  it('requires dates on deprecated and retired models', () => {
    expect(codes(edit(MODEL, (t) => t.replace('{ status: active }', '{ status: retired }')))).toContain('registry/constraint');
  });

  it('finds dangling references to licenses, vendors, models, providers and sources', () => {
    const files = edit(MODEL, (t) =>
      t
        .replace('license: acme-open', 'license: acme-opn')
        .replace('vendor: acme', 'vendor: acme-ai')
        .replace('lifecycle: { status: active }', 'lifecycle: { status: active }\nbase_model: { model: acme/acme-1b, relation: fine-tune }')
        .replace('source: acme-license-text }', 'source: acme-licence-text }'),
    );
    const findings = validateRegistry(files, {}).findings.filter((f) => f.code === 'registry/dangling-reference');
    expect(findings.map((f) => f.path).sort()).toEqual(['base_model.model', 'citations.license.sources[0].source', 'license', 'vendor']);
    expect(findings.find((f) => f.path === 'license')!.hint).toContain('did you mean "acme-open"');
  });

  it('refuses an alias claimed by two models', () => {
    const other = okFiles.find((f) => f.path === MODEL)!.text.replace('  - acme/acme-7b-instruct\n', '  - acme/other\n');
    const findings = validateRegistry(withFile('models/acme/other.yaml', other), {}).findings;
    expect(findings.map((f) => f.code)).toEqual(['registry/duplicate-alias']);
    expect(findings[0]!.message).toContain('ollama/acme:7b');
  });

  it('requires a citation for every claim-bearing field, and flags citations for absent fields', () => {
    expect(codes(edit(MODEL, (t) => t.replace(/  context_tokens: \{.*\n/, '')))).toEqual(['registry/uncited-claim']);
    expect(codes(edit(MODEL, (t) => t.replace('citations:\n', 'citations:\n  max_output_tokens: { status: unknown, sources: [] }\n')))).toEqual(['registry/orphan-citation']);
  });

  it('warns when "verified" rests only on secondary sources', () => {
    const files = [...okFiles, { path: 'sources/blog.yaml', text: '# yaml-language-server: $schema=../../schemas/source.schema.json\ntitle: A blog\nurl: https://example.org/b\npublisher: Someone\nkind: news\nretrieved: 2026-11-01\n' }];
    const changed = files.map((f) => (f.path === MODEL ? { ...f, text: f.text.replace('context_tokens: { status: verified, sources: [{ source: acme-model-card, where: config.json max_position_embeddings }] }', 'context_tokens: { status: verified, sources: [{ source: blog }] }') } : f));
    expect(codes(changed)).toEqual(['registry/status-overclaims']);
  });

  it('reports YAML syntax errors and duplicate keys with positions, and keeps going', () => {
    const files = [...okFiles, { path: 'vendors/bad.yaml', text: 'name: a\nname: b\n' }, { path: 'vendors/worse.yaml', text: 'name: [a\n' }];
    const findings = validateRegistry(files, {}).findings;
    expect(findings.map((f) => [f.code, f.file, f.line])).toEqual([
      ['yaml/duplicate-key', 'vendors/bad.yaml', 2],
      ['yaml/syntax', 'vendors/worse.yaml', 2],
    ]);
  });

  it('warns on stale entries, missing $schema comments and files outside the layout', () => {
    expect(validateRegistry(okFiles, { today: '2028-01-01' }).findings.every((f) => f.code === 'registry/stale-entry')).toBe(true);
    expect(codes(edit(MODEL, (t) => t.replace(/^# yaml-language-server.*\n/, '')))).toEqual(['registry/schema-comment']);
    expect(codes([...okFiles, { path: 'model/x.yaml', text: 'a: 1' }])).toEqual(['registry/unknown-file']);
  });

  it('never throws on hostile YAML', () => {
    const bomb = 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    expect(codes([...okFiles, { path: 'vendors/bomb.yaml', text: bomb }])).toEqual(['yaml/alias-limit']);
    expect(codes([...okFiles, { path: 'vendors/proto.yaml', text: '__proto__: { polluted: true }\n' }])).toEqual(['yaml/forbidden-key']);
    expect(codes([...okFiles, { path: 'vendors/list.yaml', text: '- a\n- b\n' }])).toContain('registry/invalid-value');
  });
});
