/**
 * The sizing calculator's inputs: URL parameters (or form fields, the same names) turned into a SizingRequest, with
 * every value checked the way `clearance size` checks its flags (limits.ts). Pure, so the browser shell and the
 * tests share it: a link with nonsense in it (`?isl=-5`, `?price=1e9`, `?model=__proto__`) is refused with a
 * message instead of being sized.
 */
import type { Architecture, Model, Precision } from '../registry/schema/index.ts';
import type { GpuSpec } from './deployment.ts';
import { limitProblem, type LimitName } from './limits.ts';
import { ENGINES, type EngineId } from './memory.ts';
import { LAYOUT_KINDS, type LayoutKind } from './parallelism.ts';
import type { SizingRequest } from './plan.ts';
import { KV_PRECISIONS, WEIGHT_PRECISIONS, type KvPrecision } from './precision.ts';
import { own } from '../registry/ids.ts';

/** Every parameter the calculator reads, in form order. */
export const CALCULATOR_FIELDS = ['model', 'gpu', 'precision', 'kv', 'engine', 'layout', 'gpus', 'nodegpus', 'price', 'isl', 'osl', 'rps', 'per', 'peak', 'concurrency', 'tpot', 'ttft', 'percentile', 'frontier'] as const;
export type CalculatorField = (typeof CALCULATOR_FIELDS)[number];

/** The models and GPUs the calculator knows (what /api/sizing.json serves). */
export interface CalculatorData {
  models: Record<string, Pick<Model, 'name' | 'kind' | 'routes'> & { architecture?: Architecture; context_tokens?: number }>;
  gpus: Record<string, Omit<GpuSpec, 'id'>>;
}

export type CalculatorInput =
  | { ok: true; request: Omit<SizingRequest, 'apiPrice' | 'frontierPrice'>; frontier: string | undefined }
  | { ok: false; errors: string[] };

/** The load field's unit (`per`): requests per second (the default), per minute or per day. */
export const LOAD_UNITS = { second: 1, minute: 60, day: 86_400 } as const;
export type LoadUnit = keyof typeof LOAD_UNITS;

/** Numeric fields and the limit each is checked against (rps is checked as requests per day). */
const NUMERIC: Partial<Record<CalculatorField, { limit: LimitName; scale?: number; label: string }>> = {
  gpus: { limit: 'gpus', label: 'GPUs per replica' },
  nodegpus: { limit: 'total-gpus', label: 'GPUs in the node or cluster' },
  price: { limit: 'price-per-gpu-hour', label: 'GPU-hour price' },
  isl: { limit: 'isl', label: 'input tokens' },
  osl: { limit: 'osl', label: 'output tokens' },
  rps: { limit: 'requests-per-day', scale: 86400, label: 'requests per second' },
  peak: { limit: 'peak-factor', label: 'peak ÷ mean load' },
  concurrency: { limit: 'concurrency', label: 'concurrency' },
  tpot: { limit: 'tpot-ms', label: 'TPOT target' },
  ttft: { limit: 'ttft-ms', label: 'TTFT target' },
};


