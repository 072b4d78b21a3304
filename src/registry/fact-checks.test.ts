/** Validate-time provenance warnings, each on the clean fixture with one thing made wrong. */
import { describe, expect, it } from 'vitest';
import { readContentFiles } from './load.ts';
import { validateRegistry, type RegistryFile } from './validate.ts';

const okFiles = readContentFiles(new URL('./__fixtures__/ok/', import.meta.url).pathname);
const MODEL = 'models/acme/acme-7b.yaml';
const head = (kind: string, depth = 1) => `# yaml-language-server: $schema=${'../'.repeat(depth + 1)}schemas/${kind}.schema.json\n`;

function run(extra: RegistryFile[], change?: [string, (t: string) => string]) {
  const files = okFiles.map((f) => (change && f.path === change[0] ? { ...f, text: change[1](f.text) } : f));
  return validateRegistry([...files, ...extra], { today: '2026-11-22' }).findings.filter((f) => f.code !== 'registry/unused-source');
}
const brief = (findings: ReturnType<typeof run>) => findings.map((f) => `${f.file}:${f.line} ${f.code}`);

const notes: RegistryFile = {
  path: 'sources/project-notes.yaml',
  text: `${head('source')}title: Research notes\ndocument: project research notes (models.md)\npublisher: Clearance project research\nkind: research-notes\nretrieved: 2026-11-01\n`,
};
const fact = (body: string): RegistryFile => ({ path: 'facts/a-fact.yaml', text: `${head('fact')}subject: { kind: market }\nas_of: 2026-10-01\nreviewed: 2026-11-01\n${body}` });

describe('provenance warnings', () => {
  it('the clean fixture has none', () => expect(run([])).toEqual([]));

  it('flags a citation of the research notes, at the citation', () => {
    const findings = run([notes, fact('statement: X.\nstatus: secondary\nsources: [{ source: project-notes, where: §2 }]\ncaveats: []\n')]);
    expect(brief(findings)).toEqual(['facts/a-fact.yaml:7 registry/cites-research-notes']);
    expect(findings[0]!.severity).toBe('warning');
  });

  it('flags a source that is the research notes but is not marked so', () => {
    const unmarked = { ...notes, text: notes.text.replace('kind: research-notes', 'kind: other') };
    expect(brief(run([unmarked]))).toEqual(['sources/project-notes.yaml:5 registry/cites-research-notes']);
  });

  it('flags a bare-domain source and a document cited without its place', () => {
    const site: RegistryFile = { path: 'sources/site.yaml', text: `${head('source')}title: Outlet\nurl: https://outlet.example/\npublisher: Outlet\nkind: news\nretrieved: 2026-11-01\n` };
    const kit: RegistryFile = { path: 'sources/kit.yaml', text: `${head('source')}title: Press kit\ndocument: press kit PDF\npublisher: Acme AI\nkind: vendor-blog\nretrieved: 2026-11-01\n` };
    const findings = run([site, kit, fact('statement: X.\nstatus: secondary\nsources: [{ source: site }, { source: kit }]\ncaveats: []\n')]);
    expect(brief(findings).sort()).toEqual(['facts/a-fact.yaml:7 registry/source-not-locatable', 'sources/site.yaml:3 registry/source-not-locatable']);
  });

  it('flags a caveat that says the value was replaced, unless the fact expires', () => {
    const body = 'statement: X costs $1.\nstatus: verified\nsources: [{ source: acme-model-card }]\ncaveats: ["the flat price, which peak billing replaced"]\n';
    expect(brief(run([fact(body)]))).toEqual(['facts/a-fact.yaml:8 registry/superseded-value']);
    expect(run([fact(`${body}expires: 2026-08-15\n`)])).toEqual([]);
  });

  it('flags a route price note that says it no longer holds on a route that is not retired', () => {
    const withRoute = (t: string) =>
      t.replace('citations:', 'routes:\n  - provider: acme-api\n    model_id: acme-7b\n    price: { input_usd_per_mtok: 1, output_usd_per_mtok: 2, note: "Historic price. No longer served." }\n    as_of: 2026-09\n    status: verified\n    sources: [{ source: acme-model-card }]\ncitations:');
    const provider: RegistryFile = {
      path: 'providers/acme-api.yaml',
      text: `${head('provider')}name: Acme API\ncountry: US\nrelationship: hosted-oss\neu_controlled: false\nlitellm_prefixes: []\nregions: []\ncertifications: []\ncitations: { country: { status: unknown, sources: [] }, eu_controlled: { status: unknown, sources: [] } }\nreviewed: 2026-11-01\n`,
    };
    expect(brief(run([provider], [MODEL, withRoute]))).toEqual([`${MODEL}:26 registry/superseded-value`]);
    const retired = (t: string) => withRoute(t).replace('    as_of: 2026-09\n', '    as_of: 2026-09\n    lifecycle: { status: retired, retired_on: 2026-10-01 }\n');
    expect(run([provider], [MODEL, retired])).toEqual([]);
  });

  it('flags an amount of investment without its period', () => {
    const body = 'statement: Acme will invest €2 billion.\nvalue: 2\nunit: EUR B\nstatus: secondary\nsources: [{ source: acme-model-card }]\ncaveats: ["a plan, not money spent"]\n';
    expect(brief(run([fact(body)]))).toEqual(['facts/a-fact.yaml:7 registry/money-without-horizon']);
    expect(run([fact(`${body}horizon: 2026-2030\n`)])).toEqual([]);
  });

  it('flags a retirement date that has passed while the lifecycle still says deprecated', () => {
    const passed = (t: string) =>
      t.replace('lifecycle: { status: active }', 'lifecycle: { status: deprecated, retires_on: 2026-11-01 }').replace('citations:\n', 'citations:\n  lifecycle: { status: verified, sources: [{ source: acme-model-card, where: deprecations }] }\n');
    expect(brief(run([], [MODEL, passed]))).toEqual([`${MODEL}:7 registry/lifecycle-passed`]);
  });

  it('flags a certification held on the strength of a tender score', () => {
    const provider = (cert: string): RegistryFile => ({
      path: 'providers/eu.yaml',
      text: `${head('provider')}name: EU\ncountry: FR\nrelationship: hosted-oss\neu_controlled: true\nlitellm_prefixes: []\nregions: []\ncertifications:\n  - { name: eu-csf-seal, held: 'yes', level: SEAL-2, scope: its offer in the EC tender${cert}, status: secondary, sources: [{ source: acme-model-card }] }\ncitations: { country: { status: unknown, sources: [] }, eu_controlled: { status: unknown, sources: [] } }\nreviewed: 2026-11-01\n`,
    });
    expect(brief(run([provider('')]))).toEqual(['providers/eu.yaml:9 registry/certification-basis']);
    expect(run([provider(', basis: tender-assessment')])).toEqual([]);
  });
});
