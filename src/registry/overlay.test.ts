/** Registry overlays: an organisation's models and served names on top of the shipped registry, never a silent replacement. */
import { describe, expect, it } from 'vitest';
import { testRegistry } from '../policy/__fixtures__/registry.ts';
import { lintText, parsePolicy } from '../policy/index.ts';
import { applyOverlays } from './overlay.ts';

const header = '# yaml-language-server: $schema=../../../schemas/model.schema.json\n';
const cite = '    status: verified\n    sources:\n      - source: test-source\n';
const fineTune = (aliases = '  - base-mind\n') =>
  `${header}name: Base Mind 7B\nvendor: acme\nfamily: test\nkind: open-weights\nlifecycle:\n  status: active\nlicense: permissive\nbase_model:\n  model: acme/capped\n  relation: fine-tune\nweights:\n  repo: example/base-mind\n  url: https://huggingface.co/example/base-mind\naliases:\n${aliases}modalities:\n  input: [text]\n  output: [text]\ncitations:\n  license:\n${cite}  base_model:\n${cite}  modalities:\n${cite}reviewed: 2026-11-01\n`;

const overlay = (files: Record<string, string>) => ({ displayPrefix: 'overlay/', files: Object.entries(files).map(([path, text]) => ({ path, text })) });

describe('applyOverlays', () => {
  it('adds a fine-tune whose base model lives in the registry below, validated with the same checks', () => {
    const { registry, findings } = applyOverlays(testRegistry(), [overlay({ 'models/example/base-mind.yaml': fineTune() })], { today: '2026-11-22' });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(registry.models['example/base-mind']!.base_model!.model).toBe('acme/capped');
    // The base model's MAU cap still applies to the fine-tune.
    const policy = parsePolicy('p.yaml', 'name: t\norganization: {monthly_active_users: 200000000}\n').policy!;
    const lint = lintText('r.yaml', 'model_list:\n  - model_name: chat\n    litellm_params:\n      model: hosted_vllm/base-mind\n', registry, policy, '2026-11-22');
    expect(lint.findings.map((f) => f.code)).toContain('license/mau-cap');
  });

  it('reports an overlay entry that does not validate, and dangling references into no layer', () => {
    const { findings } = applyOverlays(testRegistry(), [overlay({ 'models/example/base-mind.yaml': fineTune().replace('acme/capped', 'acme/nowhere') })]);
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.code, f.file])).toEqual([['registry/dangling-reference', 'overlay/models/example/base-mind.yaml']]);
  });

  it('refuses to replace a shipped entry or alias silently; overrides: with a reason allows it', () => {
    const replace = { 'models/acme/open.yaml': fineTune().replace('Base Mind 7B', 'Not Acme Open') };
    const refused = applyOverlays(testRegistry(), [overlay(replace)]);
    expect(refused.findings.filter((f) => f.code === 'registry/overlay-conflict').map((f) => f.message)).toEqual(['models/acme/open replaces the model of the same id in the registry below this overlay']);
    expect(refused.registry.models['acme/open']!.name).toBe('Acme Open 7B');
    const allowed = applyOverlays(testRegistry(), [overlay({ ...replace, 'overlay.yaml': 'overrides:\n  - entry: models/acme/open\n    reason: our own build of the same weights\n' })]);
    expect(allowed.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(allowed.registry.models['acme/open']!.name).toBe('Not Acme Open');

    const taken = applyOverlays(testRegistry(), [overlay({ 'models/example/base-mind.yaml': fineTune('  - open:7b\n') })]);
    expect(taken.findings.map((f) => f.message)).toContain('alias "open:7b" of example/base-mind is already acme/open\'s in the registry below this overlay');
    expect(taken.registry.models['example/base-mind']!.aliases).toEqual([]);
  });

  it('maps served names with the manifest and flags an override that replaces nothing', () => {
    const { registry, findings } = applyOverlays(testRegistry(), [overlay({ 'overlay.yaml': 'name: Example\naliases:\n  openai/base-mind: acme/capped\noverrides:\n  - entry: licenses/permissive\n    reason: not needed\n' })]);
    expect(registry.models['acme/capped']!.aliases).toContain('openai/base-mind');
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['registry/overlay-conflict', 'warning']]);
    const bad = applyOverlays(testRegistry(), [overlay({ 'overlay.yaml': 'aliases:\n  x: acme/none\noverrides:\n  - entry: licenses/permissive\n' })]);
    expect(bad.findings.map((f) => f.code).sort()).toEqual(['registry/dangling-reference', 'registry/invalid-value']);
  });
});
