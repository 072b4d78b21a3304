// The Clearance site: static, offline, generated from the registry (docs/site.md).
// Pages read the registry through src/site/lib/registry.ts; CLEARANCE_REGISTRY picks the registry
// (a content/ tree or a bundle JSON) so bench-site can build a synthetic registry.
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';

const base = process.env.CLEARANCE_SITE_BASE || '/';

export default defineConfig({
  // Hosting under a sub-path (e.g. /clearance/): every link, asset and search result follows `base` (docs/site.md).
  base,
  // The site's origin, when known, makes canonical and Open Graph image URLs absolute.
  ...(process.env.CLEARANCE_SITE_URL ? { site: process.env.CLEARANCE_SITE_URL } : {}),
  srcDir: './src/site',
  publicDir: './public',
  outDir: process.env.CLEARANCE_SITE_OUT ?? './dist',
  output: 'static',
  trailingSlash: 'ignore',
  integrations: [mdx()],
  build: {
    format: 'directory',
    // The CSP forbids inline styles and scripts: keep every stylesheet and script a same-origin file.
    inlineStylesheets: 'never',
  },
  devToolbar: { enabled: false },
  prefetch: false,
  // Astro's own image service is not used (no remote images, nothing to optimise).
  image: { service: { entrypoint: 'astro/assets/services/noop' } },
  markdown: { syntaxHighlight: false },
  vite: {
    build: {
      // Vite would inline small scripts and assets as data: URLs or inline <script>; the CSP allows neither for scripts.
      assetsInlineLimit: 0,
    },
  },
});
