# Clearance gateway policy: deny by default. A model is allowed only when data.clearance_allowlist (written by
# `clearance allowlist --format opa`) names it, on a channel whose waiver, if any, has not expired.
# input: {"model": "<name the client sends>", "provider": "<provider id>" (required when the name also
# names a removed route), "today": "YYYY-MM-DD" (optional; the clock's UTC date otherwise)}
package clearance.gateway

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
