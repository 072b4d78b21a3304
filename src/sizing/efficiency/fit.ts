/**
 * Fits efficiency factors to measurements: per (dense vs MoE, GPU family), the memory and compute
 * efficiencies and the per-step overhead that minimise the squared log error of the model's predictions,
 * with a weak pull towards the literature priors so groups with few points stay physical.
 */
import type { EfficiencyFactors, GpuFamily, ModelKind } from './factors.ts';
import type { FittedGroup } from './fitted-types.ts';

export interface FitPoint {
  id: string;
  kind: ModelKind;
  family: GpuFamily;
  measured: number;
}

/** Predicts a point at given factors; NaN when the configuration does not run. */
export type Predict<P extends FitPoint> = (point: P, factors: EfficiencyFactors) => number;

/** Strength of the pull towards the prior, in squared-log units added to the mean squared log error. */
const PRIOR_WEIGHT = 0.01;
/**
 * Physical range of an efficiency: HBM microbenchmarks reach about 0.9 of peak and tuned GEMMs about 0.8, so a
 * fit outside [0.15, 0.9] would be absorbing a modelling error rather than measuring the hardware.
 */
export const BOUNDS = { min: 0.15, max: 0.9 };
/** Step overheads tried, ms (up to 30: small-batch MoE decode on some engines is dominated by fixed per-step costs). */
const OVERHEADS = [0, 0.5, 1, 1.5, 2, 3, 4, 5, 7.5, 10, 15, 20, 30];
/** The narrowest error band a fit may claim, however well its few points agree. */
const MIN_BAND = 0.2;

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

function loss<P extends FitPoint>(points: P[], predict: Predict<P>, f: EfficiencyFactors, prior: EfficiencyFactors): number {
  let sum = 0;
  for (const p of points) {
    const pred = predict(p, f);
    if (!Number.isFinite(pred) || pred <= 0) return Infinity;
    sum += Math.log(pred / p.measured) ** 2;
  }
  const penalty =
    Math.log(f.memory / prior.memory) ** 2 + Math.log(f.compute / prior.compute) ** 2 + ((f.stepOverheadMs - prior.stepOverheadMs) / 5) ** 2;
  return sum / points.length + PRIOR_WEIGHT * penalty;
}

/** Best factors for one group: a coarse grid, then a fine grid around the coarse optimum. */
export function fitFactors<P extends FitPoint>(points: P[], predict: Predict<P>, prior: EfficiencyFactors): EfficiencyFactors {
  let best: EfficiencyFactors = prior;
  let bestLoss = loss(points, predict, prior, prior);
  const search = (memories: number[], computes: number[], overheads: number[]) => {
    for (const memory of memories)
      for (const compute of computes)
        for (const stepOverheadMs of overheads) {
          const f = { ...prior, memory, compute, stepOverheadMs };
          const l = loss(points, predict, f, prior);
          if (l < bestLoss) {
            bestLoss = l;
            best = f;
          }
        }
  };
  search(range(BOUNDS.min, BOUNDS.max, 0.05), range(BOUNDS.min, BOUNDS.max, 0.05), OVERHEADS);
  const around = (v: number) => range(Math.max(BOUNDS.min, v - 0.05), Math.min(BOUNDS.max, v + 0.05), 0.01);
  const o = best.stepOverheadMs;
  search(around(best.memory), around(best.compute), [Math.max(0, o - 0.5), o, o + 0.5].filter((v, i, a) => a.indexOf(v) === i));
  return best;
}

/** Residuals measured/predicted − 1: how far the truth lies from the prediction. */
export function residuals<P extends FitPoint>(points: P[], predict: Predict<P>, f: EfficiencyFactors): number[] {
  return points.map((p) => p.measured / predict(p, f) - 1);
}

/** Relative prediction errors predicted/measured − 1 (what the bench reports). */
export function errors<P extends FitPoint>(points: P[], predict: Predict<P>, f: EfficiencyFactors): number[] {
  return points.map((p) => predict(p, f) / p.measured - 1);
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Empirical quantile (nearest rank on sorted values). */
export function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.round(q * (s.length - 1))))]!;
}

/** Held-out points below which a group's band is called thin and set wide. */
export const THIN_HELD_OUT = 5;
/** The band of a thin group, and the narrowest band any group may claim. */
export const THIN_BAND: Record<ModelKind, number> = { dense: 0.4, moe: 0.5 };
const MIN_HELD_OUT_BAND = 0.15;

/**
 * The error band from held-out residuals (measured/predicted − 1): their 5th and 95th percentiles, so it holds
 * about 90% of what the fit never saw, and never narrower than ±15%. With fewer than five held-out points the
 * band is the wide prior band (±40% dense, ±50% MoE) or the residual range, whichever is wider, and says so.
 */
export function heldOutBand(kind: ModelKind, held: number[]): { low: number; high: number; thin: boolean } {
  // Rounded outwards, so a point on the band's edge stays inside it.
  const down = (v: number) => Math.floor(v * 1000) / 1000;
  const up = (v: number) => Math.ceil(v * 1000) / 1000;
  if (held.length < THIN_HELD_OUT) {
    const b = THIN_BAND[kind];
    return { low: down(Math.min(-b, ...held)), high: up(Math.max(b, ...held)), thin: true };
  }
  return { low: down(Math.min(-MIN_HELD_OUT_BAND, quantile(held, 0.05))), high: up(Math.max(MIN_HELD_OUT_BAND, quantile(held, 0.95))), thin: false };
}

export interface GroupedPoint extends FitPoint {
  era: string;
  heldOut: boolean;
}

