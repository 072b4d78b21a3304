/**
 * The subcommands of `clearance`. Adding one: a file in this folder exporting `command`, and one line here.
 * Commands load lazily so `clearance lint` does not pay for the card renderer or the sizing engine.
 */
import type { Io } from '../io.ts';

export interface Command {
  /** One line for `clearance --help`. */
  summary: string;
  run(argv: string[], io: Io): Promise<number>;
}

export const COMMANDS: Record<string, () => Promise<Command>> = {
  validate: async () => (await import('./validate.ts')).command,
  lint: async () => (await import('./lint.ts')).command,
  init: async () => (await import('./init.ts')).command,
  bom: async () => (await import('./bom.ts')).command,
  allowlist: async () => (await import('./allowlist.ts')).command,
  notice: async () => (await import('./notice.ts')).command,
  size: async () => (await import('./size.ts')).command,
  facts: async () => (await import('./facts.ts')).command,
  card: async () => (await import('./card.ts')).command,
  drift: async () => (await import('./drift.ts')).command,
  import: async () => (await import('./import.ts')).command,
};

export async function usage(): Promise<string> {
  const names = Object.keys(COMMANDS);
  const width = Math.max(...names.map((n) => n.length));
  const summaries = await Promise.all(names.map(async (name) => (await COMMANDS[name]!()).summary));
  const lines = names.map((name, i) => `  ${name.padEnd(width)}  ${summaries[i]}`);
  return `Usage: clearance <command> [options]

Commands:
${lines.join('\n')}

Run "clearance <command> --help" for a command's options.

Exit codes:
  0  no errors
  1  findings at error severity (policy violations, invalid registry)
  2  could not run: bad flags, unreadable or unparsable input, internal error
`;
}
