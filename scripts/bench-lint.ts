/**
 * Lint bench: whole-process time of `clearance lint content/routers/itsm-hybrid.yaml` as a ratio to a bare
 * `node -e 0` start (median of runs; issue 4 target ≤ 2×). `clearance` is the package's bin (package.json),
 * what `npx clearance` and the GitHub Action run; `node src/cli/main.ts` is timed too, for reference (it pays
 * for Node's TypeScript stripper before the compile cache is on). The first, untimed run of each warms the
 * registry cache and Node's compile cache. `npm run bench` calls benchLint(); `node scripts/bench-lint.ts`
 * runs it alone.
 */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { benchAgainstBareNode } from './bench-support.ts';

export const LINT_TARGET_RATIO = 2;

export function benchLint(runs = 7): { ms: number; bare: number; ratio: number } {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string> };
  const config = ['lint', 'content/routers/itsm-hybrid.yaml'];
  const bin = [pkg.bin.clearance!, ...config];
  const source = ['src/cli/main.ts', ...config];
  for (const args of [bin, source]) spawnSync(process.execPath, args, { stdio: 'ignore' });
  const result = benchAgainstBareNode(`clearance lint (${pkg.bin.clearance})`, bin, runs, [0, 1]);
  console.log(`  target: ≤ ${LINT_TARGET_RATIO}× bare node → ${result.ratio <= LINT_TARGET_RATIO ? 'met' : 'NOT met'}`);
  benchAgainstBareNode('node src/cli/main.ts lint (reference)', source, runs, [0, 1]);
  console.log('');
  return result;
}

if (import.meta.main) benchLint(Number(process.env.BENCH_RUNS ?? 7));
