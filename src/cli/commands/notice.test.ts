/**
 * `clearance notice`: goldens on the ITSM example and the LiteLLM fixture, and the readings behind them — a
 * duty follows how a route reaches its model and what the policy says the organisation does. Runs on the real
 * registry (content/), so a license edit that changes a duty shows up in the golden diff.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli } from '../test-support/run-cli.ts';

const FIXTURES = 'src/cli/__fixtures__';
const ITSM = { config: 'content/routers/itsm-hybrid.yaml', policy: `${FIXTURES}/lint-itsm-hybrid/policy.yaml` };
const LITELLM = { config: `${FIXTURES}/lint-litellm-proxy/config.yaml`, policy: `${FIXTURES}/lint-litellm-proxy/policy.yaml` };
const TODAY = '2026-11-22';
const scratch = mkdtempSync(join(tmpdir(), 'clearance-notice-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function notice(args: string[]) {
  // The real registry: obligation triggers (applies_when) are content, and this command is about them.
  return runCli(['notice', ...args, '--registry', 'content', '--today', TODAY]);
}

/** The section of the markdown notice for one license, from its heading to the next. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`## ${heading}`);
  if (start < 0) return '';
  const next = markdown.indexOf('\n## ', start + 3);
  return markdown.slice(start, next < 0 ? undefined : next);
}

describe('clearance notice', () => {
  for (const format of ['markdown', 'text'] as const) {
    it(`ITSM example (${format}) matches its golden file`, async () => {
      const run = await notice([ITSM.config, '--policy', ITSM.policy, '--format', format]);
      expect(run.code, run.stderr).toBe(0);
      await expect(run.stdout).toMatchFileSnapshot(`../__fixtures__/notice-itsm/expected.${format === 'markdown' ? 'md' : 'txt'}`);
    });
  }

  it('LiteLLM fixture: unknown models make the notice incomplete (exit 1) and are listed', async () => {
    const run = await notice([LITELLM.config, '--policy', LITELLM.policy]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('## Routes whose duties are unknown');
    expect(run.stdout).toContain('\\*: openai/\\*'); // the wildcard route, markdown-escaped
    await expect(run.stdout).toMatchFileSnapshot('../__fixtures__/notice-litellm/expected.md');
  });

  it('self-hosted Llama must show "Built with Llama"; Llama through a hosted provider leaves that to legal', async () => {
    const { stdout } = await notice([ITSM.config, '--policy', ITSM.policy]);
    const llama = section(stdout, 'Llama 4 Community License Agreement');
    const required = llama.slice(llama.indexOf('### Required'), llama.indexOf('### Required only if'));
    const builtWith = required.split('\n- ').find((bullet) => bullet.includes('Built with Llama')) ?? '';
    expect(builtWith).toContain('meta/llama-guard-4-12b, self-hosted');
    expect(builtWith).not.toContain('hosted-oss)');
    const legal = llama.slice(llama.indexOf('### For legal to decide'));
    expect(legal).toContain('Built with Llama');
    expect(legal).toContain('meta/llama-4-maverick-17b-128e-instruct, hosted-oss');
  });

  it('an API route carries the API terms only, never the weights license’s distribution duties', async () => {
    const { stdout } = await notice([ITSM.config, '--policy', ITSM.policy]);
    const anthropic = section(stdout, 'Anthropic Commercial Terms of Service');
    expect(anthropic).toContain('aup-flow-down');
    expect(anthropic).not.toContain('license-notice');
  });

  it('distribution duties are conditional until the policy says the organisation distributes, then required', async () => {
    const base = readFileSync(`${REPO_ROOT}${ITSM.policy}`, 'utf8');
    const distributes = join(scratch, 'distributes.yaml');
    writeFileSync(distributes, base.replace('  trains_on_outputs: false', '  trains_on_outputs: false\n  distributes: true'));
    const doesNot = join(scratch, 'does-not.yaml');
    writeFileSync(doesNot, base.replace('  trains_on_outputs: false', '  trains_on_outputs: false\n  distributes: false'));
    const apache = (text: string) => section(text, 'Apache License 2.0');
    const unset = apache((await notice([ITSM.config, '--policy', ITSM.policy])).stdout);
    expect(unset).toContain('### Required only if');
    expect(unset).toContain('organization.distributes is not set');
    const yes = apache((await notice([ITSM.config, '--policy', distributes])).stdout);
    expect(yes.slice(0, yes.indexOf('### Required only if') >>> 0)).toContain('Give recipients a copy of the license');
    expect(yes).toContain('the policy says the organisation distributes');
    // Not distributing and nothing else applying: Apache 2.0 has no duty left for these routes.
    expect(apache((await notice([ITSM.config, '--policy', doesNot])).stdout)).toBe('');
  });

  it('refuses unknown formats and writing over its inputs', async () => {
    expect((await notice([ITSM.config, '--format', 'html'])).code).toBe(2);
    const over = await notice([ITSM.config, '--policy', ITSM.policy, '--output', ITSM.config]);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(/is one of this command's inputs/);
  });
});
