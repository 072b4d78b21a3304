/**
 * Prototype names (`constructor`, `__proto__`, `toString`, …) as ids, references and keys in registry files,
 * and in bundles: none may crash the validator or resolve to a JavaScript built-in. Ids are refused where they
 * are written; references to them are dangling; tables have no prototype.
 */
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { MAX_ID_LENGTH, RESERVED_NAMES } from './ids.ts';
import { parseBundle, readContentFiles } from './load.ts';
import { toBundle } from './registry.ts';
import { validateRegistry, type RegistryFile } from './validate.ts';

const okFiles = readContentFiles(new URL('./__fixtures__/ok/', import.meta.url).pathname);
const PROTO = [...RESERVED_NAMES];
const MODEL = 'models/acme/acme-7b.yaml';
const errors = (files: RegistryFile[]) => validateRegistry(files, { today: '2026-11-22' }).findings.filter((f) => f.severity === 'error');
const withFile = (path: string, text: string) => [...okFiles.filter((f) => f.path !== path), { path, text }];
const editModel = (change: (t: string) => string) => withFile(MODEL, change(okFiles.find((f) => f.path === MODEL)!.text));

describe('prototype names in registry files', () => {
  it('refuses a file whose id is a prototype name, at the file', () => {
    const source = okFiles.find((f) => f.path === 'sources/acme-model-card.yaml')!;
    for (const id of ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty']) {
      const files = [...okFiles, { path: `sources/${id}.yaml`, text: source.text }];
      const result = validateRegistry(files, { today: '2026-11-22' });
      expect(result.findings.filter((f) => f.code === 'registry/invalid-id').map((f) => [f.file, f.line]), id).toEqual([[`sources/${id}.yaml`, 1]]);
      // Nothing reached the table's prototype.
      expect(Object.getPrototypeOf(result.registry.sources)).toBeNull();
      expect(Object.keys(result.registry.sources).sort()).toEqual(['acme-license-text', 'acme-model-card']);
    }
    expect(errors([...okFiles, { path: 'models/constructor/x.yaml', text: okFiles.find((f) => f.path === MODEL)!.text }]).map((f) => f.code)).toContain('registry/invalid-id');
  });

  it('reports `license: constructor` in a model file as an error at the key, never as resolved', () => {
    const found = errors(editModel((t) => t.replace('license: acme-open', 'license: constructor')));
    expect(found.map((f) => [f.code, f.path, f.line])).toEqual([['registry/invalid-value', 'license', 8]]);
    expect(found[0]!.message).toMatch(/reserved/);
  });

  it('refuses ids longer than the limit, located', () => {
    const long = 'a'.repeat(MAX_ID_LENGTH + 1);
    expect(errors([...okFiles, { path: `sources/${long}.yaml`, text: '' }]).map((f) => f.code)).toEqual(['registry/invalid-id']);
    const found = errors(editModel((t) => t.replace('vendor: acme', `vendor: ${long}`)));
    expect(found.map((f) => [f.code, f.path, f.line])).toEqual([['registry/invalid-value', 'vendor', 3]]);
    expect(errors(editModel((t) => t.replace('  - ollama/acme:7b', `  - ${'x'.repeat(MAX_ID_LENGTH + 1)}`))).map((f) => [f.code, f.path])).toEqual([['registry/invalid-value', 'aliases[1]']]);
  });

  it('property: a prototype name in any reference or id of any entity is an error, never a crash or a pass', () => {
    const references: [string, (t: string, p: string) => string][] = [
      [MODEL, (t, p) => t.replace('vendor: acme', `vendor: "${p}"`)],
      [MODEL, (t, p) => t.replace('license: acme-open', `license: "${p}"`)],
      [MODEL, (t, p) => t.replace('lifecycle: { status: active }', `lifecycle: { status: active }\nbase_model: { model: "acme/${p}", relation: fine-tune }`)],
      [MODEL, (t, p) => t.replace('source: acme-license-text', `source: "${p}"`)],
      [MODEL, (t, p) => t.replace('lifecycle: { status: active }', `lifecycle: { status: active }\nroutes: [{ provider: "${p}", access: api, model_id: x, status: unknown, sources: [] }]`)],
      ['licenses/acme-open.yaml', (t, p) => t.replace(/^vendor: .*$/m, `vendor: "${p}"`)],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...PROTO), fc.integer({ min: 0, max: references.length - 1 }), (name, r) => {
        const [path, change] = references[r]!;
        const original = okFiles.find((f) => f.path === path)!.text;
        const text = change(original, name);
        if (text === original) return; // this file has no such field
        const result = validateRegistry(withFile(path, text), { today: '2026-11-22' });
        expect(result.findings.some((f) => f.severity === 'error'), `${path} with ${name}`).toBe(true);
        for (const table of Object.values(result.registry)) expect(table[name]).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('property: a prototype name as any key or any scalar of any file never crashes, and never resolves', () => {
    const scalarPaths = (node: unknown, path: (string | number)[] = []): (string | number)[][] =>
      Array.isArray(node)
        ? node.flatMap((v, i) => scalarPaths(v, [...path, i]))
        : node !== null && typeof node === 'object'
          ? Object.entries(node).flatMap(([k, v]) => scalarPaths(v, [...path, k]))
          : [path];
    const entities = okFiles.map((f) => ({ file: f, data: parse(f.text) as unknown, paths: scalarPaths(parse(f.text)) }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: entities.length - 1 }), fc.nat(), fc.constantFrom(...PROTO), fc.boolean(), (e, p, name, asKey) => {
        const { file, data, paths } = entities[e]!;
        const path = paths[p % paths.length]!;
        const copy = structuredClone(data) as Record<string, unknown>;
        let parent: any = copy;
        for (const seg of path.slice(0, -1)) parent = parent[seg];
        const last = path[path.length - 1]!;
        const keyed = asKey && !Array.isArray(parent);
        if (keyed) {
          // The key as YAML text: `constructor: …` (JSON keeps a "__proto__" key an own property).
          const value = parent[last];
          delete parent[last];
          Object.defineProperty(parent, name, { value, enumerable: true, configurable: true, writable: true });
        } else parent[last] = name;
        const text = `${file.text.split('\n', 1)[0]}\n${JSON.stringify(copy)}\n`;
        const result = validateRegistry(withFile(file.path, text), { today: '2026-11-22' });
        for (const table of Object.values(result.registry)) {
          expect(Object.getPrototypeOf(table)).toBeNull();
          expect(table[name]).toBeUndefined();
        }
        if (keyed && ['__proto__', 'constructor', 'prototype'].includes(name)) expect(result.findings.map((f) => f.code)).toContain('yaml/forbidden-key');
      }),
      { numRuns: 400 },
    );
  });
});

describe('bundles are checked like content trees', () => {
  const { registry } = validateRegistry(okFiles, { today: '2026-11-22' });
  const bundleText = (change: (b: any) => void) => {
    const bundle = JSON.parse(JSON.stringify(toBundle(registry)));
    change(bundle);
    return JSON.stringify(bundle, null, 1);
  };

  it('accepts the bundle of a clean registry, with null-prototype tables', () => {
    const result = parseBundle('b.json', bundleText(() => {}));
    expect(result.findings).toEqual([]);
    expect(Object.getPrototypeOf(result.registry.models)).toBeNull();
  });

  it('finds a dangling reference and a duplicate alias, located in the bundle', () => {
    const text = bundleText((b) => {
      b.registry.models['acme/acme-7b'].license = 'acme-gone';
      b.registry.models['acme/acme-8b'] = { ...b.registry.models['acme/acme-7b'], license: 'acme-open', name: 'Acme 8B' };
    });
    const found = parseBundle('b.json', text).findings.filter((f) => f.severity === 'error');
    expect(found.map((f) => [f.code, f.path])).toEqual([
      ['registry/dangling-reference', 'registry.models.acme/acme-7b.license'],
      ['registry/duplicate-alias', 'registry.models.acme/acme-8b.aliases[0]'],
      ['registry/duplicate-alias', 'registry.models.acme/acme-8b.aliases[1]'],
    ]);
    const line = text.split('\n').findIndex((l) => l.includes('"license": "acme-gone"')) + 1;
    expect(found[0]!.line).toBe(line);
  });

  it('refuses a prototype-named or over-long id in a bundle, and an empty bundle', () => {
    for (const change of [
      (b: any) => (b.registry.licenses['constructor'] = b.registry.licenses['acme-open']),
      (b: any) => (b.registry.sources['x'.repeat(MAX_ID_LENGTH + 1)] = b.registry.sources['acme-model-card']),
    ]) {
      expect(parseBundle('b.json', bundleText(change)).findings.map((f) => f.code)).toEqual(['registry/invalid-bundle']);
    }
    // JSON.parse keeps "__proto__" as an own key; written by hand, it must be refused the same way.
    const raw = bundleText(() => {}).replace('"sources": {', '"sources": {\n  "__proto__": {"title": "x"},');
    expect(parseBundle('b.json', raw).findings.map((f) => f.code)).toEqual(['registry/invalid-bundle']);
    const empty = JSON.stringify({ format: 'clearance-registry-bundle', version: 1, counts: {}, registry: { models: {}, licenses: {}, vendors: {}, providers: {}, gpus: {}, sources: {}, facts: {} } });
    expect(parseBundle('b.json', empty).findings.map((f) => f.code)).toEqual(['registry/empty']);
  });

  it('calls an empty content tree an error', () => {
    expect(validateRegistry([]).findings.map((f) => f.code)).toEqual(['registry/empty']);
  });
});
