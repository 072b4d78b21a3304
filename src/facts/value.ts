/** How a fact's value and unit read on a slide: "$0.435", "€180M", "131,072 tokens", "11.4%". */

/** Groups thousands the same way everywhere (en-US), independent of the machine's locale. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

const PREFIX_UNITS: Record<string, string> = { USD: '$', EUR: '€', GBP: '£' };
const SCALED_UNITS: Record<string, { prefix: string; suffix: string }> = {
  'USD M': { prefix: '$', suffix: 'M' },
  'USD B': { prefix: '$', suffix: 'B' },
  'EUR M': { prefix: '€', suffix: 'M' },
  'EUR B': { prefix: '€', suffix: 'B' },
};

/** The headline value with its unit; undefined when the fact has no value. */
export function formatValue(value: number | string | undefined, unit: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = typeof value === 'number' ? formatNumber(value) : value;
  if (unit === undefined || unit === '') return text;
  const scaled = SCALED_UNITS[unit];
  if (scaled && typeof value === 'number') return `${scaled.prefix}${text}${scaled.suffix}`;
  const prefix = PREFIX_UNITS[unit];
  if (prefix && typeof value === 'number') return `${prefix}${text}`;
  if (unit === '%') return `${text}%`;
  if (unit.startsWith('USD ') && typeof value === 'number') return `$${text} ${unit.slice(4)}`;
  if (unit.startsWith('EUR ') && typeof value === 'number') return `€${text} ${unit.slice(4)}`;
  return `${text} ${unit}`;
}
