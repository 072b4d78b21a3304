/**
 * GET /models/<vendor>/<model>/og.png: the model page's Open Graph image (1200×630: name, license, size, context,
 * first trap). getStaticPaths draws the missing ones once, on all cores, into the same content-hash cache as the
 * fact cards, so an unchanged model is not redrawn on the next build.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { modelCardContent } from '../../../../cards/index.ts';
import { modelOgImage } from '../../../../cards/render.node.ts';
import { siteCardRenderer } from '../../../lib/card-renderer.ts';
import { getRegistry } from '../../../lib/registry.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const { registry } = getRegistry();
  const ids = Object.keys(registry.models);
  await (await siteCardRenderer()).renderMany(ids.map((id) => ({ content: modelCardContent(registry, id), size: 'og' as const })));
  return ids.map((id) => ({ params: { id } }));
};

export const GET: APIRoute = async ({ params }) => {
  const png = await modelOgImage(getRegistry().registry, params.id as string, await siteCardRenderer());
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
