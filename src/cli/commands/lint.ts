/** `clearance lint`: checks router configs against the license policy and prints located, explained findings. */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CONFIG_CODES, exitCodeFor, lintTexts, parsePolicy, type LintInput, type LoadedPolicy, type PolicyFinding } from '../../policy/index.ts';
import { ruleUrl } from '../../registry/codes.ts';
import type { Registry } from '../../registry/registry.ts';
import { buildResult, FORMATS } from '../../report/index.ts';
import type { Io } from '../io.ts';
import type { Command } from './index.ts';

const HELP = `Usage: clearance lint <config…> [--policy FILE] [--registry PATH] [--format FORMAT] [--today YYYY-MM-DD] [--strict] [--output FILE]

Checks router configs — Clearance tiered configs (tiers:) and LiteLLM proxy configs (model_list:) —
against a license and procurement policy: unknown models and wildcards, non-commercial licenses, MAU caps,
geographic exclusions, training on outputs, deny lists, tier requirements, retired models, weak facts,
waivers. Every finding names its rule (see /rules/<code>/), location, tier, model and evidence.

Options:
  --policy FILE     policy YAML (default: the shipped content/policies/default.yaml)
  --registry PATH   content directory or registry bundle JSON (default: ./content if present, else the
                    registry shipped with Clearance)
  --format FORMAT   text (default), json, sarif, junit, github, markdown
  --today DATE      date for waiver expiry, lifecycle and staleness checks (default: today)
  --strict          exit 1 on warnings too
  --output FILE     write the report to FILE instead of standard output
  -h, --help        show this help

Exit codes:
  0  no errors
  1  policy errors (including unknown models and wildcard routes: the linter fails closed)
  2  could not evaluate: bad flags, unreadable or invalid config or policy, missing registry
`;

const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const DEFAULT_POLICY = resolve(PACKAGE_ROOT, 'content/policies/default.yaml');

