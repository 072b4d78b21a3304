import { readFileSync } from 'node:fs';
import { loadRegistry } from '../src/registry/load.ts';
import { resolveCalibration, predictPoint } from '../src/sizing/calibration/predict.ts';
import { fitEfficiency, errors, median } from '../src/sizing/efficiency/fit.ts';
import { PRIORS } from '../src/sizing/efficiency/factors.ts';
const file = JSON.parse(readFileSync('src/sizing/calibration/gpu-measurements.json', 'utf8'));
const { registry } = loadRegistry('content');
const r = resolveCalibration(file, registry.gpus);
const t0 = Date.now();
const fit = fitEfficiency(r.points, predictPoint, PRIORS);
console.log('fit ms', Date.now() - t0, 'launch', fit.prefillLaunchMsPerLayer, 'decode/layer', fit.decodeLayerOverheadMs, 'collective', fit.collective);
for (const g of [...fit.groups, ...fit.pooled]) console.log(JSON.stringify({ ...g, sources: undefined }));
const all: Record<string, number[]> = { dense: [], moe: [] };
for (const p of r.points) {
  const g = { ...fit.groups.find((x) => x.kind === p.kind && x.family === p.family)!, prefillLaunchMsPerLayer: fit.prefillLaunchMsPerLayer, decodeLayerOverheadMs: fit.decodeLayerOverheadMs, collective: fit.collective };
  const pred = predictPoint(p, g);
  const e = pred / p.measured - 1;
  all[p.kind]!.push(Math.abs(e));
  console.log(`${p.kind.padEnd(5)} ${p.family.padEnd(14)} ${p.id.padEnd(75)} ${p.metric.padEnd(20)} meas ${p.measured.toFixed(1).padStart(9)} pred ${pred.toFixed(1).padStart(9)} err ${(e * 100).toFixed(0).padStart(5)}%`);
}
for (const k of ['dense', 'moe']) console.log(k, 'median', median(all[k]!).toFixed(3), 'worst', Math.max(...all[k]!).toFixed(3));
