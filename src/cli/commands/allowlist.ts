/** `clearance allowlist`: compiles a policy and router configs (or the whole registry) into what a gateway enforces. */
import { join } from 'node:path';
import { allowlistDocument, judgeRoutes, registryAsConfig, type RouteVerdict } from '../../policy/allowlist.ts';
import { isFatalCode, lintTexts, MAX_CONFIG_BYTES, type ParsedConfig } from '../../policy/engine.ts';
import { FAST_SHAPES } from '../../policy/fast-shapes.node.ts';
import { parseYamlSource } from '../../registry/yaml-source.ts';
import { litellmAllowlist } from '../../report/allowlist-litellm.ts';
import { opaBundle } from '../../report/allowlist-opa.ts';
import { checkToday, parseCommandArgs } from '../args.ts';
import type { Io } from '../io.ts';
import { writeOutputs } from '../output.ts';
import { loadCommandRegistry } from '../registry.ts';
import { printFindings, readConfigs, readPolicy } from '../router-inputs.ts';
import type { Command } from './index.ts';

const FORMATS = ['litellm', 'opa', 'json'] as const;

const HELP = `Usage: clearance allowlist <config…> --format litellm|opa|json [--policy FILE] [--registry PATH] [--today YYYY-MM-DD] [--strict] [--output FILE | --out DIR] [--force]
       clearance allowlist --all --format opa|json [--policy FILE] [--registry PATH] [--today YYYY-MM-DD] [--output FILE | --out DIR] [--force]

Compiles the policy and router configs into an allow list a gateway enforces, denying everything else. Each
route is judged exactly as \`clearance lint\` judges it: the routes lint passes are allowed, the rest removed.
A route that passes only because of a waiver is allowed until the waiver expires. Output is deterministic, so
it can be committed and diffed.

Formats:
  litellm   the LiteLLM config reduced to the routes that pass, with fallbacks and aliases rewritten so no path
            leads outside them, and new virtual keys limited to the approved access group (one config)
  opa       an Open Policy Agent bundle: data.json, clearance.rego (deny by default) and clearance_test.rego
            (needs --out DIR)
  json      the allow set for any other gateway (schemas/allowlist.schema.json)

Options:
  --all             judge every model of the registry on each of its provider routes, and self-hosted when it
                    has open weights, instead of a config (opa and json)
  --policy FILE     policy YAML (default: the shipped content/policies/default.yaml)
  --registry PATH   content directory or registry bundle JSON
  --today DATE      date for waiver expiry and lifecycle (default: today)
  --strict          warnings remove a route too
  --output FILE     write litellm or json output to FILE instead of standard output
  --out DIR         write the opa bundle's files into DIR
  --force           overwrite existing output files (inputs and content/ are never overwritten)
  -h, --help        show this help

Exit codes:
  0  allow list written (removed routes are listed in it and on standard error)
  2  could not compile: bad flags, unreadable or invalid config or policy, missing registry, output refused
`;

