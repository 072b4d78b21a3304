/** GET /api/models/index.json: every model id with its name, card URL and JSON URL. */
import { getRegistry } from '../../../lib/registry.ts';
import { modelRows } from '../../../lib/model-row.ts';
import { modelJsonUrl, modelUrl } from '../../../lib/paths.ts';

export function GET(): Response {
  const { registry } = getRegistry();
  const models = modelRows(registry).map((r) => ({ id: r.id, name: r.name, vendor: r.vendorName, url: modelUrl(r.id), json: modelJsonUrl(r.id) }));
  return new Response(JSON.stringify({ models }), { headers: { 'content-type': 'application/json' } });
}
