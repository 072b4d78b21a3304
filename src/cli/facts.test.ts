import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './test-support/run-cli.ts';

const REG = 'src/facts/__fixtures__/registry';
const facts = (...args: string[]) => runCli(['facts', '--registry', REG, '--today', '2026-11-22', ...args]);

describe('clearance facts', () => {
  it('lists every fact with its verdict and why not (golden text)', async () => {
    const run = await facts();
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    await expect(run.stdout).toMatchFileSnapshot('./__fixtures__/facts/expected.txt');
  });

  it('prints JSON with id, statement, status, deck_safe, why_not and sources (golden JSON)', async () => {
    const run = await facts('--format', 'json');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout);
    for (const key of ['id', 'statement', 'status', 'deck_safe', 'why_not', 'sources']) expect(json.facts[0]).toHaveProperty(key);
    expect(json.summary).toEqual({ facts: json.facts.length, deck_safe: json.facts.filter((f: { deck_safe: boolean }) => f.deck_safe).length, not_deck_safe: json.facts.filter((f: { deck_safe: boolean }) => !f.deck_safe).length });
    await expect(run.stdout).toMatchFileSnapshot('./__fixtures__/facts/expected.json');
  });

  it('prints CSV and Markdown (golden)', async () => {
    await expect((await facts('--format', 'csv')).stdout).toMatchFileSnapshot('./__fixtures__/facts/expected.csv');
    await expect((await facts('--format', 'markdown')).stdout).toMatchFileSnapshot('./__fixtures__/facts/expected.md');
  });

  it('filters by subject and deck-safety (golden)', async () => {
    const run = await facts('--subject', 'acme/acme-7b', '--deck-safe');
    expect(run.code).toBe(0);
    await expect(run.stdout).toMatchFileSnapshot('./__fixtures__/facts/expected.subject-deck-safe.txt');
    const ids = JSON.parse((await facts('--subject', 'acme/acme-7b', '--deck-safe', '--format', 'json')).stdout).facts.map((f: { id: string }) => f.id);
    expect(ids).toContain('acme-launch-price');
    expect(ids).not.toContain('acme-price-wrong');
  });

  it('flips expiry and staleness with --today', async () => {
    const safeIds = async (today: string) =>
      JSON.parse((await runCli(['facts', '--registry', REG, '--today', today, '--deck-safe', '--format', 'json'])).stdout).facts.map((f: { id: string }) => f.id);
    expect(await safeIds('2026-12-31')).toContain('acme-launch-price');
    expect(await safeIds('2027-01-01')).not.toContain('acme-launch-price');
    expect(await safeIds('2027-11-01')).toContain('tender-award');
    expect(await safeIds('2027-11-02')).not.toContain('tender-award');
    const why = JSON.parse((await runCli(['facts', '--registry', REG, '--today', '2027-01-01', '--subject', 'acme/acme-7b', '--format', 'json'])).stdout).facts.find(
      (f: { id: string }) => f.id === 'acme-launch-price',
    ).why_not;
    expect(why).toEqual([{ code: 'fact/expired', message: 'it expired on 2026-12-31' }]);
  });

  it('exits 2 on bad flags, a bad date and an unknown subject, with a suggestion', async () => {
    expect((await facts('--format', 'xml')).code).toBe(2);
    expect((await facts('--today', '2026-13-45')).code).toBe(2);
    expect((await facts('--origin', 'gpu')).code).toBe(2);
    const unknown = await facts('--subject', 'acme/acme-7c');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean "acme/acme-7b"');
    expect((await runCli(['facts', '--registry', 'no/such/dir'])).code).toBe(2);
  });

  it('documents flags and exit codes in --help, and is listed by clearance --help', async () => {
    expect((await runCli(['facts', '--help'])).stdout).toMatch(/--deck-safe[\s\S]*--format FORMAT[\s\S]*Exit codes:/);
    expect((await runCli(['--help'])).stdout).toMatch(/facts[\s\S]*card/);
  });
});

describe('clearance card', () => {
  const dir = mkdtempSync(join(tmpdir(), 'clearance-card-'));

  it('writes a PNG of the requested size and says whether the fact is deck-safe', async () => {
    const out = join(dir, 'wrong.png');
    const run = await runCli(['card', 'acme-price-wrong', '--registry', REG, '--today', '2026-11-22', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`wrote ${out} (1200×630, NOT deck-safe: fact/unknown, fact/contradicted, fact/caveats-missing)\n`);
    const png = readFileSync(out);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  });

  it('draws slides at 1920×1080, SVG on request, and model Open Graph cards', async () => {
    const slide = join(dir, 'slide.png');
    expect((await runCli(['card', 'tender-award', '--registry', REG, '--size', 'slide', '--out', slide])).code).toBe(0);
    expect([readFileSync(slide).readUInt32BE(16), readFileSync(slide).readUInt32BE(20)]).toEqual([1920, 1080]);
    const svg = join(dir, 'card.svg');
    expect((await runCli(['card', 'model:acme/acme-7b:context_tokens', '--registry', REG, '--out', svg])).code).toBe(0);
    expect(readFileSync(svg, 'utf8')).toMatch(/^<svg width="1200" height="630"/);
    const og = join(dir, 'model.png');
    const run = await runCli(['card', '--model', 'acme/acme-7b', '--registry', REG, '--out', og]);
    expect(run.stdout).toContain('model card');
  });

  it('exits 2 on an unknown fact (with a suggestion), a missing --out and a bad size', async () => {
    const unknown = await runCli(['card', 'tender-awrd', '--registry', REG, '--out', join(dir, 'x.png')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean "tender-award"');
    expect((await runCli(['card', 'tender-award', '--registry', REG])).code).toBe(2);
    expect((await runCli(['card', 'tender-award', '--registry', REG, '--size', 'a4', '--out', join(dir, 'y.png')])).code).toBe(2);
    expect((await runCli(['card', '--model', 'acme/nope', '--registry', REG, '--out', join(dir, 'z.png')])).code).toBe(2);
  });
});
