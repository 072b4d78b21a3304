/**
 * `npm start`: builds the site and serves dist/ on localhost with a tiny built-in server (no dev server, no
 * network), printing the URL. Flags: --no-build (serve the existing dist/), --port N (default 4321; 0 = any free port),
 * --base /path/ (build and serve under a sub-path, as CLEARANCE_SITE_BASE does).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildSite, siteBase } from './build-site.ts';
import { serveStatic } from './serve-static.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

const { values } = parseArgs({
  options: {
    'no-build': { type: 'boolean', default: false },
    port: { type: 'string', default: process.env.PORT ?? '4321' },
    base: { type: 'string', default: process.env.CLEARANCE_SITE_BASE ?? '/' },
  },
});

const outDir = resolve(process.env.CLEARANCE_SITE_OUT ?? join(ROOT, 'dist'));
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`start: --port must be a whole number from 0 to 65535, got "${values.port}"\n`);
  process.exit(2);
}

try {
  const base = siteBase(values.base);
  if (!values['no-build']) {
    const built = await buildSite({ outDir, base });
    process.stdout.write(`Built ${built.pages} pages in ${(built.totalMs / 1000).toFixed(1)} s.\n`);
  } else if (!existsSync(join(outDir, 'index.html'))) {
    process.stderr.write(`start: ${outDir} has no built site; run without --no-build\n`);
    process.exit(2);
  }
  const server = await serveStatic(outDir, port, { base });
  process.stdout.write(`Clearance is served at ${server.url}${base} (Ctrl+C to stop)\n`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`start: ${(error as Error).message}\n`);
  process.exit(1);
}
