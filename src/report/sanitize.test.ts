import { describe, expect, it } from 'vitest';
import { stripControl } from './sanitize.ts';

describe('stripControl', () => {
  it('drops ANSI colour, cursor and OSC sequences, C0/C1 controls and bidi overrides; keeps text, tabs and newlines', () => {
    expect(stripControl('\u001b[31mred\u001b[0m ok')).toBe('red ok');
    expect(stripControl('a\u001b]0;title\u0007b\u001b]8;;http://x\u001b\\c')).toBe('abc');
    expect(stripControl('move\u001b[2Aup\u001b[Kclear\rcarriage')).toBe('moveupclearcarriage');
    expect(stripControl('x\u0000y\u0008z\u007f\u009b')).toBe('xyz');
    expect(stripControl('admin\u202e\u2066txt.exe\u2069')).toBe('admintxt.exe');
    expect(stripControl('line 1\n\tline 2 — “quotes” ü 漢字')).toBe('line 1\n\tline 2 — “quotes” ü 漢字');
  });
});
