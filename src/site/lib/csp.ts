/**
 * The site's Content-Security-Policy, delivered as a meta tag on every page. Everything is same-origin files:
 * no inline scripts or styles, no external hosts. 'wasm-unsafe-eval' lets Pagefind instantiate its WebAssembly
 * search module; it does not allow eval() of JavaScript.
 */
export const CSP_DIRECTIVES: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self' 'wasm-unsafe-eval'",
  'style-src': "'self'",
  'img-src': "'self'",
  'font-src': "'self'",
  'connect-src': "'self'",
  'manifest-src': "'self'",
  'base-uri': "'none'",
  'form-action': "'self'",
  'object-src': "'none'",
};

export const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v}`)
  .join('; ');
