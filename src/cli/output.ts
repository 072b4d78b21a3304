/**
 * Writing command output to files without losing data: never over an input (a config, the policy, the
 * registry), never inside a registry content/ tree, and never over any other existing file without --force.
 */
import { mkdirSync, realpathSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Io } from './io.ts';
import { PACKAGE_ROOT } from './registry.ts';

export interface OutputGuard {
  /** Files the command read: never overwritten. */
  inputs: readonly string[];
  force: boolean;
}

/** The real path of a file, or of its nearest existing parent joined with the rest (the file may not exist yet). */
function real(path: string): string {
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
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Why `path` may not be written, or undefined when it may. */
export function outputProblem(io: Io, path: string, guard: OutputGuard): string | undefined {
  const target = real(resolve(io.cwd, path));
  for (const input of guard.inputs) {
    const source = real(resolve(io.cwd, input));
    if (source === target) return `"${path}" is one of this command's inputs (${input}); write the output somewhere else`;
    // An input directory is a registry content tree: nothing is written into it.
    if (isInside(target, source)) return `"${path}" is inside ${input}, one of this command's inputs; write the output somewhere else`;
  }
  for (const content of new Set([real(resolve(io.cwd, 'content')), real(resolve(PACKAGE_ROOT, 'content'))])) {
    if (target === content || isInside(target, content)) return `"${path}" is inside the registry's content/ tree; write generated files elsewhere`;
  }
  let stat;
  try {
    stat = statSync(target);
  } catch {
    return undefined;
  }
  if (stat.isDirectory()) return `"${path}" is a directory; name a file`;
  if (!guard.force) return `"${path}" exists; pass --force to overwrite it`;
  return undefined;
}

/**
 * Checks `--<flag>` before any work is done: prints why it may not be written and returns false; true when it
 * may (or is not given). `--force` without an output is a mistake too.
 */
export function checkOutput(io: Io, command: string, flag: string, output: string | undefined, inputs: readonly (string | undefined)[], force: boolean): boolean {
  const problem = output === undefined ? (force ? `--force only applies with --${flag}` : undefined) : outputProblem(io, output, { inputs: inputs.filter((i) => i !== undefined), force });
  if (problem === undefined) return true;
  io.stderr(`clearance ${command}: ${output === undefined ? problem : `--${flag} ${problem}`}\n`);
  return false;
}

/** Writes every file or none: all paths are checked first. Returns false (after printing why) on any problem. */
export function writeOutputs(command: string, io: Io, files: Readonly<Record<string, string>>, guard: OutputGuard): boolean {
  for (const path of Object.keys(files)) {
    const problem = outputProblem(io, path, guard);
    if (problem) {
      io.stderr(`clearance ${command}: ${problem}\n`);
      return false;
    }
  }
  for (const [path, text] of Object.entries(files)) {
    const target = resolve(io.cwd, path);
    try {
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, text);
    } catch (error) {
      io.stderr(`clearance ${command}: cannot write "${path}": ${(error as Error).message}\n`);
      return false;
    }
  }
  return true;
}
