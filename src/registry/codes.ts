/**
 * Registry validation codes as data: what each checks, why, and how to fix it. The CLI hint and the site's
 * /rules/<code> page both read this table, so a code's documentation lives in one place.
 */
import type { Severity } from './finding.ts';

export interface CodeDoc {
  severity: Severity;
  title: string;
  why: string;
  fix: string;
}

export const REGISTRY_CODES = {
  'yaml/syntax': { severity: 'error', title: 'YAML syntax error', why: 'A file that does not parse cannot be checked; failing closed keeps bad data out.', fix: 'Fix indentation, quoting or colons at the reported position.' },
  'yaml/duplicate-key': { severity: 'error', title: 'Duplicate key', why: 'YAML parsers silently keep one of two equal keys, so one value would be lost without a trace.', fix: 'Remove or merge the repeated key.' },
  'yaml/forbidden-key': { severity: 'error', title: 'Forbidden key', why: '__proto__, constructor and prototype keys can corrupt objects in naive consumers.', fix: 'Rename the key.' },
  'yaml/alias-limit': { severity: 'error', title: 'Too many YAML aliases', why: 'Alias expansion ("billion laughs") can exhaust memory.', fix: 'Write repeated data out instead of using many aliases.' },
  'yaml/too-large': { severity: 'error', title: 'File too large', why: 'Registry and config files are small; a huge file is a mistake or an attack.', fix: 'Split the file or check it is the right file.' },
  'registry/unreadable': { severity: 'error', title: 'Unreadable file', why: 'A file that cannot be read cannot be checked.', fix: 'Check permissions and encoding (UTF-8).' },
  'registry/unknown-file': { severity: 'warning', title: 'File outside the registry layout', why: 'Only content/<kind>/… files are loaded; anything else is silently ignored otherwise.', fix: 'Move the file to the folder of its kind, or give it a .yaml extension.' },
  'registry/schema-comment': { severity: 'warning', title: 'Missing or wrong $schema comment', why: 'The first-line comment gives editors validation and autocompletion.', fix: 'Start the file with "# yaml-language-server: $schema=<relative path to schemas/<kind>.schema.json>".' },
  'registry/unknown-key': { severity: 'error', title: 'Unknown key', why: 'Schemas are strict so a typo never passes as data nobody reads.', fix: 'Fix the spelling, or remove the key; see the schema for allowed keys.' },
  'registry/missing-field': { severity: 'error', title: 'Missing required field', why: 'Every entity kind has fields other parts depend on.', fix: 'Add the field; if the value is not known, use the schema’s way to say unknown (status unknown, null).' },
  'registry/invalid-value': { severity: 'error', title: 'Invalid value', why: 'The value does not have the type, format or range the schema requires.', fix: 'Correct the value as the message says.' },
  'registry/constraint': { severity: 'error', title: 'Constraint not met', why: 'A rule across fields of one entity (e.g. a deprecated model needs its date).', fix: 'Add or correct the field the message names.' },
  'registry/invalid-id': { severity: 'error', title: 'Invalid id', why: 'A file’s path is its id; an id that is not a lower-case slug, is longer than 512 characters or is a reserved name such as "constructor" would be ambiguous or reach JavaScript built-ins in the tools that read the registry.', fix: 'Rename the file (or the bundle key) to a lower-case slug of at most 512 characters that is not a reserved name.' },
  'registry/empty': { severity: 'error', title: 'Empty registry', why: 'Linting against a registry with no entries would know no model, so nothing could be checked; an empty registry is almost always a wrong path.', fix: 'Point --registry at a content directory or a bundle that holds the registry.' },
  'registry/duplicate-id': { severity: 'error', title: 'Duplicate id', why: 'Two files map to the same id (e.g. foo.yaml and foo.yml).', fix: 'Keep one file per id.' },
  'registry/dangling-reference': { severity: 'error', title: 'Reference to a missing entry', why: 'A vendor, license, model, provider or source id that does not exist breaks every surface that follows it.', fix: 'Create the referenced entry, or correct the id.' },
  'registry/duplicate-alias': { severity: 'error', title: 'Alias claimed by two models', why: 'The linter resolves router ids through aliases; an ambiguous alias could apply the wrong license.', fix: 'Keep the alias on the one checkpoint it really resolves to.' },
  'registry/uncited-claim': { severity: 'error', title: 'Claim without a citation', why: 'Facts are the product: every claim-bearing field must be traceable to a source with a status.', fix: 'Add an entry for this field to `citations:` with status and sources (or status unknown).' },
  'registry/orphan-citation': { severity: 'warning', title: 'Citation for a missing field', why: 'A citation that points at nothing is usually a typo in the field path.', fix: 'Correct the citation key or remove it.' },
  'registry/status-overclaims': { severity: 'warning', title: 'Status claims more than its sources show', why: '"verified" means a primary source (license text, vendor card, config, paper) says so.', fix: 'Cite a primary source, or lower the status to secondary / single-source.' },
  'registry/stale-entry': { severity: 'warning', title: 'Entry not reviewed recently', why: 'Licenses, prices and lifecycles change; old reviews hide changes.', fix: 'Re-check the entry against its sources and update `reviewed`.' },
  'registry/cites-research-notes': { severity: 'warning', title: 'Cites the project research notes', why: 'The research notes are leads, not sources: a reader cannot open them, so a claim resting on them cannot be checked and is never deck-safe.', fix: 'Read the public document the notes name and cite it (url, place, retrieved date).' },
  'registry/source-not-locatable': { severity: 'warning', title: 'Source a reader cannot find', why: 'A bare domain or a document without a place lets nobody check the claim; such sources cannot support a deck-safe fact.', fix: 'Give the page URL, or the document and the place in it (page, section, table row).' },
  'registry/superseded-value': { severity: 'warning', title: 'Value its own caveat says was replaced', why: 'A caveat that says a price was replaced, withdrawn or is no longer served means the value is history; it must not read as current.', fix: 'Record the current value with its source, or give the old one an expiry (expires:, or the route’s lifecycle).' },
  'registry/money-without-horizon': { severity: 'warning', title: 'Amount without its period', why: 'An investment or contract value without its period ("€20B" for a ten-year plan) overstates it on a slide.', fix: 'Add horizon: (e.g. "2026-2035") or a caveat stating the period.' },
  'registry/certification-basis': { severity: 'warning', title: 'Certification resting on a score, not a certificate', why: 'A tender score or a self-assessment is not a certificate the provider holds; recorded as held it misleads.', fix: 'Set basis: tender-assessment or self-assessment (never deck-safe), or cite the certificate and its scope.' },
  'registry/lifecycle-passed': { severity: 'warning', title: 'Retirement date passed', why: 'A lifecycle that still says "retires on" a date in the past reads in the wrong tense and keeps dead routes looking current.', fix: 'Re-check the vendor’s notice and record status: retired with retired_on (or the new date).' },
  'registry/unused-source': { severity: 'info', title: 'Source never cited', why: 'An uncited source is dead weight or a missing citation.', fix: 'Cite it where it supports a claim, or delete it.' },
  'registry/license-id': { severity: 'error', title: 'License id SBOM tools would reject', why: 'SBOM validators accept only SPDX License List ids as license ids; a made-up id breaks the BOM or, worse, names the wrong license.', fix: 'Use the SPDX id where the SPDX License List has the license, else LicenseRef-scancode-<key> where ScanCode LicenseDB has the text (cite it under identity:), else LicenseRef-clearance-<license id>.' },
  'note/esm': { severity: 'error', title: 'import or export in a note', why: 'MDX runs import and export statements when the site is built: a note would be code, not content.', fix: 'Remove the statement; the registry components are available in every note without importing them.' },
  'note/expression': { severity: 'error', title: 'Expression in a note', why: 'A {…} expression is JavaScript that MDX runs when the site is built.', fix: 'Write the text out; escape a literal brace as \\{; give component attributes literal values in quotes.' },
  'note/element': { severity: 'error', title: 'Element not allowed in a note', why: 'Raw <meta> can redirect every visitor (a CSP cannot stop http-equiv="refresh"), <script> runs in their browser, <iframe> embeds another site; notes allow Markdown and the registry components only.', fix: 'Use Markdown for text and links, and <Source>, <ModelLink>, <LicenseLink>, <Status>, <RoutePrices>, <GpuPrice> for registry data.' },
  'note/attribute': { severity: 'error', title: 'Attribute not allowed in a note', why: 'on…= attributes are event handlers (script); a component takes only the attributes it documents.', fix: 'Remove the attribute, or use the component’s own attributes (id=, where=, s=).' },
  'note/url': { severity: 'error', title: 'Link that is not http(s)', why: 'javascript:, data:, file: and other schemes run code or carry documents of their own when a reader follows them.', fix: 'Link to an https:// address or a page of the site (/models/…).' },
  'registry/overlay-conflict': { severity: 'error', title: 'Overlay replaces a shipped entry', why: 'An organisation’s overlay adds models, aliases and fine-tunes on top of the shipped registry; replacing a shipped license or taking a shipped alias silently would change verdicts without anyone deciding it.', fix: 'Give the entry its own id, or list it under `overrides:` in overlay.yaml with the reason.' },
  'registry/invalid-bundle': { severity: 'error', title: 'Invalid registry bundle', why: 'A bundle must be a registry compiled by `npm run bundle`.', fix: 'Rebuild the bundle with `npm run bundle`.' },
} as const satisfies Record<string, CodeDoc>;

export type RegistryCode = keyof typeof REGISTRY_CODES;

/** Base URL path of rule pages on the site; hints link there. */
export const RULES_PATH = '/rules/';

export function ruleUrl(code: string): string {
  return `${RULES_PATH}${code}/`;
}
