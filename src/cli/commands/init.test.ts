/** `clearance init`: a commented policy from flags that the linter accepts, with unset facts left commented. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePolicy } from '../../policy/index.ts';
import { LINT_REGISTRY } from '../__fixtures__/lint-registry.ts';
import { runCli } from '../test-support/run-cli.ts';

const dir = mkdtempSync(join(tmpdir(), 'clearance-init-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('clearance init', () => {
  it('writes a policy with the facts given, and the linter then decides the checks they settle', async () => {
    const out = join(dir, 'policy.yaml');
    const run = await runCli(['init', '--name', 'Example GmbH', '--domicile', 'DE', '--mau', '150000000', '--mau-on', '2024-12-06=90000000', '--revenue', '40000000', '--trains-on-outputs', 'true', '--sovereign-tag', 'sovereign', '--sovereign-tag', 'eu-only', '--output', out]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const text = readFileSync(out, 'utf8');
    expect(text).toMatch(/^# yaml-language-server: \$schema=.*schemas\/policy\.schema\.json\n/);
    const policy = parsePolicy(out, text).policy!.policy;
    expect(policy.organization).toEqual({ name: 'Example GmbH', domicile: 'DE', monthly_active_users: 150000000, monthly_active_users_on: { '2024-12-06': 90000000 }, annual_revenue_usd: 40000000, trains_on_outputs: true });
    expect(policy.tier_requirements!.map((t) => t.tag)).toEqual(['sovereign', 'eu-only']);
    const lint = await runCli(['lint', 'src/cli/__fixtures__/lint-litellm-proxy/config.yaml', '--registry', LINT_REGISTRY, '--policy', out, '--format', 'json']);
    expect(JSON.parse(lint.stdout).findings.map((f: { code: string }) => f.code)).not.toContain('organization/unset');
  });

  it('leaves unset facts commented out and says so; refuses to overwrite and rejects bad values', async () => {
    const out = join(dir, 'bare.yaml');
    const run = await runCli(['init', '--output', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('not set: organization.domicile, organization.monthly_active_users, organization.annual_revenue_usd, organization.trains_on_outputs');
    expect(parsePolicy(out, readFileSync(out, 'utf8')).policy!.policy.organization).toEqual({});
    expect((await runCli(['init', '--output', out])).code).toBe(2);
    expect((await runCli(['init', '--output', out, '--force'])).code).toBe(0);
    for (const bad of [['--domicile', 'Germany'], ['--mau', '1.5M'], ['--revenue', '40M'], ['--mau-on', '2024-12-06'], ['--trains-on-outputs', 'yes'], ['--rules-url', 'rules/']]) {
      const r = await runCli(['init', '--output', join(dir, 'x.yaml'), ...bad]);
      expect([r.code, r.stderr]).toEqual([2, expect.stringContaining(bad[0]!)]);
    }
  });
});
