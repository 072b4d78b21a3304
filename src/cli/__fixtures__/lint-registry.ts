/**
 * The frozen registry the lint golden files run against: the models the fixtures name (and their base
 * models), their licenses and vendors, every provider, and the sources they cite, taken from content/ and
 * written to lint-registry.json. Freezing it keeps the golden wording stable while content/ grows.
 * Regenerate: UPDATE_LINT_REGISTRY=1 npx vitest run src/cli/commands/lint.test.ts -u
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseRouterConfig } from '../../policy/index.ts';
import { createResolver } from '../../policy/resolve.ts';
import { loadRegistry } from '../../registry/load.ts';
import { emptyRegistry, toBundle, type Registry } from '../../registry/registry.ts';

export const LINT_REGISTRY = new URL('./lint-registry.json', import.meta.url).pathname;

/** Model ids kept beyond those the fixture configs name (suggestion targets, contrast cases). */
const EXTRA_MODELS = ['mistral/mistral-large-2411', 'anthropic/claude-sonnet-4.5', 'alibaba/qwen3-235b-a22b-instruct-2507', 'alibaba/qwen2.5-3b-instruct', 'meta/llama-3.3-70b-instruct', 'alibaba/qwen2.5-72b-instruct'];

export function buildLintRegistry(contentDir: string, configFiles: readonly string[], today: string): Registry {
  const full = loadRegistry(contentDir, { today }).registry;
  const resolver = createResolver(full);
  const wanted = new Set(EXTRA_MODELS.filter((id) => full.models[id]));
  for (const file of configFiles) {
    const { config } = parseRouterConfig(file, readFileSync(file, 'utf8'));
    for (const route of config?.routes ?? []) {
      for (const spec of [route.baseModel, route.spec]) {
        if (spec === undefined) continue;
        const r = resolver.resolveModel(spec, spec === route.spec ? route.prefix : undefined);
        if (r.kind === 'model') resolver.chainIds(r.id).forEach((id) => wanted.add(id));
      }
    }
  }
  // A bundle must be whole: the replacement a kept model names (on its own or a route's lifecycle) is kept too.
  for (let grew = true; grew; ) {
    grew = false;
    for (const id of [...wanted]) {
      const model = full.models[id]!;
      for (const next of [model.lifecycle.replacement, ...(model.routes ?? []).map((r) => r.lifecycle?.replacement)]) {
        if (next === undefined || wanted.has(next) || !full.models[next]) continue;
        resolver.chainIds(next).forEach((c) => wanted.add(c));
        grew = true;
      }
    }
  }
  const out = emptyRegistry();
  out.providers = full.providers;
  for (const id of [...wanted].sort()) {
    const model = full.models[id]!;
    out.models[id] = model;
    for (const l of [model.license, model.api_terms, ...(model.license_history ?? []).map((h) => h.license)]) if (l && full.licenses[l]) out.licenses[l] = full.licenses[l];
    if (full.vendors[model.vendor]) out.vendors[model.vendor] = full.vendors[model.vendor]!;
  }
  for (const license of Object.values(out.licenses)) if (license.vendor && full.vendors[license.vendor]) out.vendors[license.vendor] = full.vendors[license.vendor]!;
  for (const provider of Object.values(out.providers)) if (provider.vendor && full.vendors[provider.vendor]) out.vendors[provider.vendor] = full.vendors[provider.vendor]!;
  for (const id of [...citedSources([out.models, out.licenses, out.vendors, out.providers])].sort()) if (full.sources[id]) out.sources[id] = full.sources[id]!;
  return out;
}

/** Every source id cited anywhere in `value`. */
export function citedSources(value: unknown, cited = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => citedSources(v, cited));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'source' && typeof v === 'string') cited.add(v);
      else citedSources(v, cited);
    }
  }
  return cited;
}

export function writeLintRegistry(registry: Registry): void {
  writeFileSync(LINT_REGISTRY, `${JSON.stringify(toBundle(registry), null, 1)}\n`);
}
