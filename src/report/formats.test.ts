/** The lazily loaded formats `clearance lint` uses are exactly the eagerly exported ones. */
import { describe, expect, it } from 'vitest';
import { FORMAT_LOADERS } from './formats.ts';
import { FORMATS } from './index.ts';

describe('FORMAT_LOADERS', () => {
  it('loads the same formatter for every format, and no other format', async () => {
    expect(Object.keys(FORMAT_LOADERS)).toEqual(Object.keys(FORMATS));
    for (const [name, load] of Object.entries(FORMAT_LOADERS)) expect(await load()).toBe(FORMATS[name]);
  });
});
