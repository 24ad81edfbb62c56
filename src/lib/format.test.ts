import { describe, expect, it } from 'vitest';
import { fmtDateTime } from './format';

describe('fmtDateTime', () => {
  it('writes what Date#toLocaleString writes for zh-CN and en-GB, at any hour, day and year', () => {
    const moments = [
      '2025-06-30T10:00:00+08:00',
      '2024-01-05T00:07:09Z',
      '2025-12-31T23:59:59',
      '1999-02-28T09:05:00',
      '2026-11-28T15:13:47Z',
    ];
    for (const m of moments) {
      const d = new Date(m);
      expect(fmtDateTime(d, 'zh')).toBe(d.toLocaleString('zh-CN'));
      expect(fmtDateTime(d, 'en')).toBe(d.toLocaleString('en-GB'));
    }
  });
});
