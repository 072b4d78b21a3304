/** Content hashes for the card cache and stable file names, without node:crypto (the core runs in browsers). */

/** SHA-256 hex of a string, through Web Crypto (global in browsers and Node ≥ 20). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** 32-bit FNV-1a, hex: a short, synchronous fingerprint for file names (not for security). */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(text)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * A file name for a fact's card: readable, safe on every file system and in URLs. Derived fact ids contain
 * ":" and "/", so they are slugged and suffixed with a fingerprint to keep two ids from colliding.
 */
export function cardFileName(factId: string, size: 'og' | 'slide'): string {
  const slug = factId.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 100);
  const suffix = slug === factId ? '' : `-${fnv1a(factId)}`;
  return `${slug}${suffix}.${size}.png`;
}

/** Bump when the layout changes in a way the content hash cannot see, so cached PNGs are redrawn. */
export const CARD_RENDERER_VERSION = 2;

/** The cache key of one card: what it says, its size, the renderer version and the toolchain (fonts, satori, resvg). */
export async function cardCacheKey(content: unknown, size: 'og' | 'slide', toolchain: string): Promise<string> {
  return sha256Hex(JSON.stringify({ v: CARD_RENDERER_VERSION, size, toolchain, content }));
}
