/** `clearance facts`: every fact with its deck-safety verdict and a citation ready to paste. */
import { collectFacts, FACT_FORMATS, formatFacts, selectFacts, viewFacts, type FactFormat, type FactView } from '../../facts/index.ts';
import { suggest } from '../../registry/index.ts';
import { checkToday, parseCommandArgs } from '../args.ts';
import type { Io } from '../io.ts';
import { loadCommandRegistry } from '../registry.ts';
import type { Command } from './index.ts';

const HELP = `Usage: clearance facts [--subject ID] [--deck-safe] [--format text|json|csv|markdown] [--today YYYY-MM-DD]

Lists the registry's facts — standalone facts (content/facts) and the claim-bearing fields of models,
licenses and providers — each with its status, whether it is deck-safe on --today and, if not, why not.
Deck-safe: verified by a primary source that was read, or two independent publishers (community price
catalogues count as one), nothing against it, no citation of the project's notes, a source a reader can
find, not expired, retired, replaced or stale, caveats present, papers cited by version, prices from the
provider's own page, certifications with scope and a certificate, lists that say whether they are complete,
amounts with their period. docs/facts.md has every rule.

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

export const command: Command = {
  summary: 'list facts with their status, deck-safety and a citation ready to paste',
  async run(argv: string[], io: Io): Promise<number> {
    const parsed = parseCommandArgs('facts', HELP, argv, io, {
          subject: { type: 'string' },
          origin: { type: 'string' },
          'deck-safe': { type: 'boolean', default: false },
          format: { type: 'string', default: 'text' },
          today: { type: 'string' },
          'max-age': { type: 'string', default: '365' },
          registry: { type: 'string' },
        }, false);
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
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
    const registry = await loadCommandRegistry('facts', values.registry, io, today);
    if (registry === 2) return 2;

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
