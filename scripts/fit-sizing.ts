/**
 * `npm run fit:sizing`: fits the sizing efficiency factors on src/sizing/calibration/gpu-measurements.json
 * (a copy of the research calibration set) and writes src/sizing/efficiency/fitted.ts.
 * `--check` exits 1 when the committed file differs from a fresh fit (calibration.test.ts does the same).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadRegistry } from '../src/registry/load.ts';
import { predictPoint, resolveCalibration, type MeasurementsFile } from '../src/sizing/calibration/predict.ts';
import { renderFitted } from '../src/sizing/efficiency/render.ts';

const root = new URL('../', import.meta.url);
const measurementsPath = 'src/sizing/calibration/gpu-measurements.json';
const text = readFileSync(new URL(measurementsPath, root), 'utf8');
const { registry } = loadRegistry(new URL('content', root).pathname);
const calibration = resolveCalibration(JSON.parse(text) as MeasurementsFile, registry.gpus);
if (calibration.missing.length > 0 || calibration.uncovered.length > 0) {
  console.error(`calibration set incomplete:\n  missing: ${calibration.missing.join(', ')}\n  uncovered: ${calibration.uncovered.join(', ')}`);
  process.exit(1);
}
const sha256 = createHash('sha256').update(text).digest('hex');
const output = renderFitted(calibration, predictPoint, { file: measurementsPath, sha256 });
const target = new URL('src/sizing/efficiency/fitted.ts', root);
if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== output) {
    console.error('src/sizing/efficiency/fitted.ts is out of date; run npm run fit:sizing');
    process.exit(1);
  }
  console.log('fitted.ts is up to date');
} else {
  writeFileSync(target, output);
  console.log(`wrote src/sizing/efficiency/fitted.ts (${calibration.points.length} points from ${calibration.records} records)`);
}
