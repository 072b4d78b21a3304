/** The formats' CI limits and escaping, on synthetic results (the goldens pin the wording on real configs). */
import { describe, expect, it } from 'vitest';
import type { PolicyFinding } from '../policy/index.ts';
import { formatGithub } from './github.ts';
import { formatMarkdown, MAX_COMMENT_CHARS, code, summaryReport } from './markdown.ts';
import { buildResult, type ReportSettings } from './result.ts';
import { formatSarif } from './sarif.ts';
import { formatText } from './text.ts';

const finding = (i: number, severity: PolicyFinding['severity'], extra: Partial<PolicyFinding> = {}): PolicyFinding => ({
  code: severity === 'info' ? 'license/obligations' : 'license/non-commercial',
  severity,
  message: `finding ${i}`,
  hint: 'fix it',
  file: 'proxy.yaml',
  line: i + 1,
  column: 7,
  path: `model_list[${i}].litellm_params.model`,
  tier: `tier-${i % 3}`,
  model: 'acme/nc',
  evidence: [],
  ...extra,
});

const result = (findings: PolicyFinding[], settings: Partial<ReportSettings> = {}) =>
  buildResult({ version: 'test', files: ['proxy.yaml'], configs: [], findings, exitCode: findings.some((f) => f.severity === 'error') ? 1 : 0, policy: 'p.yaml', today: '2026-11-22', settings });

describe('github annotations', () => {
  it('puts errors first, caps each kind at 10 and says how many more there are', () => {
    const findings = [...Array.from({ length: 14 }, (_, i) => finding(i, 'warning')), ...Array.from({ length: 12 }, (_, i) => finding(20 + i, 'error')), finding(40, 'info')];
    const lines = formatGithub(result(findings)).trimEnd().split('\n');
    const commands = lines.filter((l) => l.startsWith('::'));
    expect(commands.slice(0, 10).every((l) => l.startsWith('::error '))).toBe(true);
    expect(commands.filter((l) => l.startsWith('::error ')).length).toBe(10);
    expect(commands.filter((l) => l.startsWith('::warning ')).length).toBe(10);
    const summary = commands.find((l) => l.includes('more findings than GitHub annotates'))!;
    expect(summary).toContain('6 more findings (2 errors, 4 warnings, 0 infos) are not annotated');
    // The ones left out are still in the log, as plain lines.
    expect(lines.filter((l) => /^proxy\.yaml:\d+:7 (error|warning) /.test(l))).toHaveLength(6);
  });

  it('drops terminal control characters from config strings', () => {
    const out = formatGithub(result([finding(0, 'error', { message: 'model "\u001b[2J\u001b]0;pwned\u0007x" \u202eevil' })]));
    expect(out).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(out).toContain('model "x" evil');
  });
});

describe('text', () => {
  it('prints a clause once and names it after that; strips control characters and folds line breaks', () => {
    const evidence = [{ subject: 'license x · commercial_use', summary: 'No commercial use.', status: 'verified' as const, sources: [] }];
    const out = formatText(result([finding(0, 'error', { evidence, message: 'a\u001b[31m\nb' }), finding(1, 'error', { evidence })]));
    expect(out.match(/No commercial use\./g)).toHaveLength(1);
    expect(out).toContain('evidence: license x · commercial_use (as above)');
    expect(out).toContain('license/non-commercial  a b');
  });
});