function summarise<P extends GroupedPoint>(kind: ModelKind, family: GpuFamily | 'all', era: string, fitted: P[], held: P[], predict: Predict<P>, f: EfficiencyFactors): FittedGroup {
  const round = (v: number) => Math.round(v * 1000) / 1000;
  const heldResiduals = residuals(held, predict, f);
  const heldErrors = errors(held, predict, f).map(Math.abs);
  const fitErrors = errors(fitted, predict, f).map(Math.abs);
  const band = heldOutBand(kind, heldResiduals);
  const inside = heldResiduals.filter((r) => r >= band.low - 1e-9 && r <= band.high + 1e-9).length;
  return {
    kind,
    family,
    era,
    memory: f.memory,
    compute: f.compute,
    stepOverheadMs: f.stepOverheadMs,
    points: fitted.length,
    heldOutPoints: held.length,
    errorBand: { low: band.low, high: band.high },
    thin: band.thin,
    medianAbsError: round(median(fitErrors)),
    worstAbsError: round(Math.max(0, ...fitErrors)),
    heldOutMedianAbsError: held.length ? round(median(heldErrors)) : null,
    heldOutWorstAbsError: held.length ? round(Math.max(...heldErrors)) : null,
    heldOutCoverage: held.length ? round(inside / held.length) : null,
    sources: fitted.map((p) => p.id),
  };
}

type Shared = Pick<EfficiencyFactors, 'prefillLaunchMsPerLayer' | 'decodeLayerOverheadMs' | 'collective' | 'pipelineHostMsPerSequence'>;

/** Values tried for the factors every group shares. */
const SHARED_GRID: { [K in keyof Shared]: number[] } = {
  prefillLaunchMsPerLayer: [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3],
  decodeLayerOverheadMs: [0, 0.025, 0.05, 0.075, 0.1],
  collective: [0.35, 0.5, 0.7, 1],
  pipelineHostMsPerSequence: [0, 0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.08, 0.1],
};

/** A group needs this many fit points to get factors of its own (fewer: sizing borrows, see factors.ts). */
export const MIN_FIT_POINTS = 5;

/**
 * Fits every (kind, family, era) with at least MIN_FIT_POINTS fit points, a pooled group per (kind, era) and per
 * kind as fallbacks, on the fit split only. The shared factors (per-layer prefill and decode overheads,
 * collective efficiency, host time per sequence of a pipeline step) are chosen by coordinate descent on the total
 * squared log error over every fit point, refitting the groups at each trial. Bands come from the held-out split.
 */
export function fitEfficiency<P extends GroupedPoint>(
  points: P[],
  predict: Predict<P>,
  priors: Record<ModelKind, EfficiencyFactors>,
): Shared & { groups: FittedGroup[]; pooled: FittedGroup[] } {
  const fitSet = points.filter((p) => !p.heldOut);
  const key = (p: { kind: string; family: string; era: string }) => `${p.kind}/${p.family}/${p.era}`;
  const keys = [...new Set(fitSet.map(key))].sort().filter((k) => fitSet.filter((p) => key(p) === k).length >= MIN_FIT_POINTS);
  const trial = (shared: Shared) => {
    const fits = new Map<string, EfficiencyFactors>();
    let total = 0;
    for (const k of keys) {
      const group = fitSet.filter((p) => key(p) === k);
      const f = fitFactors(group, predict, { ...priors[group[0]!.kind], ...shared });
      fits.set(k, f);
      total += group.reduce((sum, p) => sum + Math.log(predict(p, f) / p.measured) ** 2, 0);
    }
    return { total, shared, fits };
  };
  let best = trial({ prefillLaunchMsPerLayer: priors.dense.prefillLaunchMsPerLayer, decodeLayerOverheadMs: priors.dense.decodeLayerOverheadMs, collective: priors.dense.collective, pipelineHostMsPerSequence: priors.dense.pipelineHostMsPerSequence });
  for (let round = 0; round < 2; round++) {
    for (const name of Object.keys(SHARED_GRID) as (keyof Shared)[]) {
      for (const value of SHARED_GRID[name]) {
        if (value === best.shared[name]) continue;
        const t = trial({ ...best.shared, [name]: value });
        if (t.total < best.total) best = t;
      }
    }
  }
  const groups: FittedGroup[] = keys.map((k) => {
    const fitted = fitSet.filter((p) => key(p) === k);
    const held = points.filter((p) => p.heldOut && key(p) === k);
    const p0 = fitted[0]!;
    return summarise(p0.kind, p0.family, p0.era, fitted, held, predict, best.fits.get(k)!);
  });
  const pooled: FittedGroup[] = [];
  for (const kind of ['dense', 'moe'] as const) {
    const ofKind = points.filter((p) => p.kind === kind);
    if (ofKind.length === 0) continue;
    for (const era of [...new Set(ofKind.map((p) => p.era))].sort()) {
      const subset = ofKind.filter((p) => p.era === era);
      const fitted = subset.filter((p) => !p.heldOut);
      if (fitted.length < MIN_FIT_POINTS) continue;
      pooled.push(summarise(kind, 'all', era, fitted, subset.filter((p) => p.heldOut), predict, fitFactors(fitted, predict, { ...priors[kind], ...best.shared })));
    }
    const fitted = ofKind.filter((p) => !p.heldOut);
    pooled.push(summarise(kind, 'all', 'all', fitted, ofKind.filter((p) => p.heldOut), predict, fitFactors(fitted, predict, { ...priors[kind], ...best.shared })));
  }
  return { ...best.shared, groups, pooled };
}
