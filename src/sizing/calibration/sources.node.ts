/** The files the fit reads and their hashes, shared by the fit script, the bench and the drift test (Node only: hashing). */
import { createHash } from 'node:crypto';
import type { MeasurementInfo } from '../efficiency/render.ts';

export const MEASUREMENTS_FILE = 'src/sizing/calibration/gpu-measurements.json';
export const TABLE_FILES = ['src/sizing/calibration/tables.ts', 'src/sizing/calibration/holdout.ts'];

export function measurementInfo(read: (path: string) => string): MeasurementInfo & { text: string } {
  const text = read(MEASUREMENTS_FILE);
  const tables = createHash('sha256');
  for (const f of TABLE_FILES) tables.update(read(f));
  const records = (JSON.parse(text) as { measurements: unknown[] }).measurements.length;
  return { file: MEASUREMENTS_FILE, sha256: createHash('sha256').update(text).digest('hex'), records, tablesSha256: tables.digest('hex'), text };
}
