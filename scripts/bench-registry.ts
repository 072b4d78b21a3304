/**
 * Registry bench: the worst cases of loading a registry and reading inputs, as whole-process times of the
 * package bin against a bare `node -e 0` start (median of runs):
 * - lint with the registry cache warm (content hash of every file, then the cached registry) and cold (a miss:
 *   YAML, schemas and cross-file checks), on a copy of content/ whose cache entry is removed before each run;
 * - lint against a bundle of the whole registry (cached by its bytes like a content tree), and validate of it,
 *   which runs the schemas and cross-file checks on every run;
 * - lint of a 20 GB sparse file, a FIFO and /dev/zero, refused before they are read.
 * `npm run bench` calls benchRegistry(); `node scripts/bench-registry.ts` runs it alone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, cpSync, ftruncateSync, mkdtempSync, openSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchAgainstBareNode, median } from './bench-support.ts';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'src/cli/clearance.js');
const CONFIG = join(ROOT, 'content/routers/itsm-hybrid.yaml');
const CACHE = join(ROOT, 'node_modules/.cache/clearance');

export function benchRegistry(runs = 7): void {
  const work = mkdtempSync(join(tmpdir(), 'clearance-bench-registry-'));
  try {
    const content = join(work, 'content');
    cpSync(join(ROOT, 'content'), content, { recursive: true });
    // One extra file, so this copy has a cache entry of its own.
    cpSync(join(content, 'sources/cc-by-nc-4.0-legalcode.yaml'), join(content, 'sources/bench-marker.yaml'));
    const lint = ['lint', CONFIG, '--registry', content];
    spawnSync(process.execPath, [BIN, ...lint], { stdio: 'ignore' });
    const warm = benchAgainstBareNode('lint, registry cache hit (content hash)', [BIN, ...lint], runs, [0, 1]);

    // Cold: the entry is deleted before each run, so every run validates the whole registry.
    const cached = () => readdirSync(CACHE).filter((n) => n.startsWith('registry-'));
    const before = new Set(cached());
    spawnSync(process.execPath, [BIN, ...lint], { stdio: 'ignore' });
    const mine = cached().filter((n) => !before.has(n));
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      for (const n of cached().filter((x) => !before.has(x))) rmSync(join(CACHE, n), { force: true });
      const start = performance.now();
      spawnSync(process.execPath, [BIN, ...lint], { stdio: 'ignore' });
      times.push(performance.now() - start);
    }
    const cold = median(times);
    console.log(`${'lint, registry cache miss (full validation)'.padEnd(44)} ${cold.toFixed(0).padStart(6)} ms   hit/miss ${(warm.ms / cold).toFixed(2)}×`);
    for (const n of [...mine, ...cached().filter((x) => !before.has(x))]) rmSync(join(CACHE, n), { force: true });

    const bundle = join(work, 'registry.json');
    execFileSync(process.execPath, [join(ROOT, 'scripts/build-bundle.ts'), '--registry', join(ROOT, 'content'), '--out', bundle], { stdio: 'ignore' });
    benchAgainstBareNode('lint --registry bundle (cross-file checks)', [BIN, 'lint', CONFIG, '--registry', bundle], runs, [0, 1]);
    benchAgainstBareNode('validate --registry bundle', [BIN, 'validate', '--registry', bundle], runs, [0, 1]);

    const sparse = join(work, 'huge.yaml');
    const fd = openSync(sparse, 'w');
    ftruncateSync(fd, 20 * 1024 ** 3);
    closeSync(fd);
    const fifo = join(work, 'config.fifo');
    execFileSync('mkfifo', [fifo]);
    for (const [label, path] of [['lint of a 20 GB sparse file (refused)', sparse], ['lint of a FIFO with no writer (refused)', fifo], ['lint /dev/zero (refused)', '/dev/zero']] as const) {
      benchAgainstBareNode(label, [BIN, 'lint', path], runs, [2]);
    }
    console.log('');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (import.meta.main) benchRegistry(Number(process.env.BENCH_RUNS ?? 7));
