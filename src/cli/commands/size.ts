/** `clearance size`: the GPUs, money and break-even of self-hosting a model, or every self-hosted tier of a router config. */
import { isAbsolute, relative, resolve } from 'node:path';
import type { Finding } from '../../registry/finding.ts';
import { own } from '../../registry/ids.ts';
import type { Registry } from '../../registry/registry.ts';
import type { Precision } from '../../registry/schema/index.ts';
import {
  cheapestApiPrice,
  ENGINES,
  formatTokens,
  KV_PRECISIONS,
  LAYOUT_KINDS,
  limitProblem,
  lookupModel,
  sizeDeployment,
  sizeRouterConfig,
  SizingError,
  sizingJson,
  sizingText,
  WEIGHT_PRECISIONS,
  type ApiPrice,
  type EngineId,
  type KvPrecision,
  type LayoutKind,
  type LimitName,
  type RouterSizing,
  type Workload,
} from '../../sizing/index.ts';
import { parseCommandArgs } from '../args.ts';
import { readInput, type Io } from '../io.ts';
import { loadCommandRegistry } from '../registry.ts';
import type { Command } from './index.ts';

const HELP = `Usage: clearance size <router-config> [options]
       clearance size --model <id|alias> --gpu <gpu-id> [options]

Sizes self-hosted inference from the model's architecture and the GPU catalog: weights and KV cache per
GPU, the tensor-parallel layout, the largest batch that meets the TPOT target, replicas for the peak load,
GPUs, nodes, $ per month, $ per 1M output tokens, and break-even against the same model's API price and a
frontier API, with the numbers behind each verdict. Without --tpot-ms (also with --gpus N) it reports the
offline maximum-throughput case. Throughput is calibrated on published measurements; every answer states its
assumptions and expected error.

With a router config, every self-hosted route of every tier is sized with the tier's workload.

Options:
  --model ID          registry model id or alias (e.g. meta/llama-3.1-70b-instruct)
  --gpu ID            GPU id from content/gpus (e.g. h100-sxm, h200-sxm, b200, mi300x, l40s)
  --gpus N            GPUs per replica (default: the smallest layout that fits, or the cheapest for a load)
  --total-gpus N      a fixed node or cluster: the best layout × replicas on N GPUs in all, and what they serve
  --layout L          tp, tp-ep (TP attention + expert parallelism) or dp-attention-ep (attention data-parallel +
                      expert parallelism); default: what common deployments run at that scale (single-node MoE on
                      vLLM/SGLang: tp; beyond a node: dp-attention-ep; TensorRT-LLM: its recipes). The report
                      shows every layout with its numbers.
  --precision P       weight precision: ${WEIGHT_PRECISIONS.join(', ')} (default: the checkpoint's)
  --kv-precision P    KV cache precision: ${KV_PRECISIONS.join(', ')} (default: fp8 for FP8/FP4 weights, else bf16)
  --isl N             mean input tokens per request (default 1000)
  --osl N             mean output tokens per request (default 1000)
  --tpot-ms N         time-per-output-token target; without it, the offline maximum-throughput case
  --ttft-ms N         time-to-first-token target (checked against prefill on an idle replica)
  --percentile P      mean (default) or p99: whether --tpot-ms/--ttft-ms are means or 99th percentiles
                      (the assumed spread is printed with the answer)
  --concurrency N     requests in flight per replica (like benchmark_serving --max-concurrency): throughput
                      and TPOT at that batch instead of the largest one
  --requests-per-day N   mean load; adds replicas, monthly cost at that load and break-even
  --peak-factor N     peak ÷ mean load (default 1.23)
  --engine E          vllm (default), sglang or trtllm: memory budget, batch limits and calibration
  --gpu-memory-utilization F  the engine's memory fraction (vLLM gpu_memory_utilization, SGLang
                      mem_fraction_static, TensorRT-LLM kv_cache_free_gpu_mem_fraction)
  --max-num-seqs N    the engine's cap on concurrent sequences per scheduler (vLLM max_num_seqs, SGLang
                      max_running_requests; above 1024 is allowed)
  --price-per-gpu-hour USD   override the catalog's GPU price
  --frontier ID       a frontier API model to compare against (default in router mode: the frontier tier)
  --registry PATH     content directory or registry bundle JSON (default: ./content if present, else the
                      registry shipped with Clearance)
  --format FORMAT     text (default) or json
  -h, --help          show this help

Exit codes:
  0  it fits (every self-hosted route, in router mode)
  1  it does not fit the GPUs given, or misses the TPOT/TTFT target
  2  could not size: bad flags or out-of-range values, unknown model or GPU, unknown architecture, input +
     output beyond the model's context window, a workload no real deployment serves, unreadable config
`;


