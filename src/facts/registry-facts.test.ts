/**
 * The registry's own facts (content/facts): the claims the research found wrong or unsupported are never
 * deck-safe and say why; ITBench is deck-safe only with its paper version; expiry and staleness follow the date.
 */
import { describe, expect, it } from 'vitest';
import { PRIMARY_SOURCE_KINDS, type Registry } from '../registry/index.ts';
import { loadRegistry } from '../registry/load.ts';
import { collectFacts } from './collect.ts';
import { deckSafety } from './deck-safe.ts';

const { registry } = loadRegistry(new URL('../../content/', import.meta.url).pathname);
const facts = collectFacts(registry);

function verdict(id: string, today: string, reg: Registry = registry, maxAgeDays?: number) {
  const fact = collectFacts(reg).find((f) => f.id === id);
  if (!fact) throw new Error(`content/facts/${id}.yaml is missing`);
  return deckSafety(fact, reg.sources, { today, ...(maxAgeDays !== undefined ? { maxAgeDays } : {}) });
}
const codes = (id: string, today: string, reg?: Registry) => verdict(id, today, reg).why_not.map((r) => r.code);

/** Every day a deck could be made, including far past and far future, and a lenient max age. */
const DAYS = ['2025-06-01', '2026-04-30', '2026-11-22', '2030-01-01'];

describe('claims the research found wrong or unsupported', () => {
  it.each([
    ['deepseek-v4-pro-input-price-0-55', ['fact/unknown', 'fact/contradicted'], /\$0\.435/],
    ['qwen35-output-price-1-20', ['fact/disputed', 'fact/contradicted'], /\$2\.40/],
    ['self-host-break-even-thresholds', ['fact/unknown', 'fact/contradicted'], /orders of magnitude/],
    ['qwen3-72b-mislabel', ['fact/unknown', 'fact/contradicted'], /no Qwen3 72B/],
    ['h100-8x-70b-request-rate', ['fact/unknown', 'fact/contradicted'], /no published measurement/],
    ['cohere-rerank-ndcg-uplift', ['fact/unknown', 'fact/contradicted'], /\+8–15 NDCG@10/],
    ['qwen-plus-vs-deepseek-v3-desktop-agent', ['fact/single-source'], /one secondary source/],
    ['llama-4-maverick-hosted-price', ['fact/single-source'], /one secondary source/],
  ])('%s is never deck-safe and says why', (id, expected, why) => {
    for (const today of DAYS) {
      const v = verdict(id, today, registry, 100_000);
      expect(v.deck_safe, `${id} on ${today}`).toBe(false);
      for (const code of expected) expect(v.why_not.map((r) => r.code)).toContain(code);
      expect(v.why_not.map((r) => r.message).join(' ')).toMatch(why);
    }
  });

  it('records how each wrong claim circulates, so sales can recognise it', () => {
    for (const id of ['deepseek-v4-pro-input-price-0-55', 'qwen35-output-price-1-20', 'self-host-break-even-thresholds', 'qwen3-72b-mislabel']) {
      expect(registry.facts[id]?.circulated_as, id).toBeTruthy();
      expect(registry.facts[id]?.evidence_against?.length, id).toBeGreaterThan(0);
    }
  });
});

describe('ITBench', () => {
  it('11.4 / 25.2 / 25.8 is deck-safe when cited with its paper version', () => {
    expect(registry.facts['itbench-sota-agents']?.value).toBe('11.4% / 25.2% / 25.8%');
    expect(registry.sources['itbench-paper']?.version).toMatch(/ICML 2025/);
    expect(verdict('itbench-sota-agents', '2026-11-22')).toEqual({ deck_safe: true, why_not: [] });
  });

  it('is not deck-safe once the paper version is dropped from the source', () => {
    const { version: _dropped, ...unversioned } = registry.sources['itbench-paper']!;
    const without: Registry = { ...registry, sources: { ...registry.sources, 'itbench-paper': unversioned } };
    expect(codes('itbench-sota-agents', '2026-11-22', without)).toEqual(['fact/paper-version-missing']);
  });
});

