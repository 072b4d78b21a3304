/**
 * The cards' Node shell (like registry/load.ts for the registry): reads the bundled fonts from node_modules,
 * encodes PNG with @resvg/resvg-js, and keeps a disk cache keyed by content hash so unchanged cards are not
 * redrawn. Used by `clearance card`, the site build and the bench; the pure pipeline is in ./index.ts.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import type { CardContent } from './content.ts';
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

export interface CardRenderer {
  render(content: CardContent, size: CardSize): Promise<RenderedCard>;
  stats: CardRendererStats;
}

export interface CardRendererOptions {
  /** Cache directory, or false to always draw. Default: node_modules/.cache/clearance-cards. */
  cacheDir?: string | false;
  fonts?: CardFont[];
}

/** A renderer with a content-hash cache: the same card content, size and toolchain give the same file. */
export async function createCardRenderer(options: CardRendererOptions = {}): Promise<CardRenderer> {
  const fonts = options.fonts ?? loadCardFonts();
  const cacheDir = options.cacheDir === undefined ? DEFAULT_CARD_CACHE_DIR : options.cacheDir;
  // The toolchain is part of the key: new font bytes or a satori/resvg upgrade redraws every card.
  const toolchain = `${await sha256Hex(fonts.map((f) => `${f.name}:${f.weight}:${Buffer.from(f.data as Uint8Array).toString('base64')}`).join('|'))}|satori@${packageVersion('satori')}|resvg@${packageVersion('@resvg/resvg-js')}`;
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const stats: CardRendererStats = { rendered: 0, cacheHits: 0, drawMs: 0 };
  return {
    stats,
    async render(content, size) {
      const started = performance.now();
      const key = await cardCacheKey(content, size, toolchain);
      const file = cacheDir ? join(cacheDir, `${key}.png`) : undefined;
      if (file) {
        try {
          const png = readFileSync(file);
          stats.cacheHits++;
          return { png, key, cached: true, ms: performance.now() - started };
        } catch {
          // Not cached yet.
        }
      }
      const svg = await renderCardSvg(content, size, fonts);
      const png = svgToPng(svg, CARD_SIZES[size].width);
      if (file) {
        // Write then rename, so a parallel build never reads a half-written file.
        const tmp = `${file}.${process.pid}.tmp`;
        writeFileSync(tmp, png);
        renameSync(tmp, file);
      }
      const ms = performance.now() - started;
      stats.rendered++;
      stats.drawMs += ms;
      return { png, key, cached: false, ms };
    },
  };
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}
