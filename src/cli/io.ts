/** The CLI's window on the world: output streams, cwd and version, injectable so tests run commands in-process. */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  version: string;
  /** Today's date, YYYY-MM-DD; commands accept --today to override it. */
  today: string;
}

export function nodeIo(): Io {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    version: pkg.version,
    today: new Date().toISOString().slice(0, 10),
  };
}

/**
 * Reads an input file (a router config, a policy) with the registry's size cap, refusing devices, FIFOs and
 * anything larger than the cap before reading it. Returns the text, or why not in words.
 */
export async function readInput(path: string, maxBytes?: number): Promise<{ text: string } | { error: string; code: 'too-large' | 'not-a-file' | 'unreadable' }> {
  const { readTextBounded } = await import('../registry/read.node.ts');
  const read = readTextBounded(path, maxBytes);
  return 'text' in read ? read : { error: read.message, code: read.code };
}

/**
 * Checks that `--output`/`--out` may be written: never one of the command's inputs (the config, the policy,
 * the registry), never inside a content/ tree (the registry's own files), and an existing file only with
 * --force. Returns the reason it may not, or undefined.
 */
export function outputProblem(io: Io, output: string, inputs: readonly string[], force: boolean): string | undefined {
  const target = realTarget(resolve(io.cwd, output));
  for (const input of inputs) {
    const source = realTarget(resolve(io.cwd, input));
    if (source === target) return `"${output}" is one of the inputs (${input}); writing the report there would destroy it. Choose another file`;
    if (isInside(target, source)) return `"${output}" is inside the registry or input ${input}; write reports outside it`;
  }
  for (const content of [resolve(io.cwd, 'content'), SHIPPED_CONTENT]) {
    if (target === realTarget(content) || isInside(target, realTarget(content))) return `"${output}" is inside ${content}, where the registry lives; write reports outside content/`;
  }
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return undefined;
  }
  if (stat.isDirectory()) return `"${output}" is a directory; name a file`;
  if (!force) return `"${output}" already exists; pass --force to overwrite it, or choose another file`;
  return undefined;
}

/** The registry shipped with Clearance. */
const SHIPPED_CONTENT = fileURLToPath(new URL('../../content', import.meta.url));

/**
 * Prints why `--<flag>` may not be written and returns false; true when it may (or is not given). `--force`
 * without an output is a mistake too.
 */
export function checkOutput(io: Io, command: string, flag: string, output: string | undefined, inputs: readonly (string | undefined)[], force: boolean): boolean {
  const problem = output === undefined ? (force ? `--force only applies with --${flag}` : undefined) : outputProblem(io, output, inputs.filter((i) => i !== undefined), force);
  if (problem === undefined) return true;
  io.stderr(`clearance ${command}: ${output === undefined ? problem : `--${flag} ${problem}`}\n`);
  return false;
}

/** The real path of a file, or of its nearest existing parent joined with the rest (the file may not exist yet). */
function realTarget(path: string): string {
  const rest: string[] = [];
  let current = path;
  for (;;) {
    try {
      return join(realpathSync(current), ...rest);
    } catch {
      const parent = dirname(current);
      if (parent === current) return path;
      rest.unshift(basename(current));
      current = parent;
    }
  }
}

function isInside(path: string, dir: string): boolean {
  const rel = relative(dir, path);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
}
