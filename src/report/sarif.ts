/**
 * SARIF 2.1.0 for GitHub code scanning: one run, every lint rule with its help text and an absolute helpUri,
 * one result per alert located at file:line:col with the config path as a logical location, and the other
 * routes of a collapsed finding as related locations. Validated in tests against the official schema
 * (sarif-2.1.0-rtm.5.json).
 *
 * Infos (obligations, applied waivers) are not alerts: they stay out of the results unless the policy sets
 * `report.sarif_notes: true`, and then they are `note`s. GitHub's limits (docs.github.com, "SARIF results
 * exceed limit"): 25,000 results per run, 1,000 locations per result (100 shown), 10 MB gzipped per upload;
 * results past the cap are dropped lowest severity first and the run says so in a tool notification.
 */
import type { Log, Notification, ReportingDescriptor, Result } from 'sarif';
import { lintCodes } from './codes.ts';
import { absoluteRuleLinks, ruleHelpUri, type LintResult } from './result.ts';

/** GitHub code scanning's hard limits per run and per result. */
export const SARIF_MAX_RESULTS = 25_000;
export const SARIF_MAX_LOCATIONS = 1_000;
/** GitHub's upload limit is 10 MB gzipped; the uncompressed text is kept under it, which always satisfies it. */
export const SARIF_MAX_BYTES = 10_000_000;

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
      text: `${c.why}\n\nHow to fix: ${c.fix}\n\nRule page: ${ruleHelpUri(result.settings, c.code)}`,
      markdown: `**${c.title}** (\`${c.code}\`)\n\n${c.why}\n\n**How to fix:** ${c.fix}\n\n[Rule page](${ruleHelpUri(result.settings, c.code)})`,
    },
    helpUri: ruleHelpUri(result.settings, c.code),
    defaultConfiguration: { level: LEVEL[c.severity]! },
  }));
  const RANK: Record<string, number> = { error: 0, warning: 1, info: 2 };
  const alerts = result.findings.filter((f) => f.severity !== 'info' || result.settings.sarifNotes);
  // Over the cap, keep the most severe (a stable sort keeps file/line order within a severity).
  const kept = alerts.length > SARIF_MAX_RESULTS ? [...alerts].sort((a, b) => (RANK[a.severity] ?? 3) - (RANK[b.severity] ?? 3)).slice(0, SARIF_MAX_RESULTS) : alerts;
  const notifications: Notification[] = [];
  if (kept.length < alerts.length) {
    notifications.push({ level: 'warning', message: { text: `${alerts.length - kept.length} of ${alerts.length} results were left out: GitHub code scanning accepts ${SARIF_MAX_RESULTS} per run. The text or JSON report has all of them.` } });
  }
  const results: Result[] = kept.map((f) => ({
    ruleId: f.code,
    ruleIndex: index.get(f.code)!,
    level: LEVEL[f.severity]!,
    message: { text: f.hint ? `${f.message}\n${absoluteRuleLinks(f.hint, result.settings)}` : f.message },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: fileUri(f.file) }, region: { startLine: f.line, startColumn: f.column } },
        ...(f.path ? { logicalLocations: [{ fullyQualifiedName: f.path, kind: 'member' }] } : {}),
      },
    ],
    ...(f.locations && f.locations.length > 1
      ? {
          relatedLocations: f.locations.slice(1, SARIF_MAX_LOCATIONS).map((l, i) => ({
            id: i + 1,
            physicalLocation: { artifactLocation: { uri: fileUri(l.file) }, region: { startLine: l.line, startColumn: l.column } },
            message: { text: `${l.tier !== undefined ? `tier ${l.tier}` : l.path}${l.model !== undefined ? `: ${l.model}` : ''}` },
          })),
        }
      : {}),
    // Stable across runs: what the finding is about, never its line (a finding must not reopen when lines move).
    partialFingerprints: { 'clearanceFinding/v1': fingerprint(f.key !== undefined ? f.key : `${f.code}|${f.file}|${f.path}|${f.model ?? ''}|${f.tier ?? ''}`) },
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
        invocations: [{ executionSuccessful: result.summary.exit_code !== 2, ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}), properties: { exitCode: result.summary.exit_code, policy: result.summary.policy, today: result.summary.today } }],
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
  let text = JSON.stringify(log, null, 2);
  // GitHub refuses uploads over 10 MB gzipped. Uncompressed size is an upper bound: past it, the evidence (also
  // in the JSON report) leaves the results first, and the run says so.
  if (text.length > SARIF_MAX_BYTES) {
    for (const r of results) if (r.properties) delete (r.properties as Record<string, unknown>).evidence;
    notifications.push({ level: 'warning', message: { text: `Evidence was left out of the results to stay under GitHub's ${SARIF_MAX_BYTES / 1_000_000} MB upload limit; --format json has it.` } });
    log.runs[0]!.invocations![0]!.toolExecutionNotifications = notifications;
    text = JSON.stringify(log, null, 2);
  }
  return `${text}\n`;
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