function positiveNumber(name: string, value: string | undefined): number | undefined | Error {
  if (value === undefined) return undefined;
  const n = value.trim() === '' ? Number.NaN : Number(value);
  if (!(Number.isFinite(n) && n > 0)) return new Error(`--${name} must be a positive number, not "${value}"`);
  const problem = limitProblem(name as LimitName, n);
  return problem ? new Error(`--${name}: ${problem}`) : n;
}

function formatFinding(f: Finding): string {
  return `${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.code}  ${f.message}${f.hint ? `\n    ${f.hint}` : ''}`;
}

export const command: Command = {
  summary: 'size self-hosted GPUs, cost and break-even for a model or a router config',
  async run(argv: string[], io: Io): Promise<number> {
    const fail = (message: string) => {
      io.stderr(`clearance size: ${message}\n`);
      return 2;
    };
    const parsed = parseCommandArgs('size', HELP, argv, io, {
          model: { type: 'string' },
          gpu: { type: 'string' },
          gpus: { type: 'string' },
          precision: { type: 'string' },
          'kv-precision': { type: 'string' },
          isl: { type: 'string' },
          osl: { type: 'string' },
          'tpot-ms': { type: 'string' },
          'ttft-ms': { type: 'string' },
          percentile: { type: 'string' },
          concurrency: { type: 'string' },
          layout: { type: 'string' },
          'total-gpus': { type: 'string' },
          'gpu-memory-utilization': { type: 'string' },
          'max-num-seqs': { type: 'string' },
          'requests-per-day': { type: 'string' },
          'peak-factor': { type: 'string' },
          engine: { type: 'string' },
          'price-per-gpu-hour': { type: 'string' },
          frontier: { type: 'string' },
          registry: { type: 'string' },
          format: { type: 'string', default: 'text' },
        }, true);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    if (values.format !== 'text' && values.format !== 'json') return fail(`--format must be text or json, not "${values.format}"`);
    // Own properties only: "--engine toString" or "--gpu __proto__" must not resolve to Object.prototype.
    if (values.engine !== undefined && !Object.hasOwn(ENGINES, values.engine)) return fail(`--engine must be ${Object.keys(ENGINES).join(', ')}, not "${values.engine}"`);
    const engine = values.engine as EngineId | undefined;
    const numbers: Record<string, number | undefined> = {};
    if (values.layout !== undefined && !LAYOUT_KINDS.includes(values.layout as LayoutKind)) return fail(`--layout must be ${LAYOUT_KINDS.join(', ')}, not "${values.layout}"`);
    if (values.percentile !== undefined && values.percentile !== 'mean' && values.percentile !== 'p99') return fail(`--percentile must be mean or p99, not "${values.percentile}"`);
    if (values.percentile === 'p99' && values['tpot-ms'] === undefined && values['ttft-ms'] === undefined) return fail('--percentile p99 applies to --tpot-ms and --ttft-ms: give a target');
    for (const name of ['gpus', 'isl', 'osl', 'tpot-ms', 'ttft-ms', 'requests-per-day', 'peak-factor', 'price-per-gpu-hour', 'concurrency', 'total-gpus', 'gpu-memory-utilization', 'max-num-seqs'] as const) {
      const n = positiveNumber(name, values[name]);
      if (n instanceof Error) return fail(n.message);
      numbers[name] = n;
    }
    for (const name of ['gpus', 'isl', 'osl', 'concurrency', 'total-gpus', 'max-num-seqs'] as const) {
      if (numbers[name] !== undefined && !Number.isInteger(numbers[name])) return fail(`--${name} must be a whole number, not "${values[name]}"`);
    }
    if (numbers['peak-factor'] !== undefined && numbers['peak-factor'] < 1) return fail('--peak-factor is peak ÷ mean load, at least 1');

    const display = (path: string) => (isAbsolute(path) ? path : relative(io.cwd, resolve(io.cwd, path)) || path);
    const registry = await loadCommandRegistry('size', values.registry, io, io.today);
    if (registry === 2) return 2;

    if (positionals.length > 0) {
      if (values.model !== undefined || values.gpu !== undefined) return fail('give either a router config or --model/--gpu, not both');
      if (positionals.length > 1) return fail('size one router config at a time');
      const path = positionals[0]!;
      const read = await readInput(resolve(io.cwd, path));
      if (!('text' in read)) return fail(`cannot read "${path}": ${read.error}`);
      const text = read.text;
      const sizing = sizeRouterConfig(display(path), text, registry, {
        ...(engine ? { engine } : {}),
        ...(numbers['price-per-gpu-hour'] !== undefined ? { gpuHourUsd: numbers['price-per-gpu-hour'] } : {}),
      });
      io.stdout(values.format === 'json' ? `${JSON.stringify(routerJson(sizing), null, 2)}\n` : routerText(sizing));
      return sizing.exitCode;
    }

    if (values.model === undefined || values.gpu === undefined) return fail(`name a router config, or both --model and --gpu\n\n${HELP}`);
    const found = lookupModel(registry, values.model);
    if (!found.ok) return fail(`${found.message}\n  ${found.hint}`);
    const gpuEntry = own(registry.gpus, values.gpu);
    if (!gpuEntry) return fail(`GPU "${values.gpu}" is not in the catalog\n  Use one of: ${Object.keys(registry.gpus).sort().join(', ')}`);
    if (values.precision !== undefined && !WEIGHT_PRECISIONS.includes(values.precision as Precision)) return fail(`--precision must be one of ${WEIGHT_PRECISIONS.join(', ')}, not "${values.precision}"`);
    if (values['kv-precision'] !== undefined && !KV_PRECISIONS.includes(values['kv-precision'] as KvPrecision)) return fail(`--kv-precision must be ${KV_PRECISIONS.join(' or ')}, not "${values['kv-precision']}"`);

    const workload: Workload = {
      isl: numbers.isl ?? 1000,
      osl: numbers.osl ?? 1000,
      ...(numbers['tpot-ms'] !== undefined ? { tpotMs: numbers['tpot-ms'] } : {}),
      ...(numbers['ttft-ms'] !== undefined ? { ttftMs: numbers['ttft-ms'] } : {}),
      ...(numbers['requests-per-day'] !== undefined ? { requestsPerSecond: numbers['requests-per-day'] / 86400 } : {}),
      ...(numbers['peak-factor'] !== undefined ? { peakFactor: numbers['peak-factor'] } : {}),
      ...(numbers.concurrency !== undefined ? { concurrency: numbers.concurrency } : {}),
      ...(values.percentile === 'p99' ? { latencyPercentile: 'p99' as const } : {}),
    };
    const apiPrice = cheapestApiPrice(found.model, workload.isl, workload.osl);
    let frontierPrice: ApiPrice | undefined;
    if (values.frontier !== undefined) {
      const frontier = lookupFrontier(registry, values.frontier, workload);
      if (frontier instanceof Error) return fail(frontier.message);
      frontierPrice = frontier;
    }
    let result;
    try {
      result = sizeDeployment({
        model: { id: found.id, name: found.model.name, architecture: found.model.architecture, ...(found.model.context_tokens !== undefined ? { contextTokens: found.model.context_tokens } : {}) },
        gpu: { ...gpuEntry, id: values.gpu },
        ...(values.layout !== undefined ? { layout: values.layout as LayoutKind } : {}),
        ...(numbers['total-gpus'] !== undefined ? { totalGpus: numbers['total-gpus'] } : {}),
        ...(numbers['gpu-memory-utilization'] !== undefined ? { gpuMemoryUtilization: numbers['gpu-memory-utilization'] } : {}),
        ...(numbers['max-num-seqs'] !== undefined ? { maxNumSeqs: numbers['max-num-seqs'] } : {}),
        ...(values.precision !== undefined ? { precision: values.precision as Precision } : {}),
        ...(values['kv-precision'] !== undefined ? { kvPrecision: values['kv-precision'] as KvPrecision } : {}),
        ...(engine ? { engine } : {}),
        ...(numbers.gpus !== undefined ? { gpus: numbers.gpus } : {}),
        ...(numbers['price-per-gpu-hour'] !== undefined ? { gpuHourUsd: numbers['price-per-gpu-hour'] } : {}),
        workload,
        ...(apiPrice ? { apiPrice } : {}),
        ...(frontierPrice ? { frontierPrice } : {}),
      });
    } catch (error) {
      if (error instanceof SizingError) return fail(`${error.message}${error.hint ? `\n  ${error.hint}` : ''}`);
      throw error;
    }
    io.stdout(values.format === 'json' ? `${JSON.stringify(sizingJson(result), null, 2)}\n` : sizingText(result));
    return result.fits ? 0 : 1;
  },
};

