/**
 * An organisation's own registry layers on top of the shipped one: its fine-tunes (with `base_model`, so
 * the base license still applies), private models, and served names as aliases. An overlay is a directory
 * laid out like content/ (models/, licenses/, …) plus an optional `overlay.yaml`:
 *
 *   name: Example GmbH models
 *   aliases:                        # served names or deployments → registry model
 *     openai/base-mind: alibaba/qwen2.5-72b-instruct
 *   overrides:                      # the only way to replace a shipped entry or alias
 *     - entry: licenses/qwen-license
 *       reason: Negotiated commercial license, contract 2026-114.
 *
 * Each overlay's files are validated with the registry's own schemas and cross-file checks, references
 * resolving into the layers below; then, across layers: an overlay entry with the id of an entry below, or
 * an alias another layer's model already claims, is `registry/overlay-conflict` (an error) unless
 * `overrides:` names it with a reason — a shipped license or alias is never replaced silently. Later layers
 * win. Pure: the caller reads the files.
 */
import type { Finding } from './finding.ts';
import { emptyRegistry, REGISTRY_KEYS, type Registry } from './registry.ts';
import type { EntityKind } from './kinds.ts';
import { ENTITY_FOLDERS } from './kinds.ts';
import { validateRegistry, type RegistryFile, type ValidateOptions } from './validate.ts';
import { parseYamlSource } from './yaml-source.ts';

export const OVERLAY_MANIFEST = 'overlay.yaml';

export interface OverlayInput {
  /** How findings name the overlay's files (its path as the user gave it, ending in "/"). */
  displayPrefix: string;
  /** Files relative to the overlay root, as readContentFiles returns them. */
  files: RegistryFile[];
}

interface Manifest {
  name?: string;
  aliases: Record<string, string>;
  overrides: { entry: string; reason: string; index: number }[];
}

export interface LayeredRegistry {
  registry: Registry;
  findings: Finding[];
}

const FOLDER_KIND = new Map<string, EntityKind>(Object.entries(ENTITY_FOLDERS).map(([kind, folder]) => [folder, kind as EntityKind]));

export function applyOverlays(base: Registry, overlays: readonly OverlayInput[], options: Omit<ValidateOptions, 'displayPrefix' | 'base'> = {}): LayeredRegistry {
  let registry = base;
  const findings: Finding[] = [];
  for (const overlay of overlays) {
    const layered = applyOverlay(registry, overlay, options);
    registry = layered.registry;
    findings.push(...layered.findings);
  }
  return { registry, findings };
}

