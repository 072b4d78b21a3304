/**
 * Card layout: content → an element tree satori draws (plain objects, no React). One layout for both sizes,
 * scaled from the 1200×630 Open Graph design.
 */
import type { CardContent } from './content.ts';
import { CARD_FONT_FAMILY } from './fonts.ts';

export type CardSize = 'og' | 'slide';

export const CARD_SIZES: Record<CardSize, { width: number; height: number }> = {
  og: { width: 1200, height: 630 },
  slide: { width: 1920, height: 1080 },
};

/** The node shape satori accepts in place of React elements. */
export interface CardNode {
  type: string;
  props: { style?: Record<string, string | number>; children?: (CardNode | string)[] | CardNode | string };
}

function h(type: string, style: Record<string, string | number>, ...children: (CardNode | string | undefined | false)[]): CardNode {
  const kids = children.filter((c): c is CardNode | string => c !== undefined && c !== false);
  return { type, props: { style, ...(kids.length === 1 ? { children: kids[0]! } : kids.length > 1 ? { children: kids } : {}) } };
}

const BADGE: Record<CardContent['status'], { bg: string; fg: string }> = {
  verified: { bg: '#dcfce7', fg: '#166534' },
  secondary: { bg: '#dbeafe', fg: '#1e40af' },
  'single-source': { bg: '#fef3c7', fg: '#92400e' },
  directional: { bg: '#fef3c7', fg: '#92400e' },
  disputed: { bg: '#fee2e2', fg: '#991b1b' },
  unknown: { bg: '#fee2e2', fg: '#991b1b' },
  info: { bg: '#e0e7ff', fg: '#3730a3' },
};

const BAND = { danger: { bg: '#b91c1c', fg: '#ffffff' }, caution: { bg: '#b45309', fg: '#ffffff' } };

/** Font size for the headline value: long values shrink so they stay on one or two lines. */
function valueSize(value: string): number {
  const n = [...value].length;
  return n <= 10 ? 104 : n <= 16 ? 84 : n <= 26 ? 64 : 48;
}

/** Long statements get smaller type instead of being cut: a clause must stay readable in full. */
function statementSize(text: string, hasValue: boolean): number {
  const n = [...text].length;
  if (!hasValue) return n <= 120 ? 44 : n <= 200 ? 36 : n <= 300 ? 30 : 26;
  return n <= 120 ? 32 : n <= 180 ? 28 : n <= 280 ? 24 : 21;
}

/** A slide's caveats are all shown: long lists get smaller type (never below the share card's 20). */
function caveatSize(text: string): number {
  const n = [...text].length;
  return n <= 200 ? 22 : n <= 400 ? 21 : 20;
}

export function cardTree(content: CardContent, size: CardSize): CardNode {
  const { width, height } = CARD_SIZES[size];
  const s = width / 1200;
  const px = (n: number) => Math.round(n * s);
  const badge = BADGE[content.status];
  const band = content.warning !== undefined ? BAND[content.warningLevel ?? 'danger'] : undefined;
  return h(
    'div',
    { display: 'flex', flexDirection: 'column', width, height, backgroundColor: '#ffffff', color: '#0f172a', fontFamily: CARD_FONT_FAMILY, borderTop: `${px(12)}px solid ${band ? band.bg : '#0f172a'}` },
    band &&
      h('div', { display: 'flex', backgroundColor: band.bg, color: band.fg, padding: `${px(14)}px ${px(56)}px`, fontSize: px(24), fontWeight: 700, lineHeight: 1.3 }, content.warning!),
    h(
      'div',
      { display: 'flex', flexDirection: 'column', flexGrow: 1, padding: `${px(band ? 28 : 44)}px ${px(56)}px ${px(36)}px` },
      h(
        'div',
        { display: 'flex', justifyContent: 'space-between', alignItems: 'center' },
        h('div', { display: 'flex', fontSize: px(22), color: '#475569', letterSpacing: px(1), maxWidth: px(820) }, content.kicker),
        h('div', { display: 'flex', backgroundColor: badge.bg, color: badge.fg, fontSize: px(20), fontWeight: 700, padding: `${px(6)}px ${px(16)}px`, borderRadius: px(999), letterSpacing: px(1) }, content.statusLabel),
      ),
      // The body shrinks and clips rather than pushing the source line off the card.
      h(
        'div',
        { display: 'flex', flexDirection: 'column', flexGrow: 1, flexShrink: 1, minHeight: 0, overflow: 'hidden' },
        content.value !== undefined &&
          h(
            'div',
            { display: 'flex', flexDirection: 'column', marginTop: px(18) },
            h('div', { display: 'flex', fontSize: px(valueSize(content.value)), fontWeight: 700, lineHeight: 1.05, letterSpacing: px(-2) }, content.value),
            content.valueLabel !== undefined && h('div', { display: 'flex', fontSize: px(22), color: '#475569', marginTop: px(6) }, content.valueLabel),
          ),
        h('div', { display: 'flex', fontSize: px(statementSize(content.statement, content.value !== undefined)), lineHeight: 1.3, marginTop: px(20) }, content.statement),
        content.caveats !== undefined && h('div', { display: 'flex', fontSize: px(size === 'slide' ? caveatSize(content.caveats) : 20), color: '#475569', lineHeight: 1.35, marginTop: px(14) }, content.caveats),
      ),
      h(
        'div',
        { display: 'flex', flexShrink: 0, justifyContent: 'space-between', alignItems: 'flex-end', marginTop: px(12), borderTop: `${px(2)}px solid #e2e8f0`, paddingTop: px(14), fontSize: px(18), color: '#475569' },
        h(
          'div',
          { display: 'flex', flexDirection: 'column', maxWidth: px(860) },
          h('div', { display: 'flex', lineHeight: 1.3, color: '#334155' }, content.source),
          content.link !== undefined && h('div', { display: 'flex', marginTop: px(4), color: '#1d4ed8' }, content.link),
          h('div', { display: 'flex', marginTop: px(4) }, content.date),
        ),
        h('div', { display: 'flex', fontWeight: 700, color: band ? band.bg : '#0f172a' }, content.footer),
      ),
    ),
  );
}
