/**
 * A file the server cannot open (permissions, removed after it was found) is a 500, and the server keeps
 * serving. The test runs as any user, root included, so the failure is injected at the open call.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  return {
    ...fs,
    openSync: (path: import('node:fs').PathLike, ...rest: unknown[]) => {
      if (String(path).endsWith('locked.html')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (fs.openSync as (...a: unknown[]) => number)(path, ...rest);
    },
  };
});

const { serveStatic } = await import('./serve-static.ts');

const root = mkdtempSync(join(tmpdir(), 'clearance-serve-locked-'));
writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
writeFileSync(join(root, 'locked.html'), '<h1>locked</h1>');

describe('static server and unreadable files', () => {
  let server: Awaited<ReturnType<typeof serveStatic>>;
  beforeAll(async () => {
    server = await serveStatic(root, 0);
  });
  afterAll(async () => {
    await server.close();
  });

  it('answers 500 for a file it cannot open, and keeps serving', async () => {
    const res = await fetch(`${server.url}/locked.html`);
    expect(res.status).toBe(500);
    expect((await fetch(`${server.url}/`)).status).toBe(200);
  });
});
