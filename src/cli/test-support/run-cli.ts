/** Runs the CLI in-process with captured output, for golden tests. */
import { fileURLToPath } from 'node:url';
import { main } from '../main.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runCli(argv: string[], options: { cwd?: string; today?: string } = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    cwd: options.cwd ?? REPO_ROOT,
    version: '0.0.0-test',
    today: options.today ?? '2026-11-22',
  });
  return { code, stdout, stderr };
}
