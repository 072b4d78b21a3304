/** `clearance import hf <dir>`: drafts a model entry from a downloaded Hugging Face repo (src/registry/import-hf.ts). */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { readTextBounded } from '../../registry/read.node.ts';
import { basename, dirname, join, resolve } from 'node:path';
import { stringify } from 'yaml';
import { createResolver } from '../../policy/resolve.ts';
import { draftFromHf, type HfRepoFiles, type ImportDraft } from '../../registry/import-hf.ts';
import { checkToday, parseCommandArgs } from '../args.ts';
import type { Io } from '../io.ts';
import { loadCommandRegistry } from '../registry.ts';
import type { Command } from './index.ts';

const HELP = `Usage: clearance import hf <dir> [--repo ORG/NAME] [--revision SHA] [--write] [--format yaml|json]

Drafts content/models/<vendor>/<model>.yaml from a downloaded Hugging Face repo: the model card's front
matter (license, license_name, license_link, base_model, base_model_relation, pipeline_tag, gating) and
config.json (the architecture GPU sizing needs; model.safetensors.index.json for the parameter count).
Every drafted field is cited to the file and key it came from, with a status no higher than that file
supports. A license is only ever a reference to a registry license that exists; the draft lists what
is missing and why, and whether it validates against the model schema.

<dir> is a local clone, a "huggingface-cli download --local-dir" folder, or a Hugging Face cache snapshot
(models--ORG--NAME/snapshots/SHA, which also gives --repo and --revision).

Options:
  --repo ORG/NAME   the repo id (required unless <dir> is a cache snapshot)
  --revision SHA    the commit the files are from
  --write           write the model and its source entries under --registry (never overwrites)
  --format FORMAT   yaml (default: the draft entry with a report as comments) or json
  --registry PATH   content directory or registry bundle JSON (default: content)
  --today DATE      the reviewed/retrieved date (default: today)
  -h, --help        show this help

Exit codes:
  0  the draft validates against the model schema
  1  drafted, but fields are missing or the draft does not validate yet (listed)
  2  could not run: bad flags, no such directory, no README.md or config.json, unreadable files
`;

