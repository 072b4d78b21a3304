/** Display formatting shared by pages: numbers, prices, dates, countries, status words. Pure. */
import type { Status } from '../../registry/index.ts';
import { CERTIFICATIONS } from '../../registry/certifications.ts';

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const REGION_NAMES = new Intl.DisplayNames(['en'], { type: 'region' });

/** 700000000 → "700M", 128000 → "128K", 1048576 → "1.05M". */
export function compact(n: number): string {
  const units: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, unit] of units) {
    if (Math.abs(n) >= size) return `${trimNumber(n / size)}${unit}`;
  }
  return trimNumber(n);
}

/** Up to three significant decimals, no trailing zeros: 70.60 → "70.6". */
export function trimNumber(n: number): string {
  if (Number.isInteger(n)) return INTEGER.format(n);
  const digits = Math.abs(n) >= 100 ? 0 : Math.abs(n) >= 10 ? 1 : 2;
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }).format(n);
}

export function integer(n: number): string {
  return INTEGER.format(n);
}

/** Context window in tokens: 128000 → "128K tokens (128,000)". */
export function tokens(n: number | undefined): string {
  if (n === undefined) return 'not recorded';
  return `${compact(n)} (${integer(n)})`;
}

/** Parameter count in billions: 70.6 → "70.6B", 0.086 → "86M". */
export function params(billions: number): string {
  if (billions < 1) return `${trimNumber(billions * 1000)}M`;
  if (billions >= 1000) return `${trimNumber(billions / 1000)}T`;
  return `${trimNumber(billions)}B`;
}

/** USD per 1M tokens. */
export function usd(n: number): string {
  // Cents always; a tenth of a cent where a price is that small ($0.038); no ".00" on whole dollars.
  return `$${n < 1 ? n.toFixed(3).replace(/0$/, '') : n.toFixed(2).replace(/\.00$/, '')}`;
}

export function usdExact(n: number, digits = 2): string {
  return `$${n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** "US" → "United States"; unknown codes stay as given. */
export function countryName(code: string): string {
  if (code === 'EU') return 'European Union';
  if (code === 'EEA') return 'European Economic Area';
  try {
    return REGION_NAMES.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "2024-12-06" → "6 Dec 2024"; "2026-07" → "Jul 2026". Dates stay unambiguous across locales. */
export function date(iso: string | undefined): string {
  if (!iso) return 'not recorded';
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!m) return iso;
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][Number(m[2]) - 1] ?? m[2];
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
}

/** What each status means, for badge tooltips and the legend. */
export const STATUS_TEXT: Record<Status, string> = {
  verified: 'Verified: read in a primary source (license text, vendor model card, config, paper).',
  secondary: 'Secondary: two independent secondary sources agree.',
  'single-source': 'Single source: one secondary source; flag it before using it in a deck.',
  directional: 'Directional: an estimate or indication, not a measured value.',
  disputed: 'Disputed: sources conflict; every side is shown.',
  unknown: 'Unknown: not established; no value is guessed.',
};

/** Strength order, strongest first (for sorting and for the weakest-link status of a derived value). */
export const STATUS_ORDER: readonly Status[] = ['verified', 'secondary', 'single-source', 'directional', 'disputed', 'unknown'];

export function weakestStatus(statuses: readonly Status[]): Status | undefined {
  let worst: Status | undefined;
  for (const s of statuses) if (worst === undefined || STATUS_ORDER.indexOf(s) > STATUS_ORDER.indexOf(worst)) worst = s;
  return worst;
}

/** Words for enum values the registry stores as slugs. */
export const WORDS: Record<string, string> = {
  'open-weights': 'Open weights',
  'api-only': 'API only',
  permissive: 'Permissive',
  'open-weights-restricted': 'Open weights with restrictions',
  'non-commercial': 'Non-commercial',
  'research-only': 'Research only',
  'proprietary-api': 'Proprietary API terms',
  allowed: 'Allowed',
  conditional: 'With conditions',
  forbidden: 'Forbidden',
  restricted: 'Restricted',
  unknown: 'Unknown',
  'first-party-api': 'First-party API',
  'managed-cloud': 'Managed cloud',
  'hosted-oss': 'Hosted open weights',
  'self-hosted': 'Self-hosted',
  'weights-license': 'Weights license',
  'api-terms': 'API terms',
  'code-license': 'Code license',
  'license-notice': 'Ship the license notice',
  'attribution-display': 'Display attribution',
  'name-prefix': 'Prefix derivative names',
  'aup-flow-down': 'Pass the use policy on',
  'usage-reporting': 'Report usage',
  other: 'Other duty',
  active: 'Active',
  deprecated: 'Deprecated',
  retired: 'Retired',
  yes: 'Yes',
  no: 'No',
  'in-progress': 'In progress',
  available: 'Available',
  default: 'Default',
  'not-available': 'Not available',
  'opt-out': 'Yes, unless you opt out',
  'cloud-on-demand': 'Cloud, on demand',
  'cloud-reserved': 'Cloud, reserved',
  purchase: 'Purchase',
  base: 'Base',
  instruct: 'Instruct',
  reasoning: 'Reasoning',
  domicile: 'domicile',
  location: 'location of use',
  'export-control': 'export control',
  'all-models': 'all models under the license',
  'multimodal-models': 'multimodal models only',
  license: 'license',
  'acceptable-use-policy': 'acceptable use policy',
  terms: 'terms',
  'fine-tune': 'fine-tune',
  distillation: 'distillation',
  quantization: 'quantization',
  merge: 'merge',
  adapter: 'adapter',
  'continued-pretraining': 'continued pre-training',
};

export function words(slug: string | undefined): string {
  if (slug === undefined) return 'not recorded';
  return WORDS[slug] ?? slug;
}

/** Certification names for tables (src/registry/certifications.ts holds them once). */
export const CERTIFICATION_WORDS: Record<string, string> = Object.fromEntries(Object.entries(CERTIFICATIONS).map(([id, c]) => [id, c.label]));

