/**
 * `clearance bom` license identity: license.id carries SPDX License List ids only (checked against the list
 * itself), everything else is a named license with its LicenseRef id as a property, and `--spec 1.7` writes a
 * BOM the official CycloneDX 1.7 schema accepts. Runs against the real registry (content/), so a license entry
 * with a made-up SPDX id fails here as well as in `clearance validate`.
 */
import { describe, expect, it } from 'vitest';
import { isSpdxListed, licenseIdProblem } from '../../registry/license-ids.ts';
import { loadRegistry } from '../../registry/load.ts';
import { cycloneDxValidator } from '../test-support/cyclonedx-schema.ts';
import { REPO_ROOT, runCli } from '../test-support/run-cli.ts';

const CONFIG = 'src/cli/__fixtures__/lint-litellm-proxy/config.yaml';
const ITSM = 'content/routers/itsm-hybrid.yaml';

interface BomLicense {
  license: { id?: string; name?: string; url?: string; properties?: { name: string; value: string }[] };
}
interface BomComponent {
  'bom-ref': string;
  licenses?: BomLicense[];
}

describe('license ids (SPDX, ScanCode LicenseDB, Clearance)', () => {
  it('accepts each scheme and says what is wrong with anything else', () => {
    expect(licenseIdProblem('Apache-2.0', 'apache-2.0', 'weights-license')).toBeUndefined();
    expect(licenseIdProblem('LicenseRef-scancode-llama-3.1-license-2024', 'llama-3.1-community', 'weights-license')).toBeUndefined();
    expect(licenseIdProblem('LicenseRef-clearance-gemma-terms', 'gemma-terms', 'weights-license')).toBeUndefined();
    expect(licenseIdProblem('Llama-3.1', 'llama-3.1-community', 'weights-license')).toMatch(/not on the SPDX License List/);
    expect(licenseIdProblem('LicenseRef-Llama-3.1-Community-License', 'llama-3.1-community', 'weights-license')).toMatch(/LicenseRef-clearance-llama-3.1-community/);
    expect(licenseIdProblem('LicenseRef-clearance-other', 'gemma-terms', 'weights-license')).toMatch(/expected "LicenseRef-clearance-gemma-terms"/);
    expect(licenseIdProblem('MIT', 'openai-terms', 'api-terms')).toMatch(/API terms/);
  });

  it('every license in the registry has an id SBOM tools accept', () => {
    const { registry } = loadRegistry(`${REPO_ROOT}content`);
    const problems = Object.entries(registry.licenses)
      .map(([id, l]) => [id, licenseIdProblem(l.spdx, id, l.kind)])
      .filter(([, p]) => p !== undefined);
    expect(problems).toEqual([]);
    // The licenses the issue names: SPDX ids where SPDX lists them, none for Llama or Gemma.
    expect(registry.licenses['apache-2.0']!.spdx).toBe('Apache-2.0');
    expect(registry.licenses['cc-by-nc-4.0-cohere']!.spdx).toBe('CC-BY-NC-4.0');
    expect(registry.licenses['openmdw-1.0']!.spdx).toBe('OpenMDW-1.0');
    expect(registry.licenses['llama-3.1-community']!.spdx).toBe('LicenseRef-scancode-llama-3.1-license-2024');
    expect(isSpdxListed(registry.licenses['gemma-terms']!.spdx)).toBe(false);
  });
});

describe('clearance bom license fields', () => {
  const validate16 = cycloneDxValidator('1.6');
  const validate17 = cycloneDxValidator('1.7');

  async function bom(args: string[]) {
    const run = await runCli(['bom', ...args, '--today', '2026-12-02']);
    return { ...run, bom: JSON.parse(run.stdout) as { specVersion: string; components: BomComponent[] } };
  }

  for (const config of [CONFIG, ITSM]) {
    it(`${config}: license.id holds SPDX-listed ids only; the rest are named with their LicenseRef`, async () => {
      const { bom: doc } = await bom([config]);
      expect(validate16(doc), JSON.stringify(validate16.errors)).toBe(true);
      const licenses = doc.components.flatMap((c) => c.licenses ?? []);
      expect(licenses.length).toBeGreaterThan(0);
      for (const { license } of licenses) {
        if (license.id !== undefined) expect(isSpdxListed(license.id), license.id).toBe(true);
        else {
          expect(license.name).toBeTruthy();
          expect(license.url).toMatch(/^https:\/\//);
          expect(license.properties?.some((p) => p.name === 'clearance:license-id')).toBe(true);
        }
      }
      const refs = licenses.flatMap(({ license }) => license.properties ?? []).filter((p) => p.name === 'clearance:license-ref');
      expect(refs.every((p) => p.value.startsWith('LicenseRef-'))).toBe(true);
    });
  }

  it('names the Llama license by its ScanCode LicenseDB ref, not as an SPDX id', async () => {
    const { bom: doc } = await bom([ITSM]);
    const llama = doc.components.flatMap((c) => c.licenses ?? []).find(({ license }) => license.name?.startsWith('Llama 4 Community'));
    expect(llama?.license.id).toBeUndefined();
    expect(llama?.license.properties).toContainEqual({ name: 'clearance:license-ref', value: 'LicenseRef-scancode-llama-4-cla-2025' });
  });

  it('--spec 1.7 writes a BOM the CycloneDX 1.7 schema accepts, and the 1.6 default is unchanged', async () => {
    const seven = await bom([CONFIG, '--spec', '1.7']);
    expect(seven.bom.specVersion).toBe('1.7');
    expect(validate17(seven.bom), JSON.stringify(validate17.errors)).toBe(true);
    const six = await bom([CONFIG]);
    expect(six.bom.specVersion).toBe('1.6');
    const bad = await runCli(['bom', CONFIG, '--spec', '1.5']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--spec "1.5" is not a CycloneDX version this command writes; use 1.6 or 1.7/);
  });
});
