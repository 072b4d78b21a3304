/** The subcommands of `clearance`. Adding one: a file in this folder exporting `command`, and one line here. */
import type { Io } from '../io.ts';
import { command as validate } from './validate.ts';
import { command as lint } from './lint.ts';
import { command as bom } from './bom.ts';
import { command as facts } from './facts.ts';
import { command as card } from './card.ts';
import { command as size } from './size.ts';

export interface Command {
  /** One line for `clearance --help`. */
  summary: string;
  run(argv: string[], io: Io): Promise<number>;
}

export const COMMANDS: Record<string, Command> = {
  validate,
  lint,
  bom,
  facts,
  card,
  size,
};

export function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((n) => n.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
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
