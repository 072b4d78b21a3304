/**
 * The fonts cards use, as data: Inter from the @fontsource/inter npm package (OFL-1.1), latin and latin-ext
 * subsets in WOFF (satori reads WOFF, not WOFF2). The Node shell reads the files from node_modules; nothing
 * comes from the system, so a card renders the same pixels on every machine.
 */

export interface CardFontFile {
  /** Family name given to satori; the latin-ext subset is a separate family used as a fallback. */
  name: string;
  weight: 400 | 700;
  /** Path inside node_modules. */
  file: string;
}

export const CARD_FONT_FAMILY = 'Inter, Inter Ext';

export const CARD_FONT_FILES: readonly CardFontFile[] = [
  { name: 'Inter', weight: 400, file: '@fontsource/inter/files/inter-latin-400-normal.woff' },
  { name: 'Inter', weight: 700, file: '@fontsource/inter/files/inter-latin-700-normal.woff' },
  { name: 'Inter Ext', weight: 400, file: '@fontsource/inter/files/inter-latin-ext-400-normal.woff' },
  { name: 'Inter Ext', weight: 700, file: '@fontsource/inter/files/inter-latin-ext-700-normal.woff' },
];

/** A loaded font, in the shape satori takes. */
export interface CardFont {
  name: string;
  data: ArrayBuffer | Uint8Array;
  weight: 400 | 700;
  style: 'normal';
}

/** Unicode ranges of the bundled subsets, from @fontsource/inter's CSS `unicode-range` (latin, latin-ext). */
const COVERED: readonly (readonly [number, number])[] = [
  [0x0000, 0x00ff], [0x0131, 0x0131], [0x0152, 0x0153], [0x02bb, 0x02bc], [0x02c6, 0x02c6], [0x02da, 0x02da], [0x02dc, 0x02dc],
  [0x0304, 0x0304], [0x0308, 0x0308], [0x0329, 0x0329], [0x2000, 0x206f], [0x20ac, 0x20ac], [0x2122, 0x2122], [0x2191, 0x2191],
  [0x2193, 0x2193], [0x2212, 0x2212], [0x2215, 0x2215], [0xfeff, 0xfeff], [0xfffd, 0xfffd],
  [0x0100, 0x02ba], [0x02bd, 0x02c5], [0x02c7, 0x02cc], [0x02ce, 0x02d7], [0x02dd, 0x02ff], [0x1d00, 0x1dbf], [0x1e00, 0x1e9f],
  [0x1ef2, 0x1eff], [0x2020, 0x2020], [0x20a0, 0x20ab], [0x20ad, 0x20c0], [0x2113, 0x2113], [0x2c60, 0x2c7f], [0xa720, 0xa7ff],
];

function covered(cp: number): boolean {
  return COVERED.some(([lo, hi]) => cp >= lo && cp <= hi);
}

/** Characters the registry uses that the subsets lack, spelled with ones they have. */
const REPLACEMENTS: Record<string, string> = {
  '→': '->',
  '←': '<-',
  '≈': '~',
  '≤': '<=',
  '≥': '>=',
  '×': '×',
  '✓': 'yes',
  '✗': 'no',
};

/** Text a card can draw: known symbols spelled out, anything else outside the fonts replaced by "?". */
export function cardText(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (covered(cp)) out += ch;
    else out += REPLACEMENTS[ch] ?? '?';
  }
  return out;
}

/** The characters of `text` the bundled fonts cannot draw (for tests and warnings). */
export function unsupportedChars(text: string): string[] {
  return [...new Set([...text].filter((ch) => !covered(ch.codePointAt(0)!)))];
}
