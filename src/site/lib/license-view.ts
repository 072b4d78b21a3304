/**
 * A license as a reader needs it: one plain-words headline, then each clause with its value, summary, status
 * and footnotes, and a flag for the clauses that bite (restrict what a licensee may do). Pure.
 */
import type { GeoExclusion, License, Model, SourceRef, Status } from '../../registry/index.ts';
import type { Footnotes } from './footnotes.ts';
import { clauseLabel } from '../../registry/clause-labels.ts';
import { compact, countryName, usdExact, words } from './format.ts';

export interface ClauseView {
  key: string;
  label: string;
  /** Short value, e.g. "With conditions", "700M MAU". */
  value: string;
  /** The clause in plain words, from the registry. */
  summary: string;
  quote?: string;
  status: Status;
  notes: number[];
  /** True when the clause restricts what a licensee may do. */
  bites: boolean;
}

export interface GeoView extends ClauseView {
  /** Whether the exclusion covers the model in question (a multimodal-only clause skips text-only models). */
  applies: boolean;
  regions: string[];
}

export interface LicenseView {
  id: string;
  license: License;
  headline: string;
  clauses: ClauseView[];
  obligations: ClauseView[];
  geo: GeoView[];
  traps: string[];
}

interface Claim<T> {
  value: T;
  summary: string;
  quote?: string | undefined;
  status: Status;
  sources: SourceRef[];
}

/** Whether a model takes non-text input, which makes "multimodal-models" clauses apply. */
export function isMultimodal(model: Model): boolean {
  return model.modalities.input.some((m) => m !== 'text');
}

export function geoApplies(geo: GeoExclusion, model: Model | undefined): boolean {
  if (geo.applies_to === 'all-models' || model === undefined) return true;
  return isMultimodal(model);
}

function clause<T>(key: string, label: string, c: Claim<T>, value: string, bites: boolean, notes: Footnotes): ClauseView {
  const view: ClauseView = { key, label, value, summary: c.summary, status: c.status, notes: notes.refs(c.sources), bites };
  if (c.quote !== undefined) view.quote = c.quote;
  return view;
}

/** Names of regions: ["EU", "CN"] → "European Union, China". */
export function regionList(regions: readonly string[]): string {
  return regions.map(countryName).join(', ');
}

/** The license's plain-words headline, as it applies to `model` when given. */
export function licenseHeadline(license: License, model?: Model): string {
  const parts: string[] = [];
  const cu = license.commercial_use.value;
  parts.push(
    cu === 'allowed'
      ? 'Commercial use is allowed.'
      : cu === 'conditional'
        ? 'Commercial use is allowed with conditions.'
        : cu === 'forbidden'
          ? 'No commercial use.'
          : 'Whether commercial use is allowed is not established.',
  );
  const mau = license.mau_cap?.value;
  if (typeof mau === 'number') parts.push(`Above ${compact(mau)} monthly active users you need a separate license.`);
  const revenue = license.revenue_cap?.value;
  if (typeof revenue === 'number') parts.push(`Above ${usdExact(revenue, 0)} annual revenue the terms change.`);
  const out = license.output_training.value;
  if (out === 'forbidden') parts.push('Outputs may not be used to train other models.');
  else if (out === 'restricted') parts.push('Using outputs to train other models comes with conditions.');
  else if (out === 'unknown') parts.push('Whether outputs may train other models is not established.');
  if (license.competing_models?.value === 'forbidden') parts.push('Building competing models is forbidden.');
  for (const geo of license.geo_exclusions) {
    if (geoApplies(geo, model)) parts.push(`Excludes licensees in ${regionList(geo.regions)} (by ${words(geo.basis)}${geo.applies_to === 'multimodal-models' ? ', multimodal models' : ''}).`);
  }
  if (license.obligations.length > 0) parts.push(`${license.obligations.length === 1 ? 'One duty' : `${license.obligations.length} duties`} to meet (see obligations).`);
  return parts.join(' ');
}

/** Full clause view of a license; `model` decides whether multimodal-only clauses apply. */
export function licenseView(id: string, license: License, notes: Footnotes, model?: Model): LicenseView {
  const clauses: ClauseView[] = [];
  const cu = license.commercial_use;
  clauses.push(clause('commercial_use', 'Commercial use', cu, words(cu.value), cu.value !== 'allowed', notes));
  if (license.mau_cap) {
    const v = license.mau_cap.value;
    clauses.push(clause('mau_cap', 'Monthly-active-user cap', license.mau_cap, v === null ? 'None' : `${compact(v)} MAU`, v !== null, notes));
  }
  if (license.revenue_cap) {
    const v = license.revenue_cap.value;
    clauses.push(clause('revenue_cap', 'Revenue cap', license.revenue_cap, v === null ? 'None' : `${usdExact(v, 0)} a year`, v !== null, notes));
  }
  const ot = license.output_training;
  clauses.push(clause('output_training', 'Training other models on outputs', ot, words(ot.value), ot.value !== 'allowed', notes));
  if (license.flow_down) {
    clauses.push(clause('flow_down', 'Use restrictions flow down to derivatives', license.flow_down, words(license.flow_down.value), license.flow_down.value === 'yes', notes));
  }
  if (license.competing_models) {
    clauses.push(clause('competing_models', 'Building competing models', license.competing_models, words(license.competing_models.value), license.competing_models.value !== 'allowed', notes));
  }
  if (license.governing_law) {
    const v = license.governing_law.value;
    clauses.push(clause('governing_law', 'Governing law', license.governing_law, v ?? 'None named', false, notes));
  }
  for (const [i, other] of (license.other_clauses ?? []).entries()) {
    clauses.push(clause(`other_clauses[${i}]`, clauseLabel(other.value), other, 'Other clause', true, notes));
  }
  const obligations = license.obligations.map((o, i) => clause(`obligations[${i}]`, words(o.value), o, words(o.value), true, notes));
  const geo: GeoView[] = license.geo_exclusions.map((g, i) => {
    const applies = geoApplies(g, model);
    const view: GeoView = {
      key: `geo_exclusions[${i}]`,
      label: `Excluded: ${regionList(g.regions)}`,
      value: `By ${words(g.basis)}; ${words(g.applies_to)}; in the ${words(g.in_document)}`,
      summary: g.exempt ? `${g.summary} Not covered: ${g.exempt}` : g.summary,
      status: g.status,
      notes: notes.refs(g.sources),
      bites: applies,
      applies,
      regions: [...g.regions],
    };
    if (g.quote !== undefined) view.quote = g.quote;
    return view;
  });
  return { id, license, headline: licenseHeadline(license, model), clauses, obligations, geo, traps: license.traps ?? [] };
}
