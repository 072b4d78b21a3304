/**
 * Numbers the citations of an MDX note in reading order before it renders: <Source>, and the registry tables
 * <RoutePrices> and <GpuPrice> that cite their own sources. Astro may render components concurrently, so the
 * source list cannot rely on render order. Pure.
 */
import type { Registry } from '../../registry/index.ts';
import type { Footnotes } from './footnotes.ts';

const TAG = /<(Source|RoutePrices|GpuPrice)\b([^>]*)\/>/g;

function attr(attrs: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1];
}

export function registerNoteCitations(registry: Registry, body: string, notes: Footnotes): void {
  for (const m of body.matchAll(TAG)) {
    const attrs = m[2] ?? '';
    const id = attr(attrs, 'id');
    if (!id) continue;
    if (m[1] === 'Source') {
      const where = attr(attrs, 'where');
      notes.ref(where !== undefined ? { source: id, where } : { source: id });
    } else if (m[1] === 'RoutePrices') {
      for (const r of registry.models[id]?.routes ?? []) if (r.price) notes.refs(r.sources);
    } else {
      const price = registry.gpus[id]?.prices.find((p) => p.kind === 'cloud-on-demand' && p.usd_per_gpu_hour_typical !== undefined);
      if (price) notes.refs(price.sources);
    }
  }
}
