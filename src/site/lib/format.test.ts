import { describe, expect, it } from 'vitest';
import { compact, countryName, date, params, usd, weakestStatus } from './format.ts';
import { compareUrl, modelUrl } from './paths.ts';

describe('display formatting', () => {
  it('writes large counts compactly', () => {
    expect(compact(700_000_000)).toBe('700M');
    expect(compact(128_000)).toBe('128K');
    expect(compact(1_048_576)).toBe('1.05M');
  });

  it('writes parameter counts in M, B or T', () => {
    expect(params(0.086)).toBe('86M');
    expect(params(70.6)).toBe('70.6B');
    expect(params(1600)).toBe('1.6T');
  });

  it('writes prices per 1M tokens with cents', () => {
    expect(usd(0.1)).toBe('$0.10');
    expect(usd(0.038)).toBe('$0.038');
    expect(usd(15)).toBe('$15');
  });

  it('writes dates without locale ambiguity, keeping month precision', () => {
    expect(date('2024-12-06')).toBe('6 Dec 2024');
    expect(date('2026-07')).toBe('Jul 2026');
  });

  it('names countries and the EU', () => {
    expect(countryName('FR')).toBe('France');
    expect(countryName('EU')).toBe('European Union');
  });

  it('picks the weakest status', () => {
    expect(weakestStatus(['verified', 'single-source', 'secondary'])).toBe('single-source');
  });

  it('keeps model ids readable in shareable compare URLs', () => {
    expect(compareUrl(['meta/llama-3.3-70b-instruct', 'alibaba/qwen3-32b'])).toBe('/compare/?models=meta/llama-3.3-70b-instruct,alibaba/qwen3-32b');
    expect(modelUrl('meta/llama-3.3-70b-instruct')).toBe('/models/meta/llama-3.3-70b-instruct/');
  });
});
