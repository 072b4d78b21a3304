/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every lint rule with its help text, one result per finding
 * located at file:line:col with the config path as a logical location. Validated in tests against the
 * official schema (sarif-2.1.0-rtm.5.json).
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { ruleUrl } from '../registry/codes.ts';
import { lintCodes } from './codes.ts';
import type { LintResult } from './result.ts';

const LEVEL: Record<string, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

export function formatSarif(result: LintResult): string {
  const codes = lintCodes();
  const seen = new Set(codes.map((c) => c.code));
  // A code outside the table (should not happen) still gets a rule entry, so every result has a ruleIndex.
  for (const f of result.findings) {
    if (!seen.has(f.code)) {
      codes.push({ code: f.code, severity: f.severity, title: f.code, why: f.message, fix: f.hint ?? '' });
      seen.add(f.code);
    }
  }
  const index = new Map(codes.map((c, i) => [c.code, i]));
  const rules: ReportingDescriptor[] = codes.map((c) => ({
    id: c.code,
    name: ruleName(c.code),
    shortDescription: { text: c.title },
    fullDescription: { text: c.why },
    help: {
      text: `${c.why}\n\nHow to fix: ${c.fix}\n\nRule page: ${ruleUrl(c.code)}`,
      markdown: `**${c.title}** (\`${c.code}\`)\n\n${c.why}\n\n**How to fix:** ${c.fix}\n\nRule page: \`${ruleUrl(c.code)}\``,
    },
    defaultConfiguration: { level: LEVEL[c.severity]! },
  }));
  const results: Result[] = result.findings.map((f) => ({
    ruleId: f.code,
    ruleIndex: index.get(f.code)!,
    level: LEVEL[f.severity]!,
    message: { text: f.hint ? `${f.message}\n${f.hint}` : f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: fileUri(f.file) }, region: { startLine: f.line, startColumn: f.column } },
        ...(f.path ? { logicalLocations: [{ fullyQualifiedName: f.path, kind: 'member' }] } : {}),
      },
    ],
    partialFingerprints: { 'clearanceFinding/v1': fingerprint(`${f.code}|${f.file}|${f.path}|${f.model ?? ''}|${f.tier ?? ''}`) },
    properties: {
      ...(f.tier !== undefined ? { tier: f.tier } : {}),
      ...(f.model !== undefined ? { model: f.model } : {}),
      evidence: f.evidence,
    },
  }));
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: result.tool.name, version: result.tool.version, semanticVersion: result.tool.version, rules } },
        invocations: [{ executionSuccessful: result.summary.exit_code !== 2, properties: { exitCode: result.summary.exit_code, policy: result.summary.policy, today: result.summary.today } }],
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

/** "license/mau-cap" → "LicenseMauCap" (SARIF rule names are identifier-like). */
function ruleName(code: string): string {
  return code
    .split(/[/-]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** Relative paths as URI references (forward slashes, percent-encoded). */
function fileUri(file: string): string {
  return encodeURI(file.replace(/\\/g, '/'));
}

/** FNV-1a 32-bit, hex: a stable fingerprint so code scanning tracks a finding across runs. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
