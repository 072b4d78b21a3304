/**
 * The build's one card renderer (src/cards/render.node.ts), shared by the fact cards (/facts/cards/) and the
 * model pages' Open Graph images (/models/<id>/og.png): one content-hash cache, so unchanged cards are not redrawn.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCardRenderer, type CardRenderer } from '../../cards/render.node.ts';

let renderer: Promise<CardRenderer> | undefined;

export function siteCardRenderer(): Promise<CardRenderer> {
  // The build bundles this module, so the worker script is found from the project root (the build's cwd).
  const workerUrl = pathToFileURL(resolve('src/cards/render-worker.node.ts'));
  // Likewise the cache: node_modules/.cache/clearance-cards under the project root, unless CLEARANCE_CARD_CACHE says otherwise.
  renderer ??= createCardRenderer({ workerUrl, cacheDir: resolve(process.env.CLEARANCE_CARD_CACHE ?? 'node_modules/.cache/clearance-cards') });
  return renderer;
}
