/**
 * Builds the site once before the browser tests when dist/ is missing or older than any input (content,
 * site sources, the cores it renders with, config). A fresh dist/ is reused, so repeated runs stay fast.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite, buildStampPath } from '../scripts/build-site.ts';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const SITE_DIR = join(ROOT, 'dist');
const STAMP = buildStampPath(SITE_DIR);
const INPUTS = ['content', 'src', 'public', 'schemas', 'astro.config.mjs', 'package.json', 'scripts/build-site.ts'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    // Tests and fixtures do not change the site.
    if (entry.name === 'node_modules' || entry.name.endsWith('.test.ts') || entry.name === '__fixtures__') continue;
    newest = Math.max(newest, newestMtime(join(path, entry.name)));
  }
  return newest;
}

/** Why dist/ must be rebuilt, or undefined when it is fresh. */
export function staleReason(): string | undefined {
  if (!existsSync(STAMP)) return 'dist/ has no build stamp';
  const built = statSync(STAMP).mtimeMs;
  // The stamp is kept outside dist/: a dist/ deleted or rebuilt by something else since is not this build.
  const index = join(SITE_DIR, 'index.html');
  if (!existsSync(index) || statSync(index).mtimeMs > built) return 'dist/ was removed or rebuilt since the stamp';
  for (const input of INPUTS) {
    if (newestMtime(join(ROOT, input)) > built) return `${input} changed since the last build`;
  }
  if (process.env.CLEARANCE_REGISTRY) return 'CLEARANCE_REGISTRY is set (the e2e tests expect the real registry)';
  return undefined;
}

export default async function setup(): Promise<void> {
  const reason = staleReason();
  if (!reason) return;
  process.stdout.write(`e2e: building the site (${reason})…\n`);
  delete process.env.CLEARANCE_REGISTRY;
  const result = await buildSite({ outDir: SITE_DIR, quiet: true });
  process.stdout.write(`e2e: built ${result.pages} pages in ${(result.totalMs / 1000).toFixed(1)} s\n`);
}
