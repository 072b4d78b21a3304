/**
 * Cards: golden images for a few (decoded pixels compared with a tolerance, so anti-aliasing noise does not
 * fail the build but a moved line or a missing band does), SVG snapshots for the rest. Fonts come from
 * node_modules, so the pixels do not depend on the machine. Update goldens: CLEARANCE_UPDATE_GOLDEN=1 npx vitest run src/cards
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { collectFacts, deckSafety, type FactRecord } from '../facts/index.ts';
import { loadRegistry } from '../registry/load.ts';
import { cardFileName, CARD_SIZES, factCardContent, modelCardContent, renderCardSvg, unsupportedChars, type CardContent, type CardSize } from './index.ts';
import { createCardRenderer, loadCardFonts } from './render.node.ts';

const FIXTURE = new URL('../facts/__fixtures__/registry/', import.meta.url).pathname;
const GOLDEN = new URL('./__fixtures__/golden/', import.meta.url).pathname;
const { registry } = loadRegistry(FIXTURE);
const facts = collectFacts(registry);
const fonts = loadCardFonts();
const TODAY = '2026-11-22';

function content(fact: FactRecord, size: CardSize = 'og'): CardContent {
  return factCardContent(fact, deckSafety(fact, registry.sources, { today: TODAY }), registry.sources, size);
}
const fact = (id: string) => facts.find((f) => f.id === id)!;

/** Minimal PNG decoder (8-bit RGBA or RGB, non-interlaced — what resvg writes) for comparing pixels. */
function decodePng(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const colorType = png[25]!;
  const channels = colorType === 6 ? 4 : colorType === 2 ? 3 : 0;
  if (png[24] !== 8 || channels === 0 || png[28] !== 0) throw new Error('only 8-bit RGB(A), non-interlaced PNGs');
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 4);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? cur[x - channels]! : 0;
      const b = prev[x]!;
      const c = x >= channels ? prev[x - channels]! : 0;
      const p = a + b - c;
      const pred = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      cur[x] = (line[x]! + pred) & 0xff;
    }
    for (let x = 0; x < width; x++) {
      for (let k = 0; k < 4; k++) out[(y * width + x) * 4 + k] = k < channels ? cur[x * channels + k]! : 255;
    }
    prev = cur;
  }
  return { width, height, rgba: out };
}

/** Share of pixels whose channels differ by more than `threshold` (0–255). */
function pixelDifference(a: Uint8Array, b: Uint8Array, threshold = 24): number {
  let differing = 0;
  for (let i = 0; i < a.length; i += 4) {
    if (Math.abs(a[i]! - b[i]!) > threshold || Math.abs(a[i + 1]! - b[i + 1]!) > threshold || Math.abs(a[i + 2]! - b[i + 2]!) > threshold) differing++;
  }
  return differing / (a.length / 4);
}

const GOLDEN_CASES: [string, string, CardSize][] = [
  ['a deck-safe benchmark cited by paper version', 'opsbench-agents', 'og'],
  ['an unsupported price with its red warning band', 'acme-price-wrong', 'og'],
  ['a single-source claim with an amber band, as a slide', 'forum-throughput', 'slide'],
];

describe('golden card images', () => {
  it.each(GOLDEN_CASES)('%s (%s, %s)', async (_what, id, size) => {
    const svg = await renderCardSvg(content(fact(id), size), size, fonts);
    const rendered = new Resvg(svg, { fitTo: { mode: 'width', value: CARD_SIZES[size].width }, font: { loadSystemFonts: false }, background: '#ffffff' }).render();
    const file = join(GOLDEN, cardFileName(id, size));
    if (process.env.CLEARANCE_UPDATE_GOLDEN === '1' || !existsSync(file)) {
      mkdirSync(GOLDEN, { recursive: true });
      writeFileSync(file, rendered.asPng());
    }
    const golden = decodePng(readFileSync(file));
    expect([golden.width, golden.height]).toEqual([CARD_SIZES[size].width, CARD_SIZES[size].height]);
    expect([rendered.width, rendered.height]).toEqual([golden.width, golden.height]);
    // Up to 0.2% of pixels may differ by more than 24/255 (anti-aliasing across CPUs); a moved text line is several percent.
    expect(pixelDifference(new Uint8Array(rendered.pixels), golden.rgba)).toBeLessThan(0.002);
  });

  it('tells a changed card from the golden one', async () => {
    const golden = decodePng(readFileSync(join(GOLDEN, cardFileName('acme-price-wrong', 'og'))));
    const other = new Resvg(await renderCardSvg(content(fact('tender-award')), 'og', fonts), { fitTo: { mode: 'width', value: 1200 }, font: { loadSystemFonts: false }, background: '#ffffff' }).render();
    expect(pixelDifference(new Uint8Array(other.pixels), golden.rgba)).toBeGreaterThan(0.02);
  });
});

/** Every standalone fixture fact (each status, band and value shape) and one of each derived kind. */
const SNAPSHOT_IDS = [
  ...facts.filter((f) => f.origin.kind === 'fact').map((f) => f.id),
  'model:acme/acme-7b:context_tokens',
  'model:acme/acme-7b:benchmarks.mmlu.base',
  'model:acme/acme-7b:routes.eucloud.price',
  'license:acme-open:geo_exclusions.1',
  'provider:eucloud:certifications.secnumcloud',
];

