#!/usr/bin/env node
/**
 * `clearance` entry point: dispatches to a subcommand and sets the exit code. The only place that exits.
 * Exit codes: 0 clean, 1 findings at error severity, 2 could not run (bad flags, unreadable input).
 */
import { COMMANDS, usage } from './commands/index.ts';
import module from 'node:module';
import { nodeIo, type Io } from './io.ts';

export async function main(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(await usage());
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!load) {
    io.stderr(`clearance: unknown command "${name}"\n\n${await usage()}`);
    return 2;
  }
  try {
    return await (await load()).run(rest, io);
  } catch (error) {
    // An internal error is a bug, but it must still fail closed with a message, never a silent pass.
    io.stderr(`clearance ${name}: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return 2;
  }
}

if (import.meta.main) {
  // Cache compiled code between runs: CI calls the CLI on every push, and start-up is most of its time.
  module.enableCompileCache?.();
  process.exitCode = await main(process.argv.slice(2), nodeIo());
}
