/** `clearance notice`: the NOTICE text the routes' licenses require for what the organisation does. */
import { isFatalCode, lintTexts } from '../../policy/engine.ts';
import { FAST_SHAPES } from '../../policy/fast-shapes.node.ts';
import { noticeFor } from '../../policy/notice.ts';
import { noticeMarkdown, noticeText } from '../../report/notice.ts';
import { checkToday, parseCommandArgs } from '../args.ts';
import type { Io } from '../io.ts';
import { writeOutputs } from '../output.ts';
import { loadCommandRegistry } from '../registry.ts';
import { displayPath, printFindings, readConfigs, readPolicy } from '../router-inputs.ts';
import type { Command } from './index.ts';

const FORMATS = { markdown: noticeMarkdown, text: noticeText } as const;

const HELP = `Usage: clearance notice <config…> [--policy FILE] [--registry PATH] [--format markdown|text] [--today YYYY-MM-DD] [--output FILE] [--force]

Writes the notices and duties the routes' licenses require, grouped by license, each cited to its clause:
"Built with Llama", the license copies and links to ship, Gemma's and Qwen's notice files, attribution
strings, acceptable-use flow-down. What applies follows how each route reaches its model (self-hosted
weights, a hosted provider, the vendor's API) and what the policy says the organisation does
(organization.distributes, organization.trains_on_outputs). Duties that depend on something the policy does
not settle are listed as conditional; whether a product built on a hosted model "contains" it is left to legal.

Options:
  --policy FILE     policy YAML (default: the shipped content/policies/default.yaml)
  --registry PATH   content directory or registry bundle JSON
  --format FORMAT   markdown (default) or text
  --today DATE      date printed in the header (default: today)
  --output FILE     write to FILE instead of standard output
  --force           overwrite an existing output file (inputs and content/ are never overwritten)
  -h, --help        show this help

Exit codes:
  0  notice written
  1  some routes name models the registry does not know: their duties are missing (listed in the notice)
  2  could not run: bad flags, unreadable or invalid config or policy, missing registry, output refused
`;

export const command: Command = {
  summary: 'write the NOTICE text and duties the routes’ licenses require (markdown or text)',
  async run(argv: string[], io: Io): Promise<number> {
    const parsed = parseCommandArgs('notice', HELP, argv, io, {
      policy: { type: 'string' },
      registry: { type: 'string' },
      format: { type: 'string', default: 'markdown' },
      today: { type: 'string' },
      output: { type: 'string' },
      force: { type: 'boolean', default: false },
    }, true);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const render = Object.hasOwn(FORMATS, values.format) ? FORMATS[values.format as keyof typeof FORMATS] : undefined;
    if (!render) {
      io.stderr(`clearance notice: --format must be markdown or text, not "${values.format}"\n`);
      return 2;
    }
    if (positionals.length === 0) {
      io.stderr(`clearance notice: name at least one router config\n\n${HELP}`);
      return 2;
    }
    const today = checkToday(io, 'notice', values.today);
    if (today === undefined) return 2;
    const registry = await loadCommandRegistry('notice', values.registry, io, today);
    if (typeof registry === 'number') return registry;
    const policy = readPolicy('notice', values.policy, io);
    if (!policy) return 2;
    if (!policy.policy) {
      printFindings(io, policy.findings);
      return 2;
    }
    const { inputs, unreadable } = readConfigs(positionals, io);
    const outcome = lintTexts(inputs, registry, policy.policy, today, { shapes: FAST_SHAPES });
    if (unreadable.length > 0 || outcome.exitCode === 2) {
      printFindings(io, [...unreadable, ...outcome.findings.filter((f) => f.severity === 'error' && isFatalCode(f.code))]);
      return 2;
    }
    const notice = noticeFor(outcome.configs, registry, policy.policy.policy);
    const text = render(notice, { version: io.version, date: today, policy: policy.name, files: positionals.map((p) => displayPath(io, p)) });
    const guard = { inputs: [...positionals, ...(values.policy !== undefined ? [values.policy] : []), ...(values.registry !== undefined ? [values.registry] : [])], force: values.force };
    if (values.output !== undefined) {
      if (!writeOutputs('notice', io, { [values.output]: text }, guard)) return 2;
    } else io.stdout(text);
    return notice.unresolved.length > 0 ? 1 : 0;
  },
};
