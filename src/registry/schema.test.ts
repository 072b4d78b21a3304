import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { renderJsonSchemas } from './json-schema.ts';
import { lintValidatorSchemas, renderStandaloneValidators } from './json-schema-validators.node.ts';
import { readContentFiles } from './load.ts';
import { entityOfPath } from './validate.ts';
import { parseYamlSource } from './yaml-source.ts';

const schemasDir = new URL('../../schemas/', import.meta.url);

describe('generated JSON Schemas', () => {
  it('match the zod schemas (run `npm run schemas` when this fails)', () => {
    for (const [name, text] of Object.entries(renderJsonSchemas())) {
      const committed = readFileSync(new URL(`${name}.schema.json`, schemasDir), 'utf8');
      expect(committed, `schemas/${name}.schema.json drifted from src/registry/schema`).toBe(text);
    }
  });

  it('compile to the committed standalone ajv validators', () => {
    const committed = readFileSync(new URL('./generated/validators.js', import.meta.url), 'utf8');
    expect(committed === renderStandaloneValidators(renderJsonSchemas()), 'src/registry/generated/validators.js drifted; run npm run schemas').toBe(true);
    const lint = readFileSync(new URL('./generated/lint-validators.js', import.meta.url), 'utf8');
    expect(lint === renderStandaloneValidators(lintValidatorSchemas(renderJsonSchemas())), 'src/registry/generated/lint-validators.js drifted; run npm run schemas').toBe(true);
  });

  it('are marked generated and use draft 2020-12', () => {
    for (const text of Object.values(renderJsonSchemas())) {
      const json = JSON.parse(text);
      expect(json.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(json.$comment).toMatch(/GENERATED/);
    }
  });

  it('accept every content/ file of their kind (the JSON Schema is faithful to zod)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    (addFormats as unknown as (a: unknown) => void)(ajv);
    const checked: string[] = [];
    for (const file of readContentFiles(new URL('../../content/', import.meta.url).pathname)) {
      const entity = entityOfPath(file.path);
      if (!entity || 'skip' in entity) continue;
      const schema = JSON.parse(readFileSync(new URL(`${entity.kind}.schema.json`, schemasDir), 'utf8'));
      const validate = ajv.getSchema(schema.$id) ?? ajv.compile(schema);
      const data = parseYamlSource(file.path, file.text).data;
      expect(validate(data), `${file.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
      checked.push(file.path);
    }
    expect(checked.length).toBeGreaterThan(0);
  });
});
