/**
 * Layout → SVG with satori. Pure given the font bytes (satori runs in the browser too). With `embedFont` (the
 * default) text becomes paths, so the SVG and the PNG made from it need no fonts at all.
 */
import satori from 'satori';
import type { CardContent } from './content.ts';
import type { CardFont } from './fonts.ts';
import { CARD_SIZES, cardTree, type CardSize } from './layout.ts';

export interface SvgOptions {
  /** false keeps <text> elements: smaller, readable SVG for snapshot tests. */
  embedFont?: boolean;
}

export async function renderCardSvg(content: CardContent, size: CardSize, fonts: readonly CardFont[], options: SvgOptions = {}): Promise<string> {
  const { width, height } = CARD_SIZES[size];
  // satori's types name React elements; the plain { type, props } tree is what it reads.
  return satori(cardTree(content, size) as never, { width, height, fonts: fonts as CardFont[] as never, embedFont: options.embedFont ?? true });
}
