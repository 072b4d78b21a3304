/**
 * Z.ai / Zhipu GLM: the MIT license of GLM-4.6 and GLM-4.7 is read from the license tag of Z.ai's own Hugging Face
 * repositories, and Z.ai's own API (api.z.ai, open.bigmodel.cn) stays unrecorded because its terms were not read:
 * a `zai/…` route is reported as unknown instead of inheriting the weights' MIT license. When the API terms are read,
 * the last test is the one to change.
 */
import { describe, expect, it } from 'vitest';
import { testPolicy } from '../policy/__fixtures__/registry.ts';
import { lintText } from '../policy/index.ts';
import { governingTerms } from '../policy/terms.ts';
import { contentRegistry, lookups } from './test-support/content.ts';

const TODAY = '2026-12-04';
const { registry } = contentRegistry(TODAY);
const { model } = lookups(registry);

const litellm = (m: string) => `model_list:\n  - model_name: m\n    litellm_params:\n      model: ${m}\n`;
const lint = (m: string) => lintText('router.yaml', litellm(m), registry, testPolicy('name: test\n'), TODAY).findings;

describe('Z.ai GLM: MIT from the vendor repos, the API not recorded', () => {
  it("GLM-4.6 and GLM-4.7 cite the license tag of Z.ai's own Hugging Face repo as verified", () => {
    for (const [id, src, repo] of [
      ['zhipu/glm-4.6', 'zai-glm-4.6-hf-repo', 'zai-org/GLM-4.6'],
      ['zhipu/glm-4.7', 'zai-glm-4.7-hf-repo', 'zai-org/GLM-4.7'],
    ] as const) {
      const m = model(id);
      expect(m.license).toBe('mit');
      expect(m.weights?.repo).toBe(repo);
      const c = m.citations['license']!;
      expect(c.status).toBe('verified');
      expect(c.sources[0]!.source).toBe(src);
      const s = registry.sources[src]!;
      expect(s).toMatchObject({ publisher: 'Z.ai (Zhipu AI)', kind: 'model-card' });
      expect(s.url).toContain(`huggingface.co/${repo}/`);
      expect(s.note).toContain('License: mit');
      // What was not read is said, not implied.
      expect(c.note).toContain('LICENSE file text');
    }
  });

  it('self-hosting the GLM-4.6 / 4.7 weights is governed by MIT', () => {
    for (const id of ['zhipu/glm-4.6', 'zhipu/glm-4.7']) {
      expect(governingTerms(registry, [id], 'self-hosted').map((t) => t.licenseId)).toEqual(['mit']);
      expect(governingTerms(registry, [id], 'hosted-oss').map((t) => t.licenseId)).toEqual(['mit']);
    }
    const codes = [...new Set(lint('hosted_vllm/zai-org/GLM-4.6').map((f) => f.code))];
    expect(codes).not.toContain('registry/unknown-model');
    expect(codes).not.toContain('license/non-commercial');
  });


  it('a zai/ route is reported as an unknown model, not passed under the MIT license of the weights', () => {
    const findings = lint('zai/glm-4.6');
    expect(findings.map((f) => f.code)).toEqual(['registry/unknown-model']);
    expect(findings[0]!.severity).toBe('error');
  });
});
