/**
 * Public surface of the cards core (pure: data → content → layout → SVG). PNG encoding and the disk cache live
 * in ./render.node.ts, the Node shell, which is imported directly by the CLI, the site build and the bench.
 */
export { factCardContent, modelCardContent, STATUS_LABEL, type CardContent } from './content.ts';
export { cardTree, CARD_SIZES, type CardSize, type CardNode } from './layout.ts';
export { renderCardSvg, type SvgOptions } from './svg.ts';
export { CARD_FONT_FILES, CARD_FONT_FAMILY, cardText, unsupportedChars, type CardFont, type CardFontFile } from './fonts.ts';
export { cardFileName, cardCacheKey, sha256Hex, fnv1a, CARD_RENDERER_VERSION } from './hash.ts';
