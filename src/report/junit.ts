/**
 * JUnit XML (the Apache Ant schema most CI systems read; validated in tests against JUnit.xsd): one testsuite
 * per file, one testcase per route (it fails when the route has errors), plus one testcase per location
 * outside routes that has findings (policy waivers, parse errors). Warnings and infos go to system-out.
 */
import type { PolicyFinding } from '../policy/engine.ts';
import { evidenceLine } from './text.ts';
import type { LintResult } from './result.ts';

interface Case {
  name: string;
  findings: PolicyFinding[];
}

export function formatJunit(result: LintResult): string {
  const files = [...new Set([...result.files, ...result.findings.map((f) => f.file)])];
  const timestamp = `${result.summary.today}T00:00:00`;
  const suites = files.map((file, id) => {
    const cases = new Map<string, Case>();
    for (const r of result.routes.filter((r) => r.file === file)) {
      cases.set(r.path, { name: `${r.tier} › ${r.spec} (${r.role}, line ${r.line})`, findings: [] });
    }
    const fileFindings = result.findings.filter((f) => f.file === file);
    for (const f of fileFindings) {
      const c = cases.get(f.path) ?? { name: `${f.path || 'file'} (line ${f.line})`, findings: [] };
      c.findings.push(f);
      cases.set(f.path, c);
    }
    const fatal = (c: Case) => c.findings.some((f) => f.severity === 'error' && /^(yaml|config|policy)\//.test(f.code));
    const failed = (c: Case) => !fatal(c) && c.findings.some((f) => f.severity === 'error');
    const list = [...cases.values()];
    const testcases = list.map((c) => {
      const errors = c.findings.filter((f) => f.severity === 'error');
      const open = `    <testcase name="${attr(c.name)}" classname="${attr(`clearance.lint.${file}`)}" time="0"`;
      if (errors.length === 0) return `${open}/>`;
      const tag = fatal(c) ? 'error' : 'failure';
      const body = errors.map((f) => findingText(f)).join('\n\n');
      return `${open}>\n      <${tag} message="${attr(errors.map((f) => `${f.code}: ${f.message}`).join(' | '))}" type="${attr(errors[0]!.code)}">${text(body)}</${tag}>\n    </testcase>`;
    });
    const notes = fileFindings.filter((f) => f.severity !== 'error').map((f) => `${f.line}:${f.column} ${f.severity} ${f.code} ${f.message}`);
    return [
      `  <testsuite package="clearance.lint" id="${id}" name="${attr(file)}" timestamp="${timestamp}" hostname="localhost" tests="${list.length}" failures="${list.filter(failed).length}" errors="${list.filter(fatal).length}" time="0">`,
      `    <properties>`,
      `      <property name="policy" value="${attr(result.summary.policy)}"/>`,
      `      <property name="today" value="${attr(result.summary.today)}"/>`,
      `    </properties>`,
      ...testcases,
      `    <system-out>${text(notes.join('\n'))}</system-out>`,
      `    <system-err></system-err>`,
      `  </testsuite>`,
    ].join('\n');
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites>\n${suites.join('\n')}\n</testsuites>\n`;
}

function findingText(f: PolicyFinding): string {
  const lines = [`${f.file}:${f.line}:${f.column} ${f.code} ${f.message}`];
  if (f.hint) lines.push(`hint: ${f.hint}`);
  for (const e of f.evidence) lines.push(`evidence: ${evidenceLine(e)}`);
  return lines.join('\n');
}

/** XML 1.0 forbids most control characters even when escaped; drop them, then escape markup. */
function clean(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

function text(s: string): string {
  return clean(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function attr(s: string): string {
  return text(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
}
