/**
 * Countries for pickers: every ISO 3166-1 alpha-2 code the build's ICU can name, with its English name and
 * whether it is an EU member (the linter's own list). Build time only; the browser gets plain options.
 */
import { EU_MEMBERS } from '../../policy/index.ts';

/** ICU region codes that are not countries (groupings, reserved and private-use codes). */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'ZZ', 'QO', 'XA', 'XB', 'XK']);

export interface CountryOption {
  code: string;
  name: string;
  eu: boolean;
}

export function countryOptions(): CountryOption[] {
  const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const out: CountryOption[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (NOT_COUNTRIES.has(code)) continue;
      const name = names.of(code);
      if (name && name !== code) out.push({ code, name, eu: EU_MEMBERS.includes(code) });
    }
  }
  return out.sort((x, y) => x.name.localeCompare(y.name, 'en'));
}
