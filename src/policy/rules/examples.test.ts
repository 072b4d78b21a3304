/** Every rule's example is a whole router config: the rule page shows it and the playground opens it. */
import { describe, expect, it } from 'vitest';
import { parseRouterConfig } from '../index.ts';
import { RULES } from './index.ts';

describe('rule examples', () => {
  for (const rule of RULES.filter((r) => r.example !== undefined && /^(tiers|model_list):/m.test(r.example))) {
    it(`${rule.code}: its example parses as a router config`, () => {
      const parsed = parseRouterConfig('example.yaml', rule.example!);
      expect(parsed.findings.map((f) => `${f.code}: ${f.message}`)).toEqual([]);
      expect(parsed.config?.routes.length).toBeGreaterThan(0);
    });
  }
});