/** A frontier model's API price: any registry model with a priced route (architecture not needed). */
function lookupFrontier(registry: Registry, spec: string, workload: Workload): ApiPrice | Error {
  const found = lookupModel(registry, spec);
  const id = found.ok ? found.id : Object.keys(registry.models).find((m) => m === spec || registry.models[m]!.aliases.includes(spec));
  const model = id ? own(registry.models, id) : undefined;
  if (!model) return new Error(`--frontier: model "${spec}" is not in the registry`);
  const price = cheapestApiPrice(model, workload.isl, workload.osl);
  if (!price) return new Error(`--frontier: the registry lists no API price for ${id}`);
  return { ...price, label: `frontier: ${model.name} via ${price.label}` };
}

function routerJson(s: RouterSizing) {
  return {
    file: s.file,
    name: s.name ?? null,
    exit_code: s.exitCode,
    totals: { gpus: s.totals.gpus, cost_per_month_usd: s.totals.costPerMonthUsd === null ? null : Math.round(s.totals.costPerMonthUsd) },
    tiers: s.tiers.map((t) => ({
      tier: t.id,
      name: t.name ?? null,
      workload: t.workload
        ? {
            input_tokens: t.workload.isl,
            output_tokens: t.workload.osl,
            requests_per_s: Math.round((t.workload.requestsPerSecond ?? 0) * 1000) / 1000,
            peak_factor: t.workload.peakFactor ?? null,
            tpot_ms: t.workload.tpotMs ?? null,
            ttft_ms: t.workload.ttftMs ?? null,
          }
        : null,
      routes: t.routes.map((r) => ({
        model: r.modelId ?? r.spec,
        role: r.role,
        gpu: r.gpu ?? null,
        location: `${s.file}:${r.line}:${r.column}`,
        ...(r.result ? { sizing: sizingJson(r.result) } : {}),
        ...(r.problem ? { problem: { code: r.problem.code, message: r.problem.message, hint: r.problem.hint ?? null } } : {}),
      })),
    })),
    findings: s.findings.map((f) => ({ code: f.code, severity: f.severity, message: f.message, hint: f.hint ?? null, file: f.file, line: f.line, column: f.column })),
  };
}

