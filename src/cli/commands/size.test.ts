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
    expect(gpu.stderr).toMatch(/GPU "h100" is not in the catalog\n  Use one of: a100-sxm-80gb, b200, b300, gaudi3, h100-nvl, h100-pcie, h100-sxm/);
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
