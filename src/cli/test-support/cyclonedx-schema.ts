/** The official CycloneDX JSON schemas, as shipped by @cyclonedx/cyclonedx-library, compiled for tests. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { REPO_ROOT } from './run-cli.ts';

const require = createRequire(import.meta.url);

/** A validator for bom-<version>.SNAPSHOT.schema.json (draft-07, so the default ajv@8 handles it). */
export function cycloneDxValidator(version: '1.6' | '1.7'): ValidateFunction {
  // The library's exports map hides its schema folder from require.resolve; read it from node_modules.
  const schemaDir = `${REPO_ROOT}node_modules/@cyclonedx/cyclonedx-library/res/schema/`;
  const load = (name: string) => JSON.parse(readFileSync(`${schemaDir}${name}`, 'utf8'));
  const Ajv = require('ajv') as new (options: object) => { addSchema(schema: object, key?: string): void; addFormat(name: string, f: boolean): void; compile(schema: object): ValidateFunction };
  const addFormats = require('ajv-formats') as (ajv: object) => void;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  // Two formats the schemas use come from a draft-2019 plugin we do not need.
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  // The shipped copies refer to each other by file name; register them under those names.
  for (const name of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json', 'cryptography-defs.SNAPSHOT.schema.json']) {
    const { $id: _id, ...schema } = load(name);
    ajv.addSchema(schema, `http://cyclonedx.org/schema/${name}`);
  }
  return ajv.compile(load(`bom-${version}.SNAPSHOT.schema.json`));
}
