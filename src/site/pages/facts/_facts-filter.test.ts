import { describe, expect, it } from 'vitest';
import { visible } from './_facts-filter.ts';

describe('facts page filters', () => {
  it('shows everything with no filter, only deck-safe facts when asked, and only the chosen origin', () => {
    const safeModel = { deckSafe: true, origin: 'model' };
    const unsafePitch = { deckSafe: false, origin: 'fact' };
    expect([safeModel, unsafePitch].filter((i) => visible(i, { deckSafeOnly: false, origin: '' }))).toHaveLength(2);
    expect([safeModel, unsafePitch].filter((i) => visible(i, { deckSafeOnly: true, origin: '' }))).toEqual([safeModel]);
    expect([safeModel, unsafePitch].filter((i) => visible(i, { deckSafeOnly: false, origin: 'fact' }))).toEqual([unsafePitch]);
    expect([safeModel, unsafePitch].filter((i) => visible(i, { deckSafeOnly: true, origin: 'fact' }))).toEqual([]);
  });
});
