/** Clearance's tiered router format (schemas/router-config.schema.json) → tiers and routes. */
import { ruleUrl } from '../registry/codes.ts';
import type { RouterRoute } from '../registry/schema/router-config.ts';
import type { DataPath } from '../registry/yaml-source.ts';
import { CONFIG_CODES } from './config-codes.ts';
import type { ConfigParseResult } from './router-config.ts';
import { shapeFindings } from './shape-findings.ts';
import type { Shapes } from './shapes.ts';
import type { Locate, RouteRef, TierInfo } from './types.ts';

export function parseNativeConfig(file: string, data: unknown, locate: Locate, shapes: Shapes): ConfigParseResult {
  const parsed = shapes.routerConfig(data);
  if (!parsed.ok) {
    return { findings: shapeFindings('config/invalid', file, parsed.issues, locate, `${CONFIG_CODES['config/invalid'].fix} See ${ruleUrl('config/invalid')}`) };
  }
  const config = parsed.value;
  const tiers: TierInfo[] = [];
  const routes: RouteRef[] = [];
  config.tiers.forEach((tier, t) => {
    const tierPath: DataPath = ['tiers', t];
    tiers.push({ id: tier.id, tags: tier.tags, path: [...tierPath, 'id'], ...locate([...tierPath, 'id']) });
    const add = (route: RouterRoute, list: 'routes' | 'fallbacks', i: number) => {
      const path: DataPath = [...tierPath, list, i, 'model'];
      routes.push({
        file,
        format: 'native',
        tier: tier.id,
        role: list === 'routes' ? 'primary' : 'fallback',
        spec: route.model,
        path,
        ...locate(path),
        via: route.via,
        viaAt: locate([...tierPath, list, i, 'via']),
        ...(route.region !== undefined ? { region: route.region } : {}),
        ...(route.country !== undefined ? { country: route.country } : {}),
      });
    };
    tier.routes.forEach((r, i) => add(r, 'routes', i));
    tier.fallbacks?.forEach((r, i) => add(r, 'fallbacks', i));
  });
  return { config: { file, format: 'native', name: config.name, tiers, routes, findings: [] }, findings: [] };
}
