/**
 * GET /api/sizing.json: what the sizing calculator needs and nothing more — models with an architecture (and their
 * priced routes, for break-even), API-only models with prices (the frontier comparison), and the GPU catalog.
 */
import type { Gpu, Model } from '../../../registry/index.ts';
import { getRegistry } from '../../lib/registry.ts';

export function GET(): Response {
  const { registry } = getRegistry();
  const models: Record<string, Pick<Model, 'name' | 'kind' | 'architecture' | 'routes' | 'context_tokens'>> = {};
  for (const [id, m] of Object.entries(registry.models)) {
    const priced = (m.routes ?? []).filter((r) => r.price);
    if (!m.architecture && priced.length === 0) continue;
    // The context window lets the calculator refuse input + output beyond it, as the CLI does.
    models[id] = { name: m.name, kind: m.kind, ...(m.architecture ? { architecture: m.architecture } : {}), ...(m.context_tokens !== undefined ? { context_tokens: m.context_tokens } : {}), ...(priced.length ? { routes: priced } : {}) };
  }
  const gpus: Record<string, Gpu> = registry.gpus;
  return new Response(JSON.stringify({ models, gpus }), { headers: { 'content-type': 'application/json' } });
}
