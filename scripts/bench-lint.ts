/**
 * Lint bench: whole-process time of `clearance lint content/routers/itsm-hybrid.yaml` as a ratio to a bare
 * `node -e 0` start (median of runs; issue 4 target ≤ 2×). `clearance` is the package's bin (package.json),
 * what `npx clearance` and the GitHub Action run; `node src/cli/main.ts` is timed too, for reference (it pays
 * for Node's TypeScript stripper before the compile cache is on). The first, untimed run of each warms the
 * registry cache and Node's compile cache. `npm run bench` calls benchLint(); `node scripts/bench-lint.ts`
 * runs it alone.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadRegistry } from '../src/registry/load.ts';
import { benchAgainstBareNode } from './bench-support.ts';
import { writeSyntheticRegistry } from './synthetic-registry.ts';

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

/**
 * A LiteLLM config of `routes` routes, `unknown` of them near misses of real aliases (a fine-tune suffix, a
 * changed character), so every unknown id pays for did-you-mean; the rest resolve.
 */
export function largeConfig(contentDir: string, routes = 300, unknown = 200): string {
  const { registry } = loadRegistry(contentDir);
  const ids = Object.keys(registry.models).sort().filter((id) => registry.models[id]!.kind === 'open-weights');
  const lines = ['model_list:'];
  for (let i = 0; i < routes; i++) {
    const id = ids[i % ids.length]!;
    const model = i < unknown ? (i % 2 === 0 ? `${id}-ft-${i}` : `${id.slice(0, -1)}${String.fromCharCode(97 + (i % 26))}`) : id;
    lines.push(`  - model_name: group-${i % 40}`, '    litellm_params:', `      model: hosted_vllm/${model}`, '      api_base: http://gpu-pool.internal:8000/v1');
  }
  return `${lines.join('\n')}\n`;
}

/** `clearance lint` of a 300-route config with 200 unknown ids, on the registry and on a 10× synthetic one. */
export function benchLargeLint(runs = 5): { ratio1: number; ratio10: number } {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { bin: Record<string, string> };
  const dir = mkdtempSync(join(tmpdir(), 'clearance-bench-lint-'));
  try {
    const config = join(dir, 'proxy.yaml');
    writeFileSync(config, largeConfig('content'));
    const synthetic = join(dir, 'content-x10');
    const counts = writeSyntheticRegistry('content', synthetic, 10);
    const results: number[] = [];
    for (const [label, registry] of [['1× registry', 'content'], [`10× registry (${counts.models} models)`, synthetic]] as const) {
      const args = [pkg.bin.clearance!, 'lint', config, '--registry', registry, '--today', '2026-11-22', '--format', 'json'];
      spawnSync(process.execPath, args, { stdio: 'ignore' }); // warms the registry cache and the compile cache
      const r = benchAgainstBareNode(`lint 300 routes, 200 unknown, ${label}`, args, runs, [1]);
      results.push(r.ratio);
    }
    console.log(`  10× registry / 1× registry: ${(results[1]! / results[0]!).toFixed(2)}× (lint time should follow the config, not config × registry)`);
    console.log('');
    return { ratio1: results[0]!, ratio10: results[1]! };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  benchLint(Number(process.env.BENCH_RUNS ?? 7));
  benchLargeLint(Number(process.env.BENCH_RUNS ?? 5));
}
