/**
 * What every command that judges router configs reads: the policy (or the shipped default) and the config
 * files, as the user named them. Unreadable files become located `config/unreadable` findings, like lint's.
 * Reads are bounded (src/registry/read.node.ts): a device, a FIFO or a file over the size cap is refused before
 * it is read (`config/unreadable`, `yaml/too-large`).
 */
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { CONFIG_CODES, MAX_CONFIG_BYTES, parsePolicy, type IncludeReader, type LintInput, type LoadedPolicy, type PolicyFinding } from '../policy/engine.ts';
import { FAST_SHAPES } from '../policy/fast-shapes.node.ts';
import { ruleUrl } from '../registry/codes.ts';
import { readTextBounded } from '../registry/read.node.ts';
import type { Io } from './io.ts';
import { PACKAGE_ROOT } from './registry.ts';

export const DEFAULT_POLICY = resolve(PACKAGE_ROOT, 'content/policies/default.yaml');

/** A path as findings show it: relative to the working directory unless given absolute. */
export function displayPath(io: Io, path: string): string {
  return isAbsolute(path) ? path : relative(io.cwd, resolve(io.cwd, path)) || path;
}

/** The policy file, parsed; `findings` explain a policy that does not parse (exit 2). undefined when unreadable (printed). */
export function readPolicy(command: string, option: string | undefined, io: Io): { policy?: LoadedPolicy; findings: PolicyFinding[]; name: string; file: string } | undefined {
  const path = option !== undefined ? resolve(io.cwd, option) : DEFAULT_POLICY;
  const read = readTextBounded(path);
  if (!('text' in read)) {
    io.stderr(`clearance ${command}: cannot read policy "${option ?? path}": ${read.message}\n`);
    return undefined;
  }
  const text = read.text;
  const file = displayPath(io, option ?? path);
  const parsed = parsePolicy(file, text, FAST_SHAPES);
  return { ...parsed, name: parsed.policy?.policy.name ?? file, file };
}

/** Real path of a file, or the path itself when it cannot be resolved (the read then reports why). */
export function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/**
 * Reads LiteLLM `include:` files for the pure core: relative to the including file, only regular files of at
 * most MAX_CONFIG_BYTES, and only inside the directory of the config being linted (after resolving symlinks)
 * unless the file is itself named on the command line.
 */
export function includeReader(root: string, named: ReadonlySet<string>, display: (path: string) => string): IncludeReader {
  return (fromId, name) => {
    const target = isAbsolute(name) ? name : resolve(dirname(fromId), name);
    let real: string;
    try {
      real = realpathSync(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' ? { error: `${display(target)} does not exist` } : { error: `${display(target)} cannot be read (${code ?? (error as Error).message})` };
    }
    if (!(real === root || real.startsWith(root.endsWith(sep) ? root : `${root}${sep}`)) && !named.has(real)) {
      return { error: `${display(target)} is outside the config's directory (${display(root)})`, hint: 'Move the file next to the config, or name it on the command line too to allow it.' };
    }
    // Bounded like every other input: a FIFO, a device or a file over the cap is refused without being read.
    const read = readTextBounded(real, MAX_CONFIG_BYTES);
    return 'text' in read ? { file: display(target), id: real, text: read.text } : { error: `${display(target)} cannot be read (${read.message})` };
  };
}

/**
 * For each config named on the command line: its id (real path) and the reader for its LiteLLM `include:`
 * files, which may also read any other config named on the command line.
 */
export function includeOptions(io: Io, paths: readonly string[]): (path: string) => { id: string; readInclude: IncludeReader } {
  const named = new Set(paths.map((path) => realOrSelf(resolve(io.cwd, path))));
  return (path) => {
    const id = realOrSelf(resolve(io.cwd, path));
    return { id, readInclude: includeReader(dirname(id), named, (p) => relative(io.cwd, p) || p) };
  };
}

/** The config files as lint inputs (each with its LiteLLM include reader), and a located finding for each one that cannot be read. */
export function readConfigs(paths: readonly string[], io: Io): { inputs: LintInput[]; unreadable: PolicyFinding[] } {
  const inputs: LintInput[] = [];
  const unreadable: PolicyFinding[] = [];
  const includes = includeOptions(io, paths);
  for (const path of paths) {
    const file = displayPath(io, path);
    const read = readTextBounded(resolve(io.cwd, path), MAX_CONFIG_BYTES);
    if ('text' in read) inputs.push({ file, text: read.text, ...includes(path) });
    else {
      const code = read.code === 'too-large' ? 'yaml/too-large' : 'config/unreadable';
      unreadable.push({
        code,
        severity: 'error',
        message: read.code === 'too-large' ? read.message : `cannot read the file: ${read.message}`,
        hint: `${read.code === 'too-large' ? 'Split the file, or check that it is the file you meant.' : CONFIG_CODES['config/unreadable'].fix} See ${ruleUrl(code)}`,
        file,
        line: 1,
        column: 1,
        path: '',
        evidence: [],
      });
    }
  }
  return { inputs, unreadable };
}

/** Located one-line findings on standard error (for commands whose output is not a lint report). */
export function printFindings(io: Io, findings: readonly PolicyFinding[]): void {
  for (const f of findings) io.stderr(`${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.code}  ${f.message}\n${f.hint ? `    hint: ${f.hint}\n` : ''}`);
}
