import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../src/registry/load.ts';
import { writeSyntheticRegistry } from './synthetic-registry.ts';

describe('synthetic registry for bench-site', () => {
  it('clones models, facts and vendors into a registry that validates', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'clearance-synth-')), 'content');
    const counts = writeSyntheticRegistry('src/site/__fixtures__/registry', out, 3);
    const { registry, findings } = loadRegistry(out, { today: '2026-11-22' });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(Object.keys(registry.models)).toHaveLength(counts.models);
    expect(counts.models).toBe(9);
    expect(registry.models['deepseek-x3/deepseek-r1-distill-llama-70b']?.base_model?.model).toBe('meta-x3/llama-3.3-70b-instruct');
    expect(Object.keys(registry.facts)).toHaveLength(3);
  });
});
