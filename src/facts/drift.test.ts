import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../registry/load.ts';
import { fromGenaiPrices, fromLiteLLM, fromModelsDev, genaiMatches, genaiPricesOn, type GenaiProvider } from './catalogues.ts';
import { compareWithCatalogue, routeIds } from './drift.ts';

/** DeepSeek as genai-prices records it: a launch price, a start-date price, and peak hours as UTC windows. */
const DEEPSEEK: GenaiProvider = {
  id: 'deepseek',
  pricing_urls: ['https://api-docs.deepseek.com/quick_start/pricing'],
  models: [
    {
      id: 'deepseek-v4-pro',
      match: { or: [{ starts_with: 'deepseek-v4-pro' }] },
      context_window: 1_000_000,
      prices: [
        { prices: { input_mtok: 0.435, output_mtok: 0.87 } },
        { constraint: { type: 'start_date', start_date: '2026-08-17' }, prices: { input_mtok: 0.66, output_mtok: 1.98 } },
        { constraint: { type: 'time_of_date', start_time: '01:00:00Z', end_time: '04:00:00Z' }, prices: { input_mtok: 1.32, output_mtok: 3.96 } },
      ],
    },
  ],
};

describe('catalogue adapters', () => {
  it('reads genai-prices match rules the way the package does (lower-case; or / and / starts_with / regex)', () => {
    expect(genaiMatches({ or: [{ starts_with: 'deepseek-v4-pro' }] }, 'DeepSeek-V4-Pro-0813')).toBe(true);
    expect(genaiMatches({ and: [{ contains: 'claude' }, { ends_with: '-v1:0' }] }, 'anthropic.claude-x-v1:0')).toBe(true);
    expect(genaiMatches({ equals: 'gpt-4o' }, 'gpt-4o-2024-05-13')).toBe(false);
    expect(genaiMatches({ regex: '(' }, 'x')).toBe(false);
  });

  it('takes the conditional price in effect on the day, with time-of-day prices as alternatives', () => {
    expect(genaiPricesOn(DEEPSEEK.models[0]!.prices, '2026-08-16')).toEqual([{ input: 0.435, output: 0.87 }, { input: 1.32, output: 3.96 }]);
    expect(genaiPricesOn(DEEPSEEK.models[0]!.prices, '2026-12-02')).toEqual([{ input: 0.66, output: 1.98 }, { input: 1.32, output: 3.96 }]);
    expect(fromGenaiPrices([DEEPSEEK], '2026-12-02').entries[0]).toMatchObject({ provider: 'deepseek', model: 'deepseek-v4-pro', context_tokens: 1_000_000, pricing_url: 'https://api-docs.deepseek.com/quick_start/pricing' });
  });

  it('converts LiteLLM per-token costs to per-1M prices and marks past deprecation dates', () => {
    const c = fromLiteLLM({ sample_spec: {}, 'azure_ai/x': { litellm_provider: 'azure_ai', input_cost_per_token: 1.74e-6, output_cost_per_token: 3.48e-6, deprecation_date: '2026-01-01' } }, '2026-12-02');
    expect(c.entries).toEqual([{ provider: 'azure_ai', model: 'azure_ai/x', ids: ['azure_ai/x', 'x'], prices: [{ input: 1.74, output: 3.48 }], deprecated: true }]);
    expect(() => fromLiteLLM([], '2026-12-02')).toThrow(/JSON object/);
  });

  it('reads models.dev costs, context limits and last_updated dates', () => {
    const c = fromModelsDev({ togetherai: { models: { 'deepseek-ai/DeepSeek-V4-Pro': { cost: { input: 1.74, output: 3.48 }, limit: { context: 1_000_000 }, last_updated: '2026-07-02' } } } });
    expect(c.entries[0]).toMatchObject({ provider: 'togetherai', prices: [{ input: 1.74, output: 3.48 }], context_tokens: 1_000_000, as_of: '2026-07-02' });
  });
});

describe('compareWithCatalogue', () => {
  const { registry } = loadRegistry(new URL('./__fixtures__/registry/', import.meta.url).pathname);

  it('maps a route through its model id and the model’s aliases, provider prefixes cut', () => {
    const model = registry.models['acme/acme-7b']!;
    expect(routeIds(model.routes![0]!, model)).toEqual(['acme-7b', 'acme/acme-7b-instruct', 'acme-7b-instruct']);
  });

  it('agrees within the tolerance and disagrees beyond it', () => {
    const at = (input: number) => compareWithCatalogue(registry, fromLiteLLM({ 'eucloud/acme-7b-instruct': { litellm_provider: 'eucloud', input_cost_per_token: input / 1e6, output_cost_per_token: 0.6e-6 } }, '2026-11-22'), { today: '2026-11-22' });
    expect(at(0.2).disagreements).toEqual([]);
    expect(at(0.2005).disagreements).toEqual([]);
    expect(at(0.21).disagreements.map((d) => `${d.field}: ${d.registry.value} vs ${d.catalogue.value}`)).toEqual(['input price: $0.20 per 1M vs $0.21 per 1M']);
  });

  it('says why a route could not be mapped', () => {
    const report = compareWithCatalogue(registry, fromLiteLLM({ 'eucloud/another': { litellm_provider: 'eucloud', input_cost_per_token: 1e-6, output_cost_per_token: 1e-6 } }, '2026-11-22'), { today: '2026-11-22' });
    expect(report.unmapped).toEqual([{ model: 'acme/acme-7b', provider: 'eucloud', route_model_id: 'acme-7b', reason: "no litellm entry answers to acme-7b or the model's aliases" }]);
  });
});
