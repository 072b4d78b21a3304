/** Flag parsing shared by every subcommand: node:util parseArgs, `--help`, and the exit-2 contract for bad flags. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { MAX_ID_LENGTH } from '../registry/ids.ts';
import { isCalendarDate } from '../registry/schema/refinements.ts';
import type { Io } from './io.ts';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/**
 * Parses `argv` strictly with `-h/--help` added. Prints the help and returns 0 for --help; prints the error and
 * the help and returns 2 for unknown or malformed flags, a flag given twice (unless its spec says `multiple`:
 * a repeated flag would otherwise silently keep only its last value), or a value longer than any id can be;
 * otherwise returns the parsed values and positionals.
 */
export function parseCommandArgs<O extends OptionSpecs>(command: string, help: string, argv: string[], io: Io, options: O, allowPositionals = false) {
  const specs = { ...options, help: { type: 'boolean', short: 'h' } } as const;
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: specs, strict: true, allowPositionals: true, tokens: true });
  } catch (error) {
    io.stderr(`clearance ${command}: ${(error as Error).message}\n\n${help}`);
    return 2 as const;
  }
  const seen = new Set<string>();
  for (const token of parsed.tokens ?? []) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(specs, token.name) ? (specs as OptionSpecs)[token.name] : undefined;
    if (seen.has(token.name) && !spec?.multiple) {
      io.stderr(`clearance ${command}: --${token.name} is given twice; give it once (a repeated flag would silently keep only its last value)\n`);
      return 2 as const;
    }
    seen.add(token.name);
    if (token.value !== undefined && token.value.length > MAX_FLAG_LENGTH) {
      io.stderr(`clearance ${command}: the value of --${token.name} is ${token.value.length} characters long; the limit is ${MAX_FLAG_LENGTH}\n`);
      return 2 as const;
    }
  }
  if ((parsed.values as { help?: boolean }).help) {
    io.stdout(help);
    return 0 as const;
  }
  if (!allowPositionals && parsed.positionals.length > 0) {
    io.stderr(`clearance ${command}: unexpected argument "${parsed.positionals[0]}"\n\n${help}`);
    return 2 as const;
  }
  const { values, positionals } = parsed;
  return { values, positionals };
}

/** Longest flag value accepted: ids are capped at MAX_ID_LENGTH, and a path is at most the OS's PATH_MAX (4096). */
const MAX_FLAG_LENGTH = Math.max(MAX_ID_LENGTH, 4096);

/** `--today` or the real date; undefined (after printing why) when it is not a YYYY-MM-DD calendar date. */
export function checkToday(io: Io, command: string, value: string | undefined): string | undefined {
  const today = value ?? io.today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || !isCalendarDate(today)) {
    io.stderr(`clearance ${command}: --today must be a real calendar date, YYYY-MM-DD, not "${today}"\n`);
    return undefined;
  }
  return today;
}
