import { readFileSync } from 'node:fs';
import { loadRegistry } from '/work/main/src/registry/load.ts';
import { resolveCalibration, predictPoint } from '/work/main/src/sizing/calibration/predict.ts';
const file = JSON.parse(readFileSync('/work/main/src/sizing/calibration/gpu-measurements.json', 'utf8'));
const { registry } = loadRegistry('/work/main/content');
const r = resolveCalibration(file, registry.gpus);
console.log('missing', r.missing, 'uncovered', r.uncovered);
const eff = JSON.parse(process.argv[2] ?? '{"dense":{"memory":0.55,"compute":0.45,"stepOverheadMs":1},"moe":{"memory":0.25,"compute":0.35,"stepOverheadMs":1}}');
for (const p of r.points) {
  const pred = predictPoint(p, eff[p.kind]);
  console.log(`${p.kind.padEnd(5)} ${p.family.padEnd(14)} ${p.id.padEnd(75)} ${p.metric.padEnd(20)} meas ${p.measured.toFixed(1).padStart(9)} pred ${pred.toFixed(1).padStart(9)} err ${((pred / p.measured - 1) * 100).toFixed(0).padStart(5)}%`);
}
