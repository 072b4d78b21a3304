/**
 * The CLI against hostile input: prototype names in every flag, repeated flags, impossible dates, outputs that
 * would overwrite an input or the registry, inputs that never end (a device, a FIFO, a 20 GB sparse file),
 * bundles that fail the cross-file checks, and empty registries. Each ends with exit 2 (or 1 for validate's
 * findings) and a message, never a stack trace or a pass.
 */
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RESERVED_NAMES } from '../registry/ids.ts';
import { parseCommandArgs } from './args.ts';
import { REPO_ROOT, runCli } from './test-support/run-cli.ts';

const SIZE_REGISTRY = 'src/cli/__fixtures__/size-registry.json';
const LINT_REGISTRY = 'src/cli/__fixtures__/lint-registry.json';
const CONFIG = 'src/cli/__fixtures__/lint-unknown-model/config.yaml';
const PROTO = [...RESERVED_NAMES];
const work = mkdtempSync(join(tmpdir(), 'clearance-harden-'));

describe('prototype names in flags', () => {
  it('card --model constructor, size --gpu __proto__ and --engine toString are refused with a message', async () => {
    const card = await runCli(['card', '--model', 'constructor', '--out', join(work, 'c.png'), '--registry', SIZE_REGISTRY]);
    expect([card.code, card.stderr]).toEqual([2, 'clearance card: unknown model "constructor"\n']);
    const gpu = await runCli(['size', '--model', 'meta/llama-3.1-70b-instruct', '--gpu', '__proto__', '--registry', SIZE_REGISTRY]);
    expect(gpu.code).toBe(2);
    expect(gpu.stderr).toMatch(/^clearance size: GPU "__proto__" is not in the catalog/);
    const engine = await runCli(['size', '--model', 'meta/llama-3.1-70b-instruct', '--gpu', 'h100-sxm', '--engine', 'toString', '--registry', SIZE_REGISTRY]);
    expect([engine.code, engine.stderr]).toEqual([2, 'clearance size: --engine must be sglang, vllm, trtllm, not "toString"\n']);
  });

  it('property: any prototype name in any id-taking flag exits 2 with a message, never an internal error', async () => {
    const flags: ((p: string) => string[])[] = [
      (p) => ['card', '--model', p, '--out', join(work, 'p.svg'), '--registry', SIZE_REGISTRY],
      (p) => ['card', p, '--out', join(work, 'p.svg'), '--registry', SIZE_REGISTRY],
      (p) => ['card', '--model', 'meta/llama-3.1-70b-instruct', '--size', p, '--out', join(work, 'p.svg'), '--registry', SIZE_REGISTRY],
      (p) => ['size', '--model', p, '--gpu', 'h100-sxm', '--registry', SIZE_REGISTRY],
      (p) => ['size', '--model', 'meta/llama-3.1-70b-instruct', '--gpu', p, '--registry', SIZE_REGISTRY],
      (p) => ['size', '--model', 'meta/llama-3.1-70b-instruct', '--gpu', 'h100-sxm', '--engine', p, '--registry', SIZE_REGISTRY],
      (p) => ['size', '--model', 'meta/llama-3.1-70b-instruct', '--gpu', 'h100-sxm', '--precision', p, '--registry', SIZE_REGISTRY],
      (p) => ['size', '--model', 'meta/llama-3.1-70b-instruct', '--gpu', 'h100-sxm', '--kv-precision', p, '--registry', SIZE_REGISTRY],
      (p) => ['size', '--model', 'meta/llama-3.1-70b-instruct', '--gpu', 'h100-sxm', '--frontier', p, '--registry', SIZE_REGISTRY],
      (p) => ['facts', '--subject', p, '--registry', SIZE_REGISTRY],
      (p) => ['facts', '--origin', p, '--registry', SIZE_REGISTRY],
      (p) => ['facts', '--format', p, '--registry', SIZE_REGISTRY],
      (p) => ['lint', CONFIG, '--format', p, '--registry', LINT_REGISTRY],
      (p) => ['validate', '--format', p],
      (p) => [p],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PROTO), fc.integer({ min: 0, max: flags.length - 1 }), async (name, f) => {
        const run = await runCli(flags[f]!(name));
        expect(run.code, flags[f]!(name).join(' ')).toBe(2);
        expect(run.stderr).not.toMatch(/internal error:|TypeError|\n\s+at /);
        expect(run.stderr.length).toBeGreaterThan(0);
      }),
      { numRuns: 120 },
    );
    expect(existsSync(join(work, 'p.svg'))).toBe(false);
  });
});