export const command: Command = {
  summary: 'draft a model entry from a downloaded Hugging Face repo (README front matter, config.json)',
  async run(argv: string[], io: Io): Promise<number> {
    const parsed = parseCommandArgs('import', HELP, argv, io, {
      repo: { type: 'string' },
      revision: { type: 'string' },
      write: { type: 'boolean', default: false },
      format: { type: 'string', default: 'yaml' },
      registry: { type: 'string' },
      today: { type: 'string' },
    }, true);
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const [kind, dirArg, extra] = positionals;
    if (kind !== 'hf' || dirArg === undefined || extra !== undefined) {
      io.stderr(`clearance import: expected "import hf <dir>"${kind !== undefined && kind !== 'hf' ? `, not "${kind}" (only Hugging Face repos can be imported)` : ''}\n\n${HELP}`);
      return 2;
    }
    if (values.format !== 'yaml' && values.format !== 'json') {
      io.stderr(`clearance import: --format must be yaml or json, not "${values.format}"\n`);
      return 2;
    }
    const today = checkToday(io, 'import', values.today);
    if (today === undefined) return 2;
    const dir = resolve(io.cwd, dirArg);
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      io.stderr(`clearance import: ${dirArg}: no such directory\n`);
      return 2;
    }
    const snapshot = /models--([^/\\]+?)--([^/\\]+)[/\\]snapshots[/\\]([0-9a-f]{40})[/\\]?$/.exec(dir);
    const repo = values.repo ?? (snapshot ? `${snapshot[1]}/${snapshot[2]}` : undefined);
    if (repo === undefined || !/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) {
      io.stderr(`clearance import: ${repo === undefined ? `cannot tell which repo ${dirArg} is` : `--repo "${repo}" is not a repo id`}: pass --repo ORG/NAME (e.g. --repo meta-llama/Llama-3.3-70B-Instruct)\n`);
      return 2;
    }
    // Bounded reads: a model card or config is small; a device, FIFO or huge file is refused, not read.
    const refused: string[] = [];
    const read = (file: string) => {
      if (!existsSync(join(dir, file))) return undefined;
      const got = readTextBounded(join(dir, file));
      if ('text' in got) return got.text;
      refused.push(`${file}: ${got.message}`);
      return undefined;
    };
    const files: HfRepoFiles = { repo, readme: read('README.md'), config: read('config.json'), safetensorsIndex: read('model.safetensors.index.json') };
    const licenseFile = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'LICENCE'].find((f) => existsSync(join(dir, f)));
    if (licenseFile !== undefined) files.licenseFile = licenseFile;
    const revision = values.revision ?? snapshot?.[3];
    if (revision !== undefined) files.revision = revision;
    if (refused.length > 0) {
      io.stderr(`clearance import: cannot read ${refused.join('; ')}\n`);
      return 2;
    }
    if (files.readme === undefined && files.config === undefined) {
      io.stderr(`clearance import: ${dirArg} has neither README.md nor config.json: nothing to draft from\n`);
      return 2;
    }

    const registry = await loadCommandRegistry('import', values.registry, io, today, { allowEmpty: true });
    if (registry === 2) return 2;
    const resolver = createResolver(registry);
    const vendorsByOrg = new Map<string, Set<string>>();
    for (const m of Object.values(registry.models)) {
      if (!m.weights) continue;
      const org = m.weights.repo.slice(0, m.weights.repo.indexOf('/')).toLowerCase();
      vendorsByOrg.set(org, (vendorsByOrg.get(org) ?? new Set()).add(m.vendor));
    }
    const draft = draftFromHf(files, {
      today,
      licenses: new Set(Object.keys(registry.licenses)),
      vendorOfOrg: (org) => {
        const v = vendorsByOrg.get(org.toLowerCase());
        return v && v.size === 1 ? [...v][0] : undefined;
      },
      resolveBase: (base) => {
        const r = resolver.resolveModel(base);
        return r.kind === 'model' ? r.id : undefined;
      },
      readRepo: (id) => {
        // As a self-hosted server would name it: the resolver's re-upload rule, not an alias of this very repo.
        const r = resolver.resolveModel(`hosted_vllm/${id}`, 'hosted_vllm');
        return r.kind === 'model' && r.spelling?.derivative ? { id: r.id, note: r.spelling.note } : undefined;
      },
    });
    if (draft.errors.length > 0) {
      for (const e of draft.errors) io.stderr(`clearance import: ${dirArg}: ${e}\n`);
      return 2;
    }

    const complete = draft.missing.length === 0 && draft.problems.length === 0;
    if (values.write) {
      const root = resolve(io.cwd, values.registry ?? 'content');
      if (!existsSync(root) || !statSync(root).isDirectory()) {
        io.stderr(`clearance import: --write needs a content directory, and ${values.registry ?? 'content'} is not one\n`);
        return 2;
      }
      const targets = [[join(root, 'models', `${draft.modelId}.yaml`), modelYaml(draft, dirArg, today)] as const, ...Object.entries(draft.sources).map(([id, s]) => [join(root, 'sources', `${id}.yaml`), sourceYaml(s)] as const)];
      const taken = targets.filter(([path]) => existsSync(path));
      if (taken.length > 0) {
        io.stderr(`clearance import: not writing: ${taken.map(([p]) => p).join(', ')} already exist${taken.length === 1 ? 's' : ''}\n`);
        return 2;
      }
      for (const [path, text] of targets) {
        mkdirSync(dirname(path), { recursive: true });
        writeFileSync(path, text);
        io.stderr(`wrote ${path}\n`);
      }
    } else if (values.format === 'json') {
      io.stdout(`${JSON.stringify({ modelId: draft.modelId, model: draft.model, sources: draft.sources, fields: draft.fields, missing: draft.missing, problems: draft.problems, ...(draft.resolvedAs ? { resolvedAs: draft.resolvedAs } : {}), valid: complete }, null, 2)}\n`);
    } else {
      io.stdout(modelYaml(draft, dirArg, today));
      for (const [id, s] of Object.entries(draft.sources)) io.stdout(`\n# --- content/sources/${id}.yaml\n${sourceYaml(s)}`);
    }
    io.stderr(report(draft, basename(dir)));
    return complete ? 0 : 1;
  },
};

function modelYaml(draft: ImportDraft, from: string, today: string): string {
  const head = [
    '# yaml-language-server: $schema=../../../schemas/model.schema.json',
    `# Drafted by "clearance import hf ${from}" on ${today}: every value below is cited to the file and key it was read from.`,
    '# Check each against the card and the license text, raise statuses you have verified, and fill what is missing:',
    ...draft.missing.map((m) => `#   missing ${m.path}: ${m.why}`),
    ...draft.problems.map((p) => `#   schema: ${p}`),
  ];
  return `${head.join('\n')}\n${stringify(draft.model, { lineWidth: 0 })}`;
}

function sourceYaml(source: object): string {
  return `# yaml-language-server: $schema=../../schemas/source.schema.json\n${stringify(source, { lineWidth: 0 })}`;
}

function report(draft: ImportDraft, dir: string): string {
  const lines = [`\n${dir} → ${draft.modelId}: ${draft.fields.length} field${draft.fields.length === 1 ? '' : 's'} drafted`];
  for (const f of draft.fields) lines.push(`  ${f.path.padEnd(32)} ${f.status.padEnd(13)} ${f.from}${f.note ? ` (${f.note})` : ''}`);
  if (draft.missing.length > 0) lines.push(`${draft.missing.length} missing:`, ...draft.missing.map((m) => `  ${m.path.padEnd(32)} ${m.why}`));
  if (draft.problems.length > 0) lines.push('does not validate yet:', ...draft.problems.map((p) => `  ${p}`));
  else if (draft.missing.length === 0) lines.push('validates against the model schema; run "clearance validate" after writing it');
  if (draft.resolvedAs) lines.push(`note: ${draft.resolvedAs}`);
  return `${lines.join('\n')}\n`;
}
