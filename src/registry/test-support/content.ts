/** The real registry (content/) for content tests, with lookups that say which file is missing. Tests only. */
import { loadRegistry } from '../load.ts';
import type { Registry } from '../registry.ts';
import type { Architecture, License, Model, Precision } from '../schema/index.ts';
import type { Finding } from '../finding.ts';
import { sizeDeployment } from '../../sizing/plan.ts';

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
  const model = (id: string): Model => {
    const m = registry.models[id];
    if (!m) throw new Error(`content/models/${id}.yaml is missing`);
    return m;
  };
  const architecture = (id: string): Architecture => {
    const a = model(id).architecture;
    if (!a) throw new Error(`content/models/${id}.yaml has no architecture`);
    return a;
  };
  return {
    model,
    architecture,
    /** The sizing core for `id` on `gpus` × `gpu` (vLLM budget, 1000 in / 1000 out tokens), at `precision` or the native one. */
    size(id: string, gpu: string, gpus?: number, precision?: Precision) {
      const spec = registry.gpus[gpu];
      if (!spec) throw new Error(`content/gpus/${gpu}.yaml is missing`);
      return sizeDeployment({
        model: { id, name: model(id).name, architecture: architecture(id) },
        gpu: { ...spec, id: gpu },
        ...(precision ? { precision } : {}),
        ...(gpus ? { gpus } : {}),
        workload: { isl: 1000, osl: 1000 },
      });
    },
    license(id: string | undefined): License {
      const l = id === undefined ? undefined : registry.licenses[id];
      if (!l) throw new Error(`content/licenses/${String(id)}.yaml is missing`);
      return l;
    },
  };
}

/**
 * What is wrong with newly added entries: errors and warnings on their files, entries without an `architecture`
 * citation, and citations naming a source file that does not exist. Empty when all is well.
 */
export function architectureProblems({ registry, findings }: { registry: Registry; findings: Finding[] }, ids: readonly string[]): string[] {
  const { model } = lookups(registry);
  const files = new Set(ids.map((id) => `content/models/${id}.yaml`));
  const problems = findings
    .filter((f) => (f.severity === 'error' || f.severity === 'warning') && files.has(f.file))
    .map((f) => `${f.file}: ${f.code} ${f.message}`);
  for (const id of ids) {
    const cites = Object.entries(model(id).citations).filter(([field]) => field === 'architecture' || field.startsWith('architecture.'));
    if (cites.length === 0) problems.push(`${id}: no architecture citation`);
    for (const [field, c] of cites) for (const ref of c.sources) if (!registry.sources[ref.source]) problems.push(`${id} ${field} cites missing source ${ref.source}`);
  }
  return problems;
}
