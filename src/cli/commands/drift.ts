/** `clearance drift`: the registry's route prices, context windows and lifecycles against an outside catalogue. */
import { readFileSync } from 'node:fs';
import { BUNDLE_MAX_BYTES } from '../../registry/ids.ts';
import { readTextBounded } from '../../registry/read.node.ts';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { findProvider } from '@pydantic/genai-prices';
import {
  CATALOGUE_PROVIDERS,
  CatalogueFormatError,
  compareWithCatalogue,
  deckSafeDrift,
  detectCatalogue,
  formatDriftText,
  fromGenaiPrices,
  fromLiteLLM,
  fromModelsDev,
  type Catalogue,
  type GenaiProvider,
} from '../../facts/index.ts';
import { checkToday, parseCommandArgs } from '../args.ts';
import type { Io } from '../io.ts';
import { loadCommandRegistry } from '../registry.ts';
import type { Command } from './index.ts';

const HELP = `Usage: clearance drift [--catalogue FILE] [--catalogue-date YYYY-MM-DD] [--format text|json] [--today YYYY-MM-DD]

Compares the registry's route prices, context windows and lifecycle flags with an outside catalogue and
lists every disagreement with both values, their dates and sources, and every route it could not map.
The default catalogue is the price database bundled in @pydantic/genai-prices (offline). --catalogue takes
a LiteLLM model_prices_and_context_window.json or a models.dev api.json instead (the format is detected).
Ids are mapped through each model's route id and aliases.

Options:
  --catalogue FILE       a LiteLLM or models.dev JSON file (default: the bundled genai-prices data)
  --catalogue-date DATE  when that file was downloaded, shown as the catalogue's date
  --format FORMAT        text (default) or json
  --today DATE           the day whose prices and deck-safety count (default: today)
  --registry PATH        content directory or registry bundle JSON (default: content)
  -h, --help             show this help

Exit codes:
  0  no deck-safe fact disagrees with the catalogue
  1  at least one deck-safe fact disagrees: re-source it, or record why the catalogue is wrong
  2  could not run: bad flags, unreadable registry or catalogue
`;

export const command: Command = {
  summary: 'compare route prices, context windows and lifecycles with an outside catalogue',
  async run(argv: string[], io: Io): Promise<number> {
    const parsed = parseCommandArgs('drift', HELP, argv, io, {
      catalogue: { type: 'string' },
      'catalogue-date': { type: 'string' },
      format: { type: 'string', default: 'text' },
      today: { type: 'string' },
      registry: { type: 'string' },
    }, false);
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    if (values.format !== 'text' && values.format !== 'json') {
      io.stderr(`clearance drift: --format must be text or json, not "${values.format}"\n`);
      return 2;
    }
    const today = checkToday(io, 'drift', values.today);
    if (today === undefined) return 2;
    const catalogueDate = values['catalogue-date'];
    if (catalogueDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(catalogueDate)) {
      io.stderr('clearance drift: --catalogue-date is a date, YYYY-MM-DD\n');
      return 2;
    }
    const registry = await loadCommandRegistry('drift', values.registry, io, today);
    if (registry === 2) return 2;

    let catalogue: Catalogue;
    try {
      catalogue = values.catalogue === undefined ? bundledGenaiPrices(today) : readCatalogue(resolve(io.cwd, values.catalogue), today, catalogueDate);
    } catch (e) {
      io.stderr(`clearance drift: ${values.catalogue ?? '@pydantic/genai-prices'}: ${(e as Error).message}\n`);
      return 2;
    }
    const report = compareWithCatalogue(registry, catalogue, { today });
    io.stdout(values.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatDriftText(report));
    return deckSafeDrift(report).length > 0 ? 1 : 0;
  },
};

/** The bundled genai-prices data for every provider the registry maps; dated by the package's publication. */
function bundledGenaiPrices(today: string): Catalogue {
  const ids = [...new Set(Object.values(CATALOGUE_PROVIDERS['genai-prices']).flat())];
  const providers = ids.map((id) => findProvider({ providerId: id })).filter((p) => p !== undefined) as unknown as GenaiProvider[];
  // The package exports no ./package.json; its entry point sits in dist/, next to it.
  const entry = createRequire(import.meta.url).resolve('@pydantic/genai-prices');
  const pkg = JSON.parse(readFileSync(resolve(dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return fromGenaiPrices(providers, today, { version: pkg.version, as_of: GENAI_PRICES_PUBLISHED[pkg.version] ?? `package ${pkg.version}` });
}

/** Publication dates of the genai-prices versions this project has pinned (npm registry "time"): the data's date. */
const GENAI_PRICES_PUBLISHED: Record<string, string> = { '0.1.8': '2026-09-23' };

function readCatalogue(path: string, today: string, as_of: string | undefined): Catalogue {
  let data: unknown;
  try {
    // Bounded like every input: a price catalogue is a few megabytes; a device or FIFO is refused unread.
    const read = readTextBounded(path, BUNDLE_MAX_BYTES);
    if (!('text' in read)) throw new Error(read.message);
    data = JSON.parse(read.text);
  } catch (e) {
    throw new CatalogueFormatError(`cannot read it as JSON (${(e as Error).message})`);
  }
  const meta = { version: path.split('/').pop()!, ...(as_of !== undefined ? { as_of } : {}) };
  const kind = detectCatalogue(data);
  if (kind === 'litellm') return fromLiteLLM(data, today, meta);
  if (kind === 'models.dev') return fromModelsDev(data, meta);
  throw new CatalogueFormatError('neither a LiteLLM price map (entries with litellm_provider) nor a models.dev api.json (providers with models)');
}
