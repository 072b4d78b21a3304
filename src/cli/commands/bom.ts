/** `clearance bom`: a CycloneDX 1.6 ML-BOM of router configs — every model with its licenses and supplier. */
import { writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { parseRouterConfig, type ParsedConfig } from '../../policy/engine.ts';
import { FAST_SHAPES } from '../../policy/fast-shapes.node.ts';
import { BOM_SPEC_VERSIONS, toCycloneDx, type BomSpecVersion } from '../../report/cyclonedx.ts';
import { checkToday, parseCommandArgs } from '../args.ts';
import { readInput, type Io } from '../io.ts';
import { checkOutput } from '../output.ts';
import type { Command } from './index.ts';
import { loadCommandRegistry } from '../registry.ts';
import { includeOptions } from '../router-inputs.ts';

const HELP = `Usage: clearance bom <config…> [--registry PATH] [--name NAME] [--spec 1.6|1.7] [--today YYYY-MM-DD] [--output FILE [--force]]

Writes a CycloneDX ML-BOM (JSON, 1.6 by default) of router configs: one machine-learning-model component per
model the routes reach (base models of derivatives too), with supplier, the licenses that govern each route,
the providers as services, and every route as a property. license.id carries SPDX License List ids only;
other licenses are named, with their LicenseRef id (ScanCode LicenseDB or Clearance) as a property.

Options:
  --registry PATH   content directory or registry bundle JSON (as for lint)
  --name NAME       name of the described application (default: the config's name)
  --spec VERSION    CycloneDX specification version: 1.6 (default) or 1.7
  --today DATE      BOM timestamp date (default: today)
  --output FILE     write the BOM to FILE instead of standard output (never an input, nothing in
                    content/; an existing file only with --force)
  --force           let --output overwrite an existing file
  -h, --help        show this help

Exit codes:
  0  every route resolved
  1  some routes name unknown models or wildcards (listed on standard error; the BOM omits them)
  2  could not run: bad flags, unreadable or invalid config, missing registry
`;

export const command: Command = {
  summary: 'write a CycloneDX ML-BOM (1.6, or 1.7) of router configs (models, licenses, suppliers)',
  async run(argv: string[], io: Io): Promise<number> {
    const parsed = parseCommandArgs('bom', HELP, argv, io, { registry: { type: 'string' }, name: { type: 'string' }, spec: { type: 'string' }, today: { type: 'string' }, output: { type: 'string' }, force: { type: 'boolean', default: false } }, true);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const today = checkToday(io, 'bom', values.today);
    if (today === undefined) return 2;
    if (positionals.length === 0) {
      io.stderr(`clearance bom: name at least one router config\n\n${HELP}`);
      return 2;
    }
    const spec = values.spec ?? '1.6';
    if (!(BOM_SPEC_VERSIONS as readonly string[]).includes(spec)) {
      io.stderr(`clearance bom: --spec "${spec}" is not a CycloneDX version this command writes; use ${BOM_SPEC_VERSIONS.join(' or ')}\n`);
      return 2;
    }
    if (!checkOutput(io, 'bom', 'output', values.output, [...positionals, values.registry], values.force)) return 2;
    const loaded = await loadCommandRegistry('bom', values.registry, io, today);
    if (typeof loaded === 'number') return loaded;
    const display = (path: string) => (isAbsolute(path) ? path : relative(io.cwd, resolve(io.cwd, path)) || path);
    const configs: ParsedConfig[] = [];
    const includes = includeOptions(io, positionals);
    for (const path of positionals) {
      const read = await readInput(resolve(io.cwd, path));
      if (!('text' in read)) {
        io.stderr(`clearance bom: cannot read "${path}": ${read.error}\n`);
        return 2;
      }
      const text = read.text;
      const parsed = parseRouterConfig(display(path), text, FAST_SHAPES, includes(path));
      if (!parsed.config) {
        for (const f of parsed.findings) io.stderr(`${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.code}  ${f.message}\n`);
        return 2;
      }
      configs.push(parsed.config);
    }
    const { bom, unresolved } = toCycloneDx(configs, loaded, { version: io.version, today, spec: spec as BomSpecVersion, ...(values.name ? { name: values.name } : {}) });
    for (const r of unresolved) io.stderr(`${r.file}:${r.line}:${r.column}  error  ${r.spec.includes('*') ? 'route/wildcard' : 'registry/unknown-model'}  "${r.spec}" cannot be described: run clearance lint for details\n`);
    const text = `${JSON.stringify(bom, null, 2)}\n`;
    if (values.output !== undefined) {
      try {
        writeFileSync(resolve(io.cwd, values.output), text);
      } catch (error) {
        io.stderr(`clearance bom: cannot write "${values.output}": ${(error as Error).message}\n`);
        return 2;
      }
    } else io.stdout(text);
    return unresolved.length > 0 ? 1 : 0;
  },
};