describe('flags', () => {
  it('refuses a flag given twice', async () => {
    const run = await runCli(['lint', CONFIG, '--format', 'json', '--format', 'text', '--registry', LINT_REGISTRY]);
    expect([run.code, run.stderr]).toEqual([2, 'clearance lint: --format is given twice; give it once (a repeated flag would silently keep only its last value)\n']);
    expect((await runCli(['validate', '--strict', '--strict'])).code).toBe(2);
  });

  it('lets a flag whose spec says multiple repeat, and refuses a value longer than any id or path', async () => {
    let stderr = '';
    const io = { stdout: () => {}, stderr: (t: string) => void (stderr += t), cwd: REPO_ROOT, version: '0', today: '2026-11-22' };
    const parsed = parseCommandArgs('x', 'help', ['--registry', 'a', '--registry', 'b'], io, { registry: { type: 'string', multiple: true } });
    expect(typeof parsed === 'number' ? parsed : parsed.values.registry).toEqual(['a', 'b']);
    expect(parseCommandArgs('x', 'help', ['--registry', 'a', '--registry', 'b'], io, { registry: { type: 'string' } })).toBe(2);
    const long = await runCli(['size', '--model', 'm'.repeat(5000), '--gpu', 'h100-sxm', '--registry', SIZE_REGISTRY]);
    expect([long.code, long.stderr]).toEqual([2, 'clearance size: the value of --model is 5000 characters long; the limit is 4096\n']);
    expect(stderr).toMatch(/--registry is given twice/);
  });

  it('refuses --today that is not a real calendar date', async () => {
    for (const today of ['2026-02-30', '2026-13-01', '2026-2-3', 'tomorrow']) {
      const run = await runCli(['lint', CONFIG, '--today', today, '--registry', LINT_REGISTRY]);
      expect([run.code, run.stderr], today).toEqual([2, `clearance lint: --today must be a real calendar date, YYYY-MM-DD, not "${today}"\n`]);
    }
    expect((await runCli(['validate', '--registry', 'src/registry/__fixtures__/ok', '--today', '2028-02-29'])).code).toBe(0);
  });
});

