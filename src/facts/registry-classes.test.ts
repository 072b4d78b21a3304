/**
 * The classes of error an independent fact-check found among deck-safe facts, each written as a rule
 * over the whole registry, so content added later is held to it too (no lists of ids). Each rule is checked on
 * the day of the check (2026-12-02) and on later days a deck could be made.
 */
import { describe, expect, it } from 'vitest';
import type { Model, Registry, Source } from '../registry/index.ts';
import { loadRegistry, readContentFiles } from '../registry/load.ts';
import { validateRegistry } from '../registry/validate.ts';
import { paramGroups } from '../sizing/weights.ts';
import { collectFacts } from './collect.ts';
import { deckSafety } from './deck-safe.ts';
import type { FactRecord } from './fact-record.ts';

const CONTENT = new URL('../../content/', import.meta.url).pathname;
const { registry } = loadRegistry(CONTENT);
const facts = collectFacts(registry);
const DAYS = ['2026-12-02', '2027-03-01', '2027-12-01'];
const src = (id: string): Source | undefined => registry.sources[id];

function deckSafeOn(today: string): FactRecord[] {
  return facts.filter((f) => deckSafety(f, registry.sources, { today }).deck_safe);
}
const cited = (f: FactRecord) => f.sources.map((s) => ({ ref: s, source: src(s.source)! }));

describe.each(DAYS)('on %s, no deck-safe fact is', (today) => {
  const safe = deckSafeOn(today);

  it('resting on the project research notes, even in part', () => {
    expect(safe.filter((f) => cited(f).some((c) => c.source.kind === 'research-notes')).map((f) => f.id)).toEqual([]);
  });

  it('a price that rests only on community catalogues, news or analysts (no read provider-side page)', () => {
    const providerSide = ['pricing-page', 'vendor-docs', 'vendor-blog', 'terms-of-service'];
    const bad = safe.filter((f) => f.tags.includes('price') && f.sources.length > 0 && !cited(f).some((c) => providerSide.includes(c.source.kind) && c.ref.read !== false && c.source.read !== false));
    expect(bad.map((f) => f.id)).toEqual([]);
  });

  it('verified on a primary source that was only named "as recorded by" something else', () => {
    const primary = ['license-text', 'model-card', 'model-config', 'paper', 'tech-report', 'vendor-docs', 'vendor-blog', 'pricing-page', 'terms-of-service', 'certification-registry', 'government'];
    const bad = safe.filter((f) => f.status === 'verified' && cited(f).every((c) => !primary.includes(c.source.kind) || c.ref.read === false || c.source.read === false || /as recorded (by|in)|per the research/i.test(c.ref.where ?? '')));
    expect(bad.map((f) => f.id)).toEqual([]);
  });

  it('resting only on sources a reader cannot find (a site root, a document without a place)', () => {
    const findable = (c: { ref: { where?: string }; source: Source }) => (c.source.url !== undefined ? !/^https?:\/\/[^/]+\/?$/.test(c.source.url) : (c.ref.where ?? '') !== '');
    expect(safe.filter((f) => f.sources.length > 0 && !cited(f).some(findable)).map((f) => f.id)).toEqual([]);
  });

  it('a route price of a channel that has retired, or a value its own caveat calls replaced', () => {
    const retired = safe.filter((f) => f.retired_on !== undefined && f.retired_on <= today);
    const replaced = safe.filter((f) => f.expires === undefined && f.caveats.some((c) => /\b(replaced|withdrawn|no longer served|discontinued|taken offline)\b/i.test(c)));
    expect([...retired, ...replaced].map((f) => f.id)).toEqual([]);
  });

  it('a certification held on the strength of a tender score or a self-assessment, or without its scope', () => {
    const bad = safe.filter((f) => f.certification && ['yes', 'in-progress'].includes(f.certification.held) && (!f.certification.scope || ['tender-assessment', 'self-assessment'].includes(f.certification.basis ?? '')));
    expect(bad.map((f) => f.id)).toEqual([]);
  });

  it('a region list that does not say whether it is complete', () => {
    expect(safe.filter((f) => f.is_list === true && f.list_complete === undefined).map((f) => f.id)).toEqual([]);
  });

  it('an amount of investment or contract value without its period', () => {
    const money = safe.filter((f) => f.unit !== undefined && /^(USD|EUR|GBP)( [MB])?$/.test(f.unit) && !f.tags.includes('price'));
    expect(money.filter((f) => (f.horizon ?? '') === '' && !f.caveats.some((c) => /\b(year|month|decade|annual)/i.test(c))).map((f) => f.id)).toEqual([]);
  });
});

