/**
 * License identifiers as SBOM tools accept them. An id is one of three schemes, in this order of preference:
 * an id on the SPDX License List (`Apache-2.0`), the ScanCode LicenseDB key of the same text
 * (`LicenseRef-scancode-llama-3.1-license-2024`), or Clearance's own `LicenseRef-clearance-<license id>` when
 * neither lists the text. Only SPDX-listed ids may go where a validator expects one (CycloneDX `license.id`).
 * Pure: the SPDX list is the `spdx-license-ids` package's JSON, bundled like code.
 */
import SPDX_LICENSE_IDS from 'spdx-license-ids/index.json' with { type: 'json' };

const LISTED: ReadonlySet<string> = new Set(SPDX_LICENSE_IDS as string[]);

export const SCANCODE_PREFIX = 'LicenseRef-scancode-';
export const CLEARANCE_PREFIX = 'LicenseRef-clearance-';

export type LicenseIdScheme = 'spdx' | 'scancode' | 'clearance';

/** True when `id` is on the SPDX License List (exact, case-sensitive as the list spells it). */
export function isSpdxListed(id: string): boolean {
  return LISTED.has(id);
}

/** Which scheme an id belongs to; undefined for ids that are none of the three (a registry error). */
export function licenseIdScheme(id: string): LicenseIdScheme | undefined {
  if (id.startsWith(SCANCODE_PREFIX) && id.length > SCANCODE_PREFIX.length) return 'scancode';
  if (id.startsWith(CLEARANCE_PREFIX) && id.length > CLEARANCE_PREFIX.length) return 'clearance';
  return isSpdxListed(id) ? 'spdx' : undefined;
}

/** The ScanCode LicenseDB key inside a `LicenseRef-scancode-…` id. */
export function scancodeKey(id: string): string | undefined {
  return licenseIdScheme(id) === 'scancode' ? id.slice(SCANCODE_PREFIX.length) : undefined;
}

/**
 * What is wrong with a license entry's id, in words, or undefined when it is fine. `licenseId` is the entry's
 * registry id (content/licenses/<id>), `kind` its document kind: API terms are never an SPDX license.
 */
export function licenseIdProblem(spdx: string, licenseId: string, kind: string): string | undefined {
  const scheme = licenseIdScheme(spdx);
  if (scheme === undefined) {
    return spdx.startsWith('LicenseRef-')
      ? `"${spdx}" is neither a ScanCode LicenseDB id (${SCANCODE_PREFIX}<key>) nor Clearance's own (${CLEARANCE_PREFIX}${licenseId})`
      : `"${spdx}" is not on the SPDX License List`;
  }
  if (scheme === 'spdx' && kind === 'api-terms') return `"${spdx}" is an SPDX license id, but API terms are not an SPDX-listed license`;
  if (scheme === 'clearance' && spdx !== `${CLEARANCE_PREFIX}${licenseId}`) return `Clearance's own ids are ${CLEARANCE_PREFIX}<the license's registry id>: expected "${CLEARANCE_PREFIX}${licenseId}"`;
  return undefined;
}

/** How a person reads an id's scheme: "SPDX", "ScanCode LicenseDB", "Clearance". */
export const LICENSE_ID_SCHEME_LABELS: Readonly<Record<LicenseIdScheme, string>> = { spdx: 'SPDX', scancode: 'ScanCode LicenseDB', clearance: 'Clearance' };

export function licenseIdLabel(id: string): string {
  const scheme = licenseIdScheme(id);
  return scheme === undefined ? 'license id' : `${LICENSE_ID_SCHEME_LABELS[scheme]} id`;
}
