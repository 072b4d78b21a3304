/**
 * The cards' Node shell (like registry/load.ts for the registry): reads the bundled fonts from node_modules,
 * encodes PNG with @resvg/resvg-js, and keeps a disk cache keyed by content hash so unchanged cards are not
 * redrawn. Used by `clearance card`, the site build and the bench; the pure pipeline is in ./index.ts.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { Resvg } from '@resvg/resvg-js';
import type { Registry } from '../registry/index.ts';
import { modelCardContent, type CardContent } from './content.ts';
import { CARD_FONT_FILES, type CardFont } from './fonts.ts';
import { cardCacheKey, sha256Hex } from './hash.ts';
import { CARD_SIZES, type CardSize } from './layout.ts';
import { renderCardSvg } from './svg.ts';

const require = createRequire(import.meta.url);

/** Where cards are cached between builds (`node_modules/.cache` is the convention build tools share). */
export const DEFAULT_CARD_CACHE_DIR = fileURLToPath(new URL('../../node_modules/.cache/clearance-cards/', import.meta.url));

let fontCache: CardFont[] | undefined;

/** The card fonts, read from the @fontsource/inter package in node_modules — never from the system. */
export function loadCardFonts(): CardFont[] {
  if (fontCache) return fontCache;
  fontCache = CARD_FONT_FILES.map((f) => {
    let path: string;
    try {
      path = require.resolve(f.file);
    } catch {
      throw new Error(`card font "${f.file}" is missing; run npm install (it comes from the @fontsource/inter package)`);
    }
    return { name: f.name, weight: f.weight, style: 'normal' as const, data: readFileSync(path) };
  });
  return fontCache;
}

/** SVG → PNG at the card's pixel size. System fonts are off: satori already turned text into paths. */
export function svgToPng(svg: string, width: number): Uint8Array {
  return new Resvg(svg, { fitTo: { mode: 'width', value: width }, font: { loadSystemFonts: false }, background: '#ffffff' }).render().asPng();
}

export interface RenderedCard {
  png: Uint8Array;
  key: string;
  cached: boolean;
  /** Wall time of this render (cache read or full draw). */
  ms: number;
}

export interface CardRendererStats {
  rendered: number;
  cacheHits: number;
  /** Total milliseconds spent drawing cards that were not cached. */
  drawMs: number;
}

export interface CardJob {
  content: CardContent;
  size: CardSize;
}

export interface CardRenderer {
  render(content: CardContent, size: CardSize): Promise<RenderedCard>;
  /**
   * Renders many cards: cache hits are read here, misses are drawn by worker threads (one per core, up to
   * `concurrency`), so a cold site build uses every core. Results come back in the order of `jobs`.
   */
  renderMany(jobs: readonly CardJob[], options?: { concurrency?: number }): Promise<RenderedCard[]>;
  stats: CardRendererStats;
}

export interface CardRendererOptions {
  /** Cache directory, or false to always draw. Default: node_modules/.cache/clearance-cards. */
  cacheDir?: string | false;
  fonts?: CardFont[];
  /**
   * The worker script for renderMany. Bundlers (the Astro build) move this module away from its sibling files,
   * so the site passes the source path; when the file is not there, cards are drawn in-process.
   */
  workerUrl?: URL;
}

