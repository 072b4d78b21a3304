/** Turns shape issues (from zod, see shapes.ts) into located findings (file:line:col of the offending key). Pure. */
import { formatPath } from '../registry/finding.ts';
import type { DataPath } from '../registry/yaml-source.ts';
import type { ShapeIssue } from './shapes.ts';
import type { Locate, PolicyFinding } from './types.ts';

export function shapeFindings(code: string, file: string, issues: readonly ShapeIssue[], locate: Locate, hint: string): PolicyFinding[] {
  return issues.map((issue) => {
    let message = issue.message;
    let at: DataPath = issue.path;
    if (issue.unknownKeys) {
      const keys = issue.unknownKeys;
      message = `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `"${k}"`).join(', ')}`;
      at = [...issue.path, keys[0]!];
    }
    const where = formatPath(issue.path);
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
