import { describe, expect, it } from 'vitest';
import { lifecycleAsOf, lifecycleOn } from './lifecycle.ts';

describe('lifecycleOn', () => {
  it('follows the date: announced dates take effect without an edit', () => {
    const lc = { status: 'deprecated', deprecated_on: '2026-08-01', retires_on: '2026-11-30' } as const;
    expect(lifecycleOn(lc, '2026-07-31')).toBe('deprecated'); // the entry says deprecated already
    expect(lifecycleOn(lc, '2026-11-29')).toBe('deprecated');
    expect(lifecycleOn(lc, '2026-11-30')).toBe('retired');
    expect(lifecycleOn({ status: 'active', deprecated_on: '2027-01-15' }, '2027-01-14')).toBe('active');
    expect(lifecycleOn({ status: 'active', deprecated_on: '2027-01-15' }, '2027-01-15')).toBe('deprecated');
    expect(lifecycleOn({ status: 'retired', retired_on: '2025-01-01' }, '2024-01-01')).toBe('retired');
  });

  it('restates a passed retirement with its date, and leaves a current lifecycle as it is', () => {
    const lc = { status: 'deprecated', deprecated_on: '2026-08-01', retires_on: '2026-11-30' } as const;
    expect(lifecycleAsOf(lc, '2026-12-02')).toEqual({ ...lc, status: 'retired', retired_on: '2026-11-30' });
    expect(lifecycleAsOf(lc, '2026-11-01')).toBe(lc);
  });
});