export const command: Command = {
  summary: 'lint router configs (tiered or LiteLLM) against the license policy',
  async run(argv: string[], io: Io): Promise<number> {
    let values;
    let positionals: string[];
    try {
      ({ values, positionals } = parseArgs({
        args: argv,
        options: {
          policy: { type: 'string' },
          registry: { type: 'string' },
          format: { type: 'string', default: 'text' },
          today: { type: 'string' },
          strict: { type: 'boolean', default: false },
          output: { type: 'string' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
        allowPositionals: true,
      }));
    } catch (error) {
      io.stderr(`clearance lint: ${(error as Error).message}\n\n${HELP}`);
      return 2;
    }
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    const format = FORMATS[values.format];
    if (!format) {
      io.stderr(`clearance lint: --format must be one of ${Object.keys(FORMATS).join(', ')}, not "${values.format}"\n`);
      return 2;
    }
    const today = values.today ?? io.today;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
      io.stderr(`clearance lint: --today must be a date, YYYY-MM-DD, not "${today}"\n`);
      return 2;
    }
    if (positionals.length === 0) {
      io.stderr(`clearance lint: name at least one router config to lint\n\n${HELP}`);
      return 2;
    }
    const display = (path: string) => (isAbsolute(path) ? path : relative(io.cwd, resolve(io.cwd, path)) || path);

    const loadedRegistry = await loadLintRegistry(values.registry, io, today, 'lint');
    if (typeof loadedRegistry === 'number') return loadedRegistry;
    const registry: Registry = loadedRegistry;

    // Policy: invalid → exit 2 with located findings, in the chosen format.
    const policyPath = values.policy !== undefined ? resolve(io.cwd, values.policy) : DEFAULT_POLICY;
    const policyName = values.policy !== undefined ? display(values.policy) : 'default';
    let policyText: string;
    try {
      policyText = readFileSync(policyPath, 'utf8');
    } catch (error) {
      io.stderr(`clearance lint: cannot read policy "${values.policy ?? policyPath}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
      return 2;
    }
    const parsedPolicy = parsePolicy(values.policy !== undefined ? display(values.policy) : display(policyPath), policyText);

    const inputs: LintInput[] = [];
    const unreadable: PolicyFinding[] = [];
    for (const path of positionals) {
      const file = display(path);
      try {
        inputs.push({ file, text: readFileSync(resolve(io.cwd, path), 'utf8') });
      } catch (error) {
        unreadable.push({
          code: 'config/unreadable',
          severity: 'error',
          message: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
          hint: `${CONFIG_CODES['config/unreadable'].fix} See ${ruleUrl('config/unreadable')}`,
          file,
          line: 1,
          column: 1,
          path: '',
          evidence: [],
        });
      }
    }

    let findings: PolicyFinding[];
    let configs: ReturnType<typeof lintTexts>['configs'] = [];
    if (!parsedPolicy.policy) {
      findings = [...parsedPolicy.findings, ...unreadable];
    } else {
      const outcome = lintTexts(inputs, registry, parsedPolicy.policy as LoadedPolicy, today, { strict: values.strict });
      findings = [...unreadable, ...outcome.findings];
      configs = outcome.configs;
    }
    const exitCode = exitCodeFor(findings, values.strict);
    const result = buildResult({ version: io.version, files: positionals.map(display), configs, findings, exitCode, policy: policyName, today });
    const report = format(result);
    if (values.output !== undefined) {
      try {
        writeFileSync(resolve(io.cwd, values.output), report);
      } catch (error) {
        io.stderr(`clearance lint: cannot write "${values.output}": ${(error as Error).message}\n`);
        return 2;
      }
    } else {
      io.stdout(report);
    }
    return exitCode;
  },
};

/**
 * The registry for lint and bom: --registry, else ./content, else the registry shipped with Clearance.
 * Returns an exit code (2) after printing why when it cannot be used.
 */
export async function loadLintRegistry(option: string | undefined, io: Io, today: string, name: string): Promise<Registry | 2> {
  const registryPath = option ?? (existsSync(resolve(io.cwd, 'content')) ? 'content' : resolve(PACKAGE_ROOT, 'content'));
  const shown = isAbsolute(registryPath) ? registryPath : relative(io.cwd, resolve(io.cwd, registryPath)) || registryPath;
  try {
    const loaded = await loadRegistryCached(resolve(io.cwd, registryPath), today);
    if (loaded.fatal) {
      io.stderr(`clearance ${name}: ${shown}: ${loaded.fatal}\n`);
      return 2;
    }
    if (loaded.errors > 0) io.stderr(`clearance ${name}: note: the registry at ${shown} has ${loaded.errors} validation error${loaded.errors === 1 ? '' : 's'}; run "clearance validate" (entries with errors may be missing)\n`);
    return loaded.registry;
  } catch (error) {
    if ((error as { code?: string }).code === 'registry/unreadable') {
      io.stderr(`clearance ${name}: ${(error as Error).message}\n`);
      return 2;
    }
    throw error;
  }
}

interface CachedRegistry {
  registry: Registry;
  /** Validation errors in the registry (lint still runs; entries with errors may be missing). */
  errors: number;
  /** Set when the registry cannot be used at all (an invalid bundle). */
  fatal?: string;
}

/**
 * Loads and validates the registry, caching the validated result for a content directory under
 * node_modules/.cache/clearance, keyed by every file's path, size and mtime plus the validator's own sources.
 * A cache hit skips YAML parsing and schema validation, which dominate a lint run; any edit misses the cache.
 */
async function loadRegistryCached(path: string, today: string): Promise<CachedRegistry> {
  let key: string | undefined;
  let cacheFile: string | undefined;
  try {
    if (statSync(path).isDirectory()) {
      const hash = createHash('sha1');
      fingerprint(path, hash);
      fingerprint(resolve(PACKAGE_ROOT, 'src/registry'), hash);
      key = hash.digest('hex');
      cacheFile = resolve(PACKAGE_ROOT, 'node_modules/.cache/clearance', `registry-${key}.json`);
      if (existsSync(cacheFile)) return JSON.parse(readFileSync(cacheFile, 'utf8')) as CachedRegistry;
    }
  } catch {
    // Unreadable path or cache: fall through to the loader, which reports the path properly.
  }
  const { loadRegistry } = await import('../../registry/load.ts');
  const loaded = loadRegistry(path, { today });
  const invalid = loaded.findings.find((f) => f.code === 'registry/invalid-bundle');
  const result: CachedRegistry = { registry: loaded.registry, errors: loaded.findings.filter((f) => f.severity === 'error').length, ...(invalid ? { fatal: invalid.message } : {}) };
  if (cacheFile && !invalid) {
    try {
      const dir = resolve(cacheFile, '..');
      mkdirSync(dir, { recursive: true });
      // Keep only the newest entry: an edited registry never returns to an old fingerprint in practice.
      for (const old of readdirSync(dir)) if (old.startsWith('registry-') && join(dir, old) !== cacheFile) rmSync(join(dir, old), { force: true });
      writeFileSync(cacheFile, JSON.stringify(result));
    } catch {
      // A read-only install just runs uncached.
    }
  }
  return result;
}

function fingerprint(dir: string, hash: ReturnType<typeof createHash>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) fingerprint(full, hash);
    else if (entry.isFile()) {
      const stat = statSync(full);
      hash.update(`${full}\0${stat.size}\0${stat.mtimeMs}\n`);
    }
  }
}
