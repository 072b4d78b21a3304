/**
 * Safe ids and safe lookups, shared by the registry, the policy engine, sizing and the CLI. Pure, no zod.
 *
 * Registry tables are keyed by ids that come from file names, config files and command-line flags. A plain
 * object answers `table["constructor"]` with Object's constructor and `table["__proto__"]` with its prototype,
 * so every table Clearance builds has a null prototype and every lookup goes through `own()`.
 */

/** Largest registry, config or policy file read (bytes); larger files are refused before they are read. */
export const MAX_FILE_BYTES = 5_000_000;

/** Largest registry bundle read: the whole registry in one file (the real one is under a megabyte). */
export const BUNDLE_MAX_BYTES = 10 * MAX_FILE_BYTES;

/** Longest id (model, alias, license, provider, GPU, source, fact, tier) accepted anywhere; longer is a located error. */
export const MAX_ID_LENGTH = 512;

/**
 * Names no id may take: every property of Object.prototype (`constructor`, `toString`, `__proto__`, …) and
 * `prototype`. Even with null-prototype tables, such an id would resolve to a function in any consumer that
 * indexes a plain object, so it is refused where it is written.
 */
export const RESERVED_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** True when `name` (or any "/"-separated segment of it) is a reserved name. */
export function isReservedName(name: string): boolean {
  if (RESERVED_NAMES.has(name)) return true;
  return name.includes('/') && name.split('/').some((segment) => RESERVED_NAMES.has(segment));
}

/** What is wrong with an id, in words, or undefined when it is acceptable as a key (length and reserved names only). */
export function idProblem(id: string): string | undefined {
  if (id.length > MAX_ID_LENGTH) return `the id is ${id.length} characters long; the limit is ${MAX_ID_LENGTH}`;
  if (isReservedName(id)) return `"${id}" is a reserved name (a property of every JavaScript object) and cannot be an id`;
  return undefined;
}

/** The entry an id names, only when the table itself holds it (never an inherited property). */
export function own<T>(table: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(table, id) ? table[id] : undefined;
}

/** Whether the table itself holds `id`. */
export function hasOwnId(table: object, id: string): boolean {
  return Object.hasOwn(table, id);
}

/** A record with no prototype, optionally filled from entries: lookups of prototype names find nothing. */
export function nullRecord<T>(entries: Iterable<readonly [string, T]> = []): Record<string, T> {
  const out = Object.create(null) as Record<string, T>;
  for (const [key, value] of entries) out[key] = value;
  return out;
}
