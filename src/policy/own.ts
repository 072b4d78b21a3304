/**
 * Own-property lookups for registry tables and every other string-keyed table the engine reads. A config, a
 * policy or a registry file may name `constructor`, `__proto__` or `toString`; a plain `table[key]` would find
 * Object.prototype's member and treat it as an entry. These never do.
 */
export function own<T>(table: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}
