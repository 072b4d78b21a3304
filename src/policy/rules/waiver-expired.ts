/** waiver/expired: a waiver's expiry date has passed. Always an error. Emitted by evaluate(). */
import type { Rule } from './types.ts';

export const rule: Rule = {
  code: 'waiver/expired',
  title: 'Expired waiver',
  defaultSeverity: 'error',
  why: 'Waivers are temporary by design. An expired waiver no longer covers anything; the findings it covered are reported again, and the stale entry is an error so it gets renewed or removed.',
  fix: 'Fix the finding it covered and delete the waiver, or have the approver renew it with a new expiry date.',
};
