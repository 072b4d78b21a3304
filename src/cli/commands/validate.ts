/** `clearance validate`: checks the registry and prints located findings. */
import { existsSync, readdirSync } from 'node:fs';
import { countFindings, sortFindings, type Finding } from '../../registry/finding.ts';
import { LoadError, loadRegistry } from '../../registry/load.ts';
import { checkToday, parseCommandArgs } from '../args.ts';
import { readInput, type Io } from '../io.ts';
import type { Command } from './index.ts';
import { isAbsolute, join, relative, resolve } from 'node:path';

const HELP = `Usage: clearance validate [--registry PATH] [--format text|json] [--today YYYY-MM-DD] [--max-age DAYS]

Checks every registry file: YAML syntax and duplicate keys, the JSON Schemas in schemas/, references
between files, aliases claimed twice, uncited claims, statuses stronger than their sources, staleness.
Policies (policies/) and example router configs (routers/) must parse against their schemas too.

Options:
  --registry PATH   content directory or registry bundle JSON (default: content)
  --format FORMAT   text (default) or json
  --today DATE      date for staleness checks (default: today)
  --max-age DAYS    warn when an entry's "reviewed" date is older (default: 365)
  -h, --help        show this help

Exit codes:
  0  no errors (warnings and infos may be printed)
  1  the registry has errors
  2  could not run: bad flags, unreadable path
`;

export const command: Command = {
  summary: 'check the registry (content/ or a bundle) and report located findings',
  async run(argv: string[], io: Io): Promise<number> {
    const parsed = parseCommandArgs('validate', HELP, argv, io, {
      registry: { type: 'string', default: 'content' },
      format: { type: 'string', default: 'text' },
      today: { type: 'string' },
      'max-age': { type: 'string', default: '365' },
    });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    if (values.format !== 'text' && values.format !== 'json') {
      io.stderr(`clearance validate: --format must be text or json, not "${values.format}"\n`);
      return 2;
    }
    const today = checkToday(io, 'validate', values.today);
    if (today === undefined) return 2;
    const maxAgeDays = Number(values['max-age']);
    if (!Number.isInteger(maxAgeDays) || maxAgeDays <= 0) {
      io.stderr(`clearance validate: --max-age must be a positive whole number of days\n`);
      return 2;
    }
    const abs = isAbsolute(values.registry) ? values.registry : resolve(io.cwd, values.registry);
    const display = isAbsolute(values.registry) ? values.registry : relative(io.cwd, abs) || '.';
    let loaded;
    try {
      loaded = loadRegistry(abs, { today, maxAgeDays, displayPrefix: `${display.replace(/\/+$/, '')}/` });
    } catch (error) {
      if (error instanceof LoadError) {
        io.stderr(`clearance validate: ${error.message}\n`);
        return 2;
      }
      throw error;
    }
    if (loaded.kind === 'bundle') loaded.findings.forEach((f) => (f.file = display));
    else loaded.findings = sortFindings([...loaded.findings, ...(await checkDocuments(abs, `${display.replace(/\/+$/, '')}/`))]);
    const counts = countFindings(loaded.findings);
    const entities = Object.fromEntries(Object.entries(loaded.registry).map(([k, v]) => [k, Object.keys(v).length]));
    if (values.format === 'json') {
      io.stdout(`${JSON.stringify({ findings: loaded.findings, summary: { ...counts, entities } }, null, 2)}\n`);
    } else {
      io.stdout(formatText(loaded.findings, counts, entities));
    }
    return counts.errors > 0 ? 1 : 0;
  },
};

/**
 * Policies and example router configs live in content/ too: they must parse against their own schemas. Notes
 * (notes/*.mdx) must be content, not code (src/registry/notes.ts), the same check the site build runs.
 */
async function checkDocuments(root: string, prefix: string): Promise<Finding[]> {
  const { parsePolicy, parseRouterConfig } = await import('../../policy/index.ts');
  const { checkNote } = await import('../../registry/notes.ts');
  const parsers = { policies: parsePolicy, routers: parseRouterConfig, notes: (file: string, text: string) => ({ findings: checkNote(file, text) }) } as const;
  const findings: Finding[] = [];
  for (const [folder, parse] of Object.entries(parsers)) {
    const dir = join(root, folder);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => (folder === 'notes' ? /\.mdx$/ : /\.ya?ml$/).test(n)).sort()) {
      const file = `${prefix}${folder}/${name}`;
      const read = await readInput(join(dir, name));
      if (!('text' in read)) {
        findings.push({ code: read.code === 'too-large' ? 'yaml/too-large' : 'registry/unreadable', severity: 'error', message: read.error, hint: 'Check the file.', file, line: 1, column: 1 });
        continue;
      }
      const result = parse(file, read.text);
      findings.push(...result.findings.map(({ code, severity, message, hint, file, line, column, path }) => ({ code, severity, message, hint, file, line, column, ...(path ? { path } : {}) })));
    }
  }
  return findings;
}

function formatText(findings: Finding[], counts: ReturnType<typeof countFindings>, entities: Record<string, number>): string {
  const lines: string[] = [];
  for (const f of findings) {
    lines.push(`${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.code}  ${f.message}`);
    if (f.hint) lines.push(`    hint: ${f.hint}`);
  }
  if (findings.length > 0) lines.push('');
  const what = Object.entries(entities).map(([k, n]) => `${n} ${k}`).join(', ');
  lines.push(`${what}`);
  lines.push(`${findings.length} findings: ${counts.errors} errors, ${counts.warnings} warnings, ${counts.infos} infos`);
  return `${lines.join('\n')}\n`;
}
