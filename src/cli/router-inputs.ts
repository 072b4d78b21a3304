/**
 * What every command that judges router configs reads: the policy (or the shipped default) and the config
 * files, as the user named them. Unreadable files become located `config/unreadable` findings, like lint's.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { CONFIG_CODES, parsePolicy, type LintInput, type LoadedPolicy, type PolicyFinding } from '../policy/engine.ts';
import { FAST_SHAPES } from '../policy/fast-shapes.node.ts';
import { ruleUrl } from '../registry/codes.ts';
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
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    io.stderr(`clearance ${command}: cannot read policy "${option ?? path}": ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}\n`);
    return undefined;
  }
  const file = displayPath(io, option ?? path);
  const parsed = parsePolicy(file, text, FAST_SHAPES);
  return { ...parsed, name: parsed.policy?.policy.name ?? file, file };
}

/** The config files as lint inputs, and a located finding for each one that cannot be read. */
export function readConfigs(paths: readonly string[], io: Io): { inputs: LintInput[]; unreadable: PolicyFinding[] } {
  const inputs: LintInput[] = [];
  const unreadable: PolicyFinding[] = [];
  for (const path of paths) {
    const file = displayPath(io, path);
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
  return { inputs, unreadable };
}

/** Located one-line findings on standard error (for commands whose output is not a lint report). */
export function printFindings(io: Io, findings: readonly PolicyFinding[]): void {
  for (const f of findings) io.stderr(`${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.code}  ${f.message}\n${f.hint ? `    hint: ${f.hint}\n` : ''}`);
}