function routerText(s: RouterSizing): string {
  const out: string[] = [`Router config ${s.name ? `"${s.name}" ` : ''}(${s.file})`, ''];
  if (s.tiers.length === 0 && s.findings.length === 0) out.push('No self-hosted routes: nothing to size.', '');
  for (const t of s.tiers) {
    const w = t.workload;
    const load = w
      ? `${formatTokens((w.requestsPerSecond ?? 0) * 86400)} requests/day, ${w.isl}/${w.osl} input/output tokens${w.peakFactor ? `, peak ×${w.peakFactor}` : ''}${w.ttftMs ? `, TTFT ≤ ${w.ttftMs} ms` : ''}${w.tpotMs ? `, TPOT ≤ ${w.tpotMs} ms` : ''}`
      : 'no workload';
    out.push(`Tier ${t.id}${t.name ? ` (${t.name})` : ''}: ${load}`);
    for (const r of t.routes) {
      out.push(`  ${r.role} route ${r.modelId ?? r.spec} on ${r.gpu ?? '(no GPU)'}  [${s.file}:${r.line}:${r.column}]`);
      if (r.result) out.push(sizingText(r.result, '    ').trimEnd());
      else if (r.problem) out.push(`    cannot size: ${r.problem.message}\n    ${r.problem.hint ?? ''}`.trimEnd());
    }
    out.push('');
  }
  const rows = s.tiers.flatMap((t) => t.routes.map((r) => ({ tier: t.id, model: r.modelId ?? r.spec, gpu: r.gpu ?? '-', result: r.result })));
  if (rows.length > 0) {
    out.push('Summary');
    const width = (f: (x: (typeof rows)[number]) => string, title: string) => Math.max(title.length, ...rows.map((x) => f(x).length));
    const wTier = width((x) => x.tier, 'tier');
    const wModel = width((x) => x.model, 'model');
    const wGpu = width((x) => x.gpu, 'gpu');
    out.push(`  ${'tier'.padEnd(wTier)}  ${'model'.padEnd(wModel)}  ${'gpu'.padEnd(wGpu)}  ${'GPUs'.padStart(5)}  ${'$/month'.padStart(10)}  verdict`);
    for (const x of rows) {
      const gpus = x.result?.fits ? String(x.result.gpus) : '-';
      const cost = x.result?.fits && x.result.cost ? `$${Math.round(x.result.cost.perMonthUsd).toLocaleString('en-US')}` : '-';
      const verdict = !x.result ? 'not sized' : x.result.fits ? `${x.result.layoutLabel} × ${x.result.replicas}` : 'does not fit';
      out.push(`  ${x.tier.padEnd(wTier)}  ${x.model.padEnd(wModel)}  ${x.gpu.padEnd(wGpu)}  ${gpus.padStart(5)}  ${cost.padStart(10)}  ${verdict}`);
    }
    const total = s.totals.costPerMonthUsd === null ? '-' : `$${Math.round(s.totals.costPerMonthUsd).toLocaleString('en-US')}`;
    out.push(`  ${'total'.padEnd(wTier + wModel + wGpu + 4)}  ${String(s.totals.gpus).padStart(5)}  ${total.padStart(10)}`, '');
  }
  if (s.findings.length > 0) {
    out.push('Findings');
    for (const f of s.findings) out.push(`  ${formatFinding(f).replace(/\n/g, '\n  ')}`);
    out.push('');
  }
  return `${out.join('\n')}\n`;
}
