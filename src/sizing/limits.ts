/**
 * What a sizing question may ask. Every number a user gives (CLI flag, router-config workload, calculator URL
 * parameter) is checked here, so nonsense is refused with a message before it reaches the arithmetic, the same
 * way in Node and in the browser. The bounds are generous: they exclude only values no deployment has.
 */
import { SizingError } from './errors.ts';

export interface Bound {
  /** Smallest allowed value (exclusive when `exclusiveMin`). */
  min: number;
  max: number;
  exclusiveMin?: boolean;
  integer?: boolean;
  /** What the value is, for the message. */
  what: string;
  unit?: string;
}

/** The bounds, by the name the CLI and the calculator use. */
export const SIZING_LIMITS = {
  isl: { min: 1, max: 10_000_000, integer: true, what: 'input tokens per request', unit: 'tokens' },
  osl: { min: 1, max: 10_000_000, integer: true, what: 'output tokens per request', unit: 'tokens' },
  gpus: { min: 1, max: 1024, integer: true, what: 'GPUs per replica' },
  'total-gpus': { min: 1, max: 100_000, integer: true, what: 'GPUs in the node or cluster' },
  'tpot-ms': { min: 0, exclusiveMin: true, max: 600_000, what: 'TPOT target', unit: 'ms' },
  'ttft-ms': { min: 0, exclusiveMin: true, max: 3_600_000, what: 'TTFT target', unit: 'ms' },
  'requests-per-day': { min: 0, exclusiveMin: true, max: 1e11, what: 'requests per day' },
  'peak-factor': { min: 1, max: 100, what: 'peak ÷ mean load' },
  'price-per-gpu-hour': { min: 0, exclusiveMin: true, max: 1000, what: 'GPU price', unit: 'USD per GPU-hour' },
  concurrency: { min: 1, max: 1_000_000, integer: true, what: 'concurrent requests per replica' },
  'max-num-seqs': { min: 1, max: 65_536, integer: true, what: 'engine cap on concurrent sequences (max_num_seqs)' },
  'gpu-memory-utilization': { min: 0.05, max: 1, what: 'GPU memory fraction the engine may use' },
} satisfies Record<string, Bound>;

export type LimitName = keyof typeof SIZING_LIMITS;

/** GPUs one tier may need before the answer is refused as no real deployment (a few thousand GPUs). */
export const MAX_GPUS_PER_TIER = 4096;

/** Why `value` is not an acceptable `name`, or null when it is. */
export function limitProblem(name: LimitName, value: number): string | null {
  const b: Bound = SIZING_LIMITS[name];
  const unit = b.unit ? ` ${b.unit}` : '';
  if (!Number.isFinite(value)) return `${b.what} must be a finite number, not ${value}`;
  if (b.integer && !Number.isInteger(value)) return `${b.what} must be a whole number, not ${value}`;
  if (b.exclusiveMin ? value <= b.min : value < b.min) return `${b.what} must be ${b.exclusiveMin ? 'more than' : 'at least'} ${b.min}${unit}, not ${value}`;
  if (value > b.max) return `${b.what} of ${value.toLocaleString('en-US')}${unit} is beyond anything sizing can answer (at most ${b.max.toLocaleString('en-US')}${unit})`;
  return null;
}

/** Throws SizingError (code sizing/out-of-range) when `value` is not acceptable. */
export function checkLimit(name: LimitName, value: number | undefined): void {
  if (value === undefined) return;
  const problem = limitProblem(name, value);
  if (problem) throw new SizingError('sizing/out-of-range', problem, `Give ${SIZING_LIMITS[name].what} between ${SIZING_LIMITS[name].min} and ${SIZING_LIMITS[name].max.toLocaleString('en-US')}.`);
}
