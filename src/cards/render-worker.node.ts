/** Worker thread for CardRenderer.renderMany: draws the cards it is sent and posts the PNG bytes back. */
import { parentPort } from 'node:worker_threads';
import type { CardJob } from './render.node.ts';
import { drawCard, loadCardFonts } from './render.node.ts';

const fonts = loadCardFonts();

parentPort!.on('message', async (msg: { index: number; job: CardJob }) => {
  const started = performance.now();
  // A copy owns its memory, so transferring it cannot detach a pooled buffer.
  const png = new Uint8Array(await drawCard(msg.job.content, msg.job.size, fonts));
  parentPort!.postMessage({ index: msg.index, png, ms: performance.now() - started }, [png.buffer]);
});
