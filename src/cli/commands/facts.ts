/** `clearance facts`: every fact with its deck-safety verdict and a citation ready to paste. */
import { isAbsolute, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { collectFacts, FACT_FORMATS, formatFacts, selectFacts, viewFacts, type FactFormat, type FactView } from '../../facts/index.ts';
import { countFindings, suggest, type Registry } from '../../registry/index.ts';
import { LoadError, loadRegistry } from '../../registry/load.ts';
import type { Io } from '../io.ts';
import type { Command } from './index.ts';

const HELP = `Usage: clearance facts [--subject ID] [--deck-safe] [--format text|json|csv|markdown] [--today YYYY-MM-DD]

Lists the registry's facts — standalone facts (content/facts) and the claim-bearing fields of models,
licenses and providers — each with its status, whether it is deck-safe on --today and, if not, why not.
Deck-safe: verified by a primary source or two independent secondary sources, nothing against it, not
expired, not stale, caveats present, papers cited by version.

Options:
  --subject ID      only facts about this model, license, provider, vendor id, or "market"
  --origin KIND     only facts held in: fact (content/facts), model, license or provider
  --deck-safe       only deck-safe facts
  --format FORMAT   text (default), json, csv or markdown
  --today DATE      the deck's date for expiry and staleness (default: today)
  --max-age DAYS    a fact reviewed longer ago is stale (default: 365)
  --registry PATH   content directory or registry bundle JSON (default: content)
  -h, --help        show this help

Exit codes:
  0  facts listed (possibly none after --deck-safe)
  2  could not run: bad flags, unreadable registry, unknown --subject
`;

const ORIGINS = ['fact', 'model', 'license', 'provider'] as const;

/** Loads the registry for the facts and card commands; reports registry errors on stderr without failing. */
export function loadForFacts(io: Io, command: string, registryArg: string): Registry | undefined {
  const abs = isAbsolute(registryArg) ? registryArg : resolve(io.cwd, registryArg);
  const display = isAbsolute(registryArg) ? registryArg : relative(io.cwd, abs) || '.';
  let loaded;
  try {
    loaded = loadRegistry(abs, { displayPrefix: `${display.replace(/\/+$/, '')}/` });
  } catch (error) {
    if (error instanceof LoadError) {
      io.stderr(`clearance ${command}: ${error.message}\n`);
      return undefined;
    }
    throw error;
  }
  const { errors } = countFindings(loaded.findings);
  if (errors > 0) {
    // Entries that failed validation are left out; what is listed is still judged on its own sources.
    io.stderr(`clearance ${command}: warning: the registry has ${errors} error${errors === 1 ? '' : 's'}; entries with errors are left out (run clearance validate)\n`);
  }
  return loaded.registry;
}

export function checkToday(io: Io, command: string, value: string | undefined): string | undefined {
  const today = value ?? io.today;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(Date.parse(`${today}T00:00:00Z`))) {
    io.stderr(`clearance ${command}: --today must be a date, YYYY-MM-DD, not "${today}"\n`);
    return undefined;
  }
  return today;
}

export const command: Command = {
  summary: 'list facts with their status, deck-safety and a citation ready to paste',
  async run(argv: string[], io: Io): Promise<number> {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        options: {
          subject: { type: 'string' },
          origin: { type: 'string' },
          'deck-safe': { type: 'boolean', default: false },
          format: { type: 'string', default: 'text' },
          today: { type: 'string' },
          'max-age': { type: 'string', default: '365' },
          registry: { type: 'string', default: 'content' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      io.stderr(`clearance facts: ${(error as Error).message}\n\n${HELP}`);
      return 2;
    }
    if (values.help) {
      io.stdout(HELP);
      return 0;
    }
    const format = values.format as FactFormat;
    if (!FACT_FORMATS.includes(format)) {
      io.stderr(`clearance facts: --format must be one of ${FACT_FORMATS.join(', ')}, not "${values.format}"\n`);
      return 2;
    }
    if (values.origin !== undefined && !(ORIGINS as readonly string[]).includes(values.origin)) {
      io.stderr(`clearance facts: --origin must be one of ${ORIGINS.join(', ')}, not "${values.origin}"\n`);
      return 2;
    }
    const today = checkToday(io, 'facts', values.today);
    if (today === undefined) return 2;
    const maxAgeDays = Number(values['max-age']);
    if (!Number.isInteger(maxAgeDays) || maxAgeDays <= 0) {
      io.stderr('clearance facts: --max-age must be a positive whole number of days\n');
      return 2;
    }
    const registry = loadForFacts(io, 'facts', values.registry);
    if (!registry) return 2;

    let views: FactView[] = viewFacts(collectFacts(registry), registry.sources, { today, maxAgeDays });
    if (values.origin !== undefined) views = views.filter((v) => v.fact.origin.kind === values.origin);
    if (values.subject !== undefined) {
      const about = selectFacts(views, { subject: values.subject });
      if (about.length === 0) {
        const ids = [...new Set(views.flatMap((v) => [v.fact.origin.id, v.fact.subject.id ?? v.fact.subject.kind]))];
        io.stderr(`clearance facts: no facts about "${values.subject}"${suggest(values.subject, ids)}\n`);
        return 2;
      }
      views = about;
    }
    views = selectFacts(views, { deckSafeOnly: values['deck-safe'] });
    io.stdout(formatFacts(format, views, registry.sources, today));
    return 0;
  },
};
