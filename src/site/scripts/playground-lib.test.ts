import { describe, expect, it } from 'vitest';
import { deflate, inflate, parseUserCount } from './playground-lib.ts';

describe('playground helpers', () => {
  it('reads user counts written with any common thousands separator, and nothing else', () => {
    for (const text of ['5000000', '5,000,000', '5 000 000', '5.000.000', "5'000'000", ' 5\u202f000\u202f000 ']) expect(parseUserCount(text)).toBe(5_000_000);
    for (const text of ['', 'five million', '5e6', '-5', '5.5', '5,00', '5,000.000', '5,000,000.5x', '1'.repeat(14)]) expect(parseUserCount(text)).toBeUndefined();
  });

  it('round-trips a config through the share-link encoding, which is URL-safe', async () => {
    const config = 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: hosted_vllm/CohereLabs/c4ai-command-r-plus-08-2024 # “quoted” ü\n';
    const encoded = await deflate(config);
    expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await inflate(encoded)).toBe(config);
  });
});
