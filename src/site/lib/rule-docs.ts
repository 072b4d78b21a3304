/**
 * Every finding code Clearance can emit, with its documentation, for the /rules/<code> pages: the linter's
 * rules (src/policy/rules), router-config and policy input codes, and registry validation codes. The docs are
 * data in those modules; the site only lays them out. Pure.
 */
import { REGISTRY_CODES, type Severity } from '../../registry/index.ts';
import { CONFIG_CODES, RULES } from '../../policy/index.ts';

export interface RuleDocView {
  code: string;
  title: string;
  severity: Severity;
  why: string;
  fix: string;
  example?: string;
  /** Which tool emits it. */
  group: 'lint' | 'config' | 'registry';
}

export const GROUP_TITLES: Record<RuleDocView['group'], string> = {
  lint: 'License linter rules (clearance lint)',
  config: 'Router config and policy input (clearance lint, exit 2)',
  registry: 'Registry validation (clearance validate)',
};

export function ruleDocs(): RuleDocView[] {
  const out: RuleDocView[] = [];
  for (const r of RULES) {
    const doc: RuleDocView = { code: r.code, title: r.title, severity: r.defaultSeverity, why: r.why, fix: r.fix, group: 'lint' };
    if (r.example) doc.example = r.example;
    out.push(doc);
  }
  for (const [code, d] of Object.entries(CONFIG_CODES)) out.push({ code, title: d.title, severity: d.severity, why: d.why, fix: d.fix, group: 'config' });
  for (const [code, d] of Object.entries(REGISTRY_CODES)) out.push({ code, title: d.title, severity: d.severity, why: d.why, fix: d.fix, group: 'registry' });
  return out;
}
