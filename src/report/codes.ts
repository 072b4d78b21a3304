/** Documentation for every code a lint can report: the rules, plus input codes (config/*, policy/*, yaml/*). */
import { CONFIG_CODES, RULES } from '../policy/engine.ts';
import { REGISTRY_CODES, type CodeDoc } from '../registry/codes.ts';

export interface CodeInfo extends CodeDoc {
  code: string;
}

/** Lint rules first (in rule order), then input codes. */
export function lintCodes(): CodeInfo[] {
  const out: CodeInfo[] = RULES.map((r) => ({ code: r.code, severity: r.defaultSeverity, title: r.title, why: r.why, fix: r.fix }));
  for (const [code, doc] of Object.entries(CONFIG_CODES)) out.push({ code, ...doc });
  for (const [code, doc] of Object.entries(REGISTRY_CODES)) if (code.startsWith('yaml/') || code === 'registry/unreadable' || code === 'registry/invalid-bundle') out.push({ code, ...doc });
  return out;
}
