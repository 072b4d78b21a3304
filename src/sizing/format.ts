/** Sizing results as stable JSON (snake_case, rounded) and as text for people. Pure: returns strings and data. */
import { formatTokens, type SizingResult } from './plan.ts';

const round = (v: number, digits = 2) => {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
};
const roundOrNull = (v: number | null, digits = 2) => (v === null ? null : round(v, digits));

export interface SizingJson {
  model: string;
  model_name: string;
  gpu: string;
  gpu_name: string;
  precision: string;
  expert_precision?: string;
  kv_precision: string;
  engine: string;
  workload: { input_tokens: number; output_tokens: number; tpot_ms: number | null; ttft_ms: number | null; latency_percentile: 'mean' | 'p99'; concurrency: number | null; peak_factor: number; max_utilization: number };
  scenario: 'offline-max-throughput' | 'tpot-target' | 'fixed-concurrency';
  fits: boolean;
  reasons: string[];
  layout: string | null;
  layout_kind: string | null;
  layout_choice: { requested: string | null; selectable: string[]; rule: string };
  expert_parallel: boolean | null;
  tensor_parallel: number | null;
  pipeline_parallel: number | null;
  attention: string | null;
  gpus_per_replica: number;
  replicas: number;
  gpus: number;
  nodes: number;
  weights_gb: number;
  weights_gib: number;
  weights_gib_per_gpu: number;
  kv_gib_per_gpu: number;
  kv_bytes_per_token: number;
  kv_token_capacity: number;
  max_concurrency: number;
  batch: number;
  batch_limited_by: string | null;
  bound: string | null;
  throughput_output_tokens_per_s: number;
  ttft_ms: number | null;
  tpot_ms: number | null;
  p99: { tpot_ms: number; ttft_ms: number; assumption: string } | null;
  node: { total_gpus: number; replicas: number; idle_gpus: number; output_tokens_per_s: number; requests_per_s: number; requests_per_day: number; load_share: number | null } | null;
  load: { mean_requests_per_s: number; peak_requests_per_s: number; output_tokens_per_month: number } | null;
  gpu_hour_usd: number | null;
  cost_per_month_usd: number | null;
  cost_per_million_output_tokens_usd: number | null;
  cost_basis: string | null;
  /** How break-even is computed, in one sentence (the entries carry every number it uses). */
  break_even_method: string;
  break_even: Array<{
    kind: 'same-model' | 'frontier';
    against: string;
    api_input_usd_per_mtok: number;
    api_output_usd_per_mtok: number;
    api_usd_per_million_output_tokens: number;
    replica_usd_per_month: number;
    replica_output_tokens_per_month: number;
    self_hosted_usd_per_million_output_tokens: number;
    output_tokens_per_month: number | null;
    always_cheaper_above_output_tokens_per_month: number | null;
    at_workload: { output_tokens_per_month: number; self_hosted_usd_per_month: number; api_usd_per_month: number; cheaper: 'self-hosted' | 'api' } | null;
    note: string;
  }>;
  expected_error: { low: number; high: number; basis: string; group: string; points: number; held_out_points: number; thin: boolean };
  efficiency: {
    kind: string;
    family: string;
    basis: string;
    memory: number;
    compute: number;
    step_overhead_ms: number;
    prefill_launch_ms_per_layer: number;
    decode_layer_overhead_ms: number;
    collective: number;
    pipeline_host_ms_per_sequence: number;
    rationale: string;
  };
  assumptions: string[];
  alternatives: Array<{
    layout: string;
    kind: string;
    gpus: number;
    fits: boolean;
    selectable: boolean;
    chosen: boolean;
    reason?: string;
    weights_gib_per_gpu: number;
    kv_gib_per_gpu: number;
    max_concurrency: number;
    batch?: number;
    output_tokens_per_s?: number;
    tpot_ms?: number;
    ttft_ms?: number;
    replicas?: number;
    total_gpus?: number;
  }>;
}

