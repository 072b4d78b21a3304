/**
 * Builds a Registry from YAML file texts and reports every problem as a located Finding. Pure: the caller
 * (load.ts) reads the files. Order: YAML → ajv over the generated JSON Schema (validity) with zod explaining
 * (human messages, `.refine()` rules that JSON Schema cannot carry) → cross-file checks.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import * as generatedValidators from './generated/validators.js';
import type { z } from 'zod';
import { REGISTRY_CODES, ruleUrl, type RegistryCode } from './codes.ts';
import { formatPath, sortFindings, type Finding } from './finding.ts';
import { idProblem, nullRecord, own } from './ids.ts';
import { emptyRegistry, entityCount, entityKey, REGISTRY_KEYS, type FileIndex, type Registry } from './registry.ts';
import { ENTITY_FOLDERS, ENTITY_SCHEMAS, PRIMARY_SOURCE_KINDS, SchemaRefComment, type EntityKind } from './schema/index.ts';
import { renderJsonSchemas } from './json-schema.ts';
import { validatorExportName } from './json-schema-names.ts';
import { parseYamlSource, type DataPath, type YamlSource } from './yaml-source.ts';
import { suggest } from './suggest.ts';
import { getIn, parseFieldPath } from './paths.ts';
import { licenseIdProblem } from './license-ids.ts';
import { factChecks } from './fact-checks.ts';

export interface RegistryFile {
  /** Path relative to the content root, with forward slashes: `models/meta/llama-3.3-70b-instruct.yaml`. */
  path: string;
  text: string;
  /** Set when the reader refused the file (too large, not a regular file, unreadable); `text` is then empty. */
  refused?: { code: 'too-large' | 'not-a-file' | 'unreadable'; message: string };
}

export interface ValidateOptions {
  /** Today, YYYY-MM-DD, for staleness. */
  today?: string;
  /** Entries whose `reviewed` date is older than this many days get a warning (default 365). */
  maxAgeDays?: number;
  /** Prefix shown before each file path in findings (e.g. `content/`). */
  displayPrefix?: string;
  /** A registry these files are layered on (an overlay): references may point into it. */
  base?: Registry;
}

export interface ValidationResult {
  registry: Registry;
  findings: Finding[];
  /** entityKey(kind, id) → display path, for later findings about an entity. */
  files: FileIndex;
}

/** Folders under content/ that hold other documents (checked by their own commands), not registry entities. */
const NON_ENTITY_FOLDERS = new Set(['policies', 'routers', 'notes']);

const FOLDER_TO_KIND = new Map<string, EntityKind>(Object.entries(ENTITY_FOLDERS).map(([kind, folder]) => [folder, kind as EntityKind]));

/** Which fields of each kind make claims and so need a citation (design.md §2). */
const CLAIM_FIELDS: Partial<Record<EntityKind, readonly string[]>> = {
  model: ['license', 'api_terms', 'license_history', 'release_date', 'context_tokens', 'max_output_tokens', 'architecture', 'base_model', 'modalities'],
  vendor: ['country', 'legal_seat', 'legal_entity'],
  provider: ['country', 'parent_country', 'eu_controlled', 'regions'],
  gpu: ['memory_gb', 'memory_bandwidth_tbps', 'dense_tflops', 'interconnect', 'tdp_w'],
};

/** ajv validators for each entity kind, precompiled from the generated JSON Schemas (`npm run schemas`). */
function validators(): Record<string, ValidateFunction> {
  const all = generatedValidators as unknown as Record<string, ValidateFunction>;
  return Object.fromEntries(Object.keys(ENTITY_SCHEMAS).map((kind) => [kind, all[validatorExportName(kind)]!]));
}

