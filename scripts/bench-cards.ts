/**
 * Card rendering bench: draws the cards the site publishes into an empty cache (cold build), then again with a new
 * renderer on the same cache (second build), and reports time per card and cache hits. By default that is what the
 * site builds: a 1200×630 card for every fact and a 1920×1080 slide for each pitch fact (content/facts).
 * `npm run bench` calls benchCards(); `node scripts/bench-cards.ts [--slides pitch|all|none] [--registry PATH]` runs it alone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { factCardContent, type CardSize } from '../src/cards/index.ts';
import { createCardRenderer, type CardJob } from '../src/cards/render.node.ts';
import { collectFacts, deckSafety } from '../src/facts/index.ts';
import { loadRegistry } from '../src/registry/load.ts';

export interface CardBenchOptions {
  /** Content directory or bundle (default: content/ of this repo). */
  registry?: string;
  /** Which facts also get a 1920×1080 slide: pitch facts only (as the site), every fact, or none. */
  slides?: 'pitch' | 'all' | 'none';
  /** Worker threads for drawing (default: one per core). */
  concurrency?: number;
  /** Date the deck-safety bands are computed for (default: today). */
  today?: string;
}

export interface CardBenchResult {
  facts: number;
  cards: number;
  slides: 'pitch' | 'all' | 'none';
  /** ms: wall time of the build; msPerCard: wall time ÷ cards; drawMsPerCard: time one drawn card takes on one core. */
  cold: BuildTiming;
  warm: BuildTiming;
  concurrency: number;
  /** Share of the second build served from the cache (1 = nothing redrawn). */
  hitRate: number;
}

export interface BuildTiming {
  ms: number;
  msPerCard: number;
  drawMsPerCard: number;
  rendered: number;
  cacheHits: number;
}

export async function benchCards(options: CardBenchOptions = {}): Promise<CardBenchResult> {
  const registryPath = options.registry ?? new URL('../content/', import.meta.url).pathname;
  const slides = options.slides ?? 'pitch';
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const { registry } = loadRegistry(registryPath);
  const facts = collectFacts(registry);
  const jobs: CardJob[] = [];
  for (const fact of facts) {
    const content = factCardContent(fact, deckSafety(fact, registry.sources, { today }), registry.sources);
    const sizes: CardSize[] = slides === 'all' || (slides === 'pitch' && fact.origin.kind === 'fact') ? ['og', 'slide'] : ['og'];
    for (const size of sizes) jobs.push({ content, size });
  }
  const cacheDir = mkdtempSync(join(tmpdir(), 'clearance-bench-cards-'));
  try {
    const build = async () => {
      const renderer = await createCardRenderer({ cacheDir });
      const started = performance.now();
      await renderer.renderMany(jobs, options.concurrency !== undefined ? { concurrency: options.concurrency } : {});
      const ms = performance.now() - started;
      const { rendered, cacheHits, drawMs } = renderer.stats;
      return { ms: round(ms), msPerCard: round(ms / Math.max(1, jobs.length)), drawMsPerCard: round(drawMs / Math.max(1, rendered)), rendered, cacheHits };
    };
    const cold = await build();
    const warm = await build();
    return { facts: facts.length, cards: jobs.length, slides, cold, warm, concurrency: options.concurrency ?? availableParallelism(), hitRate: jobs.length === 0 ? 1 : warm.cacheHits / jobs.length };
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

/** One line per build, for humans. */
export function formatCardBench(r: CardBenchResult): string {
  return [
    `cards: ${r.cards} (${r.facts} facts at 1200×630, slides at 1920×1080 for ${r.slides === 'pitch' ? 'pitch facts' : r.slides === 'all' ? 'every fact' : 'none'}), ${r.concurrency} worker${r.concurrency === 1 ? '' : 's'}`,
    `  first build:  ${r.cold.rendered} drawn, ${r.cold.cacheHits} cached, ${(r.cold.ms / 1000).toFixed(1)} s, ${r.cold.msPerCard} ms per card (${r.cold.drawMsPerCard} ms to draw one)`,
    `  second build: ${r.warm.rendered} drawn, ${r.warm.cacheHits} cached (${(r.hitRate * 100).toFixed(1)}% hits), ${(r.warm.ms / 1000).toFixed(2)} s, ${r.warm.msPerCard} ms per card`,
  ].join('\n');
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { slides: { type: 'string', default: 'pitch' }, registry: { type: 'string' }, today: { type: 'string' }, concurrency: { type: 'string' } } });
  const slides = values.slides === 'all' || values.slides === 'none' ? values.slides : 'pitch';
  const result = await benchCards({ slides, ...(values.concurrency ? { concurrency: Number(values.concurrency) } : {}), ...(values.registry ? { registry: values.registry } : {}), ...(values.today ? { today: values.today } : {}) });
  console.log(formatCardBench(result));
}
