/** Flag parsing shared by every subcommand: node:util parseArgs, `--help`, and the exit-2 contract for bad flags. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Io } from './io.ts';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses `argv` strictly with `-h/--help` added. Prints the help and returns 0 for --help; prints the error and
 * the help and returns 2 for unknown or malformed flags; otherwise returns the parsed values and positionals.
 */
export function parseCommandArgs<O extends OptionSpecs>(command: string, help: string, argv: string[], io: Io, options: O, allowPositionals = false) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true });
  } catch (error) {
    io.stderr(`clearance ${command}: ${(error as Error).message}\n\n${help}`);
    return 2 as const;
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(help);
    return 0 as const;
  }
  if (!allowPositionals && parsed.positionals.length > 0) {
    io.stderr(`clearance ${command}: unexpected argument "${parsed.positionals[0]}"\n\n${help}`);
    return 2 as const;
  }
  return parsed;
}

/** `--today` or the real date; undefined (after printing why) when it is not a YYYY-MM-DD calendar date. */
export function checkToday(io: Io, command: string, value: string | undefined): string | undefined {
  const today = value ?? io.today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
    io.stderr(`clearance ${command}: --today must be a date, YYYY-MM-DD, not "${today}"\n`);
    return undefined;
  }
  return today;
}