export const command: Command = {
  summary: 'compile the policy and router configs into a gateway allow list (LiteLLM, OPA, JSON)',
  async run(argv: string[], io: Io): Promise<number> {
    const parsed = parseCommandArgs('allowlist', HELP, argv, io, {
      format: { type: 'string' },
      all: { type: 'boolean', default: false },
      policy: { type: 'string' },
      registry: { type: 'string' },
      today: { type: 'string' },
      strict: { type: 'boolean', default: false },
      output: { type: 'string' },
      out: { type: 'string' },
      force: { type: 'boolean', default: false },
    }, true);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const fail = (message: string) => {
      io.stderr(`clearance allowlist: ${message}\n`);
      return 2;
    };
    const format = values.format;
    if (format === undefined || !(FORMATS as readonly string[]).includes(format)) return fail(`--format must be one of ${FORMATS.join(', ')}${format === undefined ? '' : `, not "${format}"`}`);
    if (values.all && positionals.length > 0) return fail('give either router configs or --all, not both');
    if (!values.all && positionals.length === 0) return fail('name the router configs to compile, or pass --all for the whole registry');
    if (values.all && format === 'litellm') return fail('--format litellm rewrites a LiteLLM config; with --all use --format opa or json');
    if (format === 'litellm' && positionals.length !== 1) return fail('--format litellm rewrites one LiteLLM config at a time');
    if (format === 'opa' && values.out === undefined) return fail('--format opa writes a bundle of three files: give --out DIR');
    if (format !== 'opa' && values.out !== undefined) return fail('--out DIR is for --format opa; use --output FILE');
    if (values.output !== undefined && values.out !== undefined) return fail('give --output or --out, not both');
    const today = checkToday(io, 'allowlist', values.today);
    if (today === undefined) return 2;

    const registry = await loadCommandRegistry('allowlist', values.registry, io, today);
    if (typeof registry === 'number') return registry;
    const policy = readPolicy('allowlist', values.policy, io);
    if (!policy) return 2;
    if (!policy.policy) {
      printFindings(io, policy.findings);
      return 2;
    }

    let configs: ParsedConfig[];
    const { inputs, unreadable } = readConfigs(positionals, io);
    if (values.all) configs = [registryAsConfig(registry)];
    else {
      // The same reading lint does: a config lint cannot evaluate cannot be compiled either.
      const outcome = lintTexts(inputs, registry, policy.policy, today, { strict: values.strict, shapes: FAST_SHAPES });
      if (unreadable.length > 0 || outcome.exitCode === 2) {
        printFindings(io, [...unreadable, ...outcome.findings.filter((f) => f.severity === 'error' && isFatalCode(f.code))]);
        return 2;
      }
      configs = outcome.configs;
    }
    const verdicts = judgeRoutes(configs, registry, policy.policy, today, { strict: values.strict });
    const guard = { inputs: [...positionals, ...(values.policy !== undefined ? [values.policy] : []), ...(values.registry !== undefined ? [values.registry] : [])], force: values.force };

    let files: Record<string, string>;
    let stdout: string | undefined;
    if (format === 'litellm') {
      const config = configs[0]!;
      if (config.format !== 'litellm') return fail(`${config.file} is a Clearance tiered config; --format litellm needs a LiteLLM proxy config (model_list:). Use --format json or opa`);
      const foreign = verdicts.find((v) => v.route.file !== config.file);
      if (foreign) return fail(`${foreign.route.file} is included by ${config.file}; --format litellm writes one file, so inline included routes first`);
      const source = parseYamlSource(config.file, inputs[0]!.text, { maxBytes: MAX_CONFIG_BYTES });
      const result = litellmAllowlist(source.data as Record<string, unknown>, verdicts, { version: io.version, policy: policy.name, date: today, file: config.file });
      stdout = result.text;
    } else {
      const doc = allowlistDocument(verdicts, { policy: policy.name, date: today, registry });
      stdout = format === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : undefined;
      files = format === 'opa' ? Object.fromEntries(Object.entries(opaBundle(doc)).map(([name, text]) => [join(values.out!, name), text])) : {};
    }
    if (stdout !== undefined) files = values.output !== undefined ? { [values.output]: stdout } : {};
    if (!writeOutputs('allowlist', io, files!, guard)) return 2;
    if (stdout !== undefined && values.output === undefined) io.stdout(stdout);
    summarise(io, verdicts);
    return 0;
  },
};

function summarise(io: Io, verdicts: readonly RouteVerdict[]): void {
  const removed = verdicts.filter((v) => !v.allowed);
  const expiring = verdicts.filter((v) => v.allowed && v.expires !== undefined);
  io.stderr(`clearance allowlist: ${verdicts.length - removed.length} of ${verdicts.length} routes allowed, ${removed.length} removed${expiring.length > 0 ? `, ${expiring.length} allowed until a waiver expires` : ''}\n`);
  for (const v of removed) io.stderr(`  removed  ${v.route.file}:${v.route.line}:${v.route.column}  ${v.route.tier}  ${v.route.spec}  (${[...new Set(v.blocking.map((f) => f.code))].join(', ')})\n`);
}