/** Maps a content-relative path to its entity kind and id; undefined when it is not a registry entity. */
export function entityOfPath(path: string): { kind: EntityKind; id: string } | { skip: true } | undefined {
  const m = /^([a-z]+)\/(.+)\.ya?ml$/.exec(path);
  if (!m) return NON_ENTITY_FOLDERS.has(path.split('/')[0]!) ? { skip: true } : undefined;
  const [, folder, rest] = m as unknown as [string, string, string];
  if (NON_ENTITY_FOLDERS.has(folder)) return { skip: true };
  const kind = FOLDER_TO_KIND.get(folder);
  if (!kind) return undefined;
  const depth = rest.split('/').length;
  if (kind === 'model' ? depth !== 2 : depth !== 1) return undefined;
  return { kind, id: rest };
}

function finding(code: RegistryCode, message: string, file: string, pos: { line: number; column: number }, path?: DataPath, hint?: string): Finding {
  const doc = REGISTRY_CODES[code];
  return {
    code,
    severity: doc.severity,
    message,
    hint: `${hint ?? doc.fix} See ${ruleUrl(code)}`,
    file,
    line: pos.line,
    column: pos.column,
    ...(path && path.length > 0 ? { path: formatPath(path) } : {}),
  };
}

/** One entity as the cross-file checks see it: where it is, and how to locate a path inside it. */
export interface Parsed {
  kind: EntityKind;
  id: string;
  file: string;
  src: Pick<YamlSource, 'locate'>;
  data: Record<string, unknown>;
  /** Data path of the entity inside its file (a bundle: ['registry', 'models', id]); none for a content file. */
  pathPrefix?: DataPath;
}

/** A finding about entity `p` at a data path inside it. */
function at(p: Parsed, code: RegistryCode, message: string, path: DataPath, hint?: string): Finding {
  return finding(code, message, p.file, p.src.locate(path), [...(p.pathPrefix ?? []), ...path], hint);
}

/** Shape of an id as its file path spells it: lower-case slugs, `<vendor>/<model>` for models. */
const ID_SHAPE = /^[a-z0-9][a-z0-9._-]*$/;

/** What is wrong with an entity id (from a file name or a bundle key), or undefined. */
export function entityIdProblem(kind: EntityKind, id: string): string | undefined {
  const length = idProblem(id);
  if (length !== undefined) return length;
  const segments = id.split('/');
  if ((kind === 'model' ? segments.length !== 2 : segments.length !== 1) || !segments.every((s) => ID_SHAPE.test(s))) {
    return kind === 'model'
      ? `"${id}" is not a model id: <vendor>/<model>, lower-case slugs (a-z, 0-9, ".", "_", "-")`
      : `"${id}" is not a ${kind} id: a lower-case slug (a-z, 0-9, ".", "_", "-")`;
  }
  return undefined;
}

/** The finding for an empty registry: nothing to check against is an error, never a silent pass. */
export function emptyRegistryFinding(file: string): Finding {
  return finding('registry/empty', 'the registry holds no entities (no models, licenses, vendors, providers, GPUs, sources or facts)', file, { line: 1, column: 1 }, undefined,
    'Point --registry at a content directory with models/, licenses/ … folders, or at a bundle written by npm run bundle.');
}

