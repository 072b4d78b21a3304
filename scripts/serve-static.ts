/**
 * A tiny static file server for the built site (node:http, no dependencies), so `npm start`, the e2e tests and
 * bench-site work air-gapped. Serves only files under the root, on 127.0.0.1, with the site's security headers.
 */
import { closeSync, createReadStream, fstatSync, lstatSync, openSync, realpathSync, statSync, type Stats } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.yaml': 'text/yaml; charset=utf-8',
  // Pagefind's index and fragment files are gzip-compressed binaries it decompresses itself.
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Maps a URL path to a file under root: "/models/" → root/models/index.html. Undefined when outside root or
 * missing, for a dot-file or dot-directory (`/.git/config`, `/.env`), and for a symlink whose target lies
 * outside root: what is served is decided by where the file really is, not by the path that names it.
 */
export function resolveFile(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  if (decoded.split('/').some((segment) => segment.startsWith('.'))) return undefined;
  const full = normalize(join(root, decoded));
  if (full !== root && !full.startsWith(root + sep)) return undefined;
  const inside = (path: string) => {
    let real: string;
    let realRoot: string;
    try {
      real = realpathSync(path);
      realRoot = realpathSync(root);
    } catch {
      return undefined;
    }
    return real === realRoot || real.startsWith(realRoot + sep) ? path : undefined;
  };
  const stat = statOrUndefined(full);
  if (stat?.isFile()) return inside(full);
  if (stat?.isDirectory()) {
    const index = join(full, 'index.html');
    return statOrUndefined(index)?.isFile() ? inside(index) : undefined;
  }
  // "/compare" without a trailing slash.
  const asDir = join(full, 'index.html');
  return statOrUndefined(asDir)?.isFile() ? inside(asDir) : undefined;
}

/** Opens a resolved file for serving; undefined (after nothing was sent) when it cannot be read. */
function openForServing(file: string): { fd: number; size: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('not a file');
    return { fd, size: stat.size };
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
}

/** Streams an open file to the response; a read error ends the response instead of throwing. */
function send(fd: number, res: import('node:http').ServerResponse): void {
  const stream = createReadStream('', { fd, autoClose: true });
  stream.on('error', () => res.destroy());
  stream.pipe(res);
}

/**
 * Starts serving `dir` on 127.0.0.1:`port` (0 = an ephemeral port). With `base` ("/clearance/", for a site built
 * with CLEARANCE_SITE_BASE) the files are served under that path only, as a sub-path host would; "/" redirects there.
 */
/** Codings an Accept-Encoding header accepts (q > 0), lower-cased: "br;q=1.0, gzip" → {br, gzip}. */
function acceptedCodings(header: string): Set<string> {
  const out = new Set<string>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    if (name && (q === undefined || Number(q.slice(2)) > 0)) out.add(name);
  }
  return out;
}

/**
 * Which precompressed copy of `file` to send: brotli first, then gzip, else none. Only a regular file beside it
 * (never a symlink), so the copy cannot lead out of the served root.
 */
export function precompressedFor(file: string, acceptEncoding: string): { name: 'br' | 'gzip'; suffix: '.br' | '.gz' } | undefined {
  const accepted = acceptedCodings(acceptEncoding);
  for (const [name, suffix] of [['br', '.br'], ['gzip', '.gz']] as const) {
    if (!accepted.has(name)) continue;
    try {
      if (lstatSync(`${file}${suffix}`).isFile()) return { name, suffix };
    } catch {
      // no such copy
    }
  }
  return undefined;
}

export function serveStatic(dir: string, port = 0, options: { base?: string } = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const base = `/${(options.base ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const requested = req.url ?? '/';
    if (base !== '/' && (requested === '/' || requested === base.slice(0, -1))) {
      res.writeHead(302, { location: base }).end();
      return;
    }
    const underBase = requested.startsWith(base);
    const file = underBase ? resolveFile(root, `/${requested.slice(base.length)}`) : undefined;
    const headers: Record<string, string> = {
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'x-frame-options': 'DENY',
      'cache-control': 'no-cache',
    };
    if (!file) {
      const notFoundFile = resolveFile(root, '/404.html');
      const notFound = notFoundFile && req.method === 'GET' ? openForServing(notFoundFile) : undefined;
      res.writeHead(404, { ...headers, 'content-type': 'text/html; charset=utf-8' });
      if (notFound) send(notFound.fd, res);
      else res.end('Not found');
      return;
    }
    // A precompressed copy the build wrote (`.br`, `.gz`) is sent when the client accepts it.
    const encoding = precompressedFor(file, String(req.headers['accept-encoding'] ?? ''));
    // An unreadable file (permissions, removed since it was resolved) is a server error, never a crash.
    const opened = openForServing(encoding ? `${file}${encoding.suffix}` : file);
    if (!opened) {
      res.writeHead(500, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('The file cannot be read.');
      return;
    }
    const type = Object.hasOwn(TYPES, extname(file).toLowerCase()) ? TYPES[extname(file).toLowerCase()]! : 'application/octet-stream';
    res.writeHead(200, { ...headers, 'content-type': type, 'content-length': String(opened.size), vary: 'accept-encoding', ...(encoding ? { 'content-encoding': encoding.name } : {}) });
    if (req.method === 'HEAD') {
      closeSync(opened.fd);
      res.end();
    } else send(opened.fd, res);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      const { port: actual } = server.address() as AddressInfo;
      resolvePromise({
        server,
        url: `http://127.0.0.1:${actual}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
