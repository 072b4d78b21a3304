/**
 * Bounded file reading for the registry loader and the CLI (Node only, no parser, cheap to import): a file is
 * opened without blocking, checked to be a regular file no larger than the cap, and read for at most cap + 1
 * bytes, so /dev/zero, a FIFO or a 20 GB sparse file is refused at once instead of filling memory or hanging.
 */
import { closeSync, constants, fstatSync, openSync, readdirSync, readSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
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
    const buffer = Buffer.allocUnsafe(Math.min(stat.size, maxBytes) + 1);
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
      if (length > maxBytes) return { code: 'too-large', message: `the file grew past the limit of ${maxBytes} bytes while it was read` };
      if (length === buffer.length) break;
    }
    return { text: buffer.toString('utf8', 0, length) };
  } catch (error) {
    return { code: 'unreadable', message: (error as NodeJS.ErrnoException).code ?? (error as Error).message };
  } finally {
    closeSync(fd);
  }
}

/** Reads every file under a content directory, paths relative to it with forward slashes. */
export function readContentFiles(root: string): RegistryFile[] {
  const out: RegistryFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const path = relative(root, full).split(sep).join('/');
        const read = readTextBounded(full);
        out.push('text' in read ? { path, text: read.text } : { path, text: '', refused: read });
      }
    }
  };
  walk(root);
  return out;
}
