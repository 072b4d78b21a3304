/**
 * License traps, read from the real registry (content/): each test pins one fact legal relies on, so a content
 * edit that breaks it fails CI rather than a compliance review.
 */
import { describe, expect, it } from 'vitest';
import { aliasIndex, modelChain, type License, type Model } from './index.ts';
import { loadRegistry } from './load.ts';

const { registry, findings } = loadRegistry(new URL('../../content/', import.meta.url).pathname);

function model(id: string): Model {
  const m = registry.models[id];
  if (!m) throw new Error(`content/models/${id}.yaml is missing`);
  return m;
}
function license(id: string | undefined): License {
  const l = id === undefined ? undefined : registry.licenses[id];
  if (!l) throw new Error(`content/licenses/${String(id)}.yaml is missing`);
  return l;
}
const isMultimodal = (m: Model) => m.modalities.input.some((x) => x !== 'text');
/** The EU exclusions of a model's weights license that reach this model (multimodal-only clauses need image/audio/video input). */
function euExclusions(id: string) {
  const m = model(id);
  return license(m.license).geo_exclusions.filter(
    (g) => g.regions.includes('EU') && (g.applies_to === 'all-models' || (g.applies_to === 'multimodal-models' && isMultimodal(m))),
  );
}

describe('Meta, Mistral, Cohere and Google license traps', () => {
  it('loads the open-weights part B entries without errors', () => {
    const mine = /^content\/(models\/(meta|mistral|cohere|google)\/|licenses\/(llama-|mistral-research|cc-by-nc-4.0-cohere|gemma-terms))/;
    expect(findings.filter((f) => f.severity === 'error' && mine.test(f.file))).toEqual([]);
  });

  it('Llama 4 Maverick and Llama Guard 4 carry the EU multimodal exclusion from the Llama 4 AUP; Prompt Guard 2 does not', () => {
    for (const id of ['meta/llama-4-maverick-17b-128e-instruct', 'meta/llama-guard-4-12b', 'meta/llama-4-scout-17b-16e-instruct']) {
      const [clause, ...rest] = euExclusions(id);
      expect(rest).toEqual([]);
      expect(clause).toMatchObject({ basis: 'domicile', applies_to: 'multimodal-models', in_document: 'acceptable-use-policy', status: 'verified' });
      expect(clause!.exempt).toMatch(/end users/i);
      expect(model(id).procurement_flags?.map((f) => f.flag)).toContain('eu-multimodal-exclusion');
    }
    for (const id of ['meta/llama-prompt-guard-2-86m', 'meta/llama-prompt-guard-2-22m']) {
      expect(model(id).license).toBe('llama-4-community');
      expect(model(id).modalities.input).toEqual(['text']);
      expect(euExclusions(id)).toEqual([]);
      expect(model(id).procurement_flags?.map((f) => f.flag)).not.toContain('eu-multimodal-exclusion');
    }
  });

  it('the Llama 3.3 AUP has the same multimodal EU clause, which does not reach the text-only Llama 3.3 70B', () => {
    expect(license('llama-3.3-community').geo_exclusions.map((g) => g.applies_to)).toEqual(['multimodal-models']);
    expect(euExclusions('meta/llama-3.3-70b-instruct')).toEqual([]);
  });

  it('Llama 2 forbids using outputs to improve other models, while Llama 3.1+ allows it with the "Llama" name prefix', () => {
    expect(license('llama-2-community').output_training.value).toBe('forbidden');
    for (const id of ['llama-3.1-community', 'llama-3.3-community', 'llama-4-community']) {
      const l = license(id);
      expect(l.output_training.value).toBe('restricted');
      expect(l.obligations.map((o) => o.value)).toEqual(expect.arrayContaining(['attribution-display', 'name-prefix']));
      expect(l.mau_cap?.value).toBe(700_000_000);
    }
  });

  it('Mistral Large 2 (2411) forbids commercial use while Mistral Large 3 allows it', () => {
    expect(license(model('mistral/mistral-large-2411').license).commercial_use.value).toBe('forbidden');
    const large3 = model('mistral/mistral-large-3');
    expect(large3.license).toBe('apache-2.0');
    expect(license(large3.license).commercial_use.value).toBe('allowed');
  });

  it('Command R+ weights are CC-BY-NC-4.0 while Cohere\'s own API route is governed by commercial API terms', () => {
    const commandRPlus = model('cohere/command-r-plus-08-2024');
    const weights = license(commandRPlus.license);
    expect(weights.spdx).toBe('CC-BY-NC-4.0');
    expect(weights.commercial_use.value).toBe('forbidden');
    const api = license(commandRPlus.api_terms);
    expect(api.kind).toBe('api-terms');
    expect(api.commercial_use.value).not.toBe('forbidden');
    const cohereRoute = commandRPlus.routes?.find((r) => r.provider === 'cohere');
    expect(cohereRoute?.relationship ?? registry.providers.cohere?.relationship).toBe('first-party-api');
  });

  it('Llama Guard 4 derives from Llama 4 Scout, so its chain stays under the Llama 4 license', () => {
    expect(modelChain(registry, 'meta/llama-guard-4-12b').map((m) => m.license)).toEqual(['llama-4-community', 'llama-4-community']);
  });

  it('router ids resolve to the exact checkpoint', () => {
    const index = aliasIndex(registry);
    expect(index.get('groq/llama-3.3-70b-versatile')).toBe('meta/llama-3.3-70b-instruct');
    expect(index.get('bedrock/us.meta.llama4-maverick-17b-instruct-v1:0')).toBe('meta/llama-4-maverick-17b-128e-instruct');
    expect(index.get('mistral/mistral-large-2411')).toBe('mistral/mistral-large-2411');
    expect(index.get('mistral/mistral-large-2512')).toBe('mistral/mistral-large-3');
    expect(index.get('coherelabs/c4ai-command-r-plus-08-2024')).toBe('cohere/command-r-plus-08-2024');
  });
});