describe('expiry and staleness follow --today', () => {
  it('the V4-Pro launch promotion is deck-safe before it expires and not after', () => {
    expect(codes('deepseek-v4-pro-launch-price', '2026-06-01')).toEqual([]);
    expect(codes('deepseek-v4-pro-launch-price', '2026-08-16')).toEqual(['fact/expired']);
  });

  it('the V4-Pro peak price goes stale 180 days after it was observed', () => {
    expect(codes('deepseek-v4-pro-peak-price', '2026-11-22')).toEqual([]);
    expect(codes('deepseek-v4-pro-peak-price', '2027-03-01')).toEqual(['fact/stale']);
  });

  it('the tender award goes stale a year after its last review', () => {
    expect(codes('eu-sovereign-cloud-tender-award', '2027-11-22')).toEqual([]);
    expect(codes('eu-sovereign-cloud-tender-award', '2027-11-23')).toEqual(['fact/stale']);
  });
});

describe('the registry as facts', () => {
  it('includes the claim-bearing fields of models, licenses and providers, not only content/facts', () => {
    const kinds = new Set(facts.map((f) => f.origin.kind));
    expect([...kinds].sort()).toEqual(['fact', 'license', 'model', 'provider']);
  });

  it('gives every fact a unique id and a sentence', () => {
    expect(new Set(facts.map((f) => f.id)).size).toBe(facts.length);
    for (const f of facts) expect(f.statement, f.id).toMatch(/[.!?]$/);
  });

  it('cites only sources that exist', () => {
    const missing = facts.flatMap((f) => [...f.sources, ...f.evidence_against.flatMap((e) => e.sources)].filter((s) => !registry.sources[s.source]).map((s) => `${f.id} → ${s.source}`));
    expect(missing).toEqual([]);
  });
});

