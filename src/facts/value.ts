/** How a fact's value and unit read on a slide: "$0.435", "€180M", "131,072 tokens", "11.4%". */

/** Groups thousands the same way everywhere (en-US), independent of the machine's locale. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const [int, frac] = String(Math.abs(n)).split('.');
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${n < 0 ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** Money with at least two decimals when it has a fraction: $0.10, $0.435, $3. */
export function formatMoney(n: number): string {
  if (Number.isInteger(n)) return formatNumber(n);
  const [, frac = ''] = String(n).split('.');
  return frac.length >= 2 ? formatNumber(n) : formatNumber(Number(n.toFixed(2))).replace(/\.(\d)$/, '.$10');
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
  // "20+" with EUR B reads "€20B+".
  if (scaled && /^[\d.,]+\+?$/.test(text)) return `${scaled.prefix}${text.replace('+', '')}${scaled.suffix}${text.endsWith('+') ? '+' : ''}`;
  const prefix = PREFIX_UNITS[unit];
  if (prefix && typeof value === 'number') return `${prefix}${formatMoney(value)}`;
  if (unit === '%') return `${text}%`;
  if (unit.startsWith('USD ') && typeof value === 'number') return `$${formatMoney(value)} ${unit.slice(4)}`;
  if (unit.startsWith('EUR ') && typeof value === 'number') return `€${formatMoney(value)} ${unit.slice(4)}`;
  return `${text} ${unit}`;
}

/** Units formatValue writes into the value itself ("$0.435", "€180M", "11.4%", "131,072 tokens"). */
export function unitIsInline(unit: string | undefined): boolean {
  return unit === undefined || unit === '' || unit in PREFIX_UNITS || unit in SCALED_UNITS || unit === '%' || unit === 'tokens' || /^(USD|EUR) /.test(unit);
}

/** The value as a card draws it: the headline, and the unit as a label underneath when it is a label. */
export function valueParts(value: number | string | undefined, unit: string | undefined): { text?: string; label?: string } {
  if (value === undefined) return {};
  if (unitIsInline(unit)) return { text: formatValue(value, unit)! };
  return { text: typeof value === 'number' ? formatNumber(value) : value, label: unit! };
}
