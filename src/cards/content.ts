/**
 * What a card says, as plain data: the first stage of the card pipeline (data → content → layout → SVG → PNG).
 * Everything the picture shows is decided here, so the cache key is a hash of this object.
 */
import { factDate, formatNumber, sourceLine, sourceLink, valueParts, type DeckSafety, type FactRecord } from '../facts/index.ts';
import type { License, Model, Registry, Source, Status } from '../registry/index.ts';
import { cardText } from './fonts.ts';
import type { CardSize } from './layout.ts';

export interface CardContent {
  /** Small line at the top: what the card is about. */
  kicker: string;
  /** The headline value, drawn large; absent when the fact has none. */
  value?: string;
  /** Unit or label under the value. */
  valueLabel?: string;
  statement: string;
  /** The caveats, joined: up to two on an Open Graph card, all of them on a slide. */
  caveats?: string;
  /** "Source: …" */
  source: string;
  /** The first source's address without its scheme (`deepseek.com/pricing`), so a printed slide can be checked. */
  link?: string;
  /** "as of 2026-04-17" */
  date: string;
  status: Status | 'info';
  /** Badge text. */
  statusLabel: string;
  /** Present when the fact is not deck-safe: the band's text. */
  warning?: string;
  /** Severity of the band: red for unsupported or contradicted claims, amber for weak or dated ones. */
  warningLevel?: 'danger' | 'caution';
  /** Footer, right side. */
  footer: string;
}

export const STATUS_LABEL: Record<Status, string> = {
  verified: 'VERIFIED',
  secondary: 'SECONDARY',
  'single-source': 'SINGLE SOURCE',
  directional: 'DIRECTIONAL',
  disputed: 'DISPUTED',
  unknown: 'UNSUPPORTED',
};

const ORIGIN_LABEL: Record<FactRecord['origin']['kind'], string> = { fact: '', model: ' · model field', license: ' · license clause', provider: ' · provider field' };

const DANGER_CODES = new Set(['fact/unknown', 'fact/disputed', 'fact/contradicted', 'fact/missing-source']);

/**
 * The card for one fact, with its deck-safety verdict shown as a warning band when it is not safe. A slide has the
 * room for every caveat, so it shows them all, uncut; the 1200×630 share card shows the first two.
 */
export function factCardContent(fact: FactRecord, safety: DeckSafety, sources: Readonly<Record<string, Source>>, size: CardSize = 'og'): CardContent {
  const { text: value, label } = valueParts(fact.value, fact.unit);
  const warning = safety.deck_safe ? undefined : warningText(fact, safety);
  const link = sourceLink(fact, sources, size === 'slide' ? 110 : 80);
  const caveats = size === 'slide' ? truncate(fact.caveats.join(' · '), 900) : truncate(fact.caveats.slice(0, 2).join(' · '), 220);
  return clean({
    kicker: `${fact.subject.name}${ORIGIN_LABEL[fact.origin.kind]}`,
    ...(value !== undefined ? { value: truncate(value, 40) } : {}),
    ...(label !== undefined ? { valueLabel: label } : {}),
    statement: truncate(fact.statement, 420),
    ...(fact.caveats.length > 0 ? { caveats } : {}),
    source: truncate(`Source: ${sourceLine(fact, sources)}`, 170),
    ...(link !== undefined ? { link } : {}),
    date: factDate(fact),
    status: fact.status,
    statusLabel: STATUS_LABEL[fact.status],
    ...(warning !== undefined
      ? { warning, warningLevel: safety.why_not.some((r) => DANGER_CODES.has(r.code)) ? ('danger' as const) : ('caution' as const) }
      : {}),
    footer: safety.deck_safe ? 'Deck-safe · Clearance' : 'Not deck-safe · Clearance',
  });
}

function warningText(fact: FactRecord, safety: DeckSafety): string {
  // The first reason, plus the evidence against the claim when there is some: that is what a salesperson needs.
  const first = safety.why_not[0]!;
  const against = safety.why_not.find((r) => r.code === 'fact/contradicted' && r !== first);
  const shown = against ? [first, against] : [first];
  const more = safety.why_not.length - shown.length;
  return truncate(`NOT DECK-SAFE: ${shown.map((r) => r.message).join('; ')}${more > 0 ? ` (+${more} more)` : ''}.`, 230);
}

/** An Open Graph card for a model page: name, license, the numbers architects look at first. */
export function modelCardContent(registry: Registry, modelId: string): CardContent {
  const model: Model | undefined = registry.models[modelId];
  if (!model) throw new Error(`unknown model "${modelId}"`);
  const vendor = registry.vendors[model.vendor];
  const license: License | undefined = model.license ? registry.licenses[model.license] : model.api_terms ? registry.licenses[model.api_terms] : undefined;
  const facts: string[] = [];
  if (model.architecture) {
    const a = model.architecture;
    facts.push(a.params_active_b !== undefined && a.params_active_b !== a.params_total_b ? `${formatNumber(a.params_total_b)}B total / ${formatNumber(a.params_active_b)}B active` : `${formatNumber(a.params_total_b)}B parameters`);
  }
  if (model.context_tokens !== undefined) facts.push(`${formatNumber(model.context_tokens)}-token context`);
  facts.push(model.kind === 'open-weights' ? 'open weights' : 'API only');
  if (model.lifecycle.status !== 'active') facts.push(model.lifecycle.status + (model.lifecycle.retires_on ? ` (retires ${model.lifecycle.retires_on})` : ''));
  return clean({
    kicker: `${vendor?.name ?? model.vendor}${vendor ? ` · ${vendor.country}` : ''} · model card`,
    value: truncate(model.name, 40),
    ...(license ? { valueLabel: license.name } : {}),
    statement: facts.join(' · '),
    ...(model.traps?.length ? { caveats: truncate(model.traps[0]!, 200) } : {}),
    source: license ? `License class: ${license.class}; commercial use: ${license.commercial_use.value}` : 'License: not recorded',
    date: `reviewed ${model.reviewed}`,
    status: 'info',
    statusLabel: model.kind === 'open-weights' ? 'OPEN WEIGHTS' : 'API',
    footer: 'Clearance · license and sizing facts with sources',
  });
}

/** Shortens text to at most `max` characters, at a word boundary when there is one nearby. */
function truncate(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.7 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/** Every string through the font-coverage filter, so the picture never shows a missing-glyph box. */
function clean(content: CardContent): CardContent {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(content)) out[k] = typeof v === 'string' ? cardText(v) : v;
  return out as unknown as CardContent;
}
