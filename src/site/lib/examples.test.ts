import { describe, expect, it } from 'vitest';
import { lintText, policyFromObject } from '../../policy/index.ts';
import { loadRegistry } from '../../registry/load.ts';
import { litellmExample } from './examples.ts';

const { registry } = loadRegistry('src/site/__fixtures__/registry', { today: '2026-11-22' });

describe('playground example config', () => {
  it('is a LiteLLM config the linter flags for its non-commercial model', () => {
    const text = litellmExample(registry)!;
    expect(text).toContain('hosted_vllm/CohereForAI/c4ai-command-r-plus');
    const outcome = lintText('router.yaml', text, registry, policyFromObject({ name: 'test' }), '2026-11-22');
    expect(outcome.findings.filter((f) => f.severity === 'error').map((f) => f.code)).toEqual(['license/non-commercial']);
  });
});
