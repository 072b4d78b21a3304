/**
 * Lint bench: whole-process time of `clearance lint content/routers/itsm-hybrid.yaml` as a ratio to a bare
 * `node -e 0` start (median of runs; issue 4 target ≤ 2×). `npm run bench` calls benchLint();
 * `node scripts/bench-lint.ts` runs it alone. The first, untimed run warms the registry cache.
 */
import { spawnSync } from 'node:child_process';
import { benchAgainstBareNode } from './bench-support.ts';

export const LINT_TARGET_RATIO = 2;

export function benchLint(runs = 7): { ms: number; bare: number; ratio: number } {
  const args = ['src/cli/main.ts', 'lint', 'content/routers/itsm-hybrid.yaml'];
  spawnSync(process.execPath, args, { stdio: 'ignore' });
  const result = benchAgainstBareNode('clearance lint content/routers/itsm-hybrid.yaml', args, runs, [0, 1]);
  console.log(`  target: ≤ ${LINT_TARGET_RATIO}× bare node → ${result.ratio <= LINT_TARGET_RATIO ? 'met' : 'NOT met'}\n`);
  return result;
}

if (import.meta.main) benchLint(Number(process.env.BENCH_RUNS ?? 7));
