/** `clearance import hf <dir>` end to end, on the fixture repos in src/registry/__fixtures__/hf. */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../test-support/run-cli.ts';

const FIXTURES = join(REPO_ROOT, 'src/registry/__fixtures__/hf');
const tmp = mkdtempSync(join(tmpdir(), 'clearance-import-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('clearance import hf', () => {
  it('prints the draft with what is missing, and exits 1 until it is complete', async () => {
    const run = await runCli(['import', 'hf', 'src/registry/__fixtures__/hf/dense-gqa', '--repo', 'acme-ai/Acme-8B-Instruct', '--today', '2026-12-02']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/schemas\/model\.schema\.json\n# Drafted by "clearance import hf src\/registry\/__fixtures__\/hf\/dense-gqa" on 2026-12-02/);
    expect(run.stdout).toContain('#   missing vendor: no registry model publishes under the Hugging Face org "acme-ai"');
    const model = parse(run.stdout.slice(0, run.stdout.indexOf('\n# --- content/sources/'))) as Record<string, unknown>;
    expect(model).toMatchObject({ license: 'apache-2.0', architecture: { layers: 32, attention: { kind: 'gqa', kv_heads: 8 } }, reviewed: '2026-12-02' });
    expect(run.stdout).toContain('# --- content/sources/hf-acme-ai-acme-8b-instruct-config.yaml');
    expect(run.stderr).toMatch(/dense-gqa → unknown-vendor\/acme-8b-instruct: \d+ fields drafted/);
    expect(run.stderr).toMatch(/architecture\.layers\s+verified\s+config\.json num_hidden_layers/);
    expect(run.stderr).toMatch(/license\s+single-source\s+README\.md front matter license: apache-2\.0/);
  });

  it('maps the base model through the registry: a quantization of a registry checkpoint is said to resolve already', async () => {
    const dir = join(tmp, 'quant');
    cpSync(join(FIXTURES, 'quantized'), dir, { recursive: true });
    const readme = readFileSync(join(dir, 'README.md'), 'utf8').replace('acme-ai/Acme-8B-Instruct', 'meta-llama/Llama-3.3-70B-Instruct');
    writeFileSync(join(dir, 'README.md'), readme);
    const run = await runCli(['import', 'hf', dir, '--repo', 'TheBloke/Llama-3.3-70B-Instruct-AWQ', '--format', 'json', '--today', '2026-12-02']);
    const out = JSON.parse(run.stdout) as { model: { base_model?: unknown }; resolvedAs?: string; valid: boolean };
    expect(out.model.base_model).toEqual({ model: 'meta/llama-3.3-70b-instruct', relation: 'quantization' });
    expect(out.resolvedAs).toMatch(/a quantization of meta\/llama-3\.3-70b-instruct/);
    expect(out.valid).toBe(false);
  });

  it('a re-upload whose card names no base model is read through the resolver', async () => {
    const dir = join(tmp, 'nobase');
    mkdirSync(dir);
    writeFileSync(join(dir, 'README.md'), '---\nlicense: llama2\n---\n# Llama 2 70B Chat - AWQ\n');
    const run = await runCli(['import', 'hf', dir, '--repo', 'TheBloke/Llama-2-70B-Chat-AWQ', '--format', 'json', '--today', '2026-12-02']);
    const out = JSON.parse(run.stdout) as { model: { license?: string }; missing: { path: string; why: string }[]; resolvedAs?: string };
    expect(out.model.license).toBe('llama-2-community');
    expect(out.missing.find((m) => m.path === 'base_model')?.why).toMatch(/reads TheBloke\/Llama-2-70B-Chat-AWQ as a quantized re-upload of meta\/llama-2-70b-chat \(AWQ, by TheBloke\)/);
    expect(out.resolvedAs).toMatch(/meta\/llama-2-70b-chat/);
  });

  it('reads repo and revision from a Hugging Face cache snapshot path, and --write never overwrites', async () => {
    const sha = '0123456789abcdef0123456789abcdef01234567';
    const snap = join(tmp, 'hub', 'models--acme-ai--Acme-MoE-30B-A3B', 'snapshots', sha);
    mkdirSync(snap, { recursive: true });
    cpSync(join(FIXTURES, 'moe'), snap, { recursive: true });
    const content = join(tmp, 'content');
    mkdirSync(content);
    const first = await runCli(['import', 'hf', snap, '--write', '--registry', content, '--today', '2026-12-02']);
    expect(first.stderr).toContain(`wrote ${join(content, 'models/unknown-vendor/acme-moe-30b-a3b.yaml')}`);
    const written = parse(readFileSync(join(content, 'models/unknown-vendor/acme-moe-30b-a3b.yaml'), 'utf8')) as { weights: { revision: string } };
    expect(written.weights.revision).toBe(sha);
    expect(existsSync(join(content, 'sources/hf-acme-ai-acme-moe-30b-a3b-config.yaml'))).toBe(true);
    const again = await runCli(['import', 'hf', snap, '--write', '--registry', content, '--today', '2026-12-02']);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/not writing: .* already exist/);
  });

  it('exits 2 when it cannot run', async () => {
    expect((await runCli(['import', 'hf', 'src/registry/__fixtures__/hf/dense-gqa'])).stderr).toMatch(/cannot tell which repo .* pass --repo ORG\/NAME/);
    expect((await runCli(['import', 'hf', 'no/such/dir', '--repo', 'a/b'])).code).toBe(2);
    expect((await runCli(['import', 'gguf', 'x'])).stderr).toMatch(/only Hugging Face repos can be imported/);
    const empty = join(tmp, 'empty');
    mkdirSync(empty);
    expect((await runCli(['import', 'hf', empty, '--repo', 'a/b'])).stderr).toMatch(/neither README\.md nor config\.json/);
    const bad = join(tmp, 'bad');
    mkdirSync(bad);
    writeFileSync(join(bad, 'config.json'), '{"num_hidden_layers": 32,');
    const run = await runCli(['import', 'hf', bad, '--repo', 'a/b']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/config\.json is not valid JSON/);
  });
});
