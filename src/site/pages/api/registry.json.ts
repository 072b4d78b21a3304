/** GET /api/registry.json: the whole registry as the bundle `clearance --registry` accepts. */
import { toBundle } from '../../../registry/index.ts';
import { getRegistry } from '../../lib/registry.ts';

export function GET(): Response {
  const { registry } = getRegistry();
  return new Response(JSON.stringify(toBundle(registry)), { headers: { 'content-type': 'application/json' } });
}
