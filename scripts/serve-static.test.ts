import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveFile, serveStatic, type StaticServer } from './serve-static.ts';

const root = mkdtempSync(join(tmpdir(), 'clearance-serve-'));
mkdirSync(join(root, 'models', 'meta', 'x'), { recursive: true });
writeFileSync(join(root, 'index.html'), '<h1>home</h1>');
writeFileSync(join(root, 'models', 'meta', 'x', 'index.html'), '<h1>card</h1>');
writeFileSync(join(root, '404.html'), '<h1>not found</h1>');
writeFileSync(join(root, 'app.js'), 'export {}');
// What must never be served: dot-files, and files reached through a symlink that leaves the root.
const outside = mkdtempSync(join(tmpdir(), 'clearance-outside-'));
writeFileSync(join(outside, 'secret.txt'), 'secret');
mkdirSync(join(outside, 'dir'));
writeFileSync(join(outside, 'dir', 'index.html'), 'secret dir');
writeFileSync(join(root, '.clearance-build.json'), '{"outDir":"/home/someone/dist"}');
mkdirSync(join(root, '.git'));
writeFileSync(join(root, '.git', 'config'), '[core]');
symlinkSync(join(outside, 'secret.txt'), join(root, 'leak.txt'));
symlinkSync(join(outside, 'dir'), join(root, 'leakdir'));
symlinkSync(join(root, 'app.js'), join(root, 'alias.js'));

describe('static file resolution', () => {
  it('maps directories to their index.html, with or without a trailing slash', () => {
    expect(resolveFile(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveFile(root, '/models/meta/x/')).toBe(join(root, 'models', 'meta', 'x', 'index.html'));
    expect(resolveFile(root, '/models/meta/x?models=a,b')).toBe(join(root, 'models', 'meta', 'x', 'index.html'));
  });

  it('refuses paths that leave the root', () => {
    expect(resolveFile(root, '/../../etc/passwd')).toBeUndefined();
    expect(resolveFile(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeUndefined();
    expect(resolveFile(root, '/a%00b')).toBeUndefined();
    expect(resolveFile(root, '/%E0%A4%A')).toBeUndefined();
  });
});

describe('static server', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(root, 0);
  });
  afterAll(async () => {
    await server.close();
  });

  it('listens on 127.0.0.1 and serves files with their type and security headers', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await fetch(`${server.url}/app.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/javascript');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('answers unknown paths with the site 404 page', async () => {
    const res = await fetch(`${server.url}/nope/`);
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('not found');
  });

  it('serves no dot-file and nothing a symlink reaches outside the root', async () => {
    for (const path of ['/.clearance-build.json', '/.git/config', '/%2egit/config', '/leak.txt', '/leakdir/', '/leakdir']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.text(), path).not.toContain('secret');
    }
    // A symlink that stays inside the root is an ordinary file.
    expect((await fetch(`${server.url}/alias.js`)).status).toBe(200);
  });

  it('allows only GET and HEAD', async () => {
    expect((await fetch(`${server.url}/`, { method: 'POST' })).status).toBe(405);
  });
});

describe('static server under a sub-path', () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveStatic(root, 0, { base: '/clearance/' });
  });
  afterAll(async () => {
    await server.close();
  });

  it('serves the site under the base only, and sends the domain root there', async () => {
    expect(await (await fetch(`${server.url}/clearance/models/meta/x/`)).text()).toContain('card');
    expect((await fetch(`${server.url}/models/meta/x/`)).status).toBe(404);
    const root = await fetch(`${server.url}/`, { redirect: 'manual' });
    expect(root.status).toBe(302);
    expect(root.headers.get('location')).toBe('/clearance/');
  });
});
