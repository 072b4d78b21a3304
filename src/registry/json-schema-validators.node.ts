/**
 * Compiles the generated JSON Schemas into standalone ajv validator code (ESM), so the CLI validates with
 * ajv without paying ajv's compile time on every start. Written by `npm run schemas` next to the JSON
 * Schemas it came from; the drift test regenerates and compares it.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { GENERATED_NOTE } from './json-schema.ts';
import { validatorExportName } from './json-schema-names.ts';


export function renderStandaloneValidators(schemaTexts: Record<string, string>): string {
  const ajv = new Ajv2020({ strict: false, allErrors: false, code: { source: true, esm: true, lines: false } });
  (addFormats as unknown as (a: unknown) => void)(ajv);
  const exports: Record<string, string> = {};
  for (const [name, text] of Object.entries(schemaTexts)) {
    const schema = JSON.parse(text) as { $id: string };
    ajv.addSchema(schema);
    exports[validatorExportName(name)] = schema.$id;
  }
  const code: string = (standaloneCode as unknown as { default: (a: unknown, m: unknown) => string }).default(ajv, exports);
  // ajv emits require() for its runtime helpers even in ESM mode; createRequire keeps CommonJS semantics for
  // them in Node and in Vitest alike (default-import interop differs between the two).
  const prelude = `import { createRequire } from 'node:module';\nconst require = createRequire(import.meta.url);`;
  return `// ${GENERATED_NOTE}\n// @ts-nocheck\n${prelude}\n${code.replace(/^"use strict";/, '')}\n`;
}

/** The schemas `clearance lint` validates (a policy, a tiered router config), for generated/lint-validators.js. */
export function lintValidatorSchemas(schemaTexts: Record<string, string>): Record<string, string> {
  return Object.fromEntries(['policy', 'router-config'].map((name) => [name, schemaTexts[name]!]));
}

/** Type declarations for the generated module: one ajv ValidateFunction per schema. */
export function renderValidatorTypes(schemaTexts: Record<string, string>): string {
  const lines = Object.keys(schemaTexts).map((name) => `export declare const ${validatorExportName(name)}: ValidateFunction;`);
  return `// ${GENERATED_NOTE}\nimport type { ValidateFunction } from 'ajv';\n${lines.join('\n')}\n`;
}