/** Parses calculator parameters; `get` returns the raw value of a field ('' or null when absent). */
export function calculatorRequest(get: (field: CalculatorField) => string | null, data: CalculatorData): CalculatorInput {
  const errors: string[] = [];
  const raw = (f: CalculatorField) => (get(f) ?? '').trim();
  const numbers: Partial<Record<CalculatorField, number>> = {};
  const per = raw('per') || 'second';
  if (!Object.hasOwn(LOAD_UNITS, per)) errors.push(`the load is per second, minute or day, not per "${per}"`);
  const seconds = Object.hasOwn(LOAD_UNITS, per) ? LOAD_UNITS[per as LoadUnit] : 1;
  for (const [field, spec] of Object.entries(NUMERIC) as Array<[CalculatorField, NonNullable<(typeof NUMERIC)[CalculatorField]>]>) {
    const text = raw(field);
    if (text === '') continue;
    const n = Number(text);
    if (!Number.isFinite(n)) {
      errors.push(`${spec.label}: "${text}" is not a number`);
      continue;
    }
    // Zero requests per second means "no load given", as the form's default allows.
    if (field === 'rps' && n === 0) continue;
    // The load is entered per second, minute or day; it is sized (and checked) per second.
    const value = field === 'rps' ? n / seconds : n;
    const problem = limitProblem(spec.limit, value * (spec.scale ?? 1));
    if (problem) errors.push(field === 'rps' ? `requests: ${n} a ${per} is ${problem}` : `${spec.label}: ${problem}`);
    else numbers[field] = value;
  }
  const modelId = raw('model');
  const gpuId = raw('gpu');
  const model = own(data.models, modelId);
  const gpu = own(data.gpus, gpuId);
  if (!model) errors.push(`unknown model "${modelId}"`);
  else if (!model.architecture) errors.push(`no architecture is recorded for "${modelId}", so it cannot be sized`);
  if (!gpu) errors.push(`unknown GPU "${gpuId}"`);
  const precision = raw('precision');
  if (precision && !WEIGHT_PRECISIONS.includes(precision as Precision)) errors.push(`weight precision must be one of ${WEIGHT_PRECISIONS.join(', ')}, not "${precision}"`);
  const kv = raw('kv');
  if (kv && !KV_PRECISIONS.includes(kv as KvPrecision)) errors.push(`KV-cache precision must be ${KV_PRECISIONS.join(' or ')}, not "${kv}"`);
  const engine = raw('engine');
  if (engine && !Object.hasOwn(ENGINES, engine)) errors.push(`engine must be ${Object.keys(ENGINES).join(', ')}, not "${engine}"`);
  const layout = raw('layout');
  if (layout && !LAYOUT_KINDS.includes(layout as LayoutKind)) errors.push(`layout must be ${LAYOUT_KINDS.join(', ')}, not "${layout}"`);
  const percentile = raw('percentile');
  if (percentile && percentile !== 'mean' && percentile !== 'p99') errors.push(`percentile must be mean or p99, not "${percentile}"`);
  const frontier = raw('frontier');
  if (frontier && !own(data.models, frontier)) errors.push(`unknown comparison model "${frontier}"`);
  if (errors.length > 0 || !model?.architecture || !gpu) return { ok: false, errors };

  const request: CalculatorInput & { ok: true } = {
    ok: true,
    frontier: frontier || undefined,
    request: {
      model: { id: modelId, name: model.name, architecture: model.architecture, ...(model.context_tokens !== undefined ? { contextTokens: model.context_tokens } : {}) },
      gpu: { ...gpu, id: gpuId },
      workload: {
        isl: numbers.isl ?? 1000,
        osl: numbers.osl ?? 500,
        ...(numbers.rps !== undefined ? { requestsPerSecond: numbers.rps } : {}),
        ...(numbers.peak !== undefined ? { peakFactor: numbers.peak } : {}),
        ...(numbers.concurrency !== undefined ? { concurrency: numbers.concurrency } : {}),
        ...(numbers.tpot !== undefined ? { tpotMs: numbers.tpot } : {}),
        ...(numbers.ttft !== undefined ? { ttftMs: numbers.ttft } : {}),
        ...(percentile === 'p99' ? { latencyPercentile: 'p99' as const } : {}),
      },
      ...(precision ? { precision: precision as Precision } : {}),
      ...(kv ? { kvPrecision: kv as KvPrecision } : {}),
      ...(engine ? { engine: engine as EngineId } : {}),
      ...(layout ? { layout: layout as LayoutKind } : {}),
      ...(numbers.gpus !== undefined ? { gpus: numbers.gpus } : {}),
      ...(numbers.nodegpus !== undefined ? { totalGpus: numbers.nodegpus } : {}),
      ...(numbers.price !== undefined ? { gpuHourUsd: numbers.price } : {}),
    },
  };
  return request;
}
