/**
 * What a citation is worth as evidence, one small pure function per question a fact-checking desk asks:
 * is it the project's own notes (never evidence), was it read or only named, can a reader find the place,
 * who published it (community catalogues count as one publisher), and is it the provider's own page.
 * deck-safe.ts and the validate-time checks (validate-facts.ts) both read these, so the rules live once.
 */
import { NON_EVIDENCE_SOURCE_KINDS, PRIMARY_SOURCE_KINDS, type Source, type SourceKind, type SourceRef } from '../registry/index.ts';

/** The project's own working notes: a reader cannot open them, so a fact may not cite them (cite what they name). */
export function isResearchNotes(source: Source): boolean {
  return NON_EVIDENCE_SOURCE_KINDS.includes(source.kind);
}

/** Words in a citation's `where` that say the place was known only through something else. */
const SECONDHAND = /\b(as recorded (by|in)|per the research|according to the research|as quoted by|as listed by the research)\b/i;

/**
 * Whether the registry read this place itself. An explicit `read:` on the citation wins; otherwise the source's
 * own `read:`; a `where` that says "as recorded by …" is second-hand whatever the default.
 */
export function citationRead(ref: SourceRef, source: Source): boolean {
  if (ref.read !== undefined) return ref.read;
  if (source.read === false) return false;
  return !SECONDHAND.test(ref.where ?? '');
}

/**
 * Whether a reader can find the cited place: a page URL (not a bare domain or a site root), or a document
 * description together with the place in it (`where`).
 */
export function isLocatable(ref: SourceRef, source: Source): boolean {
  if (source.url !== undefined) return !isSiteRoot(source.url);
  return source.document !== undefined && (ref.where ?? '').trim() !== '';
}

/** `https://example.com`, `https://example.com/`, `https://www.example.com/?utm=1`: a site, not a page. */
export function isSiteRoot(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.pathname === '' || u.pathname === '/') && u.hash === '' && [...u.searchParams.keys()].every((k) => /^utm_/.test(k));
  } catch {
    return true;
  }
}

/** The publisher class a source counts under for independence: every community catalogue is one publisher. */
export const COMMUNITY_CATALOGUES = 'community catalogues (LiteLLM, models.dev, OpenRouter listings, aggregators)';

export function publisherKey(source: Source): string {
  if (source.kind === 'aggregator') return COMMUNITY_CATALOGUES;
  return normalisePublisher(source.publisher);
}

export function normalisePublisher(publisher: string): string {
  return publisher.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Documents a provider publishes about its own service: its pricing page, docs, blog, terms. */
export const PROVIDER_SIDE_KINDS: readonly SourceKind[] = ['pricing-page', 'vendor-docs', 'vendor-blog', 'terms-of-service'];

export function isProviderSide(source: Source): boolean {
  return PROVIDER_SIDE_KINDS.includes(source.kind);
}

export function isPrimary(source: Source): boolean {
  return PRIMARY_SOURCE_KINDS.includes(source.kind);
}

const NAME_NOISE = new Set(['the', 'ai', 'api', 'inc', 'llc', 'ltd', 'gmbh', 'sas', 'co', 'kg', 'cloud', 'platform', 'open']);

function nameTokens(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t.length > 1 && !NAME_NOISE.has(t));
}

/**
 * Whether `publisher` is one of `names` (a provider's name and its vendor's): the publisher's first significant
 * word is a word of the name. "Amazon Web Services" publishes for "Amazon Bedrock"; "Anthropic" does not.
 */
export function publishedBy(publisher: string, names: readonly string[]): boolean {
  const first = nameTokens(publisher)[0];
  if (first === undefined) return false;
  return names.some((n) => nameTokens(n).includes(first));
}
