/**
 * The allow set for Open Policy Agent: a data document (`data.clearance_allowlist`), a small Rego policy that denies by
 * default, and `opa test` cases generated from the same decisions this project checks in JavaScript
 * (`decide`, below, is the Rego rule written out; the test suite runs the cases against it). No Rego is
 * compiled here: there is no pure-JavaScript Rego compiler, so the bundle ships as text. Pure.
 */
import type { AllowlistDocument } from '../policy/allowlist.ts';

export interface GatewayRequest {
  /** The model name the client or gateway sends. */
  model: string;
  /** Provider id, when the gateway knows where it will send the call. */
  provider?: string;
  /** YYYY-MM-DD; waivers that expired before it no longer allow a channel. */
  today: string;
}

/** The decision the Rego policy makes, in JavaScript: allowed when some live channel of a named model matches. */
export function decide(doc: AllowlistDocument, request: GatewayRequest): boolean {
  if (!Object.hasOwn(doc.names, request.model)) return false;
  const entry = doc.names[request.model]!;
  if (request.provider === undefined && entry.requires_provider) return false;
  return entry.channels.some(
    (ref) =>
      (request.provider === undefined || ref.provider === request.provider) &&
      Object.hasOwn(doc.models, ref.model) &&
      doc.models[ref.model]!.channels.some((c) => c.provider === ref.provider && (c.expires === undefined || c.expires >= request.today)),
  );
}

export const REGO_PACKAGE = 'clearance.gateway';

export const REGO_POLICY = `# Clearance gateway policy: deny by default. A model is allowed only when data.clearance_allowlist (written by
# \`clearance allowlist --format opa\`) names it, on a channel whose waiver, if any, has not expired.
# input: {"model": "<name the client sends>", "provider": "<provider id>" (required when the name also
# names a removed route), "today": "YYYY-MM-DD" (optional; the clock's UTC date otherwise)}
package ${REGO_PACKAGE}

import rego.v1

default allow := false

allow if {
	some channel in channels
	not expired(channel)
}

channels contains channel if {
	entry := data.clearance_allowlist.names[input.model]
	some ref in entry.channels
	provider_matches(entry, ref)
	some channel in data.clearance_allowlist.models[ref.model].channels
	channel.provider == ref.provider
}

# Without a provider, a name is enough only when every route written with it is allowed.
provider_matches(entry, _) if {
	not input.provider
	not entry.requires_provider
}

provider_matches(_, ref) if ref.provider == input.provider

today := input.today if input.today

today := time.format([time.now_ns(), "UTC", "2006-01-02"]) if not input.today

expired(channel) if {
	channel.expires
	channel.expires < today
}

deny contains msg if {
	not allow
	msg := sprintf("model %q is not allowed by policy %q (allow list of %s)", [input.model, data.clearance_allowlist.policy, data.clearance_allowlist.date])
}
`;

export interface RegoCase {
  name: string;
  input: GatewayRequest;
  allow: boolean;
}

/** Test cases: each allowed name allowed, each removed model denied, an unknown name denied, expiries honoured. */
export function regoCases(doc: AllowlistDocument): RegoCase[] {
  const cases: RegoCase[] = [];
  const today = doc.date;
  for (const name of Object.keys(doc.names)) {
    const input = { model: name, today };
    const allow = decide(doc, input);
    cases.push({ name: `${allow ? 'allows' : `denies (provider required)`} ${name}`, input, allow });
    for (const ref of doc.names[name]!.channels) {
      const withProvider = { model: name, provider: ref.provider, today };
      const allow = decide(doc, withProvider);
      cases.push({ name: `${allow ? 'allows' : 'denies'} ${name} via ${ref.provider}`, input: withProvider, allow });
    }
  }
  const names = new Set(Object.keys(doc.names));
  for (const removed of doc.removed) {
    if (names.has(removed.model)) continue; // the same string is allowed on another route
    cases.push({ name: `denies ${removed.model} (${removed.codes.join(', ')})`, input: { model: removed.model, today }, allow: false });
  }
  cases.push({ name: 'denies a name the allow list does not have', input: { model: 'clearance-test/not-on-the-list', today }, allow: false });
  for (const [name, entry] of Object.entries(doc.names)) {
    for (const ref of entry.channels) {
      const channel = doc.models[ref.model]!.channels.find((c) => c.provider === ref.provider && c.expires !== undefined);
      if (!channel) continue;
      const input = { model: name, provider: ref.provider, today: nextDay(channel.expires!) };
      cases.push({ name: `${name} via ${ref.provider} after its waiver expires on ${channel.expires}`, input, allow: decide(doc, input) });
    }
  }
  return cases;
}

export function regoTests(doc: AllowlistDocument): string {
  const cases = regoCases(doc);
  const body = cases.map((c, i) => {
    const input = JSON.stringify(c.input);
    return `# ${c.name.replace(/[\r\n]+/g, ' ')}\ntest_case_${i + 1} if {\n\t${c.allow ? '' : 'not '}allow with input as ${input}\n}`;
  });
  return `# Generated by clearance allowlist: \`opa test .\` in this folder runs these against clearance.rego and data.json.\npackage ${REGO_PACKAGE}_test\n\nimport rego.v1\n\nimport data.${REGO_PACKAGE}.allow\n\n${body.join('\n\n')}\n`;
}

/** The files of an OPA bundle directory: data, policy and its tests. */
export function opaBundle(doc: AllowlistDocument): Record<string, string> {
  return {
    'data.json': `${JSON.stringify({ clearance_allowlist: doc }, null, 2)}\n`,
    'clearance.rego': REGO_POLICY,
    'clearance_test.rego': regoTests(doc),
  };
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
