/** The model card's GPU footprint compares every GPU at one operating point, not each at its own maximum. */
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../registry/load.ts';
import { gpuFootprint, REFERENCE_WORKLOAD } from './footprint.ts';

const { registry } = loadRegistry(new URL('../../../content/', import.meta.url).pathname);

describe('gpuFootprint', () => {
  it('sizes every GPU at the same TPOT target, so throughput and $/1M compare like for like', () => {
    const rows = gpuFootprint(registry, 'meta/llama-3.3-70b-instruct');
    expect(rows.length).toBe(Object.keys(registry.gpus).length);
    const fitted = rows.flatMap((r) => r.cells.map((c) => ({ gpu: r.gpuId, res: c.result }))).filter((x) => x.res?.fits);
    expect(fitted.length).toBeGreaterThan(5);
    for (const { gpu, res } of fitted) {
      expect(res!.tpotMs, gpu).not.toBeNull();
      expect(res!.tpotMs!, gpu).toBeLessThanOrEqual(REFERENCE_WORKLOAD.tpotMs + 1e-9);
    }
    // At one operating point a B200 and an H200 land within a few times of each other per token, not 27×.
    const cost = (gpu: string) => rows.find((r) => r.gpuId === gpu)!.cells[0]!.result!.cost!.perMillionOutputTokensUsd;
    expect(cost('b200') / cost('h200-sxm')).toBeLessThan(5);
  });
});
