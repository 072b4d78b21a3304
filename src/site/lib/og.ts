/**
 * Open Graph / Twitter card metadata for a page's share preview. Card images are 1200×630 PNGs drawn at build
 * time (src/cards). Open Graph wants absolute image URLs: when the build knows the site's origin
 * (CLEARANCE_SITE_URL → Astro's `site`) the URL is absolute, otherwise it is the site path, which chat tools
 * inside the same network resolve against the page. Pure.
 */
import { CARD_SIZES } from '../../cards/layout.ts';
import { url } from './paths.ts';

export interface OgImage {
  /** Site path of the PNG (already base-prefixed, as from url()). */
  src: string;
  alt: string;
  width: number;
  height: number;
}

export const modelOgUrl = (id: string) => url(`models/${id}/og.png`);

/** A 1200×630 card at a site path. */
export function ogCard(src: string, alt: string): OgImage {
  return { src, alt, width: CARD_SIZES.og.width, height: CARD_SIZES.og.height };
}

/** The URL to put in og:image: absolute against the site origin when it is known. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  return site ? new URL(path, site).href : path;
}
