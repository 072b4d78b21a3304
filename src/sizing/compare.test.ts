/** The calculator's load units and its "compare every GPU" table. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../registry/load.ts';
import { calculatorRequest, type CalculatorData, type CalculatorField } from './calculator.ts';
import { compareGpus } from './compare.ts';

let data: CalculatorData;
beforeAll(() => {
  const { registry } = loadRegistry(new URL('../../content', import.meta.url).pathname);
  data = { models: registry.models, gpus: registry.gpus };
});
const from = (query: string) => {
  const params = new URLSearchParams(query);
  return calculatorRequest((f: CalculatorField) => params.get(f), data);
};

describe('load units', () => {
  it('reads requests per second, per minute and per day as the same load', () => {
    const rates = ['rps=2', 'rps=120&per=minute', 'rps=172800&per=day'].map((q) => {
      const input = from(`model=meta/llama-3.3-70b-instruct&gpu=h200-sxm&${q}`);
      if (!input.ok) throw new Error(input.errors.join('; '));
      return input.request.workload.requestsPerSecond;
    });
    expect(rates).toEqual([2, 2, 2]);
  });

  it('refuses an unknown unit and checks the limit on the converted load', () => {
    const bad = from('model=meta/llama-3.3-70b-instruct&gpu=h200-sxm&rps=5&per=fortnight');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.join(' ')).toMatch(/per second, minute or day, not per "fortnight"/);
    const huge = from('model=meta/llama-3.3-70b-instruct&gpu=h200-sxm&rps=1e12&per=minute');
    expect(huge.ok).toBe(false);
  });
});

describe('compareGpus', () => {
  it('sizes one workload on every GPU and sorts by $/month, unpriced and unfit last', () => {
    const input = from('model=meta/llama-3.3-70b-instruct&gpu=h200-sxm&gpus=2&isl=2000&osl=500&rps=200&per=minute&tpot=50');
    if (!input.ok) throw new Error(input.errors.join('; '));
    const rows = compareGpus(input.request, data.gpus);
    expect(rows.length).toBe(Object.keys(data.gpus).length);
    const priced = rows.filter((r) => r.result?.fits && r.result.cost);
    expect(priced.length).toBeGreaterThan(3);
    const months = priced.map((r) => r.result!.cost!.perMonthUsd);
    expect(months).toEqual([...months].sort((a, b) => a - b));
    // Priced GPUs come first; every row is sized at the same targets and load.
    expect(rows.slice(0, priced.length).every((r) => r.result?.fits && r.result.cost)).toBe(true);
    for (const r of priced) {
      expect(r.result!.tpotMs!).toBeLessThanOrEqual(50 + 1e-9);
      expect(r.result!.load?.meanRequestsPerSecond).toBeCloseTo(200 / 60, 6);
    }
    // The GPU count of the form applies to the chosen GPU only: each GPU gets its own smallest layout.
    expect(new Set(priced.map((r) => r.result!.gpusPerReplica)).size).toBeGreaterThan(1);
  });
});
