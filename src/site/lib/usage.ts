/** Reverse lookups: which models use a license, a vendor, a provider. Pure. */
import type { Registry } from '../../registry/index.ts';
import { governingLicenses } from './model-row.ts';

export interface LicenseUse {
  modelId: string;
  name: string;
  how: 'weights' | 'inherited' | 'api-terms' | 'history';
}

/** Models governed by a license, directly, through a base model, as API terms, or in their license history. */
export function modelsUnderLicense(registry: Registry, licenseId: string): LicenseUse[] {
  const out: LicenseUse[] = [];
  for (const [id, model] of Object.entries(registry.models)) {
    let how: LicenseUse['how'] | undefined;
    if (model.license === licenseId) how = 'weights';
    else if (model.api_terms === licenseId) how = 'api-terms';
    else if (governingLicenses(registry, id).some((l) => l.id === licenseId)) how = 'inherited';
    else if (model.license_history?.some((h) => h.license === licenseId)) how = 'history';
    if (how) out.push({ modelId: id, name: model.name, how });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export function modelsByVendor(registry: Registry, vendorId: string): { id: string; name: string }[] {
  return Object.entries(registry.models)
    .filter(([, m]) => m.vendor === vendorId)
    .map(([id, m]) => ({ id, name: m.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function licensesByVendor(registry: Registry, vendorId: string): { id: string; name: string }[] {
  return Object.entries(registry.licenses)
    .filter(([, l]) => l.vendor === vendorId)
    .map(([id, l]) => ({ id, name: l.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Routes a provider serves, with the model they reach. */
export function routesByProvider(registry: Registry, providerId: string) {
  return Object.entries(registry.models)
    .flatMap(([id, m]) => (m.routes ?? []).filter((r) => r.provider === providerId).map((route) => ({ modelId: id, modelName: m.name, route })))
    .sort((a, b) => a.modelName.localeCompare(b.modelName));
}
