/**
 * `npm run fit:sizing`: fits the sizing efficiency factors on the measurement pool (src/sizing/calibration/:
 * gpu-measurements.json, tables.ts, holdout.ts) split into fit and held-out points, and writes
 * src/sizing/efficiency/fitted.ts. `--check` exits 1 when the committed file differs from a fresh fit
 * (calibration.test.ts does the same).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadRegistry } from '../src/registry/load.ts';
import { measurementInfo } from '../src/sizing/calibration/sources.node.ts';
import { predictPoint, type MeasurementsFile } from '../src/sizing/calibration/predict.ts';
import { measurementPool } from '../src/sizing/calibration/split.ts';
import { renderFitted } from '../src/sizing/efficiency/render.ts';

const root = new URL('../', import.meta.url);
const info = measurementInfo((path) => readFileSync(new URL(path, root), 'utf8'));
const { registry } = loadRegistry(new URL('content', root).pathname);
const pool = measurementPool(JSON.parse(info.text) as MeasurementsFile, registry.gpus);
if (pool.calibration.missing.length > 0 || pool.calibration.uncovered.length > 0) {
  console.error(`calibration set incomplete:\n  missing: ${pool.calibration.missing.join(', ')}\n  uncovered: ${pool.calibration.uncovered.join(', ')}`);
  process.exit(1);
}
const output = renderFitted(pool.points, predictPoint, info);
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
  const held = pool.points.filter((p) => p.heldOut).length;
  console.log(`wrote src/sizing/efficiency/fitted.ts (${pool.points.length - held} fit points, ${held} held out)`);
}