/** A renderer with a content-hash cache: the same card content, size and toolchain give the same file. */
export async function createCardRenderer(options: CardRendererOptions = {}): Promise<CardRenderer> {
  const fonts = options.fonts ?? loadCardFonts();
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CARD_CACHE_DIR : options.cacheDir;
  // The toolchain is part of the key: new font bytes or a satori/resvg upgrade redraws every card.
  const toolchain = `${await sha256Hex(fonts.map((f) => `${f.name}:${f.weight}:${Buffer.from(f.data as Uint8Array).toString('base64')}`).join('|'))}|satori@${packageVersion('satori')}|resvg@${packageVersion('@resvg/resvg-js')}`;
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const stats: CardRendererStats = { rendered: 0, cacheHits: 0, drawMs: 0 };
  const workerUrl = options.workerUrl ?? new URL('./render-worker.node.ts', import.meta.url);
  const workersAvailable = workerUrl.protocol === 'file:' && existsSync(fileURLToPath(workerUrl));
  const fileOf = (key: string) => (cacheDir ? join(cacheDir, `${key}.png`) : undefined);
  const cached = (key: string, started: number): RenderedCard | undefined => {
    const file = fileOf(key);
    if (!file) return undefined;
    try {
      const png = readFileSync(file);
      stats.cacheHits++;
      return { png, key, cached: true, ms: performance.now() - started };
    } catch {
      return undefined; // Not cached yet.
    }
  };
  const drawn = (key: string, png: Uint8Array, started: number): RenderedCard => {
    const file = fileOf(key);
    if (file) writeAtomically(file, png);
    const ms = performance.now() - started;
    stats.rendered++;
    stats.drawMs += ms;
    return { png, key, cached: false, ms };
  };
  return {
    stats,
    async render(content, size) {
      const started = performance.now();
      const key = await cardCacheKey(content, size, toolchain);
      return cached(key, started) ?? drawn(key, await drawCard(content, size, fonts), started);
    },
    async renderMany(jobs, manyOptions = {}) {
      const started = performance.now();
      const keys = await Promise.all(jobs.map((j) => cardCacheKey(j.content, j.size, toolchain)));
      const results: (RenderedCard | undefined)[] = keys.map((key) => cached(key, started));
      const misses = results.flatMap((r, i) => (r === undefined ? [i] : []));
      const workers = workersAvailable ? Math.min(manyOptions.concurrency ?? availableParallelism(), Math.ceil(misses.length / 8)) : 1;
      if (workers <= 1) {
        for (const i of misses) {
          const drawStarted = performance.now();
          results[i] = drawn(keys[i]!, await drawCard(jobs[i]!.content, jobs[i]!.size, fonts), drawStarted);
        }
        return results as RenderedCard[];
      }
      await drawInWorkers(workerUrl, workers, misses.map((i) => ({ index: i, job: jobs[i]! })), (index, png, ms) => {
        results[index] = drawn(keys[index]!, png, performance.now() - ms);
      });
      return results as RenderedCard[];
    },
  };
}

/** Layout → SVG → PNG for one card. */
export async function drawCard(content: CardContent, size: CardSize, fonts: readonly CardFont[]): Promise<Uint8Array> {
  return svgToPng(await renderCardSvg(content, size, fonts), CARD_SIZES[size].width);
}

/** Write then rename, so a parallel build never reads a half-written file. */
function writeAtomically(file: string, bytes: Uint8Array) {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, file);
}

/** Spreads card drawing over worker threads; each worker loads the fonts once. */
async function drawInWorkers(workerUrl: URL, count: number, queue: { index: number; job: CardJob }[], done: (index: number, png: Uint8Array, ms: number) => void): Promise<void> {
  let next = 0;
  const runWorker = () =>
    new Promise<void>((resolveWorker, rejectWorker) => {
      const worker = new Worker(workerUrl);
      const feed = () => {
        const item = queue[next++];
        if (item === undefined) {
          void worker.terminate().then(() => resolveWorker());
          return;
        }
        worker.postMessage(item);
      };
      worker.on('message', (msg: { index: number; png: Uint8Array; ms: number }) => {
        done(msg.index, msg.png, msg.ms);
        feed();
      });
      worker.on('error', rejectWorker);
      feed();
    });
  await Promise.all(Array.from({ length: count }, runWorker));
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

let ogRenderer: Promise<CardRenderer> | undefined;

/**
 * The Open Graph image of a model page: a 1200×630 PNG with the model's name, license, size and context, drawn
 * through the same cache as fact cards. For the site's model pages (`<meta property="og:image">`), e.g. from an
 * endpoint `models/[...id].og.png.ts` whose GET returns `new Response(await modelOgImage(registry, id))`.
 */
export async function modelOgImage(registry: Registry, modelId: string, renderer?: CardRenderer): Promise<Uint8Array> {
  // The default renderer (and its cache directory) only when none is given: the site passes its own.
  const use = renderer ?? (await (ogRenderer ??= createCardRenderer()));
  return (await use.render(modelCardContent(registry, modelId), 'og')).png;
}