export function validateRegistry(files: readonly RegistryFile[], options: ValidateOptions = {}): ValidationResult {
  const prefix = options.displayPrefix ?? '';
  const findings: Finding[] = [];
  const registry = emptyRegistry();
  const fileIndex: FileIndex = nullRecord();
  const parsed: Parsed[] = [];

  for (const f of files) {
    const display = prefix + f.path;
    const entity = entityOfPath(f.path);
    if (entity === undefined) {
      findings.push(finding('registry/unknown-file', `"${f.path}" is not where a registry entity lives`, display, { line: 1, column: 1 }, undefined,
        'Entities live at content/models/<vendor>/<model>.yaml or content/<kind>/<id>.yaml (kinds: ' + Object.values(ENTITY_FOLDERS).join(', ') + ').'));
      continue;
    }
    if ('skip' in entity) continue;
    if (f.refused) {
      findings.push(f.refused.code === 'too-large'
        ? finding('yaml/too-large', f.refused.message, display, { line: 1, column: 1 }, undefined, 'Split the file, or check that it is the file you meant.')
        : finding('registry/unreadable', `cannot read the file: ${f.refused.message}`, display, { line: 1, column: 1 }));
      continue;
    }
    const badId = entityIdProblem(entity.kind, entity.id);
    if (badId !== undefined) {
      findings.push(finding('registry/invalid-id', `${badId}; the file's path is its id`, display, { line: 1, column: 1 }, undefined,
        `Rename the file: ${entity.kind === 'model' ? 'content/models/<vendor>/<model>.yaml' : `content/${ENTITY_FOLDERS[entity.kind]}/<id>.yaml`}, with a lower-case slug id that is not ${'"constructor"'} or another reserved name.`));
      continue;
    }
    const src = parseYamlSource(display, f.text);
    findings.push(...src.findings.map((x) => ({ ...x, hint: `${x.hint ?? ''} See ${ruleUrl(x.code)}`.trim() })));
    if (src.data === undefined) continue;
    checkSchemaComment(f, entity.kind, display, findings);
    const key = entityKey(entity.kind, entity.id);
    if (fileIndex[key] !== undefined) {
      findings.push(finding('registry/duplicate-id', `id "${entity.id}" is already defined by ${fileIndex[key]}`, display, { line: 1, column: 1 }));
      continue;
    }
    if (src.data === null || typeof src.data !== 'object' || Array.isArray(src.data)) {
      findings.push(finding('registry/invalid-value', `a ${entity.kind} file must be a mapping of keys to values`, display, { line: 1, column: 1 }));
      continue;
    }
    const data = src.data as Record<string, unknown>;
    if (!checkSchema(entity.kind, data, src, findings)) continue;
    fileIndex[key] = display;
    (registry[REGISTRY_KEYS[entity.kind]] as Record<string, unknown>)[entity.id] = data;
    parsed.push({ kind: entity.kind, id: entity.id, file: display, src, data });
  }

  crossFileChecks(parsed, registry, findings, options);
  findings.push(...factChecks(parsed, registry, options.today));
  if (entityCount(registry) === 0) findings.push(emptyRegistryFinding(prefix.replace(/\/+$/, '') || '.'));
  return { registry: sortRegistry(registry), findings: sortFindings(findings), files: fileIndex };
}

function checkSchemaComment(f: RegistryFile, kind: EntityKind, display: string, findings: Finding[]) {
  const first = f.text.split('\n', 1)[0] ?? '';
  const depth = f.path.split('/').length - 1;
  const expected = `${'../'.repeat(depth + 1)}schemas/${kind}.schema.json`;
  const m = SchemaRefComment.exec(first);
  if (!m || m[1] !== expected) {
    findings.push(finding('registry/schema-comment', m ? `$schema points at "${m[1]}", expected "${expected}"` : 'the file does not start with a yaml-language-server $schema comment',
      display, { line: 1, column: 1 }, undefined, `Make the first line "# yaml-language-server: $schema=${expected}".`));
  }
}

/** ajv decides validity against the generated JSON Schema; zod explains each problem in words. */
function checkSchema(kind: EntityKind, data: Record<string, unknown>, src: YamlSource, findings: Finding[]): boolean {
  const ajvValid = validators()[kind]!(data) as boolean;
  const ajvErrors = (validators()[kind]!.errors ?? []) as ErrorObject[];
  const zodResult = (ENTITY_SCHEMAS[kind] as z.ZodType).safeParse(data);
  if (ajvValid && zodResult.success) return true;
  const before = findings.length;
  if (!zodResult.success) {
    for (const issue of zodResult.error.issues) findings.push(...zodIssueFindings(kind, issue, src));
  }
  if (findings.length === before) {
    // zod accepted what ajv refused: report ajv's words so nothing passes silently.
    for (const e of ajvErrors) findings.push(ajvFinding(e, src));
  }
  return false;
}

