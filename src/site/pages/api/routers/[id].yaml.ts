/** GET /api/routers/<id>.yaml: the files in content/routers, as written, for the policy playground. */
import { listContentFiles, readContentText } from '../../../lib/registry.ts';

export function getStaticPaths() {
  return listContentFiles('routers').map((id) => ({ params: { id } }));
}

export function GET({ params }: { params: { id: string } }): Response {
  const found = readContentText('routers', params.id);
  if (!found) throw new Error(`content/routers/${params.id}.yaml disappeared during the build`);
  return new Response(found.text, { headers: { 'content-type': 'text/yaml; charset=utf-8' } });
}
