import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load.ts';
import { governingLicenses, modelRow, modelRows } from './model-row.ts';

const { registry } = loadRegistry('src/site/__fixtures__/registry', { today: '2026-11-22' });

describe('models index rows', () => {
  it('takes the most restrictive commercial use and the lowest MAU cap across the chain', () => {
    const row = modelRow(registry, 'deepseek/deepseek-r1-distill-llama-70b');
    expect(row.classes).toEqual(['permissive', 'open-weights-restricted']);
    expect(row.commercialUse).toBe('conditional');
    expect(row.mauCap).toBe(700_000_000);
  });

  it('marks a non-commercial license as forbidden and leaves an unrecorded cap undefined', () => {
    const row = modelRow(registry, 'cohere/command-r-plus');
    expect(row.commercialUse).toBe('forbidden');
    expect(row.mauCap).toBeUndefined();
  });

  it('does not count a multimodal-only EU exclusion against a text-only model', () => {
    expect(modelRow(registry, 'meta/llama-3.3-70b-instruct').euExclusion).toBe(false);
  });

  it('lists governing licenses once each, weights chain first', () => {
    expect(governingLicenses(registry, 'deepseek/deepseek-r1-distill-llama-70b').map((l) => l.id)).toEqual(['mit', 'llama-3.3']);
  });

  it('sorts rows by vendor, then name', () => {
    expect(modelRows(registry).map((r) => r.vendorName)).toEqual(['Cohere', 'DeepSeek', 'Meta']);
  });
});
