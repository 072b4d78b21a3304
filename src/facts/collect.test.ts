import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../registry/load.ts';
import { collectFacts } from './collect.ts';
import { deckSafety } from './deck-safe.ts';
import { csvCell, formatCsv, formatMarkdown, viewFacts } from './format.ts';
import { selectFacts } from './select.ts';
import { formatValue } from './value.ts';

const FIXTURE = new URL('./__fixtures__/registry/', import.meta.url).pathname;
const { registry, findings } = loadRegistry(FIXTURE);
const facts = collectFacts(registry);
const byId = (id: string) => {
  const f = facts.find((x) => x.id === id);
  if (!f) throw new Error(`no fact ${id}; have ${facts.map((x) => x.id).join(', ')}`);
  return f;
};

describe('collectFacts', () => {
  it('reads a clean fixture registry', () => expect(findings).toEqual([]));

  it('turns each citation of a model into a fact with the citation’s status and sources', () => {
    const context = byId('model:acme/acme-7b:context_tokens');
    expect(context).toMatchObject({
      statement: 'Acme 7B Instruct has a context window of 32,768 tokens.',
      value: 32768,
      unit: 'tokens',
      status: 'verified',
      sources: [{ source: 'acme-model-card', where: 'config.json max_position_embeddings' }],
      subject: { kind: 'model', id: 'acme/acme-7b', name: 'Acme 7B Instruct' },
      origin: { kind: 'model', id: 'acme/acme-7b', path: 'context_tokens' },
      reviewed: '2026-11-01',
    });
    expect(byId('model:acme/acme-7b:architecture')).toMatchObject({ status: 'single-source', caveats: ['config.json not published'], value: '7.2B' });
    expect(byId('model:acme/acme-7b:license').statement).toBe('Acme 7B Instruct weights are licensed under the Acme Open Model License 1.0.');
  });

  it('turns benchmarks into facts whose caveats say base or instruct and the setting', () => {
    const mmlu = byId('model:acme/acme-7b:benchmarks.mmlu.base');
    expect(mmlu.statement).toBe('Acme 7B Instruct (base checkpoint) scores 71.5% on MMLU (5-shot).');
    expect(mmlu.caveats).toEqual(['pre-trained base model, not the instruct model', 'setting: 5-shot']);
    expect(mmlu.tags).toEqual(['benchmark']);
  });

  it('turns route prices into dated price facts', () => {
    const price = byId('model:acme/acme-7b:routes.eucloud.price');
    expect(price).toMatchObject({ value: '$0.20 / $0.60', unit: 'per 1M tokens, in / out', as_of: '2026-09', tags: ['price'] });
    expect(price.statement).toBe('Acme 7B Instruct costs $0.20 per 1M input tokens and $0.60 per 1M output tokens on EU Cloud.');
    expect(price.caveats[0]).toBe('list price at EU Cloud as of 2026-09');
  });

  it('turns license clauses into facts, with how a cap is measured as a caveat', () => {
    expect(byId('license:acme-open:mau_cap')).toMatchObject({ value: 700000000, unit: 'monthly active users', caveats: ["measured: the licensee's and its affiliates' products, on the release date"] });
    expect(byId('license:acme-open:obligations.attribution-display').statement).toBe('Acme Open Model License 1.0: Display "Built with Acme" in the product.');
    expect(byId('license:acme-open:geo_exclusions.1').caveats[0]).toBe('applies to multimodal models only');
  });

  it('turns provider certifications and cited fields into facts', () => {
    expect(byId('provider:eucloud:certifications.iso27001').statement).toBe('EU Cloud holds ISO/IEC 27001.');
    expect(byId('provider:eucloud:certifications.secnumcloud')).toMatchObject({ statement: "EU Cloud's SecNumCloud is in progress, not yet granted.", status: 'single-source' });
    expect(byId('provider:eucloud:eu_controlled').statement).toBe('EU Cloud is headquartered and controlled in the EU/EEA.');
  });

  it('keeps standalone facts as they are written, with the subject’s name', () => {
    expect(byId('acme-launch-price')).toMatchObject({ subject: { kind: 'model', id: 'acme/acme-7b', name: 'Acme 7B Instruct' }, expires: '2026-12-31', origin: { kind: 'fact', id: 'acme-launch-price' } });
    expect(byId('disputed-winners').subject.name).toBe('Acme AI');
  });

  it('sorts facts by id and never repeats one', () => {
    const ids = facts.map((f) => f.id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('selecting and formatting facts', () => {
  const views = viewFacts(facts, registry.sources, { today: '2026-11-22' });

  it('filters by subject (an id, the entity holding the fact, or "market") and by deck-safety', () => {
    expect(selectFacts(views, { subject: 'acme/acme-7b' }).map((v) => v.fact.id)).toContain('acme-price-wrong');
    expect(selectFacts(views, { subject: 'market' }).every((v) => v.fact.subject.kind === 'market')).toBe(true);
    expect(selectFacts(views, { deckSafeOnly: true }).every((v) => v.safety.deck_safe)).toBe(true);
    expect(selectFacts(views, { subject: 'ACME/ACME-7B' }).length).toBeGreaterThan(0);
  });

  it('writes values with their units the way a slide reads them', () => {
    expect(formatValue(180, 'EUR M')).toBe('€180M');
    expect(formatValue('20+', 'EUR B')).toBe('€20B+');
    expect(formatValue(0.435, 'USD')).toBe('$0.435');
    expect(formatValue(0.1, 'USD')).toBe('$0.10');
    expect(formatValue(3, 'USD')).toBe('$3');
    expect(formatValue(1234.5, 'USD')).toBe('$1,234.50');
    expect(formatValue(131072, 'tokens')).toBe('131,072 tokens');
    expect(formatValue(11.4, '%')).toBe('11.4%');
    expect(formatValue('4 winners', undefined)).toBe('4 winners');
  });

  it('quotes CSV cells and defuses spreadsheet formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, "b"')).toBe('"a, ""b"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-1')).toBe("'-1");
    expect(formatCsv(views).split('\r\n')[0]).toBe('id,subject,statement,value,status,deck_safe,why_not,as_of,expires,caveats,citation');
  });

  it('escapes pipes in Markdown tables', () => {
    const one = views.filter((v) => v.fact.id === 'tender-award').map((v) => ({ ...v, fact: { ...v.fact, statement: 'a | b' } }));
    expect(formatMarkdown(one, registry.sources, '2026-11-22')).toContain('a \\| b');
  });

  it('puts the warning first in a pasted citation of a fact that is not deck-safe', () => {
    const wrong = views.find((v) => v.fact.id === 'acme-price-wrong')!;
    expect(wrong.citation).toMatch(/^\[NOT DECK-SAFE: no source establishes it/);
    const safe = views.find((v) => v.fact.id === 'tender-award')!;
    expect(safe.citation).toBe(
      'The ministry awarded a €90 million cloud tender on 17 April 2026. (a framework ceiling, not money spent; period: four-year framework) Source: Outlet A, "Ministry awards cloud tender", published 2026-04-17, https://example.org/outlet-a/tender, retrieved 2026-11-01; Outlet B, "Four clouds win the tender", published 2026-04-17, https://example.org/outlet-b/tender, retrieved 2026-11-01. Status: secondary, as of 2026-04-17.',
    );
    expect(deckSafety(safe.fact, registry.sources, { today: '2026-11-22' }).deck_safe).toBe(true);
  });
});
