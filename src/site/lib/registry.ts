/**
 * Build-time access to the registry for every page. Loads once per build through the registry's own loader,
 * so the site and `clearance validate` agree on what is valid. CLEARANCE_REGISTRY picks a content/ tree or a
 * bundle JSON (bench-site builds a synthetic registry that way); the default is ./content.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { countFindings, parseYamlSource, RouterConfigSchema, type Finding, type Registry, type RouterConfig } from '../../registry/index.ts';
import { loadRegistry } from '../../registry/load.ts';
import { lifecycleAsOf } from '../../registry/lifecycle.ts';

/** The registry path the build reads. */
export function registryPath(): string {
  return resolve(process.env.CLEARANCE_REGISTRY ?? 'content');
}

/** Build date for staleness wording; CLEARANCE_TODAY makes builds reproducible. */
export function buildDate(): string {
  return process.env.CLEARANCE_TODAY ?? new Date().toISOString().slice(0, 10);
}

export interface SiteRegistry {
  /** The registry as of the build date: a model or route whose announced retirement has passed reads "retired". */
  registry: Registry;
  /** The registry exactly as validated, for the JSON bundle `clearance --registry` accepts. */
  raw: Registry;
  /** Findings the loader reported (warnings and infos only: errors fail the build). */
  findings: Finding[];
  path: string;
}

let cached: SiteRegistry | undefined;

/**
 * The registry, loaded once. Fails the build (closed) when the registry has errors: the site must never
 * publish data `clearance validate` rejects.
 */
export function getRegistry(): SiteRegistry {
  if (cached) return cached;
  const path = registryPath();
  const loaded = loadRegistry(path, { today: buildDate() });
  const errors = loaded.findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const shown = errors.slice(0, 20).map((f) => `  ${f.file}:${f.line}:${f.column}  ${f.code}  ${f.message}`);
    const more = errors.length > shown.length ? `\n  … and ${errors.length - shown.length} more` : '';
    throw new Error(
      `The registry at ${path} has ${countFindings(errors).errors} error(s); the site is not built from invalid data.\n${shown.join('\n')}${more}\nRun "npx clearance validate --registry ${path}" for details and fixes.`,
    );
  }
  cached = { registry: asOfBuildDate(loaded.registry, buildDate()), raw: loaded.registry, findings: loaded.findings, path };
  return cached;
}

/** Every lifecycle (models' and routes') restated as of the build date, so no page calls a retired model active. */
function asOfBuildDate(registry: Registry, today: string): Registry {
  const models: Registry['models'] = Object.create(null);
  for (const [id, model] of Object.entries(registry.models)) {
    models[id] = {
      ...model,
      lifecycle: lifecycleAsOf(model.lifecycle, today),
      ...(model.routes ? { routes: model.routes.map((r) => (r.lifecycle ? { ...r, lifecycle: lifecycleAsOf(r.lifecycle, today) } : r)) } : {}),
    };
  }
  return { ...registry, models };
}

/**
 * Folder holding the registry's non-entity files (routers/, policies/, notes/): the content tree itself, or
 * ./content when the registry is a bundle JSON.
 */
export function contentDir(): string {
  const path = registryPath();
  return statSync(path).isDirectory() ? path : resolve('content');
}

/** Reads a YAML file from content/<folder>/<name>.yaml, or undefined when it does not exist. */
export function readContentText(folder: string, name: string): { file: string; text: string } | undefined {
  const file = join(contentDir(), folder, `${name}.yaml`);
  return existsSync(file) ? { file, text: readFileSync(file, 'utf8') } : undefined;
}

/** A router config from content/routers, validated; throws (fails the build) when it is invalid. */
export function readRouterConfig(name: string): { file: string; text: string; config: RouterConfig } | undefined {
  const found = readContentText('routers', name);
  if (!found) return undefined;
  const source = parseYamlSource(found.file, found.text);
  const parsed = RouterConfigSchema.safeParse(source.data);
  if (source.findings.length > 0 || !parsed.success) {
    throw new Error(`${found.file} is not a valid router config: ${source.findings[0]?.message ?? (parsed.success ? '' : parsed.error.issues[0]?.message)}`);
  }
  return { ...found, config: parsed.data };
}


/** Names (without .yaml) of the files in content/<folder>, sorted; empty when the folder does not exist. */
export function listContentFiles(folder: string): string[] {
  const dir = join(contentDir(), folder);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}
