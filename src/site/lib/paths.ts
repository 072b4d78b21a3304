/** URL of every page kind, in one place so links and routes agree. Pure. */

/** Site base ("/" unless Astro's `base` is set for hosting under a sub-path). */
const BASE = ((import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL ?? '/').replace(/\/?$/, '/');

/** Prefixes a site path ("models/") with the base. */
export function url(path: string): string {
  return `${BASE}${path.replace(/^\//, '')}`;
}

export const modelUrl = (id: string) => url(`models/${id}/`);
export const modelJsonUrl = (id: string) => url(`api/models/${id}.json`);
export const licenseUrl = (id: string) => url(`licenses/${id}/`);
export const vendorUrl = (id: string) => url(`vendors/${id}/`);
export const providerUrl = (id: string) => url(`providers/${id}/`);
export const gpuUrl = (id: string) => url(`gpus/${id}/`);
export const ruleUrl = (code: string) => url(`rules/${code}/`);
export const noteUrl = (slug: string) => url(`notes/${slug}/`);
export const compareUrl = (ids: readonly string[]) => url(`compare/?models=${ids.map((id) => encodeURIComponent(id).replace(/%2F/g, '/')).join(',')}`);
/** Facts: one page per subject ("model/<id>", "license/<id>", "market", …), one anchor per fact on it. */
export const factsSubjectUrl = (slug: string) => url(`facts/${slug}/`);
export const factAnchor = (factId: string) => `fact-${factId.replace(/[^A-Za-z0-9_-]+/g, '-')}`;
export const factUrl = (subjectSlug: string, factId: string) => `${factsSubjectUrl(subjectSlug)}#${factAnchor(factId)}`;
