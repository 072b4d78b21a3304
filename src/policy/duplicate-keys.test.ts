/** Repeated keys: refused where they decide what is linted, a located warning elsewhere. */
import { describe, expect, it } from 'vitest';
import { testPolicy, testRegistry } from './__fixtures__/registry.ts';
import { lintText } from './index.ts';

const lint = (text: string) => lintText('proxy.yaml', text, testRegistry(), testPolicy(), '2026-11-22');
const route = 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: hostco/acme/Open-7B\n';

describe('duplicate keys in router configs', () => {
  it('warns on a repeated key LiteLLM reads but the linter does not, naming the key and both lines', () => {
    const outcome = lint(`${route}general_settings:\n  store_model_in_db: true\n  master_key: os.environ/KEY\n  store_model_in_db: false\n`);
    const dup = outcome.findings.filter((f) => f.code === 'yaml/duplicate-key');
    expect(dup.map((f) => [f.severity, f.line, f.path])).toEqual([['warning', 8, 'general_settings.store_model_in_db']]);
    expect(dup[0]!.message).toBe('"store_model_in_db" appears twice in general_settings (lines 6 and 8); LiteLLM\'s YAML loader keeps the second (line 8). The linter does not read this key, so the verdict does not depend on it');
    // The routes are still linted, and the warning alone does not fail the run.
    expect(outcome.configs).toHaveLength(1);
    expect(outcome.exitCode).toBe(0);
  });

  it('refuses a repeated key inside a model_list entry or in the lists the linter reads', () => {
    const inRoute = lint('model_list:\n  - model_name: chat\n    litellm_params:\n      model: hostco/acme/Open-7B\n      model: hostco/acme-ai/NC-104B\n');
    expect(inRoute.exitCode).toBe(2);
    expect(inRoute.findings.map((f) => [f.code, f.severity, f.line, f.path])).toEqual([['yaml/duplicate-key', 'error', 5, 'model_list[0].litellm_params.model']]);
    const fallbacks = lint(`${route}router_settings:\n  fallbacks: []\n  fallbacks:\n    - chat: [hostco/acme-ai/NC-104B]\n`);
    expect(fallbacks.exitCode).toBe(2);
    expect(fallbacks.findings[0]!.message).toContain('"fallbacks" appears twice in router_settings (lines 6 and 7)');
    expect(lint(`${route}model_list: []\n`).exitCode).toBe(2);
  });

  it('refuses every repeated key in Clearance’s own format', () => {
    expect(lint('name: a\nname: b\ntiers:\n  - id: t\n    routes:\n      - model: acme/open\n        via: self-hosted\n').exitCode).toBe(2);
  });
});