describe('card SVG snapshots', () => {
  it.each(SNAPSHOT_IDS.map((id) => [id] as const))('%s', async (id) => {
    const svg = await renderCardSvg(content(fact(id)), 'og', fonts, { embedFont: false });
    await expect(svg).toMatchFileSnapshot(`./__fixtures__/svg/${cardFileName(id, 'og').replace(/\.png$/, '.svg')}`);
  });

  it('model Open Graph card', async () => {
    const svg = await renderCardSvg(modelCardContent(registry, 'acme/acme-7b'), 'og', fonts, { embedFont: false });
    expect(svg).toContain('>Instruct</text>');
    await expect(svg).toMatchFileSnapshot('./__fixtures__/svg/model-acme-acme-7b.og.svg');
  });
});

describe('card content', () => {
  it('shows a warning band on every card that is not deck-safe, and none on the others', () => {
    for (const f of facts) {
      const safe = deckSafety(f, registry.sources, { today: TODAY }).deck_safe;
      expect(content(f).warning === undefined, f.id).toBe(safe);
    }
    expect(content(fact('acme-price-wrong')).warning).toBe(
      "NOT DECK-SAFE: no source establishes it (status unknown); evidence against it: Acme's pricing page lists $0.10 (launch promotion) — Acme AI (+1 more).",
    );
  });

  it('puts the statement, the value, the source line with link and date, and the status on the card', () => {
    const LINK = registry.sources[fact('tender-award').sources[0]!.source]!.url!.replace(/^https?:\/\//, '');
    expect(content(fact('tender-award'))).toEqual({
      kicker: 'Market',
      value: '€90M',
      statement: 'The ministry awarded a €90 million cloud tender on 17 April 2026.',
      caveats: 'a framework ceiling, not money spent · period: four-year framework',
      source: 'Source: Outlet A — Ministry awards cloud tender +1 more',
      link: LINK,
      date: 'as of 2026-04-17',
      status: 'secondary',
      statusLabel: 'SECONDARY',
      footer: 'Deck-safe · Clearance',
    });
  });

  it('prints the first source\'s address under the source line, without its scheme', () => {
    const sourced = facts.find((f) => f.sources.length > 0 && registry.sources[f.sources[0]!.source]?.url !== undefined)!;
    const url = registry.sources[sourced.sources[0]!.source]!.url!;
    expect(content(sourced).link).toBe(url.replace(/^https?:\/\//, '').replace(/\/$/, ''));
  });

  it('shows every caveat on a slide, uncut, and the first two on a share card', () => {
    const caveats = ['input price is for cache misses', 'list price on the vendor page as of 2026-10', 'began as a launch promotion and became the list price after 31 May 2026', 'replaced from 16 August 2026 by peak / off-peak pricing: peak $1.32 / $3.96, off-peak $0.66 / $1.98'];
    const many = { ...fact('tender-award'), caveats };
    expect(content(many, 'slide').caveats).toBe(caveats.join(' · '));
    expect(content(many, 'og').caveats).toBe(caveats.slice(0, 2).join(' · '));
  });

  it('draws only characters the bundled fonts have', () => {
    const { registry: real } = loadRegistry(new URL('../../content/', import.meta.url).pathname);
    for (const f of collectFacts(real)) {
      const c = content({ ...f });
      expect(unsupportedChars(Object.values(c).join(' ')), f.id).toEqual([]);
    }
  });

  it('keeps a paper’s version in the source line even when the title must be cut (ITBench)', () => {
    const { registry: real } = loadRegistry(new URL('../../content/', import.meta.url).pathname);
    const itbench = collectFacts(real).find((f) => f.id === 'itbench-sota-agents')!;
    const card = factCardContent(itbench, deckSafety(itbench, real.sources, { today: TODAY }), real.sources);
    expect(card.source).toMatch(/\(ICML 2025 version \(102 scenarios\)\)$/);
    expect(card.warning).toBeUndefined();
  });

  it('gives every fact id a distinct, URL-safe file name', () => {
    const names = facts.map((f) => cardFileName(f.id, 'og'));
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9._-]+\.og\.png$/);
    expect(cardFileName('model:acme/acme-7b:context_tokens', 'slide')).toMatch(/^model-acme-acme-7b-context_tokens-[0-9a-f]{8}\.slide\.png$/);
  });
});

describe('the card cache', () => {
  it('draws a card once and serves it from the cache by content hash', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearance-cards-'));
    const first = await createCardRenderer({ cacheDir: dir });
    const a = await first.render(content(fact('tender-award')), 'og');
    expect(a.cached).toBe(false);
    const second = await createCardRenderer({ cacheDir: dir });
    const b = await second.render(content(fact('tender-award')), 'og');
    expect(b).toMatchObject({ cached: true, key: a.key });
    expect(Buffer.compare(Buffer.from(a.png), Buffer.from(b.png))).toBe(0);
    const changed = await second.render({ ...content(fact('tender-award')), statement: 'Changed.' }, 'og');
    expect(changed.cached).toBe(false);
    expect(second.stats).toMatchObject({ rendered: 1, cacheHits: 1 });
    expect(readdirSync(dir).filter((f) => f.endsWith('.png'))).toHaveLength(2);
  });
});