function applyOverlay(below: Registry, overlay: OverlayInput, options: Omit<ValidateOptions, 'displayPrefix' | 'base'>): LayeredRegistry {
  const findings: Finding[] = [];
  const manifestFile = overlay.files.find((f) => f.path === OVERLAY_MANIFEST);
  const manifest = manifestFile ? readManifest(`${overlay.displayPrefix}${OVERLAY_MANIFEST}`, manifestFile.text, findings) : { aliases: {}, overrides: [] };
  const entities = overlay.files.filter((f) => f.path !== OVERLAY_MANIFEST);
  // An overlay of served names alone (only overlay.yaml) has no entries to validate; an empty registry is not an error here.
  const validated = entities.length > 0 ? validateRegistry(entities, { ...options, displayPrefix: overlay.displayPrefix, base: below }) : { registry: emptyRegistry(), findings: [], files: {} as Record<string, string> };
  findings.push(...validated.findings);
  const mine = validated.registry;
  const overridden = new Set(manifest.overrides.map((o) => o.entry.toLowerCase()));
  const used = new Set<string>();
  const conflict = (entry: string, file: string, message: string) => {
    if (overridden.has(entry.toLowerCase())) {
      used.add(entry.toLowerCase());
      return false;
    }
    findings.push({
      code: 'registry/overlay-conflict',
      severity: 'error',
      message,
      hint: `An overlay adds to the registry below it; to replace ${entry}, list it under overrides: in ${overlay.displayPrefix}${OVERLAY_MANIFEST} with a reason.`,
      file,
      line: 1,
      column: 1,
    });
    return true;
  };

  // Entries with an id that a lower layer already has: a replacement, never silent.
  const merged: Registry = { ...below };
  for (const [kind, key] of Object.entries(REGISTRY_KEYS) as [EntityKind, keyof Registry][]) {
    const lower = below[key] as Record<string, unknown>;
    const table: Record<string, unknown> = { ...lower };
    for (const [id, value] of Object.entries(mine[key] as Record<string, unknown>)) {
      const entry = `${ENTITY_FOLDERS[kind]}/${id}`;
      const file = validated.files[`${kind}:${id}`] ?? `${overlay.displayPrefix}${entry}.yaml`;
      if (Object.hasOwn(lower, id) && conflict(entry, file, `${entry} replaces the ${kind} of the same id in the registry below this overlay`)) continue;
      table[id] = value;
    }
    (merged as unknown as Record<string, unknown>)[key] = table;
  }

  // Aliases: an overlay model (or the manifest) may not take a spelling another layer's model owns.
  const owner = new Map<string, string>();
  for (const [id, model] of Object.entries(below.models)) for (const name of [id, ...model.aliases]) owner.set(name.toLowerCase(), id);
  const models = { ...merged.models };
  for (const [id, model] of Object.entries(mine.models)) {
    if (models[id] !== model) continue; // refused above
    const file = validated.files[`model:${id}`] ?? overlay.displayPrefix;
    const kept = model.aliases.filter((alias) => {
      const other = owner.get(alias.toLowerCase());
      return other === undefined || other === id || !conflict(`alias ${alias}`, file, `alias "${alias}" of ${id} is already ${other}'s in the registry below this overlay`);
    });
    for (const alias of kept) {
      const other = owner.get(alias.toLowerCase());
      if (other !== undefined && other !== id && models[other]) models[other] = { ...models[other]!, aliases: models[other]!.aliases.filter((a) => a.toLowerCase() !== alias.toLowerCase()) };
    }
    models[id] = { ...model, aliases: kept };
  }
  const manifestPath = `${overlay.displayPrefix}${OVERLAY_MANIFEST}`;
  for (const [alias, target] of Object.entries(manifest.aliases)) {
    const id = Object.hasOwn(models, target) ? target : owner.get(target.toLowerCase());
    if (id === undefined || !models[id]) {
      findings.push({ code: 'registry/dangling-reference', severity: 'error', message: `aliases.${alias} refers to model "${target}", which is in no layer of the registry`, hint: 'Use a registry model id, or add the model in this overlay.', file: manifestPath, line: 1, column: 1 });
      continue;
    }
    const other = owner.get(alias.toLowerCase());
    if (other !== undefined && other !== id) {
      if (conflict(`alias ${alias}`, manifestPath, `alias "${alias}" → ${id} is already ${other}'s in the registry below this overlay`)) continue;
      models[other] = { ...models[other]!, aliases: models[other]!.aliases.filter((a) => a.toLowerCase() !== alias.toLowerCase()) };
    }
    if (!models[id]!.aliases.some((a) => a.toLowerCase() === alias.toLowerCase())) models[id] = { ...models[id]!, aliases: [...models[id]!.aliases, alias] };
    owner.set(alias.toLowerCase(), id);
  }
  merged.models = models;
  for (const o of manifest.overrides) {
    if (used.has(o.entry.toLowerCase())) continue;
    findings.push({ code: 'registry/overlay-conflict', severity: 'warning', message: `overrides[${o.index}] names ${o.entry}, which this overlay does not replace`, hint: 'Remove the entry, or correct it to "<folder>/<id>" or "alias <name>".', file: manifestPath, line: 1, column: 1 });
  }
  return { registry: merged, findings };
}

function readManifest(file: string, text: string, findings: Finding[]): Manifest {
  const src = parseYamlSource(file, text);
  findings.push(...src.findings);
  const out: Manifest = { aliases: {}, overrides: [] };
  const data = src.data;
  if (data === undefined || data === null) return out;
  const bad = (path: (string | number)[], message: string) =>
    findings.push({ code: 'registry/invalid-value', severity: 'error', message, hint: 'overlay.yaml takes name, aliases (served name → model) and overrides ({entry, reason}).', file, ...src.locate(path), path: path.join('.') });
  if (typeof data !== 'object' || Array.isArray(data)) {
    bad([], 'overlay.yaml must be a mapping');
    return out;
  }
  const d = data as Record<string, unknown>;
  for (const key of Object.keys(d)) if (!['name', 'aliases', 'overrides'].includes(key)) bad([key], `unknown key "${key}"`);
  if (typeof d.name === 'string') out.name = d.name;
  if (d.aliases !== undefined) {
    if (typeof d.aliases !== 'object' || d.aliases === null || Array.isArray(d.aliases)) bad(['aliases'], 'aliases maps served names to registry model ids');
    else for (const [k, v] of Object.entries(d.aliases)) typeof v === 'string' && v !== '' ? (out.aliases[k] = v) : bad(['aliases', k], `aliases.${k} must be a model id`);
  }
  if (d.overrides !== undefined) {
    if (!Array.isArray(d.overrides)) bad(['overrides'], 'overrides is a list of {entry, reason}');
    else
      d.overrides.forEach((o, i) => {
        const entry = (o as { entry?: unknown })?.entry;
        const reason = (o as { reason?: unknown })?.reason;
        if (typeof entry !== 'string' || !isEntryRef(entry)) bad(['overrides', i, 'entry'], 'entry is "<folder>/<id>" (e.g. licenses/qwen-license) or "alias <name>"');
        else if (typeof reason !== 'string' || reason.trim() === '') bad(['overrides', i, 'reason'], 'an override needs a reason');
        else out.overrides.push({ entry, reason, index: i });
      });
  }
  return out;
}

function isEntryRef(entry: string): boolean {
  if (entry.startsWith('alias ')) return entry.length > 'alias '.length;
  const slash = entry.indexOf('/');
  return slash > 0 && FOLDER_KIND.has(entry.slice(0, slash));
}