function zodIssueFindings(kind: EntityKind, issue: z.core.$ZodIssue, src: YamlSource): Finding[] {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedKeys(kind, path);
    return issue.keys.map((k) =>
      finding('registry/unknown-key', `unknown key "${k}"`, src.file, src.locate([...path, k]), [...path, k],
        `Remove it, or use one of the allowed keys${suggest(k, allowed)}: ${allowed.join(', ')}.`),
    );
  }
  if (issue.code === 'invalid_type' && getIn(src.data, path) === undefined) {
    const field = path[path.length - 1];
    return [finding('registry/missing-field', `missing required field "${String(field)}"`, src.file, src.locate(path.slice(0, -1)), path, `Add "${String(field)}".`)];
  }
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    // Discriminated unions: explain with the branch's own issues when there is one branch left.
    const nested = issue.errors.length === 1 ? issue.errors[0]! : undefined;
    if (nested) return nested.flatMap((n) => zodIssueFindings(kind, { ...n, path: [...issue.path, ...n.path] } as z.core.$ZodIssue, src));
  }
  const code: RegistryCode = issue.code === 'custom' ? 'registry/constraint' : 'registry/invalid-value';
  return [finding(code, issue.message, src.file, src.locate(path), path)];
}

let jsonSchemas: Record<string, any> | undefined;

/** The keys the generated JSON Schema allows at `path`, for "did you mean" hints on unknown keys. */
function allowedKeys(kind: EntityKind, path: readonly (string | number)[]): string[] {
  jsonSchemas ??= Object.fromEntries(Object.entries(renderJsonSchemas()).map(([k, v]) => [k, JSON.parse(v)]));
  const root = jsonSchemas[kind];
  const deref = (node: any): any => (node?.$ref ? root.$defs?.[String(node.$ref).split('/').pop()!] ?? node : node);
  const branches = (node: any): any[] => {
    node = deref(node);
    if (!node) return [];
    const alts = node.anyOf ?? node.oneOf ?? node.allOf;
    return alts ? alts.flatMap(branches) : [node];
  };
  let nodes = branches(root);
  for (const seg of path) {
    nodes = nodes.flatMap((n) => (typeof seg === 'number' ? branches(n.items) : branches(n.properties?.[seg] ?? n.additionalProperties)));
  }
  return [...new Set(nodes.flatMap((n) => Object.keys(n.properties ?? {})))].sort();
}

function ajvFinding(e: ErrorObject, src: YamlSource): Finding {
  const path = e.instancePath.split('/').slice(1).map((s) => (/^\d+$/.test(s) ? Number(s) : s.replace(/~1/g, '/').replace(/~0/g, '~')));
  if (e.keyword === 'additionalProperties') {
    const k = String((e.params as { additionalProperty: string }).additionalProperty);
    return finding('registry/unknown-key', `unknown key "${k}"`, src.file, src.locate([...path, k]), [...path, k]);
  }
  if (e.keyword === 'required') {
    const k = String((e.params as { missingProperty: string }).missingProperty);
    return finding('registry/missing-field', `missing required field "${k}"`, src.file, src.locate(path), [...path, k]);
  }
  return finding('registry/invalid-value', `${formatPath(path) || 'value'} ${e.message ?? 'is invalid'}`, src.file, src.locate(path), path);
}

/**
 * Checks across entities: references resolve, aliases are unique, claims are cited, statuses are honest,
 * entries are fresh. The same checks run on a content tree and on a bundle (parseBundle).
 */
