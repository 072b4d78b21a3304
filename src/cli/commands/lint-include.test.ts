/**
 * `clearance lint` follows LiteLLM `include:` files from disk: relative to the including file, located errors
 * for missing files and cycles, and nothing outside the config's directory unless it is named on the command line.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINT_REGISTRY } from '../__fixtures__/lint-registry.ts';
import { main } from '../main.ts';

const TODAY = '2026-11-22';
let dir: string;

async function lint(cwd: string, ...configs: string[]): Promise<{ code: number; findings: { code: string; file: string; line: number; column: number; message: string }[] }> {
  let stdout = '';
  const code = await main(['lint', ...configs, '--registry', LINT_REGISTRY, '--today', TODAY, '--format', 'json'], { stdout: (t) => (stdout += t), stderr: () => {}, cwd, version: '0.0.0-test', today: TODAY });
  return { code, findings: (JSON.parse(stdout) as { findings: { code: string; file: string; line: number; column: number; message: string }[] }).findings };
}

const NC = 'model_list:\n  - model_name: rag\n    litellm_params:\n      model: hosted_vllm/CohereLabs/c4ai-command-r-plus-08-2024\n      api_base: http://vllm.internal:8000/v1\n';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'clearance-include-'));
  mkdirSync(join(dir, 'proxy', 'models'), { recursive: true });
  writeFileSync(join(dir, 'proxy', 'config.yaml'), 'include:\n  - models/rag.yaml\nlitellm_settings:\n  drop_params: true\n');
  writeFileSync(join(dir, 'proxy', 'models', 'rag.yaml'), NC);
  writeFileSync(join(dir, 'proxy', 'missing.yaml'), 'include:\n  - models/nope.yaml\nmodel_list: []\n');
  writeFileSync(join(dir, 'proxy', 'cycle.yaml'), 'include: [models/back.yaml]\nmodel_list: []\n');
  writeFileSync(join(dir, 'proxy', 'models', 'back.yaml'), 'include: [../cycle.yaml]\n');
  writeFileSync(join(dir, 'outside.yaml'), NC);
  writeFileSync(join(dir, 'proxy', 'escape.yaml'), 'include: [../outside.yaml]\nmodel_list: []\n');
  symlinkSync(join(dir, 'outside.yaml'), join(dir, 'proxy', 'link.yaml'));
  writeFileSync(join(dir, 'proxy', 'via-link.yaml'), 'include: [link.yaml]\nmodel_list: []\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('clearance lint follows include: files', () => {
  it("lints an included file's routes at its own file:line:col", async () => {
    const { code, findings } = await lint(dir, 'proxy/config.yaml');
    expect(code).toBe(1);
    expect(findings.filter((f) => f.code === 'license/non-commercial').map((f) => `${f.file}:${f.line}:${f.column}`)).toEqual(['proxy/models/rag.yaml:4:7']);
  });

  it('refuses a missing include and an include cycle with a located error (exit 2)', async () => {
    const missing = await lint(dir, 'proxy/missing.yaml');
    expect(missing.code).toBe(2);
    expect(missing.findings.map((f) => `${f.code} ${f.file}:${f.line}:${f.column}`)).toEqual(['config/include proxy/missing.yaml:2:5']);
    expect(missing.findings[0]!.message).toContain('proxy/models/nope.yaml does not exist');
    const cycle = await lint(dir, 'proxy/cycle.yaml');
    expect(cycle.code).toBe(2);
    expect(cycle.findings.map((f) => `${f.code} ${f.file}:${f.line}:${f.column}`)).toEqual(['config/include proxy/models/back.yaml:1:11']);
  });

  it("reads nothing outside the config's directory, through a symlink either, unless it is named", async () => {
    for (const config of ['proxy/escape.yaml', 'proxy/via-link.yaml']) {
      const out = await lint(dir, config);
      expect(out.code).toBe(2);
      expect(out.findings.map((f) => f.code)).toEqual(['config/include']);
      expect(out.findings[0]!.message).toContain("outside the config's directory");
    }
    const named = await lint(dir, 'proxy/escape.yaml', 'outside.yaml');
    expect(named.code).toBe(1);
    expect(named.findings.some((f) => f.code === 'config/include')).toBe(false);
  });
});
