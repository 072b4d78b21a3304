/**
 * `clearance allowlist`: golden outputs for every format on the ITSM example and a LiteLLM proxy fixture, and
 * the promise behind them — every route the LiteLLM allow list keeps passes `clearance lint` under the same
 * policy, every route it removes fails it, and nothing outside the allowed set stays reachable. Runs in-process
 * against the frozen lint registry, like the lint goldens. Update goldens with `npx vitest run <this file> -u`.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { parse } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { decide, regoCases } from '../../report/allowlist-opa.ts';
import type { AllowlistDocument } from '../../registry/schema/allowlist.ts';
import { LINT_REGISTRY } from '../__fixtures__/lint-registry.ts';
import { REPO_ROOT, runCli } from '../test-support/run-cli.ts';

const FIXTURES = 'src/cli/__fixtures__';
const LITELLM = { config: `${FIXTURES}/lint-litellm-proxy/config.yaml`, policy: `${FIXTURES}/lint-litellm-proxy/policy.yaml` };
const ITSM = { config: 'content/routers/itsm-hybrid.yaml', policy: `${FIXTURES}/lint-itsm-hybrid/policy.yaml` };
const TODAY = '2026-11-22';
const scratch = mkdtempSync(join(tmpdir(), 'clearance-allowlist-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const require = createRequire(import.meta.url);
const Ajv = require('ajv/dist/2020') as new (options: object) => { compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown } };
const addFormats = require('ajv-formats') as (ajv: object) => void;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validateAllowlist = ajv.compile(JSON.parse(readFileSync(`${REPO_ROOT}schemas/allowlist.schema.json`, 'utf8')));

function allowlist(args: string[]) {
  return runCli(['allowlist', ...args, '--registry', LINT_REGISTRY, '--today', TODAY]);
}
function lint(config: string, policy: string) {
  return runCli(['lint', config, '--policy', policy, '--registry', LINT_REGISTRY, '--today', TODAY, '--format', 'json']);
}

describe('clearance allowlist --format litellm', async () => {
  const run = await allowlist([LITELLM.config, '--policy', LITELLM.policy, '--format', 'litellm']);
  const generated = join(scratch, 'allowed.yaml');
  writeFileSync(generated, run.stdout);
  const original = parse(readFileSync(`${REPO_ROOT}${LITELLM.config}`, 'utf8'));
  const reduced = parse(run.stdout);

  it('matches its golden file and says what it removed', async () => {
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('8 of 15 routes allowed, 7 removed');
    await expect(run.stdout).toMatchFileSnapshot(`../__fixtures__/allowlist-litellm/expected.yaml`);
  });

  it('every route it keeps passes clearance lint under the same policy', async () => {
    const result = await lint(generated, LITELLM.policy);
    const findings = JSON.parse(result.stdout).findings as { file: string; severity: string; code: string }[];
    // The fixture policy carries an expired waiver: an error of the policy file, not of any route.
    expect(findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['waiver/expired']);
    expect(findings.filter((f) => f.severity === 'error' && f.file !== LITELLM.policy)).toEqual([]);
  });

  it('every deployment it removes fails clearance lint when put back', async () => {
    const keptModels = new Set((reduced.model_list as { litellm_params: { model: string } }[]).map((e) => e.litellm_params.model));
    const removed = (original.model_list as { litellm_params: { model: string } }[]).filter((e) => !keptModels.has(e.litellm_params.model));
    expect(removed.length).toBe(5);
    for (const entry of removed) {
      const file = join(scratch, `put-back-${removed.indexOf(entry)}.yaml`);
      writeFileSync(file, JSON.stringify({ ...reduced, model_list: [...reduced.model_list, entry] }));
      const result = await lint(file, LITELLM.policy);
      expect(result.code, entry.litellm_params.model).not.toBe(0);
    }
  });

  it('leaves no path to a removed group or model: fallbacks, aliases and key defaults are rewritten', () => {
    const groups = new Set((reduced.model_list as { model_name: string }[]).map((e) => e.model_name));
    const aliases = reduced.router_settings.model_group_alias as Record<string, string>;
    expect(aliases).toEqual({ 'gpt-4': 'gpt-4o' });
    for (const entry of [...reduced.router_settings.fallbacks, ...reduced.router_settings.context_window_fallbacks] as Record<string, string[]>[]) {
      for (const [group, targets] of Object.entries(entry)) {
        expect(groups.has(group)).toBe(true);
        for (const t of targets) expect(groups.has(t) || Object.hasOwn(aliases, t)).toBe(true);
      }
    }
    expect(groups.has('*')).toBe(false);
    const body = JSON.stringify(reduced);
    for (const gone of ['claude-3-opus-20240229', 'c4ai-command-r-plus', 'Llama-4-Maverick', 'openai/*', 'rag-local', 'groq/llama-3.3-70b-versatile']) expect(body).not.toContain(gone);
    expect(reduced.litellm_settings.default_key_generate_params.models).toEqual(['clearance-approved']);
    for (const entry of reduced.model_list as { model_info: { access_groups: string[] } }[]) expect(entry.model_info.access_groups).toContain('clearance-approved');
  });

  it('keeps date-like strings quoted for LiteLLM’s YAML 1.1 reader', () => {
    expect(run.stdout).toContain('api_version: "2024-10-21"');
  });

  it('is byte-identical for the same inputs', async () => {
    const again = await allowlist([LITELLM.config, '--policy', LITELLM.policy, '--format', 'litellm']);
    expect(again.stdout).toBe(run.stdout);
  });

  it('refuses a tiered config, several configs and --all', async () => {
    expect((await allowlist([ITSM.config, '--format', 'litellm'])).stderr).toMatch(/--format litellm needs a LiteLLM proxy config/);
    expect((await allowlist([LITELLM.config, ITSM.config, '--format', 'litellm'])).code).toBe(2);
    expect((await allowlist(['--all', '--format', 'litellm'])).code).toBe(2);
  });
});

describe('clearance allowlist --format json and opa', () => {
  it('ITSM example: JSON golden, valid against schemas/allowlist.schema.json, with the waiver as an expiry', async () => {
    const run = await allowlist([ITSM.config, '--policy', ITSM.policy, '--format', 'json']);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as AllowlistDocument;
    expect(validateAllowlist(doc), JSON.stringify(validateAllowlist.errors)).toBe(true);
    await expect(run.stdout).toMatchFileSnapshot(`../__fixtures__/allowlist-itsm/expected.json`);
    // Llama Guard 4 is excluded for an EU company; Maverick through Together passes only under a waiver.
    expect(doc.removed.map((r) => r.model)).toEqual(['meta/llama-guard-4-12b']);
    const maverick = doc.models['meta/llama-4-maverick-17b-128e-instruct']!.channels.find((c) => c.provider === 'together-ai');
    expect(maverick?.expires).toBe('2027-05-31');
    expect(decide(doc, { model: 'meta/llama-4-maverick-17b-128e-instruct', provider: 'together-ai', today: '2027-05-31' })).toBe(true);
    expect(decide(doc, { model: 'meta/llama-4-maverick-17b-128e-instruct', provider: 'together-ai', today: '2027-06-01' })).toBe(false);
    expect(decide(doc, { model: 'meta/llama-guard-4-12b', today: TODAY })).toBe(false);
    expect(decide(doc, { model: 'constructor', today: TODAY })).toBe(false);
    expect(decide(doc, { model: 'anthropic/claude-opus-4.7', provider: 'anthropic', today: TODAY })).toBe(true);
    expect(decide(doc, { model: 'anthropic/claude-opus-4.7', provider: 'some-other-host', today: TODAY })).toBe(false);
  });

  for (const c of [{ name: 'itsm', ...ITSM }, { name: 'litellm', ...LITELLM }]) {
    it(`${c.name}: OPA bundle golden files; the generated opa tests agree with the documented decisions`, async () => {
      const out = join(scratch, `opa-${c.name}`);
      const run = await allowlist([c.config, '--policy', c.policy, '--format', 'opa', '--out', out]);
      expect(run.code, run.stderr).toBe(0);
      for (const file of ['data.json', 'clearance.rego', 'clearance_test.rego']) {
        await expect(readFileSync(join(out, file), 'utf8')).toMatchFileSnapshot(`../__fixtures__/allowlist-${c.name}/opa/${file}`);
      }
      const doc = JSON.parse(readFileSync(join(out, 'data.json'), 'utf8')).clearance_allowlist as AllowlistDocument;
      expect(validateAllowlist(doc)).toBe(true);
      const rego = readFileSync(join(out, 'clearance.rego'), 'utf8');
      expect(rego).toContain('default allow := false');
      const tests = readFileSync(join(out, 'clearance_test.rego'), 'utf8');
      const cases = regoCases(doc);
      expect(cases.some((x) => x.allow)).toBe(true);
      expect(cases.some((x) => !x.allow)).toBe(true);
      expect((tests.match(/^test_case_\d+ if \{$/gm) ?? []).length).toBe(cases.length);
      // Every removed model string is denied when sent without a provider, unless an allowed route writes it too.
      for (const removed of doc.removed) if (!Object.hasOwn(doc.names, removed.model)) expect(decide(doc, { model: removed.model, today: TODAY })).toBe(false);
      // A second run refuses to overwrite the bundle without --force.
      const again = await allowlist([c.config, '--policy', c.policy, '--format', 'opa', '--out', out]);
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/exists; pass --force to overwrite it/);
      expect((await allowlist([c.config, '--policy', c.policy, '--format', 'opa', '--out', out, '--force'])).code).toBe(0);
    });
  }

  it('--all judges the whole registry: Cohere’s non-commercial weights only through Cohere’s API', async () => {
    const run = await allowlist(['--all', '--format', 'json', '--policy', LITELLM.policy]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout) as AllowlistDocument;
    expect(validateAllowlist(doc)).toBe(true);
    const commandR = doc.models['cohere/command-r-plus-08-2024'];
    expect(commandR?.channels.map((c) => c.provider)).not.toContain('self-hosted');
    expect(doc.removed.some((r) => r.model === 'cohere/command-r-plus-08-2024' && r.codes.includes('license/non-commercial'))).toBe(true);
  });

  it('never writes over an input or into content/', async () => {
    const run = await allowlist([LITELLM.config, '--policy', LITELLM.policy, '--format', 'json', '--output', LITELLM.policy]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is one of this command's inputs/);
    const intoContent = await allowlist([LITELLM.config, '--policy', LITELLM.policy, '--format', 'json', '--output', 'content/allow.json']);
    expect(intoContent.code).toBe(2);
    expect(intoContent.stderr).toMatch(/inside the registry's content\/ tree/);
  });

  it('a config lint cannot evaluate cannot be compiled: exit 2 with the located error', async () => {
    const run = await allowlist([`${FIXTURES}/lint-syntax-error/config.yaml`, '--format', 'json']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/config\.yaml:\d+:\d+ {2}error {2}yaml\/syntax/);
  });
});