export function crossFileChecks(parsed: readonly Parsed[], registry: Registry, findings: Finding[], options: ValidateOptions) {
  const cited = new Set<string>();
  const aliasOwner = new Map<string, { model: string; file: string }>();
  const today = options.today;
  const maxAge = options.maxAgeDays ?? 365;

  const base = options.base;
  const ref = (p: Parsed, path: DataPath, kind: EntityKind, id: unknown) => {
    if (typeof id !== 'string') return;
    const table = registry[REGISTRY_KEYS[kind]] as Record<string, unknown>;
    if (own(table, id) !== undefined || (base && own(base[REGISTRY_KEYS[kind]] as Record<string, unknown>, id) !== undefined)) return;
    const folder = ENTITY_FOLDERS[kind];
    findings.push(at(p, 'registry/dangling-reference', `${formatPath(path)} refers to ${kind} "${id}", which does not exist`, path,
      `Create content/${folder}/${id}.yaml, or use an existing ${kind} id${suggest(id, Object.keys(table))}.`));
  };

  for (const p of parsed) {
    const d = p.data as Record<string, any>;
    // Every source citation anywhere in the entity.
    walkSourceRefs(d, [], (path, sourceId) => {
      cited.add(sourceId);
      ref(p, path, 'source', sourceId);
    });

    if (p.kind === 'model') {
      ref(p, ['vendor'], 'vendor', d.vendor);
      ref(p, ['license'], 'license', d.license);
      ref(p, ['api_terms'], 'license', d.api_terms);
      (d.license_history ?? []).forEach((h: any, i: number) => ref(p, ['license_history', i, 'license'], 'license', h.license));
      if (d.base_model) ref(p, ['base_model', 'model'], 'model', d.base_model.model);
      if (d.base_model?.model === p.id) {
        findings.push(at(p, 'registry/constraint', 'a model cannot be its own base_model', ['base_model', 'model']));
      }
      if (d.lifecycle?.replacement) ref(p, ['lifecycle', 'replacement'], 'model', d.lifecycle.replacement);
      (d.routes ?? []).forEach((r: any, i: number) => ref(p, ['routes', i, 'provider'], 'provider', r.provider));
      (d.aliases as string[]).forEach((alias, i) => {
        const keyAlias = alias.toLowerCase();
        const owner = aliasOwner.get(keyAlias);
        if (owner && owner.model !== p.id) {
          findings.push(at(p, 'registry/duplicate-alias', `alias "${alias}" is also claimed by ${owner.model} (${owner.file})`, ['aliases', i]));
        } else {
          aliasOwner.set(keyAlias, { model: p.id, file: p.file });
        }
      });
    } else if (p.kind === 'license') {
      ref(p, ['vendor'], 'vendor', d.vendor);
      ref(p, ['derived_from'], 'license', d.derived_from);
      const idProblem = licenseIdProblem(d.spdx, p.id, d.kind);
      if (idProblem) findings.push(finding('registry/license-id', idProblem, p.file, p.src.locate(['spdx']), ['spdx']));
    } else if (p.kind === 'provider') {
      ref(p, ['vendor'], 'vendor', d.vendor);
    } else if (p.kind === 'fact' && d.subject?.id !== undefined && d.subject.kind !== 'market') {
      ref(p, ['subject', 'id'], d.subject.kind as EntityKind, d.subject.id);
    }

    checkCitations(p, findings);
    checkStatusClaims(p, base ? { ...registry, sources: { ...base.sources, ...registry.sources } } : registry, findings);

    if (today && typeof d.reviewed === 'string') {
      const age = (Date.parse(today) - Date.parse(d.reviewed)) / 86_400_000;
      if (age > maxAge) {
        findings.push(at(p, 'registry/stale-entry', `last reviewed ${d.reviewed}, ${Math.floor(age)} days before ${today} (limit ${maxAge})`, ['reviewed']));
      }
    }
  }

  // An alias must not shadow another model's id either.
  for (const [alias, owner] of aliasOwner) {
    const other = Object.keys(registry.models).find((id) => id.toLowerCase() === alias && id !== owner.model);
    if (other) {
      const p = parsed.find((x) => x.kind === 'model' && x.id === owner.model)!;
      const i = (p.data.aliases as string[]).findIndex((a) => a.toLowerCase() === alias);
      findings.push(at(p, 'registry/duplicate-alias', `alias "${alias}" is the id of another model`, ['aliases', i]));
    }
  }

  for (const p of parsed) {
    if (p.kind === 'source' && !cited.has(p.id)) {
      findings.push(finding('registry/unused-source', `source "${p.id}" is not cited by any entry`, p.file, p.pathPrefix ? p.src.locate([]) : { line: 2, column: 1 }, p.pathPrefix));
    }
  }
}

