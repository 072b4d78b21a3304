/**
 * `clearance init`: writes a commented policy for an organisation from flags — the facts license clauses
 * turn on (domicile, MAU, MAU on dated measurements, annual revenue, training on outputs), the sovereign tier requirement —
 * so a first lint says what matters instead of warning that nothing is set. The policy is checked against
 * the policy schema before it is written.
 */
import { writeFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { parsePolicy } from '../../policy/engine.ts';
import { FAST_SHAPES } from '../../policy/fast-shapes.node.ts';
import { parseCommandArgs } from '../args.ts';
import type { Io } from '../io.ts';
import { checkOutput } from '../output.ts';
import { PACKAGE_ROOT } from '../registry.ts';
import type { Command } from './index.ts';

const HELP = `Usage: clearance init [--name NAME] [--domicile CC] [--mau N] [--mau-on DATE=N]… [--revenue USD] [--trains-on-outputs true|false]
                      [--sovereign-tag TAG]… [--rules-url URL] [--output FILE] [--force]

Writes a commented license policy for your organisation, ready for "clearance lint --policy FILE".
Facts you do not give stay commented out, and the linter reports the checks they leave undecided.

Options:
  --name NAME               organisation name
  --domicile CC             where it is domiciled (principal place of business), ISO 3166-1 alpha-2, e.g. DE
  --mau N                   monthly active users of the products that use the models, today
  --mau-on DATE=N           monthly active users on a date (repeatable), for licenses that measure the cap
                            once, on their release date (Llama 2, 3.x, 4), e.g. --mau-on 2024-12-06=120000000
  --revenue USD             annual revenue of the whole organisation with its affiliates, in US dollars, for
                            licenses that end above a revenue (Stability AI Community: USD 1M)
  --trains-on-outputs B     whether you train or improve models on model outputs (true or false)
  --sovereign-tag TAG       tier tag whose routes must stay with EU-controlled providers or self-hosting in
                            the EU (repeatable; default: sovereign)
  --rules-url URL           where your copy of the Clearance site's rule pages is hosted (SARIF links)
  --output FILE             where to write the policy (default: clearance-policy.yaml)
  --force                   overwrite FILE if it exists
  -h, --help                show this help
`;

export const command: Command = {
  summary: 'write a commented license policy for your organisation from flags',
  async run(argv: string[], io: Io): Promise<number> {
    const parsed = parseCommandArgs('init', HELP, argv, io, {
      name: { type: 'string' },
      domicile: { type: 'string' },
      mau: { type: 'string' },
      'mau-on': { type: 'string', multiple: true },
      revenue: { type: 'string' },
      'trains-on-outputs': { type: 'string' },
      'sovereign-tag': { type: 'string', multiple: true },
      'rules-url': { type: 'string' },
      output: { type: 'string', default: 'clearance-policy.yaml' },
      force: { type: 'boolean', default: false },
    });
    if (typeof parsed === 'number') return parsed;
    const v = parsed.values;
    const fail = (message: string) => {
      io.stderr(`clearance init: ${message}\n`);
      return 2;
    };
    if (v.domicile !== undefined && !/^[A-Z]{2}$/.test(v.domicile)) return fail(`--domicile is an ISO 3166-1 alpha-2 code in capitals, e.g. DE, not "${v.domicile}"`);
    if (v.mau !== undefined && !/^\d+$/.test(v.mau)) return fail(`--mau is a whole number of users, not "${v.mau}"`);
    if (v.revenue !== undefined && !/^\d+$/.test(v.revenue)) return fail(`--revenue is a whole number of US dollars, not "${v.revenue}"`);
    const dated: [string, string][] = [];
    for (const entry of v['mau-on'] ?? []) {
      const m = /^(\d{4}-\d{2}-\d{2})=(\d+)$/.exec(entry);
      if (!m) return fail(`--mau-on is DATE=USERS, e.g. 2024-12-06=120000000, not "${entry}"`);
      dated.push([m[1]!, m[2]!]);
    }
    const trains = v['trains-on-outputs'];
    if (trains !== undefined && trains !== 'true' && trains !== 'false') return fail(`--trains-on-outputs is true or false, not "${trains}"`);
    const tags = v['sovereign-tag'] ?? ['sovereign'];
    for (const tag of tags) if (!/^[a-z0-9][a-z0-9-]*$/.test(tag)) return fail(`--sovereign-tag is a lower-case word with dashes, not "${tag}"`);
    if (v['rules-url'] !== undefined && !/^https?:\/\/[^\s/]+/i.test(v['rules-url'])) return fail(`--rules-url must be an absolute http(s) URL, not "${v['rules-url']}"`);

    const out = resolve(io.cwd, v.output);
    const shown = isAbsolute(v.output) ? v.output : relative(io.cwd, out) || v.output;
    // The same guard as every --output: never an input, never inside content/, an existing file only with --force.
    if (!checkOutput(io, 'init', 'output', v.output, [], v.force)) return 2;
    const schema = relative(dirname(out), resolve(PACKAGE_ROOT, 'schemas/policy.schema.json')).split('\\').join('/');
    const text = policyText({ name: v.name, domicile: v.domicile, mau: v.mau, dated, revenue: v.revenue, trains, tags, rulesUrl: v['rules-url'], schema });
    // Never write a policy the linter would refuse.
    const check = parsePolicy(shown, text, FAST_SHAPES);
    if (!check.policy) return fail(`internal error: the written policy does not validate: ${check.findings.map((f) => `${f.line}:${f.column} ${f.message}`).join('; ')}`);
    try {
      writeFileSync(out, text);
    } catch (error) {
      return fail(`cannot write "${shown}": ${(error as Error).message}`);
    }
    const unset = [v.domicile === undefined && 'domicile', v.mau === undefined && dated.length === 0 && 'monthly_active_users', v.revenue === undefined && 'annual_revenue_usd', trains === undefined && 'trains_on_outputs'].filter(Boolean);
    io.stdout(`wrote ${shown}${unset.length > 0 ? ` (not set: organization.${unset.join(', organization.')}; the linter will list the checks they leave undecided)` : ''}\nnext: clearance lint <router config> --policy ${shown}\n`);
    return 0;
  },
};

interface InitAnswers {
  name?: string;
  domicile?: string;
  mau?: string;
  dated: [string, string][];
  revenue?: string;
  trains?: string;
  tags: string[];
  rulesUrl?: string;
  /** Path of schemas/policy.schema.json relative to the written file, for editors. */
  schema: string;
}

/** YAML string scalar, double-quoted with JSON escapes (valid YAML 1.2). */
function quote(s: string): string {
  return JSON.stringify(s);
}

export function policyText(a: InitAnswers): string {
  const org = a.name ?? 'our organisation';
  const line = (set: boolean, text: string) => `${set ? '  ' : '  # '}${text}`;
  const lines = [
    `# yaml-language-server: $schema=${a.schema}`,
    `# License policy for ${org}, written by "clearance init". Every key: docs/linter.md and schemas/policy.schema.json.`,
    '# Lint with: clearance lint <router config> --policy <this file>',
    `name: ${quote(`${org} license policy`)}`,
    '',
    '# Facts about the organisation that license clauses turn on. A fact left out is reported once per run,',
    '# with the checks it leaves undecided and the routes they affect.',
    // With every fact commented out the key would be null; an empty mapping is what "nothing set yet" means.
    a.name === undefined && a.domicile === undefined && a.mau === undefined && a.dated.length === 0 && a.revenue === undefined && a.trains === undefined ? 'organization: {}' : 'organization:',
    line(a.name !== undefined, `name: ${quote(a.name ?? 'Example GmbH')}`),
    line(a.domicile !== undefined, `domicile: ${a.domicile ?? 'DE'}                # principal place of business (Llama 4's EU clause turns on it)`),
    line(a.mau !== undefined, `monthly_active_users: ${a.mau ?? '2500000'}   # today's figure: caps measured continuously (Qwen's 100M)`),
    ...(a.dated.length > 0
      ? ['  monthly_active_users_on:             # figures on dates: caps measured once, on a release date (Llama)', ...a.dated.map(([d, n]) => `    ${d}: ${n}`)]
      : ['  # monthly_active_users_on:           # figures on dates: caps measured once, on a release date (Llama)', '  #   2024-12-06: 1200000']),
    line(a.revenue !== undefined, `annual_revenue_usd: ${a.revenue ?? '40000000'}  # consolidated, with affiliates: licenses that end above a revenue (Stability AI: USD 1M)`),
    line(a.trains !== undefined, `trains_on_outputs: ${a.trains ?? 'false'}      # whether you train or improve models on outputs (API terms restrict it)`),
    '',
    '# Warn when monthly active users reach this fraction of a license cap.',
    'mau_warning_ratio: 0.8',
    '',
    '# Facts behind a decision that were reviewed longer ago than this are flagged.',
    'staleness:',
    '  max_age_days: 365',
    '',
    '# Per-rule severities: error | warning | info | off. Unknown models, wildcards and expired waivers always fail.',
    'severity:',
    '  license/obligations: info',
    '',
    '# Tiers with these tags must stay with an EU-controlled provider, or be self-hosted, inside the EU.',
    'tier_requirements:',
    ...a.tags.flatMap((tag) => [`  - tag: ${tag}`, '    hosting: [eu-controlled-provider, self-hosted]', '    regions: [EU]', '    reason: Sovereign tiers carry data that must stay with an EU-controlled operator inside the EU.']),
    '',
    '# Procurement deny lists, e.g. no vendors seated in a country for regulated tiers:',
    '# deny:',
    '#   - vendor_countries: [CN]',
    '#     tier_tags: [regulated]',
    '#     reason: Regulated customers\u2019 contracts exclude these vendors.',
    'deny: []',
    '',
    '# How legal reads Llama 4\u2019s EU exclusion when the model is reached through a third party\u2019s hosted API',
    '# (true: exempt end use; false: an error). Unset, such routes are a warning that quotes both clauses.',
    '# geo_exclusions:',
    '#   hosted_api_is_end_use: false',
    '#   reason: Legal memo LM-2026-031.',
    '#   approved_by: legal@example.com',
    '',
    '# Your served names and deployments, mapped to the registry model behind them:',
    '# models:',
    '#   openai/base-mind:',
    '#     model: alibaba/qwen2.5-72b-instruct',
    '#     approved_by: platform@example.com',
    '',
    ...(a.rulesUrl !== undefined ? ['report:', `  rules_url: ${quote(a.rulesUrl)}`, ''] : ['# report:', '#   rules_url: https://clearance.example.com/rules/   # where your copy of the rule pages is hosted', '']),
    '# Accepted findings, each with a reason, an approver and an expiry date:',
    '# waivers:',
    '#   - rule: license/mau-cap',
    '#     model: alibaba/qwen2.5-72b-instruct',
    '#     reason: Commercial license negotiated with the vendor, contract 2026-114.',
    '#     approved_by: procurement@example.com',
    '#     expires: 2027-06-30',
    'waivers: []',
    '',
  ];
  return lines.join('\n');
}
