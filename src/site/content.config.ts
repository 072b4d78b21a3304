/**
 * Astro content collections. Only the long-form MDX notes are a collection: registry entities are read through
 * src/registry/load.ts so the site and the CLI validate them the same way.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** Notes live next to the registry they cite: <content dir>/notes, so a fixture or synthetic registry brings its own. */
function notesDir(): string {
  const registry = process.env.CLEARANCE_REGISTRY;
  return registry && existsSync(registry) && statSync(registry).isDirectory() ? join(registry, 'notes') : './content/notes';
}

const notes = defineCollection({
  loader: glob({ pattern: '*.mdx', base: notesDir() }),
  schema: z.strictObject({
    title: z.string().min(1),
    description: z.string().min(1).describe('One sentence for lists, search results and the meta description.'),
    // YAML reads an unquoted 2026-11-22 as a date; either spelling ends up as "YYYY-MM-DD".
    updated: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'updated is YYYY-MM-DD'), z.date().transform((d) => d.toISOString().slice(0, 10))]),
    order: z.number().int().optional().describe('Position in the notes list (lower first).'),
  }),
});

export const collections = { notes };
