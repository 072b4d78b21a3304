/**
 * `clearance size` golden files, run in-process against the frozen registry in
 * src/cli/__fixtures__/size-registry.json. Update the goldens with `npx vitest run <this file> -u`.
 */
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSizeRegistry, SIZE_REGISTRY, writeSizeRegistry } from '../__fixtures__/size-registry.ts';
import { main } from '../main.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const FIXTURES = 'src/cli/__fixtures__';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['size', ...args, '--registry', SIZE_REGISTRY], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: ROOT, version: '0.0.0-test', today: '2026-11-22' });
  return { code, stdout, stderr };
}

beforeAll(() => {
  if (process.env.UPDATE_SIZE_REGISTRY || !existsSync(SIZE_REGISTRY)) writeSizeRegistry(buildSizeRegistry(`${ROOT}content`));
});

interface Case {
  name: string;
  args: string[];
  exit: number;
  formats: Array<'text' | 'json'>;
}

const LLAMA = ['--model', 'meta/llama-3.1-70b-instruct', '--gpu', 'h100-sxm', '--precision', 'fp8'];
const CASES: Case[] = [
  { name: 'size-model', args: [...LLAMA, '--isl', '7168', '--osl', '1024'], exit: 0, formats: ['text', 'json'] },
  { name: 'size-model-offline', args: [...LLAMA, '--gpus', '2', '--engine', 'trtllm', '--isl', '1000', '--osl', '1000'], exit: 0, formats: ['json'] },
  { name: 'size-model-load', args: [...LLAMA, '--tpot-ms', '40', '--requests-per-day', '500000', '--frontier', 'anthropic/claude-opus-4.7'], exit: 0, formats: ['text'] },
  { name: 'size-no-fit', args: ['--model', 'deepseek/deepseek-v3', '--gpu', 'h100-sxm', '--gpus', '8'], exit: 1, formats: ['text'] },
  { name: 'size-router', args: [`${FIXTURES}/size-router/config.yaml`], exit: 0, formats: ['text', 'json'] },
  { name: 'size-router-unsizable', args: [`${FIXTURES}/size-router-unsizable/config.yaml`], exit: 2, formats: ['text'] },
  // DeepSeek-V3.2 on one 8×H200 node: the three layouts side by side (issue 14).
  { name: 'size-deepseek-v32-h200', args: ['--model', 'deepseek/deepseek-v3.2', '--gpu', 'h200-sxm', '--gpus', '8', '--isl', '8192', '--osl', '1024'], exit: 0, formats: ['text', 'json'] },
];

describe('clearance size golden files', () => {
  for (const c of CASES) {
    for (const format of c.formats) {
      it(`${c.name} as ${format} (exit ${c.exit})`, async () => {
        const { code, stdout, stderr } = await run([...c.args, '--format', format]);
        expect(stderr).toBe('');
        expect(code).toBe(c.exit);
        await expect(stdout).toMatchFileSnapshot(`../__fixtures__/${c.name}/expected.${format === 'text' ? 'txt' : 'json'}`);
        if (format === 'json') expect(() => JSON.parse(stdout)).not.toThrow();
      });
    }
  }
});

