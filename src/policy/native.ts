/** Clearance's tiered router format (schemas/router-config.schema.json) → tiers and routes. */
import { ruleUrl } from '../registry/codes.ts';
import { RouterConfigSchema, type RouterRoute } from '../registry/schema/router-config.ts';
import type { DataPath } from '../registry/yaml-source.ts';
import { CONFIG_CODES } from './config-codes.ts';
import type { ConfigParseResult } from './router-config.ts';
import type { Locate, RouteRef, TierInfo } from './types.ts';
import { zodFindings } from './zod-findings.ts';

export function parseNativeConfig(file: string, data: unknown, locate: Locate): ConfigParseResult {
  const parsed = RouterConfigSchema.safeParse(data);
  if (!parsed.success) {
    return { findings: zodFindings('config/invalid', file, parsed.error, locate, `${CONFIG_CODES['config/invalid'].fix} See ${ruleUrl('config/invalid')}`) };
  }
  const config = parsed.data;
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
