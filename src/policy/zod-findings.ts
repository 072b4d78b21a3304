/** Turns zod issues into located findings (file:line:col of the offending key). Pure. */
import type { z } from 'zod';
import { formatPath } from '../registry/finding.ts';
import type { DataPath } from '../registry/yaml-source.ts';
import type { Locate, PolicyFinding } from './types.ts';

export function zodFindings(code: string, file: string, error: z.ZodError, locate: Locate, hint: string): PolicyFinding[] {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol') as DataPath;
    let message = issue.message;
    let at: DataPath = path;
    if (issue.code === 'unrecognized_keys') {
      const keys = (issue as { keys: string[] }).keys;
      message = `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`;
      at = [...path, keys[0]!];
    }
    const where = formatPath(path);
    return {
      code,
      severity: 'error' as const,
      message: where ? `${where}: ${message}` : message,
      hint,
      file,
      ...locate(at),
      path: formatPath(at),
      evidence: [],
    };
  });
}
