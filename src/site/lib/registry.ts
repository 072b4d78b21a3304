/**
 * Build-time access to the registry for every page. Loads once per build through the registry's own loader,
 * so the site and `clearance validate` agree on what is valid. CLEARANCE_REGISTRY picks a content/ tree or a
 * bundle JSON (bench-site builds a synthetic registry that way); the default is ./content.
 */
import { resolve } from 'node:path';
import { countFindings, type Finding, type Registry } from '../../registry/index.ts';
import { loadRegistry } from '../../registry/load.ts';

/** The registry path the build reads. */
export function registryPath(): string {
  return resolve(process.env.CLEARANCE_REGISTRY ?? 'content');
}

/** Build date for staleness wording; CLEARANCE_TODAY makes builds reproducible. */
export function buildDate(): string {
  return process.env.CLEARANCE_TODAY ?? new Date().toISOString().slice(0, 10);
}

export interface SiteRegistry {
  registry: Registry;
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
  cached = { registry: loaded.registry, findings: loaded.findings, path };
  return cached;
}
