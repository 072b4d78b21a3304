/** Precompressed files: written by the build beside large text files, sent by `npm start` when the client accepts them. */
import { request } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from './build-site.ts';
import { precompressedFor, serveStatic, type StaticServer } from './serve-static.ts';

const root = mkdtempSync(join(tmpdir(), 'clearance-precompress-'));
mkdirSync(join(root, 'api'));
const registry = JSON.stringify({ models: Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`vendor/model-${i}`, { name: `Model ${i}`, license: 'apache-2.0' }])) });
writeFileSync(join(root, 'api', 'registry.json'), registry);
writeFileSync(join(root, 'small.json'), '{"a":1}');
const outside = mkdtempSync(join(tmpdir(), 'clearance-precompress-outside-'));
writeFileSync(join(outside, 'x.br'), 'not from the build');

/** GET with an Accept-Encoding header, returning the raw (still encoded) body: fetch() would decode it. */
function get(url: string, acceptEncoding: string): Promise<{ status: number; encoding?: string; body: Buffer }> {
  return new Promise((done, fail) => {
    request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done({ status: res.statusCode ?? 0, ...(res.headers['content-encoding'] ? { encoding: String(res.headers['content-encoding']) } : {}), body: Buffer.concat(chunks) }));
    })
      .on('error', fail)
      .end();
  });
}

describe('precompressed output', () => {
  let server: StaticServer;
  let result: ReturnType<typeof precompress>;
  beforeAll(async () => {
    result = precompress(root);
    server = await serveStatic(root, 0);
  });
  afterAll(async () => {
    await server.close();
  });

  it('writes .br and .gz beside large text files only, and the same bytes every time', () => {
    expect(result.files).toBe(1);
    expect(result.brotliBytes).toBeLessThan(result.bytes / 5);
    const once = readFileSync(join(root, 'api', 'registry.json.br'));
    precompress(root);
    expect(readFileSync(join(root, 'api', 'registry.json.br')).equals(once)).toBe(true);
    expect(() => readFileSync(join(root, 'small.json.br'))).toThrow();
  });

  it('sends brotli, else gzip, else the file as it is, and says so', async () => {
    const url = `${server.url}/api/registry.json`;
    const br = await get(url, 'gzip, deflate, br');
    expect(br.encoding).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(registry);
    const gz = await get(url, 'gzip');
    expect(gz.encoding).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(registry);
    const plain = await get(url, 'identity');
    expect(plain.encoding).toBeUndefined();
    expect(plain.body.toString()).toBe(registry);
    expect((await get(url, 'br;q=0, gzip;q=0')).encoding).toBeUndefined();
  });

  it('never sends a "precompressed" copy that is a symlink (it could lead out of the root)', () => {
    writeFileSync(join(root, 'page.json'), 'x'.repeat(30_000));
    symlinkSync(join(outside, 'x.br'), join(root, 'page.json.br'));
    expect(precompressedFor(join(root, 'page.json'), 'br')).toBeUndefined();
  });
});
