/** Public surface of the registry core (pure). The fs loader is imported separately from ./load.ts. */
export * from './schema/index.ts';
export * from './registry.ts';
export * from './finding.ts';
export * from './codes.ts';
export * from './ids.ts';
export { parseYamlSource, type YamlSource, type DataPath } from './yaml-source.ts';
export { closest, suggest, editDistance } from './suggest.ts';
// validate.ts (ajv) and load.ts (fs) are imported directly by Node shells, keeping this surface browser-light.
