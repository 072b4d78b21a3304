/** Shared wording for rule messages, so every rule names models and routes the same way. */
import type { RouteContext } from './types.ts';

/** "Llama 4 Maverick (meta/llama-4-maverick-17b-128e-instruct)". */
export function modelLabel(ctx: Pick<RouteContext, 'model' | 'modelId'>): string {
  return `${ctx.model.name} (${ctx.modelId})`;
}

/** "self-hosted", "via together-ai (hosted-oss)", "via an unknown provider", plus the route's role. */
export function servedBy(ctx: Pick<RouteContext, 'serving' | 'route'>): string {
  const { serving, route } = ctx;
  const how =
    serving.relationship === 'self-hosted'
      ? 'self-hosted'
      : serving.provider
        ? `via ${serving.provider.id} (${serving.relationship})`
        : 'via an unknown provider';
  const role = route.role === 'fallback' ? ', as a fallback' : route.role === 'alias' ? ', as an alias target' : '';
  return `${how}${role}`;
}

/** 700000000 → "700M"; 1500000 → "1.5M"; 800 → "800". */
export function users(n: number): string {
  const units: [number, string][] = [[1e9, 'B'], [1e6, 'M'], [1e3, 'k']];
  for (const [size, unit] of units) {
    if (n >= size) return `${Number((n / size).toFixed(2))}${unit}`;
  }
  return String(n);
}

/** Whole days from a to b (ISO dates). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}
