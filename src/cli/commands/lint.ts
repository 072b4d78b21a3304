/** `clearance lint`: checks router configs against the license policy and prints located, explained findings. */
import { writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { exitCodeFor, lintTexts, parsePolicy, type LoadedPolicy, type PolicyFinding } from '../../policy/engine.ts';
import { FAST_SHAPES } from '../../policy/fast-shapes.node.ts';
import type { Registry } from '../../registry/registry.ts';
import { FORMAT_LOADERS } from '../../report/formats.ts';
import { buildResult } from '../../report/result.ts';
import { checkToday, parseCommandArgs } from '../args.ts';
import { readInput, type Io } from '../io.ts';
import { checkOutput } from '../output.ts';
import { loadCommandRegistry, PACKAGE_ROOT } from '../registry.ts';
import { readConfigs } from '../router-inputs.ts';
import type { Command } from './index.ts';

const HELP = `Usage: clearance lint <config…> [--policy FILE] [--registry PATH] [--format FORMAT] [--today YYYY-MM-DD] [--strict] [--output FILE [--force]] [--rules-url URL]

Checks router configs — Clearance tiered configs (tiers:) and LiteLLM proxy configs (model_list:) —
against a license and procurement policy: unknown models and wildcards, non-commercial licenses, MAU caps,
geographic exclusions, training on outputs, deny lists, tier requirements, retired models, weak facts,
waivers. Every finding names its rule (see /rules/<code>/), location, tier, model and evidence.

Options:
  --policy FILE     policy YAML (default: the shipped content/policies/default.yaml)
  --registry PATH   content directory or registry bundle JSON (default: ./content if present, else the
                    registry shipped with Clearance)
  --format FORMAT   text (default), json, sarif, junit, github, markdown
  --today DATE      date for waiver expiry, lifecycle and staleness checks (default: today)
  --strict          exit 1 on warnings too
  --output FILE     write the report to FILE instead of standard output (never an input, nothing in
                    content/; an existing file only with --force)
  --force           let --output overwrite an existing file
  --rules-url URL   absolute URL of the rule pages (SARIF helpUri, Markdown links); default: the
                    policy's report.rules_url, else $CLEARANCE_SITE_URL/rules/
  -h, --help        show this help

Exit codes:
  0  no errors
  1  policy errors (including unknown models and wildcard routes: the linter fails closed)
  2  could not evaluate: bad flags, unreadable or invalid config or policy, missing registry
`;

export const DEFAULT_POLICY = resolve(PACKAGE_ROOT, 'content/policies/default.yaml');

export const command: Command = {
  summary: 'lint router configs (tiered or LiteLLM) against the license policy',
  async run(argv: string[], io: Io): Promise<number> {
    const parsed = parseCommandArgs('lint', HELP, argv, io, {
          policy: { type: 'string' },
          registry: { type: 'string', multiple: true },
          format: { type: 'string', default: 'text' },
          today: { type: 'string' },
          strict: { type: 'boolean', default: false },
          output: { type: 'string' },
          force: { type: 'boolean', default: false },
          'rules-url': { type: 'string' },
        }, true);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const loadFormat = Object.hasOwn(FORMAT_LOADERS, values.format) ? FORMAT_LOADERS[values.format] : undefined;
    if (!loadFormat) {
      io.stderr(`clearance lint: --format must be one of ${Object.keys(FORMAT_LOADERS).join(', ')}, not "${values.format}"\n`);
      return 2;
    }
    const today = checkToday(io, 'lint', values.today);
    if (today === undefined) return 2;
    if (positionals.length === 0) {
      io.stderr(`clearance lint: name at least one router config to lint\n\n${HELP}`);
      return 2;
    }
    const rulesUrl = values['rules-url'];
    if (rulesUrl !== undefined && !/^https?:\/\/[^\s/]+/i.test(rulesUrl)) {
      io.stderr(`clearance lint: --rules-url must be an absolute http(s) URL, not "${rulesUrl}"\n`);
      return 2;
    }
    const [registryOption, ...overlayOptions] = values.registry ?? [];
    const display = (path: string) => (isAbsolute(path) ? path : relative(io.cwd, resolve(io.cwd, path)) || path);
    if (!checkOutput(io, 'lint', 'output', values.output, [...positionals, values.policy, ...(values.registry ?? [])], values.force)) return 2;


    // Policy: invalid → exit 2 with located findings, in the chosen format.
    const policyPath = values.policy !== undefined ? resolve(io.cwd, values.policy) : DEFAULT_POLICY;
    const policyName = values.policy !== undefined ? display(values.policy) : 'default';
    const policyRead = await readInput(policyPath);
    if (!('text' in policyRead)) {
      io.stderr(`clearance lint: cannot read policy "${values.policy ?? policyPath}": ${policyRead.error}\n`);
      return 2;
    }
    const policyText = policyRead.text;
    // The shipped default policy is named relative to the working directory too: findings about it must not carry a machine's absolute path.
    const parsedPolicy = parsePolicy(values.policy !== undefined ? display(values.policy) : relative(io.cwd, policyPath) || policyPath, policyText, FAST_SHAPES);

    // Config files, each with a reader for its LiteLLM include: files (router-inputs.ts).
    const { inputs, unreadable } = readConfigs(positionals, io);

    // The registry last: inputs that cannot be read (a device, a FIFO, a huge file) are refused without it.
    const loadedRegistry = await loadCommandRegistry('lint', registryOption, io, today);
    if (typeof loadedRegistry === 'number') return loadedRegistry;
    let registry: Registry = loadedRegistry;
    // Overlays: the policy's registry: list (relative to the policy), then --registry flags after the first.
    const policyOverlays = (parsedPolicy.policy?.policy.registry ?? []).map((p) => resolve(dirname(policyPath), p));
    if (policyOverlays.length + overlayOptions.length > 0) {
      // Loaded only when asked for: validating overlays needs the registry validator, which a plain lint skips.
      const { layerOverlays } = await import('../overlays.ts');
      const layered = layerOverlays('lint', registry, [...policyOverlays, ...overlayOptions], io, today);
      if (layered === 2) return 2;
      registry = layered;
    }

    let findings: PolicyFinding[];
    let configs: ReturnType<typeof lintTexts>['configs'] = [];
    if (!parsedPolicy.policy) {
      findings = [...parsedPolicy.findings, ...unreadable];
    } else {
      const outcome = lintTexts(inputs, registry, parsedPolicy.policy as LoadedPolicy, today, { strict: values.strict, shapes: FAST_SHAPES });
      findings = [...unreadable, ...outcome.findings];
      configs = outcome.configs;
    }
    const exitCode = exitCodeFor(findings, values.strict);
    const report = parsedPolicy.policy?.policy.report;
    const site = process.env.CLEARANCE_SITE_URL;
    const rules = rulesUrl ?? report?.rules_url ?? (site ? `${site.replace(/\/$/, '')}/rules/` : undefined);
    const settings = {
      ...(rules !== undefined ? { rulesUrl: rules } : {}),
      ...(report?.sarif_notes !== undefined ? { sarifNotes: report.sarif_notes } : {}),
      ...(report?.full_report_url !== undefined ? { fullReportUrl: report.full_report_url } : {}),
    };
    const result = buildResult({ version: io.version, files: positionals.map(display), configs, findings, exitCode, policy: policyName, today, settings });
    const rendered = (await loadFormat())(result);
    if (values.output !== undefined) {
      try {
        writeFileSync(resolve(io.cwd, values.output), rendered);
      } catch (error) {
        io.stderr(`clearance lint: cannot write "${values.output}": ${(error as Error).message}\n`);
        return 2;
      }
    } else {
      io.stdout(rendered);
    }
    return exitCode;
  },
};
