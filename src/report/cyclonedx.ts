/**
 * CycloneDX 1.6 ML-BOM of router configs: one `machine-learning-model` component per model a route reaches
 * (base models of derivatives too, linked through `dependencies`), each with its supplier and the licenses
 * that govern it; providers as `services`; every route as properties. Validated in tests against the
 * official bom-1.6 JSON schema. Pure.
 */
import { resolverFor, governingTerms, type ParsedConfig, type RouteRef } from '../policy/engine.ts';
import type { Registry } from '../registry/registry.ts';
import { isSpdxListed, licenseIdScheme } from '../registry/license-ids.ts';
import type { License, Model } from '../registry/schema/index.ts';

/** CycloneDX versions this report writes; 1.6 is the default (`clearance bom --spec`). */
export const BOM_SPEC_VERSIONS = ['1.6', '1.7'] as const;
export type BomSpecVersion = (typeof BOM_SPEC_VERSIONS)[number];

export interface BomOptions {
  version: string;
  /** YYYY-MM-DD; the BOM timestamp is midnight UTC of this day, so output is reproducible. */
  today: string;
  /** Name of the described application (default: the first config's name or file). */
  name?: string;
  /** CycloneDX specification version (default 1.6). */
  spec?: BomSpecVersion;
}

export interface BomResult {
  bom: Record<string, unknown>;
  /** Routes whose model could not be resolved (unknown ids, wildcards): the BOM cannot describe them. */
  unresolved: RouteRef[];
}

interface Property {
  name: string;
  value: string;
}

export function toCycloneDx(configs: readonly ParsedConfig[], registry: Registry, options: BomOptions): BomResult {
  const resolver = resolverFor(registry);
  const components = new Map<string, Record<string, unknown>>();
  const routeProps = new Map<string, Property[]>();
  const dependencies = new Map<string, Set<string>>();
  const services = new Map<string, Record<string, unknown>>();
  const unresolved: RouteRef[] = [];

  for (const config of configs) {
    for (const route of config.routes) {
      let r = route.baseModel !== undefined ? resolver.resolveModel(route.baseModel) : resolver.resolveModel(route.spec, route.prefix);
      if (r.kind !== 'model' && route.baseModel !== undefined) r = resolver.resolveModel(route.spec, route.prefix);
      if (r.kind !== 'model') {
        unresolved.push(route);
        continue;
      }
      const serving = resolver.serving(route, r.id);
      const chain = resolver.chainIds(r.id);
      const terms = governingTerms(registry, chain, serving.relationship);
      chain.forEach((id, i) => {
        if (!components.has(id)) components.set(id, modelComponent(id, registry.models[id]!, registry));
        const next = chain[i + 1];
        if (next !== undefined) dependencies.set(id, (dependencies.get(id) ?? new Set()).add(next));
      });
      const props = routeProps.get(r.id) ?? [];
      const via = serving.provider ? serving.provider.id : serving.relationship;
      props.push({
        name: 'clearance:route',
        value: `${route.file}:${route.line} tier=${route.tier} role=${route.role} via=${via} relationship=${serving.relationship} terms=${terms.map((t) => t.licenseId).join('+') || 'none'}`,
      });
      routeProps.set(r.id, props);
      if (serving.provider && !services.has(serving.provider.id)) {
        const p = serving.provider.provider;
        services.set(serving.provider.id, {
          'bom-ref': `provider:${serving.provider.id}`,
          provider: { name: p.legal_entity ?? p.name },
          name: p.name,
          ...(p.website ? { endpoints: [p.website] } : {}),
          properties: [
            { name: 'clearance:provider-id', value: serving.provider.id },
            { name: 'clearance:country', value: p.country },
            { name: 'clearance:relationship', value: p.relationship },
            { name: 'clearance:eu-controlled', value: String(p.eu_controlled) },
          ],
        });
      }
      // The licenses that govern this route are attached to the model the route calls.
      const component = components.get(r.id)!;
      const licenses = (component.licenses as unknown[]) ?? [];
      for (const t of terms) {
        if (!t.license) continue;
        const entry = licenseEntry(t.license, t.licenseId);
        if (!licenses.some((l) => JSON.stringify(l) === JSON.stringify(entry))) licenses.push(entry);
      }
      if (licenses.length > 0) component.licenses = licenses;
    }
  }

  const modelList = [...components.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([id, c]) => {
    const props = [...((c.properties as Property[]) ?? []), ...(routeProps.get(id) ?? [])];
    return { ...c, ...(props.length > 0 ? { properties: props } : {}) };
  });
  const first = configs[0];
  const spec = options.spec ?? '1.6';
  const bom = {
    $schema: `http://cyclonedx.org/schema/bom-${spec}.schema.json`,
    bomFormat: 'CycloneDX',
    specVersion: spec,
    version: 1,
    metadata: {
      timestamp: `${options.today}T00:00:00Z`,
      tools: { components: [{ type: 'application', name: 'clearance', version: options.version }] },
      component: { type: 'application', 'bom-ref': 'router-config', name: options.name ?? first?.name ?? first?.file ?? 'router config' },
      properties: configs.map((c) => ({ name: 'clearance:config', value: `${c.file} (${c.format})` })),
    },
    components: modelList,
    ...(services.size > 0 ? { services: [...services.values()] } : {}),
    dependencies: [
      { ref: 'router-config', dependsOn: [...routeProps.keys()].sort() },
      ...[...dependencies.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([ref, deps]) => ({ ref, dependsOn: [...deps].sort() })),
    ],
  };
  return { bom, unresolved };
}

