/** Shared timing helpers for `npm run bench*`: whole-process wall time, median of several runs. */
import { spawnSync } from 'node:child_process';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Median wall time in ms of running `node <args>` to completion; throws if the exit code is unexpected. */
export function timeNode(args: readonly string[], runs: number, expectExit: readonly number[] = [0]): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, args, { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    times.push(performance.now() - start);
    if (!expectExit.includes(result.status ?? -1)) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  return median(times);
}

/** Times `node <args>` against a bare `node -e 0` start and prints the ratio. */
export function benchAgainstBareNode(label: string, args: readonly string[], runs = 7, expectExit: readonly number[] = [0]) {
  const bare = timeNode(['-e', '0'], runs);
  const ms = timeNode(args, runs, expectExit);
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(6)} ms   bare node ${bare.toFixed(0).padStart(4)} ms   ratio ${(ms / bare).toFixed(2)}×`);
  return { ms, bare, ratio: ms / bare };
}
