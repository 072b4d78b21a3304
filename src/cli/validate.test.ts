import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from './test-support/run-cli.ts';

const BROKEN = 'src/cli/__fixtures__/validate-broken/content';
const OK = 'src/registry/__fixtures__/ok';

describe('clearance validate', () => {
  it('exits 0 on a clean registry and prints entity counts', async () => {
    const run = await runCli(['validate', '--registry', OK]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('1 models, 1 licenses, 1 vendors, 0 providers, 0 gpus, 2 sources, 0 facts\n0 findings: 0 errors, 0 warnings, 0 infos\n');
  });

  it('gives each broken fixture its own located finding and exits 1 (golden text)', async () => {
    const run = await runCli(['validate', '--registry', BROKEN]);
    expect(run.code).toBe(1);
    await expect(run.stdout).toMatchFileSnapshot('./__fixtures__/validate-broken/expected.txt');
    const located = run.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ {2}/.test(l)).map((l) => l.split('  ').slice(0, 3).join(' '));
    expect(located).toEqual([
      `${BROKEN}/models/acme/alias-twice.yaml:14:5 error registry/duplicate-alias`,
      `${BROKEN}/models/acme/dangling-license.yaml:8:1 error registry/dangling-reference`,
      `${BROKEN}/models/acme/syntax-error.yaml:5:1 error yaml/syntax`,
      `${BROKEN}/models/acme/uncited.yaml:15:1 error registry/uncited-claim`,
      `${BROKEN}/models/acme/unknown-key.yaml:16:1 error registry/unknown-key`,
      `${BROKEN}/vendors/dup-key.yaml:6:1 error yaml/duplicate-key`,
    ]);
  });

  it('prints the same findings as JSON with a summary (golden JSON)', async () => {
    const run = await runCli(['validate', '--registry', BROKEN, '--format', 'json']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout);
    expect(json.summary).toMatchObject({ errors: 6, warnings: 0 });
    expect(Object.keys(json.findings[0]).sort()).toEqual(['code', 'column', 'file', 'hint', 'line', 'message', 'path', 'severity']);
    await expect(run.stdout).toMatchFileSnapshot('./__fixtures__/validate-broken/expected.json');
  });

  it('exits 2 on an unreadable path and on bad flags', async () => {
    expect((await runCli(['validate', '--registry', 'no/such/dir'])).code).toBe(2);
    const bad = await runCli(['validate', '--frobnicate']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("Unknown option '--frobnicate'");
    expect((await runCli(['validate', '--format', 'xml'])).code).toBe(2);
  });

  it('documents flags and exit codes in --help', async () => {
    const run = await runCli(['validate', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--registry PATH[\s\S]*Exit codes:[\s\S]*2 {2}could not run/);
    expect((await runCli(['--help'])).stdout).toMatch(/validate/);
  });

  it('accepts a compiled bundle instead of a content directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearance-bundle-'));
    const bundle = join(dir, 'registry.json');
    execFileSync(process.execPath, ['scripts/build-bundle.ts', '--registry', OK, '--out', bundle], { cwd: REPO_ROOT });
    const run = await runCli(['validate', '--registry', bundle]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1 models, 1 licenses');
    writeFileSync(bundle, '{"format":"something-else"}');
    const bad = await runCli(['validate', '--registry', bundle]);
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('registry/invalid-bundle');
  });

  it('checks policies and example router configs in the content tree against their schemas', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearance-docs-'));
    cpSync(join(REPO_ROOT, OK), dir, { recursive: true });
    mkdirSync(join(dir, 'routers'));
    writeFileSync(join(dir, 'routers', 'broken.yaml'), 'name: broken\ntiers: 3\n');
    const run = await runCli(['validate', '--registry', dir, '--format', 'json']);
    expect(run.code).toBe(1);
    const [finding] = JSON.parse(run.stdout).findings;
    expect(finding).toMatchObject({ code: 'config/invalid', line: 2, path: 'tiers' });
    expect(finding.file).toMatch(/routers\/broken\.yaml$/);
  });

  it('is clean on the real content/ (npx clearance validate, whole process)', () => {
    const out = execFileSync(process.execPath, ['src/cli/main.ts', 'validate'], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(out).toMatch(/\d+ models, \d+ licenses/);
    expect(out).toMatch(/0 errors/);
  });
});