describe('the deck-safe rule, checked against every fact of the registry', () => {
  /**
   * The rule written out independently of deck-safe.ts: verified by a primary source that was read, or by two
   * independent publishers (community catalogues counting once), never citing the project's notes, some source
   * locatable, not disputed (nor contradicted), not expired, retired, superseded or stale, caveats present where
   * the claim needs them, prices from the provider's own page (or two provider-side publishers), certifications
   * with scope and a real certificate, lists that say whether they are complete, amounts with their period, every
   * source resolvable and every paper cited by version.
   */
  function ruleSays(f: (typeof facts)[number], today: string): boolean {
    const cited = f.sources.map((s) => ({ ref: s, src: registry.sources[s.source] }));
    if (cited.some((s) => s.src === undefined)) return false;
    if (cited.some((s) => s.src!.kind === 'research-notes')) return false;
    const known = cited.map((s) => ({ ref: s.ref, src: s.src! }));
    const read = (k: (typeof known)[number]) =>
      k.ref.read ?? (k.src.read === false ? false : !/as recorded (by|in)|per the research|according to the research|as quoted by|as listed by the research/i.test(k.ref.where ?? ''));
    const primary = known.some((k) => PRIMARY_SOURCE_KINDS.includes(k.src.kind) && read(k));
    const publishers = new Set(known.map((k) => (k.src.kind === 'aggregator' ? 'catalogues' : k.src.publisher.trim().toLowerCase().replace(/\s+/g, ' '))));
    const supported = (f.status === 'verified' && primary) || (f.status === 'secondary' && publishers.size >= 2);
    const locatable = known.length === 0 || known.some((k) => (k.src.url !== undefined ? !/^https?:\/\/[^/]+\/?$/.test(k.src.url) : (k.ref.where ?? '') !== ''));
    const day = (d: string) => Date.parse(`${/^\d{4}-\d{2}$/.test(d) ? `${d}-01` : d}T00:00:00Z`) / 86_400_000;
    const expired = f.expires !== undefined && day(today) > day(f.expires);
    const retired = f.retired_on !== undefined && day(today) >= day(f.retired_on);
    const superseded = f.expires === undefined && f.caveats.some((c) => /replaced|superseded|withdrawn|no longer (served|available|offered|sold|listed)|discontinued|taken offline|(was|were|has been) retired/i.test(c));
    const notYet = f.as_of !== undefined && day(f.as_of) > day(today);
    const priceLimit = f.stale_after_days ?? (f.tags.includes('price') ? 180 : undefined);
    const stale = day(today) - day(f.reviewed) > 365 || (priceLimit !== undefined && f.as_of !== undefined && day(today) - day(f.as_of) > priceLimit);
    const caveatsOk = !f.tags.some((t) => t === 'price' || t === 'benchmark') || f.caveats.length > 0;
    const papersVersioned = known.every((k) => k.src.kind !== 'paper' || (k.src.version ?? '').trim() !== '');
    const sideKinds = ['pricing-page', 'vendor-docs', 'vendor-blog', 'terms-of-service'];
    const side = known.filter((k) => sideKinds.includes(k.src.kind) && read(k));
    const firstWord = (n: string) => n.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t.length > 1 && !['the', 'ai', 'api', 'inc', 'llc', 'ltd', 'gmbh', 'sas', 'co', 'kg', 'cloud', 'platform', 'open'].includes(t));
    const own = side.some((k) => (f.provider ? f.provider.names.some((n) => firstWord(n).includes(firstWord(k.src.publisher)[0] ?? '\u0000')) : k.src.kind === 'pricing-page'));
    const priceOk = !f.tags.includes('price') || known.length === 0 || own || new Set(side.map((k) => k.src.publisher.trim().toLowerCase())).size >= 2;
    const cert = f.certification;
    const certOk = !cert || !['yes', 'in-progress'].includes(cert.held) || ((cert.scope ?? '').trim() !== '' && cert.basis !== 'tender-assessment' && cert.basis !== 'self-assessment');
    const listOk = f.is_list !== true || f.list_complete !== undefined;
    const money = f.unit !== undefined && !f.tags.includes('price') && /^(USD|EUR|GBP)( (M|B|bn|million|billion))?$/.test(f.unit);
    const moneyOk = !money || (f.horizon ?? '') !== '';
    return supported && locatable && f.evidence_against.length === 0 && !expired && !retired && !superseded && !notYet && !stale && caveatsOk && papersVersioned && priceOk && certOk && listOk && moneyOk;
  }

  it.each(['2026-06-01', '2026-11-22', '2027-06-01'])('agrees with deckSafety on %s, and every "no" carries a reason in words', (today) => {
    const disagreements: string[] = [];
    let safe = 0;
    for (const f of facts) {
      const verdict = deckSafety(f, registry.sources, { today });
      if (verdict.deck_safe !== ruleSays(f, today)) disagreements.push(`${f.id}: deckSafety ${verdict.deck_safe}, rule ${!verdict.deck_safe}`);
      expect(verdict.deck_safe, f.id).toBe(verdict.why_not.length === 0);
      for (const r of verdict.why_not) expect(r.message.length, `${f.id} ${r.code}`).toBeGreaterThan(10);
      if (verdict.deck_safe) safe++;
    }
    expect(disagreements).toEqual([]);
    // Both verdicts occur, so the comparison is not vacuous.
    expect(safe).toBeGreaterThan(0);
    expect(safe).toBeLessThan(facts.length);
  });

  it('names the reason for each way a fact fails the rule', () => {
    const reasons = new Set(facts.flatMap((f) => deckSafety(f, registry.sources, { today: '2026-11-22' }).why_not.map((r) => r.code)));
    for (const code of ['fact/unknown', 'fact/disputed', 'fact/single-source', 'fact/contradicted', 'fact/expired', 'fact/stale']) expect(reasons, code).toContain(code);
  });
});