function modelComponent(id: string, model: Model, registry: Registry): Record<string, unknown> {
  const vendor = registry.vendors[model.vendor];
  const properties: Property[] = [
    { name: 'clearance:model-id', value: id },
    { name: 'clearance:kind', value: model.kind },
    { name: 'clearance:lifecycle', value: model.lifecycle.status },
  ];
  if (vendor) properties.push({ name: 'clearance:vendor-country', value: vendor.country });
  if (model.base_model) properties.push({ name: 'clearance:derived-from', value: `${model.base_model.model} (${model.base_model.relation})` });
  for (const flag of model.procurement_flags ?? []) properties.push({ name: 'clearance:procurement-flag', value: flag.flag });
  const ownTerms = [model.license, model.api_terms].filter((l): l is string => l !== undefined && registry.licenses[l] !== undefined);
  return {
    type: 'machine-learning-model',
    'bom-ref': id,
    supplier: { name: vendor?.legal_entity ?? vendor?.name ?? model.vendor },
    ...(vendor ? { manufacturer: { name: vendor.name } } : {}),
    group: model.vendor,
    name: model.name,
    ...(model.release_date ? { version: model.release_date } : {}),
    ...(model.description ? { description: model.description } : {}),
    licenses: ownTerms.map((l) => licenseEntry(registry.licenses[l]!, l)),
    ...(model.weights ? { externalReferences: [{ type: 'distribution', url: model.weights.url, comment: `weights: ${model.weights.repo}` }] } : {}),
    modelCard: {
      modelParameters: {
        architectureFamily: model.family,
        inputs: model.modalities.input.map((format) => ({ format })),
        outputs: model.modalities.output.map((format) => ({ format })),
      },
    },
    properties,
  };
}

/**
 * CycloneDX `license.id` accepts only SPDX License List ids, so only those go there (checked against the list,
 * not trusted from the registry). Everything else — ScanCode LicenseDB refs, Clearance refs, API terms — is a
 * named license with its URL; its LicenseRef id and Hugging Face tag ride along as properties.
 */
function licenseEntry(license: License, id: string): Record<string, unknown> {
  const acknowledgement = 'declared';
  if (license.kind !== 'api-terms' && isSpdxListed(license.spdx)) {
    return { license: { id: license.spdx, url: license.url, acknowledgement } };
  }
  const properties: Property[] = [{ name: 'clearance:license-id', value: id }];
  if (licenseIdScheme(license.spdx) !== undefined) properties.push({ name: 'clearance:license-ref', value: license.spdx });
  if (license.hf_tag) properties.push({ name: 'clearance:hf-license-tag', value: license.hf_tag });
  return { license: { name: license.name, url: license.url, acknowledgement, properties } };
}