describe('markdown', () => {
  it('escapes backticks, pipes and markup from config strings', () => {
    const out = formatMarkdown(result([finding(0, 'error', { message: 'x | y `z` <b>*w*</b> [l](http://e)', tier: 'a`b|c', model: '`m`' })]));
    expect(out).toContain('x \\| y \\`z\\` &lt;b&gt;\\*w\\*&lt;/b&gt; \\[l\\](http://e)');
    expect(out).toContain('#### Tier ``a`b\\|c``');
    expect(code('`m`')).toBe('`` `m` ``');
  });

  it('becomes a summary that fits a comment, errors first, with a link to the full report', () => {
    const long = 'x'.repeat(600);
    const findings = [...Array.from({ length: 150 }, (_, i) => finding(i, 'warning', { message: long })), ...Array.from({ length: 150 }, (_, i) => finding(200 + i, 'error', { message: long }))];
    const out = formatMarkdown(result(findings, { fullReportUrl: 'https://ci.example.com/run/1' }));
    expect(out.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(out).toContain('[Full report](https://ci.example.com/run/1)');
    const rows = out.split('\n').filter((l) => l.startsWith('| ❌') || l.startsWith('| ⚠️'));
    expect(rows[0]).toMatch(/^\| ❌ error/);
    expect(out).toMatch(/… and \d+ more errors or warnings not shown here\./);
    // Tight limits still hold.
    expect(summaryReport(result(findings), 5_000).length).toBeLessThanOrEqual(5_000);
  });
});

describe('sarif', () => {
  const findings = [finding(0, 'error'), finding(1, 'info'), finding(2, 'warning', { locations: [{ file: 'proxy.yaml', line: 3, column: 7, path: 'a', tier: 't' }, { file: 'proxy.yaml', line: 9, column: 7, path: 'b', tier: 'u' }], key: 'provenance/weak|x' })];
  it('gives every rule an absolute helpUri, keeps infos out unless asked, and relates every location', () => {
    const log = JSON.parse(formatSarif(result(findings, { rulesUrl: 'https://rules.example.com/rules' })));
    const run = log.runs[0];
    expect(run.tool.driver.rules.every((r: { helpUri: string; id: string }) => r.helpUri === `https://rules.example.com/rules/${r.id}/`)).toBe(true);
    expect(run.results.map((r: { level: string }) => r.level)).toEqual(['error', 'warning']);
    expect(run.results[1].relatedLocations.map((l: { physicalLocation: { region: { startLine: number } } }) => l.physicalLocation.region.startLine)).toEqual([9]);
    const withNotes = JSON.parse(formatSarif(result(findings, { sarifNotes: true })));
    expect(withNotes.runs[0].results.map((r: { level: string }) => r.level)).toEqual(['error', 'note', 'warning']);
  });

  it('fingerprints what a finding is about, not its line', () => {
    const fp = (f: PolicyFinding) => JSON.parse(formatSarif(result([f]))).runs[0].results[0].partialFingerprints['clearanceFinding/v1'];
    expect(fp(finding(0, 'error'))).toBe(fp({ ...finding(0, 'error'), line: 40 }));
    expect(fp(findings[2]!)).toBe(fp({ ...findings[2]!, line: 90, locations: [...findings[2]!.locations!, { file: 'proxy.yaml', line: 90, column: 1, path: 'c' }] }));
  });
});

describe('sarif size', () => {
  it('drops evidence from results before the log would pass GitHub’s upload limit, and says so', () => {
    const evidence = [{ subject: 's', summary: 'y'.repeat(4_000), status: 'verified' as const, sources: [] }];
    const many = Array.from({ length: 3_000 }, (_, i) => finding(i, 'error', { evidence }));
    const text = formatSarif(result(many));
    expect(text.length).toBeLessThan(10_000_000);
    const log = JSON.parse(text);
    expect(log.runs[0].results).toHaveLength(3_000);
    expect(log.runs[0].results[0].properties.evidence).toBeUndefined();
    expect(log.runs[0].invocations[0].toolExecutionNotifications[0].message.text).toContain('Evidence was left out');
  });
});

describe('rule links in CI outputs', () => {
  it('turn the hint’s site path into the absolute rule page', () => {
    const f = finding(0, 'error', { hint: 'Fix it. See /rules/license/non-commercial/' });
    const settings = { rulesUrl: 'https://rules.example.com/rules/' };
    expect(formatGithub(result([f], settings))).toContain('See https://rules.example.com/rules/license/non-commercial/');
    expect(JSON.parse(formatSarif(result([f], settings))).runs[0].results[0].message.text).toContain('See https://rules.example.com/rules/license/non-commercial/');
    expect(formatMarkdown(result([f], settings))).toContain('See https://rules.example.com/rules/license/non-commercial/');
  });
});
