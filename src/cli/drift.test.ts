import { describe, expect, it } from 'vitest';
import { runCli } from './test-support/run-cli.ts';

const REG = 'src/facts/__fixtures__/registry';
const drift = (...args: string[]) => runCli(['drift', '--registry', REG, '--today', '2026-11-22', ...args]);

describe('clearance drift', () => {
  it('lists each disagreement with both values, dates and sources, and fails on a deck-safe one (golden text)', async () => {
    const run = await drift('--catalogue', 'src/cli/__fixtures__/drift/litellm.json', '--catalogue-date', '2026-11-20');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    await expect(run.stdout).toMatchFileSnapshot('./__fixtures__/drift/expected.litellm.txt');
  });

  it('reports the routes it could not map, and exits 0 when nothing deck-safe disagrees (golden text)', async () => {
    const run = await drift('--catalogue', 'src/cli/__fixtures__/drift/models-dev.json');
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot('./__fixtures__/drift/expected.models-dev.txt');
  });

  it('lists a disagreement a maintainer explained, without failing on it, while the catalogue still says the same', async () => {
    const report = JSON.parse((await drift('--catalogue', 'src/cli/__fixtures__/drift/litellm.json', '--format', 'json')).stdout);
    const lifecycle = report.disagreements.find((d: { field: string }) => d.field === 'lifecycle');
    expect(lifecycle).toMatchObject({ deck_safe: true, explained: { checked: '2026-11-20' } });
    expect(lifecycle.explained.why).toMatch(/older acme-7b-preview id/);
    // The input price is not explained, so the run still fails on it.
    expect(report.disagreements.find((d: { field: string }) => d.field === 'input price').explained).toBeUndefined();
  });

  it('prints the report as JSON', async () => {
    const run = await drift('--catalogue', 'src/cli/__fixtures__/drift/litellm.json', '--format', 'json');
    const report = JSON.parse(run.stdout);
    expect(report.disagreements.map((d: { field: string }) => d.field)).toEqual(['input price', 'lifecycle']);
    expect(report.disagreements[0]).toMatchObject({ fact_id: 'model:acme/acme-7b:routes.eucloud.price', deck_safe: true, registry: { value: '$0.20 per 1M', as_of: '2026-09' }, catalogue: { value: '$0.25 per 1M' } });
  });

  it('runs offline on the bundled genai-prices data by default', async () => {
    const run = await drift();
    expect([0, 1]).toContain(run.code);
    expect(run.stdout).toMatch(/^Registry vs genai-prices \d+\.\d+\.\d+ \(as of \d{4}-\d{2}-\d{2}\)/);
    expect(run.stdout).toMatch(/acme\/acme-7b at eucloud \(acme-7b\): genai-prices has no provider mapped to "eucloud"/);
  });

  it('refuses a file that is not a catalogue, and bad flags (exit 2)', async () => {
    const bad = await drift('--catalogue', 'package.json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/neither a LiteLLM price map/);
    expect((await drift('--catalogue', 'no-such-file.json')).code).toBe(2);
    expect((await drift('--format', 'xml')).code).toBe(2);
  });
});
