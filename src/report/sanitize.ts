/**
 * Strings from registry entries and router configs reach terminals, CI logs and PR comments. Terminal
 * control characters (ESC sequences, C0/C1 controls) could rewrite what a reviewer sees, and bidirectional
 * overrides can reorder it ("Trojan Source", CVE-2021-42574); both are dropped from text and GitHub output.
 * Newlines and tabs stay: the formats lay out lines themselves. Pure.
 */

// ESC-introduced sequences first (CSI `ESC [ … final`, OSC `ESC ] … BEL|ESC \`, two-byte `ESC x`), then any
// remaining C0 control but \t and \n, DEL and C1 controls, and the Unicode bidi embeddings, overrides and isolates.
// eslint-disable-next-line no-control-regex
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])?/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

export function stripControl(s: string): string {
  return s.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '');
}

/** One line of output from a value: controls dropped, line breaks and tabs folded to spaces. */
export function oneLine(s: string): string {
  return stripControl(s).replace(/[\n\t]+/g, ' ');
}