describe('--output and --out', () => {
  const config = join(work, 'router.yaml');
  writeFileSync(config, readFileSync(CONFIG, 'utf8'));
  const policy = join(work, 'policy.yaml');
  writeFileSync(policy, readFileSync('content/policies/default.yaml', 'utf8'));

  it('never overwrite an input: the config, the policy, the registry', async () => {
    for (const [output, extra] of [[config, []], [policy, ['--policy', policy]], [LINT_REGISTRY, []]] as const) {
      const before = readFileSync(output, 'utf8');
      const run = await runCli(['lint', config, '--registry', LINT_REGISTRY, ...extra, '--output', output, '--force']);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/is one of this command.s inputs/);
      expect(readFileSync(output, 'utf8')).toBe(before);
    }
    const bom = await runCli(['bom', config, '--registry', LINT_REGISTRY, '--output', config, '--force']);
    expect([bom.code, readFileSync(config, 'utf8')]).toEqual([2, readFileSync(CONFIG, 'utf8')]);
  });

  it('refuse a path inside content/, even a new file', async () => {
    const run = await runCli(['lint', config, '--registry', LINT_REGISTRY, '--output', 'content/report.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/inside .*content/);
    expect(existsSync(join(REPO_ROOT, 'content/report.txt'))).toBe(false);
    const card = await runCli(['card', '--model', 'meta/llama-3.1-70b-instruct', '--registry', SIZE_REGISTRY, '--out', 'content/models/x.svg']);
    expect(card.code).toBe(2);
  });

  it('overwrite another existing file only with --force', async () => {
    const report = join(work, 'report.txt');
    writeFileSync(report, 'keep me');
    const refused = await runCli(['lint', config, '--registry', LINT_REGISTRY, '--output', report]);
    expect([refused.code, readFileSync(report, 'utf8')]).toEqual([2, 'keep me']);
    expect(refused.stderr).toMatch(/exists; pass --force/);
    const forced = await runCli(['lint', config, '--registry', LINT_REGISTRY, '--output', report, '--force']);
    expect(forced.code).toBe(1);
    expect(readFileSync(report, 'utf8')).toMatch(/registry\/unknown-model/);
    expect((await runCli(['lint', config, '--registry', LINT_REGISTRY, '--force'])).code).toBe(2);
  });
});

describe('inputs that never end', () => {
  it('refuses /dev/zero, a FIFO and a 20 GB sparse file with exit 2, without reading them', async () => {
    const fifo = join(work, 'config.fifo');
    execFileSync('mkfifo', [fifo]);
    const sparse = join(work, 'huge.yaml');
    const fd = openSync(sparse, 'w');
    ftruncateSync(fd, 20 * 1024 ** 3);
    closeSync(fd);
    const cases = [
      ['/dev/zero', 'config/unreadable', /not a regular file \(a character device\)/],
      [fifo, 'config/unreadable', /not a regular file \(a FIFO\)/],
      [sparse, 'yaml/too-large', /21474836480 bytes; the limit is 2000000/],
    ] as const;
    for (const [path, code, message] of cases) {
      const run = await runCli(['lint', path, '--registry', LINT_REGISTRY, '--format', 'json']);
      expect(run.code, path).toBe(2);
      const [finding] = JSON.parse(run.stdout).findings;
      expect(finding).toMatchObject({ code, line: 1, column: 1 });
      expect(finding.message).toMatch(message);
    }
    for (const path of [fifo, sparse]) {
      expect((await runCli(['lint', CONFIG, '--registry', LINT_REGISTRY, '--policy', path])).code).toBe(2);
      expect((await runCli(['size', path, '--registry', SIZE_REGISTRY])).code).toBe(2);
      expect((await runCli(['bom', path, '--registry', LINT_REGISTRY])).code).toBe(2);
      expect((await runCli(['lint', CONFIG, '--registry', path])).code).toBe(2);
    }
    // A registry file that never ends is a located error of its own file.
    const content = join(work, 'content');
    mkdirSync(join(content, 'sources'), { recursive: true });
    execFileSync('mkfifo', [join(content, 'sources', 'pipe.yaml')]);
    const fdc = openSync(join(content, 'sources', 'big.yaml'), 'w');
    ftruncateSync(fdc, 20 * 1024 ** 3);
    closeSync(fdc);
    const validate = await runCli(['validate', '--registry', content, '--format', 'json']);
    expect(validate.code).toBe(1);
    expect(JSON.parse(validate.stdout).findings.map((f: { code: string; file: string }) => `${f.code} ${f.file.split('/').pop()}`)).toEqual(['registry/empty content', 'yaml/too-large big.yaml', 'registry/unreadable pipe.yaml']);
  });
});

describe('bundles and empty registries', () => {
  const bundle = JSON.parse(readFileSync(LINT_REGISTRY, 'utf8'));
  const [firstModel] = Object.keys(bundle.registry.models);
  bundle.registry.models[firstModel!].license = 'no-such-license';
  const broken = join(work, 'broken-bundle.json');
  writeFileSync(broken, JSON.stringify(bundle, null, 1));

  it('validate --registry bundle.json runs the cross-file checks, located in the bundle', async () => {
    const run = await runCli(['validate', '--registry', broken, '--format', 'json']);
    expect(run.code).toBe(1);
    const [f] = JSON.parse(run.stdout).findings.filter((x: { severity: string }) => x.severity === 'error');
    expect(f).toMatchObject({ code: 'registry/dangling-reference', path: `registry.models.${firstModel}.license` });
    expect(f.line).toBe(readFileSync(broken, 'utf8').split('\n').findIndex((l) => l.includes('"no-such-license"')) + 1);
  });

  it('lint --registry bundle.json refuses a bundle that fails them', async () => {
    const run = await runCli(['lint', CONFIG, '--registry', broken]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/cannot use the registry at .*broken-bundle\.json:\n {2}.*broken-bundle\.json:\d+:\d+ {2}error {2}registry\/dangling-reference/);
  });

  it('an empty registry is an error, not "0 models, exit 0"', async () => {
    const empty = join(work, 'empty');
    mkdirSync(empty, { recursive: true });
    const validate = await runCli(['validate', '--registry', empty]);
    expect(validate.code).toBe(1);
    expect(validate.stdout).toMatch(/registry\/empty/);
    for (const argv of [['lint', CONFIG], ['facts'], ['size', '--model', 'x/y', '--gpu', 'h100-sxm']]) {
      const run = await runCli([...argv, '--registry', empty]);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/registry\/empty/);
    }
  });
});
