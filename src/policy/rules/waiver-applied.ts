/** waiver/applied: a finding was accepted by an unexpired waiver; reported so waivers stay visible. Emitted by evaluate(). */
import type { Rule } from './types.ts';

export const rule: Rule = {
  code: 'waiver/applied',
  title: 'Waiver applied',
  defaultSeverity: 'info',
  why: 'A waived finding does not fail the build, but it must stay visible: who approved it, why, and until when.',
  fix: 'Nothing to do until the waiver expires; then fix the finding or renew the waiver.',
  example: '# policy\nwaivers:\n  - rule: license/mau-cap\n    model: alibaba/qwen2.5-72b-instruct\n    reason: Commercial license signed with Alibaba Cloud, contract 2026-114\n    approved_by: legal@example.com\n    expires: 2027-06-30',
};
