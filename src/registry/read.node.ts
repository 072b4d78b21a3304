/**
 * Bounded file reading for the registry loader and the CLI (Node only, no parser, cheap to import): a file is
 * opened without blocking, checked to be a regular file no larger than the cap, and read for at most cap + 1
 * bytes, so /dev/zero, a FIFO or a 20 GB sparse file is refused at once instead of filling memory or hanging.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { sep } from 'node:path';
import { MAX_FILE_BYTES } from './ids.ts';
import type { RegistryFile } from './validate.ts';

/** Why a file was not read: too large, or not a regular file, or an OS error. */
export interface ReadRefusal {
  code: 'too-large' | 'not-a-file' | 'unreadable';
  message: string;
}

/**
 * Reads a text file of at most `maxBytes` bytes (UTF-8). Opens without blocking (a FIFO with no writer does not
 * hang), checks the open file is a regular file no larger than the cap, then reads at most cap + 1 bytes, so a
 * file that grows while it is read is refused too.
 */
export function readTextBounded(path: string, maxBytes: number = MAX_FILE_BYTES): { text: string } | ReadRefusal {
  const read = readBytesBounded(path, maxBytes);
  return 'bytes' in read ? { text: read.bytes.toString('utf8') } : read;
}

/** The bytes of a regular file of at most `maxBytes` bytes, read as readTextBounded describes. */
export function readBytesBounded(path: string, maxBytes: number = MAX_FILE_BYTES): { bytes: Buffer } | ReadRefusal {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return { code: 'unreadable', message: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { code: 'not-a-file', message: 'it is a directory' };
    if (!stat.isFile()) return { code: 'not-a-file', message: `it is not a regular file (${stat.isFIFO() ? 'a FIFO' : stat.isCharacterDevice() ? 'a character device' : stat.isSocket() ? 'a socket' : 'a device'}); name a file` };
    if (stat.size > maxBytes) return { code: 'too-large', message: `the file is ${stat.size} bytes; the limit is ${maxBytes}` };
    // One byte more than stat promised, to see the end; grown (up to cap + 1) if the file grows while read.
    let buffer = Buffer.allocUnsafe(stat.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) return { code: 'too-large', message: `the file grew past the limit of ${maxBytes} bytes while it was read` };
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxBytes) return { code: 'too-large', message: `the file grew past the limit of ${maxBytes} bytes while it was read` };
    return { bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { code: 'unreadable', message: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  } finally {
    closeSync(fd);
  }
}

/** Reads every file under a content directory, paths relative to it with forward slashes. */
export function readContentFiles(root: string): RegistryFile[] {
  return readContentBytes(root).map(decodeContentFile);
}

/** A content file as read, before decoding: the bytes key the registry cache without decoding every file. */
export interface ContentBytes {
  path: string;
  bytes?: Buffer;
  refused?: ReadRefusal;
}

export function decodeContentFile(f: ContentBytes): RegistryFile {
  return f.bytes ? { path: f.path, text: f.bytes.toString('utf8') } : { path: f.path, text: '', refused: f.refused! };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Every file under a content directory as bytes (dot-files skipped), in code-unit order of their paths. */
export function readContentBytes(root: string): ContentBytes[] {
  const out: ContentBytes[] = [];
  // Paths are joined as strings: path.join/relative per file cost more than reading the file.
  const walk = (dir: string, prefix: string) => {
    // Code-unit order: stable across machines and locales, and far cheaper at start-up than localeCompare.
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const full = `${dir}${sep}${entry.name}`;
      const path = `${prefix}${entry.name}`;
      if (entry.isDirectory()) walk(full, `${path}/`);
      else if (entry.isSymbolicLink() && isDirectory(full)) {
        // Not followed: a link to a directory could loop or pull in a tree from elsewhere.
        out.push({ path, refused: { code: 'not-a-file', message: 'it is a symbolic link to a directory, which the registry does not follow; move the files here' } });
      } else {
        // Regular files, links to files, and anything else (a FIFO, a socket), which the bounded reader refuses:
        // a file in the registry is read or reported, never skipped in silence.
        const read = readBytesBounded(full);
        out.push('bytes' in read ? { path, bytes: read.bytes } : { path, refused: read });
      }
    }
  };
  walk(root.replace(/[\\/]+$/, '') || root, '');
  return out;
}
