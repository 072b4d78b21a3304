/**
 * The calculator's URL parameters: sized when sane, refused with a message when not (issue 10 and 14); its load
 * units; and its "compare every GPU" table.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadRegistry } from '../registry/load.ts';
import { calculatorRequest, type CalculatorData, type CalculatorField } from './calculator.ts';
import { compareGpus } from './compare.ts';
import { SizingError } from './errors.ts';
import { sizeDeployment } from './plan.ts';

let data: CalculatorData;
beforeAll(() => {
  const { registry } = loadRegistry(new URL('../../content', import.meta.url).pathname);
  data = { models: registry.models, gpus: registry.gpus };
});

const from = (query: string) => {
  const params = new URLSearchParams(query);
  return calculatorRequest((f: CalculatorField) => params.get(f), data);
};

describe('calculator parameters', () => {
  it('turns a shared link into the request the CLI would size', () => {
    const input = from('model=deepseek/deepseek-v3.2&gpu=h200-sxm&gpus=8&isl=8192&osl=1024&layout=dp-attention-ep&engine=sglang&concurrency=64&tpot=400&percentile=p99&nodegpus=16&price=3.5');
    expect(input.ok).toBe(true);
    if (!input.ok) return;
    expect(input.request).toMatchObject({ layout: 'dp-attention-ep', engine: 'sglang', gpus: 8, totalGpus: 16, gpuHourUsd: 3.5, workload: { isl: 8192, osl: 1024, concurrency: 64, tpotMs: 400, latencyPercentile: 'p99' } });
    expect(input.request.model.contextTokens).toBe(131072);
    const r = sizeDeployment(input.request);
    expect(r.layoutKind).toBe('dp-attention-ep');
    expect(r.node?.totalGpus).toBe(16);
  });

  it('refuses negative, absurd and non-numeric values, each with its reason', () => {
    const input = from('model=meta/llama-3.1-8b-instruct&gpu=h100-sxm&isl=-5&osl=abc&price=1e9&rps=Infinity&peak=0.5&concurrency=2.5&gpus=100000');
    expect(input.ok).toBe(false);
    if (input.ok) return;
    const text = input.errors.join('\n');
    expect(text).toMatch(/input tokens: input tokens per request must be at least 1 tokens, not -5/);
    expect(text).toMatch(/output tokens: "abc" is not a number/);
    expect(text).toMatch(/GPU-hour price: GPU price of 1,000,000,000 USD per GPU-hour is beyond anything sizing can answer/);
    expect(text).toMatch(/requests per second: "Infinity" is not a number/);
    expect(text).toMatch(/peak ÷ mean load must be at least 1/);
    expect(text).toMatch(/concurrent requests per replica must be a whole number/);
    expect(text).toMatch(/GPUs per replica of 100,000 is beyond/);
  });

  it('refuses unknown and prototype-named models, GPUs, engines and layouts instead of resolving them', () => {
    const input = from('model=__proto__&gpu=constructor&engine=toString&layout=zigzag&precision=fp6&kv=int2&percentile=p50&frontier=hasOwnProperty');
    expect(input.ok).toBe(false);
    if (input.ok) return;
    expect(input.errors).toEqual([
      'unknown model "__proto__"',
      'unknown GPU "constructor"',
      expect.stringMatching(/^weight precision must be one of .*, not "fp6"$/),
      'KV-cache precision must be bf16 or fp8, not "int2"',
      'engine must be sglang, vllm, trtllm, not "toString"',
      'layout must be tp, tp-ep, dp-attention-ep, not "zigzag"',
      'percentile must be mean or p99, not "p50"',
      'unknown comparison model "hasOwnProperty"',
    ]);
  });

  it('passes the context window, so input + output beyond it is refused by name', () => {
    const input = from('model=meta/llama-3.1-8b-instruct&gpu=h100-sxm&isl=130000&osl=5000');
    expect(input.ok).toBe(true);
    if (!input.ok) return;
    expect(() => sizeDeployment(input.request)).toThrow(SizingError);
    expect(() => sizeDeployment(input.request)).toThrow(/135,000 tokens per request exceeds the 131,072-token context window of meta\/llama-3.1-8b-instruct/);
  });

  it('reads zero requests per second as no load, like the form', () => {
    const input = from('model=meta/llama-3.1-8b-instruct&gpu=h100-sxm&rps=0');
    expect(input.ok).toBe(true);
    if (input.ok) expect(input.request.workload.requestsPerSecond).toBeUndefined();
  });
});

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
