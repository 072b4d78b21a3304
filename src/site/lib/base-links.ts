/**
 * Notes are written against the domain root ("[calculator](/sizing/)"); under a sub-path (/clearance/) such links
 * need the base. The notes page maps MDX links through this (components/mdx/Link.astro). Pure.
 */

/** "/x" → "<base>x"; other URLs (relative, protocol-relative, absolute, #fragment) are left alone. */
export function withBase(value: string, base: string): string {
  if (!value.startsWith('/') || value.startsWith('//')) return value;
  const prefix = base.endsWith('/') ? base : `${base}/`;
  return prefix === '/' || value.startsWith(prefix) ? value : `${prefix}${value.slice(1)}`;
}
