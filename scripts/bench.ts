/**
 * `npm run bench`: whole-process times of the CLI as ratios to a bare `node -e 0` start (median of runs), and
 * the card renderer's cold and cached builds. Tests never assert wall times; this is where they are measured.
 * Sizing accuracy is `npm run bench:sizing`; site build and page weight are `npm run bench:site`.
 */
import { benchAgainstBareNode } from './bench-support.ts';
import { benchCards, formatCardBench } from './bench-cards.ts';
import { benchLargeLint, benchLint } from './bench-lint.ts';
import { benchRegistry } from './bench-registry.ts';

const runs = Number(process.env.BENCH_RUNS ?? 7);
console.log(`clearance bench — median of ${runs} runs, Node ${process.version}\n`);

// The package bin (what `npx clearance` runs): it turns on the compile cache before any TypeScript loads.
const validate = benchAgainstBareNode('clearance validate (content/)', ['src/cli/clearance.js', 'validate'], runs, [0, 1]);
console.log(`  target: under 1500 ms → ${validate.ms < 1500 ? 'met' : 'NOT met'}\n`);

benchLint(runs);
benchLargeLint(Math.max(3, Math.min(runs, 5)));

benchRegistry(runs);

console.log(formatCardBench(await benchCards()));
