/** Reads registry overlays (--registry after the first, or the policy's `registry:` list) and layers them on the registry. */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { readContentFiles } from '../registry/load.ts';
import { applyOverlays, type OverlayInput } from '../registry/overlay.ts';
import type { Registry } from '../registry/registry.ts';
import type { Io } from './io.ts';

/** The layered registry, or 2 after printing why the overlays cannot be used (exit 2: could not evaluate). */
export function layerOverlays(command: string, registry: Registry, paths: readonly string[], io: Io, today: string): Registry | 2 {
  if (paths.length === 0) return registry;
  const inputs: OverlayInput[] = [];
  for (const path of paths) {
    const full = resolve(io.cwd, path);
    const shown = isAbsolute(path) ? path : relative(io.cwd, full) || path;
    try {
      if (!statSync(full).isDirectory()) {
        io.stderr(`clearance ${command}: overlay ${shown} must be a directory laid out like content/ (models/, licenses/, …, overlay.yaml)\n`);
        return 2;
      }
      inputs.push({ displayPrefix: `${shown.replace(/\/+$/, '')}/`, files: readContentFiles(full) });
    } catch (error) {
      io.stderr(`clearance ${command}: cannot read overlay ${shown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
  }
  const layered = applyOverlays(registry, inputs, { today });
  const errors = layered.findings.filter((f) => f.severity === 'error');
  for (const f of layered.findings) if (f.severity !== 'info') io.stderr(`${f.file}:${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}${f.hint ? `\n  hint: ${f.hint}` : ''}\n`);
  if (errors.length > 0) {
    io.stderr(`clearance ${command}: the registry overlays have ${errors.length} error${errors.length === 1 ? '' : 's'}; fix them (or name replacements under overrides:) before linting\n`);
    return 2;
  }
  return layered.registry;
}
