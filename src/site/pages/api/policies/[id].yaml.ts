/** GET /api/policies/<id>.yaml: the files in content/policies, as written, for the policy playground. */
import { listContentFiles, readContentText } from '../../../lib/registry.ts';

export function getStaticPaths() {
  return listContentFiles('policies').map((id) => ({ params: { id } }));
}

export function GET({ params }: { params: { id: string } }): Response {
  const found = readContentText('policies', params.id);
  if (!found) throw new Error(`content/policies/${params.id}.yaml disappeared during the build`);
  return new Response(found.text, { headers: { 'content-type': 'text/yaml; charset=utf-8' } });
}
