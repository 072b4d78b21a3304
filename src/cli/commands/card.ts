/** `clearance card`: one fact (or a model's Open Graph card) as a PNG — or SVG — image for a slide. */
import { writeFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import type { CardContent, CardSize } from '../../cards/index.ts';
import { collectFacts, deckSafety } from '../../facts/index.ts';
import { own, suggest } from '../../registry/index.ts';
import { checkToday, parseCommandArgs } from '../args.ts';
import type { Io } from '../io.ts';
import { checkOutput } from '../output.ts';
import { loadCommandRegistry } from '../registry.ts';
import type { Command } from './index.ts';

const HELP = `Usage: clearance card <fact-id> [--size og|slide] --out FILE.png [--force]
       clearance card --model <model-id> [--size og|slide] --out FILE.png [--force]

Draws a fact as an image: the statement, the value large, the source line and date, and the status. A fact
that is not deck-safe on --today gets a red or amber band saying why. Fonts are bundled (Inter from
node_modules); nothing is fetched. An --out path ending in .svg writes the SVG instead of a PNG.
Fact ids are listed by "clearance facts"; derived facts look like model:<model-id>:context_tokens.

Options:
  --size SIZE       og (1200×630, default) or slide (1920×1080)
  --out FILE        where to write the image (required; nothing in content/, an existing file only with
                    --force)
  --force           let --out overwrite an existing file
  --model ID        draw the model's Open Graph card instead of a fact
  --today DATE      the deck's date for expiry and staleness (default: today)
  --registry PATH   content directory or registry bundle JSON (default: content)
  -h, --help        show this help

Exit codes:
  0  image written
  2  could not run: bad flags, unknown fact or model, unreadable registry, unwritable --out
`;

export const command: Command = {
  summary: 'draw a fact (or a model) as a card image, PNG or SVG',
  async run(argv: string[], io: Io): Promise<number> {
    const parsed = parseCommandArgs('card', HELP, argv, io, {
          size: { type: 'string', default: 'og' },
          out: { type: 'string' },
          model: { type: 'string' },
          today: { type: 'string' },
          registry: { type: 'string' },
          force: { type: 'boolean', default: false },
        }, true);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const size = values.size as CardSize;
    if (size !== 'og' && size !== 'slide') {
      io.stderr(`clearance card: --size must be og or slide, not "${values.size}"\n`);
      return 2;
    }
    if (values.out === undefined) {
      io.stderr(`clearance card: --out FILE.png is required\n\n${HELP}`);
      return 2;
    }
    if (!checkOutput(io, 'card', 'out', values.out, [values.registry], values.force)) return 2;
    const wanted = values.model === undefined ? 1 : 0;
    if (positionals.length !== wanted) {
      io.stderr(`clearance card: give ${wanted === 1 ? 'one fact id' : 'either --model or a fact id, not both'}\n\n${HELP}`);
      return 2;
    }
    const today = checkToday(io, 'card', values.today);
    if (today === undefined) return 2;
    const registry = await loadCommandRegistry('card', values.registry, io, today);
    if (registry === 2) return 2;
    // Loaded here, not at the top: satori and resvg would slow every other command's start.
    const { CARD_SIZES, factCardContent, modelCardContent, renderCardSvg } = await import('../../cards/index.ts');
    const { createCardRenderer, loadCardFonts } = await import('../../cards/render.node.ts');

    let content: CardContent;
    let verdict: string;
    if (values.model !== undefined) {
      if (own(registry.models, values.model) === undefined) {
        io.stderr(`clearance card: unknown model "${values.model}"${suggest(values.model, Object.keys(registry.models))}\n`);
        return 2;
      }
      content = modelCardContent(registry, values.model);
      verdict = 'model card';
    } else {
      const id = positionals[0]!;
      const facts = collectFacts(registry);
      const fact = facts.find((f) => f.id === id);
      if (!fact) {
        io.stderr(`clearance card: unknown fact "${id}"${suggest(id, facts.map((f) => f.id))}; list ids with clearance facts\n`);
        return 2;
      }
      const safety = deckSafety(fact, registry.sources, { today });
      content = factCardContent(fact, safety, registry.sources, size);
      verdict = safety.deck_safe ? 'deck-safe' : `NOT deck-safe: ${safety.why_not.map((r) => r.code).join(', ')}`;
    }

    const out = isAbsolute(values.out) ? values.out : resolve(io.cwd, values.out);
    const { width, height } = CARD_SIZES[size];
    let bytes: Uint8Array | string;
    if (out.toLowerCase().endsWith('.svg')) {
      bytes = await renderCardSvg(content, size, loadCardFonts());
    } else {
      // The CLI may run from an installed package: no cache, so nothing is written next to it.
      const renderer = await createCardRenderer({ cacheDir: false });
      bytes = (await renderer.render(content, size)).png;
    }
    try {
      writeFileSync(out, bytes);
    } catch (error) {
      io.stderr(`clearance card: cannot write "${values.out}": ${(error as Error).message}\n`);
      return 2;
    }
    io.stdout(`wrote ${values.out} (${width}×${height}, ${verdict})\n`);
    return 0;
  },
};
