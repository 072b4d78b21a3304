/** The CLI's window on the world: output streams, cwd and version, injectable so tests run commands in-process. */
import { readFileSync } from 'node:fs';

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  cwd: string;
  version: string;
  /** Today's date, YYYY-MM-DD; commands accept --today to override it. */
  today: string;
}

export function nodeIo(): Io {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    cwd: process.cwd(),
    version: pkg.version,
    today: new Date().toISOString().slice(0, 10),
  };
}

/**
 * Reads an input file (a router config, a policy) with the registry's size cap, refusing devices, FIFOs and
 * anything larger than the cap before reading it. Returns the text, or why not in words.
 */
export async function readInput(path: string, maxBytes?: number): Promise<{ text: string } | { error: string; code: 'too-large' | 'not-a-file' | 'unreadable' }> {
  const { readTextBounded } = await import('../registry/read.node.ts');
  const read = readTextBounded(path, maxBytes);
  return 'text' in read ? read : { error: read.message, code: read.code };
}
