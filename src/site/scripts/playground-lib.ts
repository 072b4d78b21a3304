/** Pure helpers of the policy playground, kept apart from the custom element so tests can load them. */

/** The largest share link the page writes: long URLs break in chat tools and some browsers. */
export const MAX_SHARE_CHARS = 16_000;

/**
 * "5,000,000", "5 000 000", "5.000.000" and "5'000'000" are all five million: one separator, used between
 * every group of three digits. "5.5" or "5,00" is not a whole count, so it is refused rather than misread.
 */
export function parseUserCount(text: string): number | undefined {
  const t = text.trim();
  const plain = /^\d{1,13}$/.test(t);
  const grouped = /^\d{1,3}([ ,.'_\u00a0\u202f])\d{3}(?:\1\d{3}){0,3}$/.test(t);
  if (!plain && !grouped) return undefined;
  return Number(t.replace(/\D/g, ''));
}

/** Text → deflate-raw → base64url, for a URL fragment. */
export async function deflate(text: string): Promise<string> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The inverse of deflate(). */
export async function inflate(encoded: string): Promise<string> {
  const binary = atob(encoded.replace(/-/g, '+').replace(/_/g, '/'));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
}