describe('clearance size --format json', () => {
  it('carries every field issue 5 lists, and explains its break-even answers', async () => {
    const { code, stdout } = await run([...LLAMA, '--gpus', '2', '--frontier', 'anthropic/claude-opus-4.7', '--requests-per-day', '200000', '--format', 'json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as Record<string, unknown>;
    for (const field of ['fits', 'gpus', 'tensor_parallel', 'replicas', 'weights_gb', 'kv_bytes_per_token', 'max_concurrency', 'throughput_output_tokens_per_s', 'ttft_ms', 'tpot_ms', 'cost_per_month_usd', 'cost_per_million_output_tokens_usd', 'assumptions']) {
      expect(json, field).toHaveProperty(field);
      expect(json[field], field).not.toBeNull();
    }
    expect(json.break_even_method).toMatch(/input price × ISL ÷ OSL/);
    const breakEven = json.break_even as Array<Record<string, unknown>>;
    expect(breakEven.map((b) => b.kind)).toContain('frontier');
    for (const b of breakEven) {
      for (const field of ['api_usd_per_million_output_tokens', 'replica_usd_per_month', 'replica_output_tokens_per_month', 'self_hosted_usd_per_million_output_tokens', 'at_workload', 'note']) expect(b, field).toHaveProperty(field);
      expect(b.at_workload).not.toBeNull();
    }
  });

  it('reports the offline maximum-throughput case for --gpus N without --tpot-ms', async () => {
    const json = JSON.parse((await run([...LLAMA, '--gpus', '4', '--format', 'json'])).stdout) as Record<string, unknown>;
    expect(json.scenario).toBe('offline-max-throughput');
    expect(json.gpus).toBe(4);
    expect(['kv-cache', 'engine']).toContain(json.batch_limited_by);
    expect((json.assumptions as string[]).join('\n')).toMatch(/offline maximum throughput/);
  });
});

const DEEPSEEK = ['--model', 'deepseek/deepseek-v3.2', '--gpu', 'h200-sxm', '--gpus', '8', '--isl', '8192', '--osl', '1024'];
const json = async (args: string[]) => {
  const r = await run([...args, '--format', 'json']);
  return { ...r, json: r.code === 2 ? {} : (JSON.parse(r.stdout) as Record<string, any>) };
};

describe('clearance size --layout', () => {
  it('defaults single-node MoE on vLLM to TP and shows the other layouts with their numbers', async () => {
    const { code, json: j } = await json(DEEPSEEK);
    expect(code).toBe(0);
    expect(j.layout_kind).toBe('tp');
    expect(j.layout_choice.rule).toMatch(/single-node deployments/);
    const kinds = (j.alternatives as Array<Record<string, any>>).filter((a) => a.gpus === 8).map((a) => a.kind);
    expect(kinds).toEqual(expect.arrayContaining(['tp', 'tp-ep', 'dp-attention-ep']));
    for (const a of (j.alternatives as Array<Record<string, any>>).filter((x) => x.gpus === 8 && x.fits)) {
      expect(a.output_tokens_per_s, a.layout).toBeGreaterThan(0);
      expect(a.tpot_ms, a.layout).toBeGreaterThan(0);
      expect(a.ttft_ms, a.layout).toBeGreaterThan(0);
    }
  });

  it('uses the layout asked for', async () => {
    for (const kind of ['tp-ep', 'dp-attention-ep'] as const) {
      const { code, json: j } = await json([...DEEPSEEK, '--layout', kind]);
      expect(code, kind).toBe(0);
      expect(j.layout_kind).toBe(kind);
      expect(j.layout_choice.requested).toBe(kind);
    }
  });

  it('splits one long prompt under attention-DP the way the engine does: slower than TP, faster on SGLang than on vLLM', async () => {
    const prompt = ['--model', 'deepseek/deepseek-v3.2', '--gpu', 'h200-sxm', '--gpus', '8', '--isl', '32000', '--osl', '256', '--concurrency', '1'];
    const ttft = async (extra: string[]) => (await json([...prompt, ...extra])).json.ttft_ms as number;
    const tp = await ttft(['--layout', 'tp']);
    const dpVllm = await ttft(['--layout', 'dp-attention-ep']);
    const dpSglang = await ttft(['--layout', 'dp-attention-ep', '--engine', 'sglang']);
    expect(dpVllm).toBeGreaterThan(tp);
    expect(dpSglang).toBeLessThan(dpVllm);
  });

  it('refuses a layout the model cannot run, and an unknown one (exit 2)', async () => {
    const dense = await run([...LLAMA, '--gpus', '2', '--layout', 'dp-attention-ep']);
    expect(dense.code).toBe(2);
    expect(dense.stderr).toMatch(/--layout dp-attention-ep cannot run meta\/llama-3.1-70b-instruct/);
    expect((await run([...LLAMA, '--layout', 'zigzag'])).stderr).toMatch(/--layout must be tp, tp-ep, dp-attention-ep/);
  });
});

describe('clearance size operating points', () => {
  it('--concurrency N reports throughput and TPOT at that batch', async () => {
    const { json: j } = await json([...LLAMA, '--gpus', '2', '--concurrency', '16']);
    expect(j.scenario).toBe('fixed-concurrency');
    expect(j.batch).toBe(16);
    expect(j.batch_limited_by).toBe('concurrency');
    const more = (await json([...LLAMA, '--gpus', '2', '--concurrency', '64'])).json;
    expect(more.throughput_output_tokens_per_s).toBeGreaterThan(j.throughput_output_tokens_per_s);
    expect(more.tpot_ms).toBeGreaterThan(j.tpot_ms);
    // More than the KV cache holds: capped, and said so.
    const capped = (await json([...LLAMA, '--gpus', '2', '--concurrency', '100000'])).json;
    expect(capped.batch).toBeLessThan(100000);
    expect((capped.assumptions as string[]).join('\n')).toMatch(/capped at \d+ by the KV cache and engine limits/);
  });

  it('--engine sglang uses the SGLang profile and says which calibration it borrows', async () => {
    const { code, json: j } = await json([...DEEPSEEK, '--engine', 'sglang']);
    expect(code).toBe(0);
    expect(j.engine).toBe('sglang');
    expect((j.assumptions as string[])[0]).toMatch(/^SGLang memory budget: 0.88 of driver memory/);
    expect(j.expected_error.thin).toBe(true);
  });

  it('--gpu-memory-utilization changes the KV budget, within range', async () => {
    const low = (await json([...LLAMA, '--gpus', '2', '--gpu-memory-utilization', '0.7'])).json;
    const high = (await json([...LLAMA, '--gpus', '2', '--gpu-memory-utilization', '0.95'])).json;
    expect(high.kv_gib_per_gpu).toBeGreaterThan(low.kv_gib_per_gpu);
    expect((high.assumptions as string[])[0]).toMatch(/0.95 of driver memory \(as given\)/);
    const bad = await run([...LLAMA, '--gpu-memory-utilization', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--gpu-memory-utilization: GPU memory fraction the engine may use of 1.5 is beyond anything sizing can answer \(at most 1\)/);
  });

  it('--max-num-seqs above 1024 lets the batch grow where KV memory allows', async () => {
    const args = ['--model', 'meta/llama-3.1-70b-instruct', '--gpu', 'h200-sxm', '--precision', 'fp8', '--gpus', '4', '--isl', '128', '--osl', '128'];
    const capped = (await json(args)).json;
    expect(capped.batch).toBe(1024);
    expect(capped.batch_limited_by).toBe('engine');
    const raised = (await json([...args, '--max-num-seqs', '4096'])).json;
    expect(raised.batch).toBeGreaterThan(1024);
    expect(raised.throughput_output_tokens_per_s).toBeGreaterThan(capped.throughput_output_tokens_per_s);
    expect((await run([...args, '--max-num-seqs', '0'])).code).toBe(2);
  });

  it('--percentile p99 makes the targets 99th percentiles and states the spread', async () => {
    const mean = (await json([...LLAMA, '--gpus', '2', '--tpot-ms', '30'])).json;
    const p99 = (await json([...LLAMA, '--gpus', '2', '--tpot-ms', '30', '--percentile', 'p99'])).json;
    expect(p99.workload.latency_percentile).toBe('p99');
    expect(p99.batch).toBeLessThan(mean.batch);
    expect(p99.p99.tpot_ms).toBeLessThanOrEqual(30);
    expect((p99.assumptions as string[]).join('\n')).toMatch(/p99 TPOT = 1.13 × mean/);
    expect((await run([...LLAMA, '--percentile', 'p99'])).stderr).toMatch(/applies to --tpot-ms and --ttft-ms/);
  });

  it('--total-gpus N answers what a node or cluster serves', async () => {
    const { code, json: j } = await json(['--model', 'meta/llama-3.1-70b-instruct', '--gpu', 'h100-sxm', '--precision', 'fp8', '--total-gpus', '16', '--tpot-ms', '40']);
    expect(code).toBe(0);
    expect(j.node.total_gpus).toBe(16);
    expect(j.node.replicas * j.gpus_per_replica + j.node.idle_gpus).toBe(16);
    expect(j.node.output_tokens_per_s).toBeCloseTo(j.node.replicas * j.throughput_output_tokens_per_s, 0);
    // A load it cannot carry does not fit (exit 1), with the shortfall named.
    const short = await run(['--model', 'meta/llama-3.1-70b-instruct', '--gpu', 'h100-sxm', '--precision', 'fp8', '--total-gpus', '8', '--tpot-ms', '40', '--requests-per-day', '50000000']);
    expect(short.code).toBe(1);
    expect(short.stdout).toMatch(/8 GPUs serve [\d.]+ requests\/s at 70% utilisation; the peak load is/);
  });
});

describe('clearance size refuses nonsense (exit 2)', () => {
  it('refuses input + output beyond the model’s context window, naming the limit', async () => {
    const { code, stderr } = await run([...LLAMA, '--isl', '130000', '--osl', '4000']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/130,000 input \+ 4,000 output = 134,000 tokens per request exceeds the 131,072-token context window of meta\/llama-3.1-70b-instruct/);
  });

  it('refuses a workload no real deployment serves, instead of printing millions of GPUs', async () => {
    const { code, stdout, stderr } = await run(['--model', 'deepseek/deepseek-v3', '--gpu', 'h200-sxm', '--requests-per-day', '90000000000', '--isl', '8000', '--osl', '2000']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/more than the 4,096 any real deployment of one tier uses/);
    expect(stderr).toMatch(/Check the load/);
  });

  it('refuses negative, non-finite and absurd prices, loads and sizes', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--price-per-gpu-hour=-3'], /--price-per-gpu-hour must be a positive number/],
      [['--price-per-gpu-hour', '5000'], /GPU price of 5,000 USD per GPU-hour is beyond anything sizing can answer/],
      [['--requests-per-day', 'Infinity'], /--requests-per-day must be a positive number/],
      [['--requests-per-day', '1e15'], /requests per day of 1,000,000,000,000,000 is beyond/],
      [['--isl', '1e12'], /input tokens per request of 1,000,000,000,000 tokens is beyond/],
      [['--peak-factor', '1000'], /peak ÷ mean load of 1,000 is beyond/],
      [['--tpot-ms', '0'], /--tpot-ms must be a positive number/],
      [['--concurrency', '2.5'], /must be a whole number/],
      [['--gpus', '100000'], /GPUs per replica of 100,000 is beyond/],
    ];
    for (const [flags, message] of cases) {
      const r = await run([...LLAMA, ...flags]);
      expect(r.code, flags.join(' ')).toBe(2);
      expect(r.stderr, flags.join(' ')).toMatch(message);
    }
  });
});

describe('clearance size refuses what it cannot size', () => {
  it('refuses a model whose architecture is unknown, saying why (exit 2)', async () => {
    const { code, stdout, stderr } = await run(['--model', 'anthropic/claude-opus-4.7', '--gpu', 'h100-sxm']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      'clearance size: the registry has no architecture for anthropic/claude-opus-4.7 (Claude Opus 4.7), so it cannot be sized: it is an API-only model whose weights are not published\n  Only open-weights models can be self-hosted; size an open-weights alternative instead.\n',
    );
  });

  it('refuses an unknown model and an unknown GPU (exit 2)', async () => {
    expect((await run(['--model', 'acme/nothing', '--gpu', 'h100-sxm'])).stderr).toMatch(/model "acme\/nothing" is not in the registry/);
    const gpu = await run(['--model', 'meta/llama-3.1-70b-instruct', '--gpu', 'h100']);
    expect(gpu.code).toBe(2);
    expect(gpu.stderr).toMatch(/GPU "h100" is not in the catalog\n  Use one of: a100-sxm-80gb, b200, .*h100-sxm/);
  });

  it('refuses prototype names instead of resolving them (exit 2)', async () => {
    for (const args of [['--engine', 'toString'], ['--gpu', '__proto__'], ['--gpu', 'constructor'], ['--layout', 'constructor']]) {
      const r = await run([...(args[0] === '--gpu' ? ['--model', 'meta/llama-3.1-70b-instruct'] : LLAMA), ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/must be|is not in the catalog/);
    }
  });

  it('refuses bad flags (exit 2)', async () => {
    expect((await run(['--gpu', 'h100-sxm'])).code).toBe(2);
    expect((await run([...LLAMA, '--isl', 'many'])).stderr).toMatch(/--isl must be a positive number/);
    expect((await run([...LLAMA.slice(0, 4), '--precision', 'fp6'])).stderr).toMatch(/--precision must be one of/);
    expect((await run([...LLAMA, '--format', 'sarif'])).code).toBe(2);
  });

  it('prints help (exit 0)', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: clearance size <router-config>/);
  });
});
