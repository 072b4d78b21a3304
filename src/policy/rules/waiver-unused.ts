/** waiver/unused: a waiver matches no finding. Emitted by evaluate(). */
import type { Rule } from './types.ts';

export const rule: Rule = {
  code: 'waiver/unused',
  title: 'Unused waiver',
  defaultSeverity: 'warning',
  why: 'A waiver that matches nothing is either obsolete (the finding was fixed) or wrong (a typo in the rule, model or tier), and a wrong waiver may be hiding that the intended finding is still there.',
  fix: 'Delete the waiver, or correct its rule, model (registry id or alias) or tier.',
};
