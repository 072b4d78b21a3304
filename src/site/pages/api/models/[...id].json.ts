/**
 * GET /api/models/<vendor>/<model>.json: one model with everything it references (vendor, governing licenses,
 * providers of its routes, cited sources) and the derived summary the site shows (facets, license headlines).
 */
import type { GetStaticPaths } from 'astro';
import { getRegistry } from '../../../lib/registry.ts';
import { modelSummary } from '../../../lib/model-json.ts';

export const getStaticPaths: GetStaticPaths = () => {
  const { registry } = getRegistry();
  return Object.keys(registry.models).map((id) => ({ params: { id } }));
};

export function GET({ params }: { params: { id: string } }): Response {
  const { registry } = getRegistry();
  return new Response(JSON.stringify(modelSummary(registry, params.id)), { headers: { 'content-type': 'application/json' } });
}