function walkSourceRefs(node: unknown, path: (string | number)[], visit: (path: DataPath, sourceId: string) => void) {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walkSourceRefs(item, [...path, i], visit));
  } else if (node !== null && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k === 'sources' && Array.isArray(v)) {
        v.forEach((s, i) => {
          if (s && typeof s === 'object' && typeof (s as { source?: unknown }).source === 'string') visit([...path, k, i, 'source'], (s as { source: string }).source);
        });
      } else {
        walkSourceRefs(v, [...path, k], visit);
      }
    }
  }
}

/** Every claim-bearing field present is cited (at its path, a parent or a child); every citation points at a field. */
function checkCitations(p: Parsed, findings: Finding[]) {
  const fields = CLAIM_FIELDS[p.kind];
  const citations = (p.data.citations ?? {}) as Record<string, unknown>;
  const keys = Object.keys(citations);
  if (fields) {
    for (const field of fields) {
      const value = p.data[field];
      if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
      if (p.kind === 'model' && field === 'lifecycle') continue;
      const covered = keys.some((k) => k === field || k.startsWith(`${field}.`) || k.startsWith(`${field}[`));
      if (!covered) {
        findings.push(at(p, 'registry/uncited-claim', `"${field}" makes a claim but has no citation`, [field],
          `Add "${field}:" under citations: with a status and sources (source id and where in it).`));
      }
    }
    // A deprecated or retired model's dates are claims too.
    const lifecycle = p.data.lifecycle as { status?: string } | undefined;
    if (p.kind === 'model' && lifecycle && lifecycle.status !== 'active' && !keys.some((k) => k === 'lifecycle' || k.startsWith('lifecycle.'))) {
      findings.push(at(p, 'registry/uncited-claim', `lifecycle status "${lifecycle.status}" has no citation`, ['lifecycle'],
        'Add "lifecycle:" under citations: pointing at the vendor’s deprecation notice.'));
    }
  }
  for (const key of keys) {
    if (getIn(p.data, parseFieldPath(key)) === undefined) {
      findings.push(at(p, 'registry/orphan-citation', `citation "${key}" points at a field this entry does not have`, ['citations', key]));
    }
  }
}

/** A `verified` status must rest on at least one primary source. */
function checkStatusClaims(p: Parsed, registry: Registry, findings: Finding[]) {
  const visit = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) return node.forEach((item, i) => visit(item, [...path, i]));
    if (node === null || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (obj.status === 'verified' && Array.isArray(obj.sources) && obj.sources.length > 0) {
      const kinds = obj.sources.map((s) => own(registry.sources, (s as { source: string }).source)?.kind).filter((k) => k !== undefined);
      if (kinds.length === obj.sources.length && !kinds.some((k) => PRIMARY_SOURCE_KINDS.includes(k))) {
        findings.push(at(p, 'registry/status-overclaims', `${formatPath(path) || 'entry'} is "verified" but cites only ${[...new Set(kinds)].join(', ')} sources`, [...path, 'status']));
      }
    }
    for (const [k, v] of Object.entries(obj)) if (k !== 'sources') visit(v, [...path, k]);
  };
  visit(p.data, []);
}

/** Stable key order so the bundle is byte-identical for the same content. */
function sortRegistry(registry: Registry): Registry {
  const out = emptyRegistry();
  for (const key of Object.keys(registry) as (keyof Registry)[]) {
    const table = registry[key] as Record<string, unknown>;
    (out[key] as Record<string, unknown>) = nullRecord(Object.keys(table).sort().map((k) => [k, table[k]] as const));
  }
  return out;
}
