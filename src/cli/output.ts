/**
 * Writing command output to files without losing data: never over an input (a config, the policy, the
 * registry), never inside a registry content/ tree, and never over any other existing file without --force.
 */
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { Io } from './io.ts';
import { PACKAGE_ROOT } from './registry.ts';

export interface OutputGuard {
  /** Files the command read: never overwritten. */
  inputs: readonly string[];
  force: boolean;
}

function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

/** Why `path` may not be written, or undefined when it may. */
export function outputProblem(io: Io, path: string, guard: OutputGuard): string | undefined {
  const target = real(resolve(io.cwd, path));
  if (guard.inputs.some((input) => real(resolve(io.cwd, input)) === target)) return `"${path}" is one of this command's inputs; write the output somewhere else`;
  for (const content of new Set([real(resolve(io.cwd, 'content')), real(resolve(PACKAGE_ROOT, 'content'))])) {
    if (target === content || target.startsWith(`${content}${sep}`)) return `"${path}" is inside the registry's content/ tree; write generated files elsewhere`;
  }
  if (existsSync(target) && !guard.force) return `"${path}" exists; pass --force to overwrite it`;
  return undefined;
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
