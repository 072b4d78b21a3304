/**
 * Card images, drawn at build time: /facts/cards/<fact>.og.png (1200×630) and .slide.png (1920×1080).
 * getStaticPaths draws every missing card once, on all cores, into the content-hash cache
 * (node_modules/.cache/clearance-cards), so unchanged facts are not redrawn on the next build.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import type { CardContent, CardSize } from '../../../../cards/index.ts';
import { cardFiles, siteCardRenderer } from '../_facts-data.ts';

export const getStaticPaths: GetStaticPaths = async () => {
  const files = cardFiles();
  const renderer = await siteCardRenderer();
  await renderer.renderMany(files.map((f) => ({ content: f.content, size: f.size })));
  return files.map((f) => ({ params: { file: f.file }, props: { content: f.content, size: f.size } }));
};

export const GET: APIRoute = async ({ props }) => {
  const { content, size } = props as { content: CardContent; size: CardSize };
  const { png } = await (await siteCardRenderer()).render(content, size);
  return new Response(png as Uint8Array<ArrayBuffer>, { headers: { 'Content-Type': 'image/png' } });
};