describe('lifecycles', () => {
  /** The vendor's own channel: a route to a first-party API of the model's vendor. */
  const firstParty = (reg: Registry, m: Model, provider: string, relationship?: string) =>
    relationship === 'first-party-api' || (relationship === undefined && reg.providers[provider]?.relationship === 'first-party-api' && reg.providers[provider]?.vendor === m.vendor);

  it('turn a known retirement date into the expiry of every price on that channel', () => {
    const pairs: string[] = [];
    for (const [id, m] of Object.entries(registry.models)) {
      for (const r of m.routes ?? []) {
        if (!r.price) continue;
        const l = r.lifecycle ?? (firstParty(registry, m, r.provider, r.relationship) ? m.lifecycle : undefined);
        const fact = facts.find((f) => f.origin.id === id && f.origin.path === `routes.${r.provider}.price`);
        if (!fact || !l) continue;
        if (l.status !== 'retired' && l.retires_on !== undefined) {
          pairs.push(id);
          expect(fact.expires, `${fact.id}`).toBe(l.retires_on);
        }
        if (l.status === 'retired') expect(fact.retired_on, fact.id).toBe(l.retired_on);
      }
    }
    // GPT-5's announced retirement (2026-12-11) is among them, so the rule is exercised.
    expect(pairs).toContain('openai/gpt-5');
  });

  it('GPT-5 prices stop being deck-safe after its announced retirement', () => {
    const price = facts.find((f) => f.id === 'model:openai/gpt-5:routes.openai.price')!;
    expect(price.expires).toBe('2026-12-11');
    expect(deckSafety(price, registry.sources, { today: '2026-12-12' }).why_not.map((r) => r.code)).toContain('fact/expired');
  });

  it('are never left in the future tense once the date has passed (validate on the day of the check)', () => {
    const files = loadRegistryFiles();
    const findings = validateRegistry(files, { today: '2026-12-02' }).findings.filter((f) => f.code === 'registry/lifecycle-passed');
    expect(findings.map((f) => `${f.file}:${f.line} ${f.message}`)).toEqual([]);
  });
});

describe('parameter counts', () => {
  /** Dense text-only GQA models whose dims are recorded: the count they compute to, untied or tied. */
  function computed(m: Model): [number, number] | undefined {
    const a = m.architecture;
    if (!a || a.moe || a.linear_attention || a.attention.kind !== 'gqa' || !a.intermediate_size || !a.vocab_size || m.modalities.input.includes('image')) return undefined;
    const { hidden_size: h, attention: at, layers } = a;
    const body = layers * (h * at.heads * at.head_dim * 2 + h * at.kv_heads * at.head_dim * 2 + 3 * h * a.intermediate_size);
    return [(body + 2 * a.vocab_size * h) / 1e9, (body + a.vocab_size * h) / 1e9];
  }

  it('record the exact count, not the size in the name, when the dims say otherwise (the nominal size goes in params_nominal_b)', () => {
    let checked = 0;
    const bad: string[] = [];
    for (const [id, m] of Object.entries(registry.models)) {
      const counts = computed(m);
      const named = /(\d+(?:\.\d+)?)B\b/.exec(m.name)?.[1];
      if (!counts || named === undefined || m.architecture!.params_total_b !== Number(named)) continue;
      checked++;
      const total = m.architecture!.params_total_b;
      if (!counts.some((c) => Math.abs(total / c - 1) <= 0.01)) bad.push(`${id}: records ${total}B (its name's size), dims give ${counts.map((c) => c.toFixed(2)).join(' or ')}B`);
    }
    expect(bad).toEqual([]);
    expect(checked).toBeGreaterThan(0);
  });

  it('Llama 2 70B is 68.98B exact and 70B nominal, and sizing uses the exact count', () => {
    const a = registry.models['meta/llama-2-70b-chat']!.architecture!;
    expect([a.params_total_b, a.params_nominal_b]).toEqual([68.98, 70]);
    expect(paramGroups(a).total).toBe(68.98e9);
    expect(facts.find((f) => f.id === 'model:meta/llama-2-70b-chat:architecture')!.statement).toBe('Llama 2 70B Chat has 68.98B parameters in total (named for 70B).');
  });
});

describe('validate flags the classes at the file, before any deck is made', () => {
  it('marks every source that points at the project notes as research-notes', () => {
    const findings = validateRegistry(loadRegistryFiles(), { today: '2026-12-02' }).findings;
    expect(findings.filter((f) => f.code === 'registry/cites-research-notes' && f.file.startsWith('sources/')).map((f) => f.file)).toEqual([]);
  });
});

function loadRegistryFiles() {
  return readContentFiles(CONTENT);
}