/** How every break-even answer is computed (stated once in the JSON, and in docs/sizing.md). */
export const BREAK_EVEN_METHOD =
  'API cost per output token = output price + input price × ISL ÷ OSL. Self-hosting is bought in whole replicas, each planned to ρ_max utilisation at the peak, so one replica serves capacity × ρ_max ÷ peak factor output tokens a month for GPUs × GPU-hour price × 730 h. Break-even is the first monthly volume at which that staircase costs no more than the API; "always cheaper above" is the volume from which it stays so; null when a full replica costs more per token than the API.';

/** The JSON document `clearance size --format json` prints for one model. */
export function sizingJson(r: SizingResult): SizingJson {
  return {
    model: r.model.id,
    model_name: r.model.name,
    gpu: r.gpu.id,
    gpu_name: r.gpu.name,
    precision: r.precision,
    ...(r.expertPrecision ? { expert_precision: r.expertPrecision } : {}),
    kv_precision: r.kvPrecision,
    engine: r.engine,
    workload: {
      input_tokens: r.workload.isl,
      output_tokens: r.workload.osl,
      tpot_ms: r.workload.tpotMs ?? null,
      ttft_ms: r.workload.ttftMs ?? null,
      latency_percentile: r.workload.latencyPercentile ?? 'mean',
      concurrency: r.workload.concurrency ?? null,
      peak_factor: r.workload.peakFactor,
      max_utilization: r.workload.maxUtilization,
    },
    scenario: r.scenario,
    fits: r.fits,
    reasons: r.reasons,
    layout: r.layoutLabel,
    layout_kind: r.layoutKind,
    layout_choice: { requested: r.layoutChoice.requested, selectable: r.layoutChoice.selectable, rule: r.layoutChoice.rule },
    expert_parallel: r.layout ? r.layout.attention === 'data-parallel' || r.layout.expertParallel === true : null,
    tensor_parallel: r.layout?.tensorParallel ?? null,
    pipeline_parallel: r.layout?.pipelineParallel ?? null,
    attention: r.layout?.attention ?? null,
    gpus_per_replica: r.gpusPerReplica,
    replicas: r.replicas,
    gpus: r.gpus,
    nodes: r.nodes,
    weights_gb: round(r.weightsGb),
    weights_gib: round(r.weightsGib),
    weights_gib_per_gpu: round(r.weightsGibPerGpu),
    kv_gib_per_gpu: round(r.kvGibPerGpu),
    kv_bytes_per_token: Math.round(r.kvBytesPerToken),
    kv_token_capacity: r.kvTokenCapacity,
    max_concurrency: round(r.maxConcurrency),
    batch: r.batch,
    batch_limited_by: r.batchLimitedBy,
    bound: r.bound,
    throughput_output_tokens_per_s: round(r.throughputOutputTokensPerSecond, 1),
    ttft_ms: roundOrNull(r.ttftMs, 1),
    tpot_ms: roundOrNull(r.tpotMs, 2),
    p99: r.p99 ? { tpot_ms: round(r.p99.tpotMs, 2), ttft_ms: round(r.p99.ttftMs, 1), assumption: r.p99.assumption } : null,
    node: r.node
      ? {
          total_gpus: r.node.totalGpus,
          replicas: r.node.replicas,
          idle_gpus: r.node.idleGpus,
          output_tokens_per_s: round(r.node.outputTokensPerSecond, 1),
          requests_per_s: round(r.node.requestsPerSecond, 3),
          requests_per_day: Math.round(r.node.requestsPerDay),
          load_share: r.node.loadShare === null ? null : round(r.node.loadShare, 3),
        }
      : null,
    load: r.load
      ? { mean_requests_per_s: round(r.load.meanRequestsPerSecond, 3), peak_requests_per_s: round(r.load.peakRequestsPerSecond, 3), output_tokens_per_month: Math.round(r.load.outputTokensPerMonth) }
      : null,
    gpu_hour_usd: r.cost ? round(r.cost.gpuHourUsd, 3) : null,
    cost_per_month_usd: r.cost ? round(r.cost.perMonthUsd, 0) : null,
    cost_per_million_output_tokens_usd: r.cost ? round(r.cost.perMillionOutputTokensUsd, 3) : null,
    cost_basis: r.cost?.basis ?? null,
    break_even_method: BREAK_EVEN_METHOD,
    break_even: r.breakEven.map((b) => ({
      kind: b.kind,
      against: b.against,
      api_input_usd_per_mtok: b.apiInputUsdPerMTok,
      api_output_usd_per_mtok: b.apiOutputUsdPerMTok,
      api_usd_per_million_output_tokens: round(b.apiUsdPerMillionOutputTokens, 3),
      replica_usd_per_month: round(b.replicaUsdPerMonth, 0),
      replica_output_tokens_per_month: Math.round(b.replicaOutputTokensPerMonth),
      self_hosted_usd_per_million_output_tokens: round(b.selfHostedUsdPerMillionOutputTokens, 3),
      output_tokens_per_month: b.outputTokensPerMonth === null ? null : Math.round(b.outputTokensPerMonth),
      always_cheaper_above_output_tokens_per_month: b.alwaysCheaperAboveOutputTokensPerMonth === null ? null : Math.round(b.alwaysCheaperAboveOutputTokensPerMonth),
      at_workload: b.atWorkload
        ? {
            output_tokens_per_month: Math.round(b.atWorkload.outputTokensPerMonth),
            self_hosted_usd_per_month: round(b.atWorkload.selfHostedUsdPerMonth, 0),
            api_usd_per_month: round(b.atWorkload.apiUsdPerMonth, 0),
            cheaper: b.atWorkload.cheaper,
          }
        : null,
      note: b.note,
    })),
    expected_error: { low: r.expectedError.low, high: r.expectedError.high, basis: r.efficiency.basis, group: r.efficiency.group, points: r.efficiency.points, held_out_points: r.efficiency.heldOutPoints, thin: r.efficiency.thin },
    efficiency: {
      kind: r.efficiency.kind,
      family: r.efficiency.family,
      basis: r.efficiency.basis,
      memory: r.efficiency.memory,
      compute: r.efficiency.compute,
      step_overhead_ms: r.efficiency.stepOverheadMs,
      prefill_launch_ms_per_layer: r.efficiency.prefillLaunchMsPerLayer,
      decode_layer_overhead_ms: r.efficiency.decodeLayerOverheadMs,
      collective: r.efficiency.collective,
      pipeline_host_ms_per_sequence: r.efficiency.pipelineHostMsPerSequence,
      rationale: r.efficiency.rationale,
    },
    assumptions: r.assumptions,
    alternatives: r.alternatives.map((a) => ({
      layout: a.layout,
      kind: a.kind,
      gpus: a.gpus,
      fits: a.fits,
      selectable: a.selectable,
      chosen: a.chosen,
      ...(a.reason ? { reason: a.reason } : {}),
      weights_gib_per_gpu: round(a.weightsGibPerGpu),
      kv_gib_per_gpu: round(a.kvGibPerGpu),
      max_concurrency: round(a.maxConcurrency),
      ...(a.batch !== undefined ? { batch: a.batch } : {}),
      ...(a.outputTokensPerSecond !== undefined ? { output_tokens_per_s: round(a.outputTokensPerSecond, 1) } : {}),
      ...(a.tpotMs !== undefined ? { tpot_ms: round(a.tpotMs, 2) } : {}),
      ...(a.ttftMs !== undefined ? { ttft_ms: round(a.ttftMs, 1) } : {}),
      ...(a.replicas !== undefined ? { replicas: a.replicas } : {}),
      ...(a.totalGpus !== undefined ? { total_gpus: a.totalGpus } : {}),
    })),
  };
}

