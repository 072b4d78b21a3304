/**
 * Country groups that license clauses and policies name. Member lists as of 2026 (EU: 27 states since the
 * UK left on 2020-01-31; EEA: the EU plus Iceland, Liechtenstein and Norway).
 */

/** EU member states, ISO 3166-1 alpha-2 (Greece is "GR" in ISO, "EL" only in EU statistics). */
export const EU_MEMBERS: readonly string[] = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE',
  'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
];

/** EEA = EU + Iceland, Liechtenstein, Norway. */
export const EEA_MEMBERS: readonly string[] = [...EU_MEMBERS, 'IS', 'LI', 'NO'];

export const COUNTRY_GROUPS: Readonly<Record<string, readonly string[]>> = { EU: EU_MEMBERS, EEA: EEA_MEMBERS };

/** Expands country codes and group names ("EU", "EEA") into a set of country codes. */
export function expandPlaces(places: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const place of places) {
    const group = Object.hasOwn(COUNTRY_GROUPS, place.toUpperCase()) ? COUNTRY_GROUPS[place.toUpperCase()] : undefined;
    if (group) group.forEach((c) => out.add(c));
    else out.add(place.toUpperCase());
  }
  return out;
}

/** Whether a country belongs to any of the places (countries or groups). */
export function inPlaces(country: string, places: readonly string[]): boolean {
  return expandPlaces(places).has(country.toUpperCase());
}

/** The places a country matched, for messages: "DE is in the EU". */
export function describeMembership(country: string, places: readonly string[]): string {
  const c = country.toUpperCase();
  const groups = places.filter((p) => Object.hasOwn(COUNTRY_GROUPS, p.toUpperCase()) && COUNTRY_GROUPS[p.toUpperCase()]!.includes(c));
  return groups.length > 0 ? `${c} (${groups.join(', ')} member)` : c;
}

/** Whether every country a place stands for (a country, or all members of a group) is within the allowed places. */
export function placeWithin(place: string, allowed: readonly string[]): boolean {
  const ok = expandPlaces(allowed);
  return [...expandPlaces([place])].every((c) => ok.has(c));
}

/** Whether any country a place stands for is among the given places. */
export function placeOverlaps(place: string, places: readonly string[]): boolean {
  const set = expandPlaces(places);
  return [...expandPlaces([place])].some((c) => set.has(c));
}
