/**
 * `npm run bench`: whole-process times of the CLI as ratios to a bare `node -e 0` start (median of runs).
 * Tests never assert wall times; this is where they are measured. Targets from the issues are printed beside.
 */
import { benchAgainstBareNode } from './bench-support.ts';

const runs = Number(process.env.BENCH_RUNS ?? 7);
console.log(`clearance bench — median of ${runs} runs, Node ${process.version}\n`);

const validate = benchAgainstBareNode('clearance validate (content/)', ['src/cli/main.ts', 'validate'], runs, [0, 1]);
console.log(`  target: under 1500 ms → ${validate.ms < 1500 ? 'met' : 'NOT met'}\n`);