const int = (v: number) => Math.round(v).toLocaleString('en-US');
const pct = (v: number) => `${v >= 0 ? '+' : '−'}${Math.abs(Math.round(v * 100))}%`;
const usd = (v: number) => (v >= 100 ? `$${int(v)}` : `$${v.toFixed(2)}`);

/** Human-readable sizing report for one model, as `clearance size` prints it. */
export function sizingText(r: SizingResult, indent = ''): string {
  const lines: string[] = [];
  const row = (label: string, value: string) => lines.push(`${indent}  ${label.padEnd(15)} ${value}`);
  lines.push(`${indent}${r.model.name} (${r.model.id}) on ${r.gpu.name} (${r.gpu.id})`);
  if (r.fits && r.layout) {
    row('fits', `yes: ${r.layoutLabel}, ${r.gpusPerReplica} GPU${r.gpusPerReplica > 1 ? 's' : ''} per replica × ${r.replicas} replica${r.replicas > 1 ? 's' : ''} = ${r.gpus} GPU${r.gpus > 1 ? 's' : ''} on ${r.nodes} node${r.nodes > 1 ? 's' : ''}`);
  } else {
    row('fits', 'no');
    for (const reason of r.reasons) lines.push(`${indent}    - ${reason}`);
  }
  row('layout', `${r.layoutChoice.rule}`);
  row('precision', `weights ${r.precision}${r.expertPrecision ? ` (experts ${r.expertPrecision})` : ''}, KV cache ${r.kvPrecision}, engine ${r.engine}`);
  row('weights', `${r.weightsGb.toFixed(2)} GB (${r.weightsGib.toFixed(2)} GiB) in total, ${r.weightsGibPerGpu.toFixed(2)} GiB per GPU`);
  row('KV cache', `${int(r.kvBytesPerToken)} B per token (${(r.kvBytesPerToken / 1024).toFixed(0)} KiB); ${r.kvGibPerGpu.toFixed(2)} GiB per GPU; ${formatTokens(r.kvTokenCapacity)} tokens; ${r.maxConcurrency.toFixed(2)} sequences at full length`);
  if (r.fits) {
    row('throughput', `${int(r.throughputOutputTokensPerSecond)} output tokens/s per replica (batch ${r.batch}, limited by ${r.batchLimitedBy}; ${r.bound}-bound)`);
    row('latency', `TTFT ${r.ttftMs!.toFixed(0)} ms on an idle replica · TPOT ${r.tpotMs!.toFixed(1)} ms (mean)`);
    if (r.p99) row('p99', `TTFT ${r.p99.ttftMs.toFixed(0)} ms · TPOT ${r.p99.tpotMs.toFixed(1)} ms (assumed spread: see assumptions)`);
    if (r.node) {
      row('node', `${r.node.totalGpus} GPUs: ${r.node.replicas} × ${r.layoutLabel}${r.node.idleGpus ? ` (${r.node.idleGpus} idle)` : ''} serve ${int(r.node.outputTokensPerSecond)} output tokens/s, ${r.node.requestsPerSecond.toFixed(2)} requests/s (${formatTokens(r.node.requestsPerDay)} a day) at this operating point`);
    }
    if (r.load) row('load', `${r.load.meanRequestsPerSecond.toFixed(2)} requests/s mean, ${r.load.peakRequestsPerSecond.toFixed(2)} at peak, ${formatTokens(r.load.outputTokensPerMonth)} output tokens/month`);
    if (r.cost) {
      row('cost', `${usd(r.cost.perMonthUsd)}/month at ${usd(r.cost.gpuHourUsd)}/GPU-hour · ${usd(r.cost.perMillionOutputTokensUsd)} per 1M output tokens (${r.cost.basis === 'workload' ? 'at this workload' : 'at full utilisation'})`);
    } else row('cost', 'unknown: no GPU price in the catalog (pass --price-per-gpu-hour)');
    if (r.cost) {
      const kinds = ['same-model', 'frontier'] as const;
      for (const kind of kinds) {
        const entries = r.breakEven.filter((b) => b.kind === kind);
        if (entries.length === 0) {
          row('break-even', kind === 'same-model' ? 'vs the same model’s API: none listed in the registry for this model' : 'vs the frontier: not compared (pass --frontier <model>, or tag a router tier `frontier`)');
        }
        for (const b of entries) {
          row('break-even', b.kind === 'same-model' ? `vs the same model’s API: ${b.against}` : `vs ${b.against}`);
          const verdict =
            b.outputTokensPerMonth === null
              ? 'the API stays cheaper at every volume'
              : b.alwaysCheaperAboveOutputTokensPerMonth !== null && b.alwaysCheaperAboveOutputTokensPerMonth > b.outputTokensPerMonth * 1.001
                ? `self-hosting first costs less at ${formatTokens(b.outputTokensPerMonth)} output tokens/month, and always above ${formatTokens(b.alwaysCheaperAboveOutputTokensPerMonth)}`
                : `self-hosting costs less above ${formatTokens(b.outputTokensPerMonth)} output tokens/month`;
          const detail = (text: string) => lines.push(`${indent}  ${''.padEnd(15)}   ${text}`);
          detail(`→ ${verdict}`);
          detail(`API ${usd(b.apiUsdPerMillionOutputTokens)} per 1M output tokens (${usd(b.apiOutputUsdPerMTok)} out + ${usd(b.apiInputUsdPerMTok)} in per 1M at ${r.workload.isl}/${r.workload.osl} tokens)`);
          detail(`one replica ${usd(b.replicaUsdPerMonth)}/month for up to ${formatTokens(b.replicaOutputTokensPerMonth)} output tokens/month (${Math.round(r.workload.maxUtilization * 100)}% utilisation at peak ×${r.workload.peakFactor}): ${usd(b.selfHostedUsdPerMillionOutputTokens)} per 1M when full`);
          if (b.atWorkload) {
            detail(`at this workload: ${usd(b.atWorkload.selfHostedUsdPerMonth)}/month self-hosted vs ${usd(b.atWorkload.apiUsdPerMonth)}/month on the API: ${b.atWorkload.cheaper === 'api' ? 'the API' : 'self-hosting'} is cheaper`);
          }
          if (b.kind === 'frontier') detail('a different model: this compares cost, not quality');
        }
      }
    }
  }
  const layouts = r.alternatives.filter((a) => a.gpus === r.gpusPerReplica);
  if (layouts.length > 1 || (layouts.length === 1 && !layouts[0]!.chosen)) {
    lines.push(`${indent}  layouts on ${r.gpusPerReplica} GPU${r.gpusPerReplica > 1 ? 's' : ''} per replica`);
    const width = Math.max(...layouts.map((a) => a.layout.length));
    for (const a of layouts) {
      const mark = a.chosen ? '→' : ' ';
      const tag = a.chosen ? 'chosen' : a.selectable ? 'default set' : `--layout ${a.kind}`;
      const body = a.fits
        ? `${int(a.outputTokensPerSecond!)} tok/s per replica at batch ${a.batch} · TPOT ${a.tpotMs!.toFixed(1)} ms · TTFT ${a.ttftMs!.toFixed(0)} ms${a.replicas !== undefined ? ` · ${a.replicas} replica${a.replicas > 1 ? 's' : ''} = ${a.totalGpus} GPUs` : ''}`
        : `does not run: ${a.reason ?? 'no'}`;
      lines.push(`${indent}   ${mark} ${a.layout.padEnd(width)}  ${body}  (${tag})`);
    }
  }
  const thin = r.efficiency.thin ? `; wide: ${r.efficiency.heldOutPoints < 5 ? `only ${r.efficiency.heldOutPoints} held-out measurements` : 'borrowed from another group'}` : '';
  row('expected error', `throughput ${pct(r.expectedError.low)} / ${pct(r.expectedError.high)} (${r.efficiency.basis}, ${r.efficiency.group}${r.efficiency.points ? `, ${r.efficiency.points} fitted and ${r.efficiency.heldOutPoints} held-out measurements` : ''}${thin})`);
  lines.push(`${indent}  assumptions`);
  for (const a of r.assumptions) lines.push(`${indent}    - ${a}`);
  return `${lines.join('\n')}\n`;
}
