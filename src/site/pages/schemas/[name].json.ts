/** GET /schemas/<kind>.schema.json: the generated JSON Schemas (npm run schemas), served as files for editors and tools. */
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const DIR = resolve('schemas');

export function getStaticPaths() {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => ({ params: { name: f.replace(/\.json$/, '') } }));
}

export function GET({ params }: { params: { name: string } }): Response {
  return new Response(readFileSync(resolve(DIR, `${params.name}.json`), 'utf8'), { headers: { 'content-type': 'application/json' } });
}
