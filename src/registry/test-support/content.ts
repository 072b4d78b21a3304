/** The real registry (content/) for content tests, with lookups that say which file is missing. Tests only. */
import { loadRegistry } from '../load.ts';
import type { Registry } from '../registry.ts';
import type { License, Model } from '../schema/index.ts';
import type { Finding } from '../finding.ts';

const loaded = new Map<string, { registry: Registry; findings: Finding[] }>();

/** content/ loaded once per `today` (undefined: no date-dependent checks). */
export function contentRegistry(today?: string): { registry: Registry; findings: Finding[] } {
  const key = today ?? '';
  let entry = loaded.get(key);
  if (!entry) {
    entry = loadRegistry(new URL('../../../content/', import.meta.url).pathname, today === undefined ? {} : { today });
    loaded.set(key, entry);
  }
  return entry;
}

/** Lookups into a registry that fail with the missing file's path instead of an undefined later on. */
export function lookups(registry: Registry) {
  return {
    model(id: string): Model {
      const m = registry.models[id];
      if (!m) throw new Error(`content/models/${id}.yaml is missing`);
      return m;
    },
    license(id: string | undefined): License {
      const l = id === undefined ? undefined : registry.licenses[id];
      if (!l) throw new Error(`content/licenses/${String(id)}.yaml is missing`);
      return l;
    },
  };
}
