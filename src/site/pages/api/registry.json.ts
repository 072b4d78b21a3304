/** GET /api/registry.json: the whole registry as the bundle `clearance --registry` accepts. */
import { toBundle } from '../../../registry/index.ts';
import { getRegistry } from '../../lib/registry.ts';

export function GET(): Response {
  // The registry as validated, not restated as of the build date: it is data other tools load and date themselves.
  const { raw } = getRegistry();
  return new Response(JSON.stringify(toBundle(raw)), { headers: { 'content-type': 'application/json' } });
}
