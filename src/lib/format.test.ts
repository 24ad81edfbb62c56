import { describe, expect, it } from 'vitest';
import { DATA_TIME_ZONE, fmtDate, fmtDateTime, fmtInstant, fmtInstantShort, fmtIsoDate } from './format';

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

describe('fmtInstant', () => {
  it("writes a moment from the data on the data's clock (UTC+8), whatever zone the browser is in", () => {
    // as written when the data says +08:00; moved to UTC+8 when it says another zone
    expect(fmtInstant('2025-06-30T18:00:00+08:00', 'zh')).toBe('2025/6/30 18:00:00');
    expect(fmtInstant('2025-06-30T18:00:00+08:00', 'en')).toBe('30/06/2025, 18:00:00');
    expect(fmtInstant('2025-12-31T20:30:05Z', 'zh')).toBe('2026/1/1 04:30:05');
    expect(fmtInstant('2025-03-01T01:00:00-05:00', 'en')).toBe('01/03/2025, 14:00:00');
    // no zone given: already the data's clock
    expect(fmtInstant('2025-06-30T09:05:00', 'zh')).toBe('2025/6/30 09:05:00');
    for (const m of ['2025-06-30T10:00:00+08:00', '2024-01-05T00:07:09Z', '2024-02-29T16:00:00Z', '2026-11-28T15:13:47.250Z']) {
      const d = new Date(m);
      expect(fmtInstant(m, 'zh')).toBe(d.toLocaleString('zh-CN', { timeZone: DATA_TIME_ZONE }));
      expect(fmtInstant(m, 'en')).toBe(d.toLocaleString('en-GB', { timeZone: DATA_TIME_ZONE }));
    }
  });

  it("the wall's short form: day and minute on the same clock, as Intl writes them for zh-CN and en-GB", () => {
    const short = (lang: string) =>
      new Intl.DateTimeFormat(lang, {
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hour12: false,
        timeZone: DATA_TIME_ZONE,
      });
    for (const m of ['2025-06-30T18:05:00+08:00', '2024-01-05T00:07:09Z', '2025-12-31T20:30:05Z']) {
      expect(fmtInstantShort(m, 'zh')).toBe(short('zh-CN').format(new Date(m)));
      expect(fmtInstantShort(m, 'en')).toBe(short('en-GB').format(new Date(m)));
    }
    // no zone given: the data's clock already, on every browser
    expect(fmtInstantShort('2025-06-30T09:05:00', 'en')).toBe('30/06, 09:05');
    expect(fmtInstantShort('soon', 'zh')).toBe('soon');
  });

  it('shows a malformed moment as it came', () => {
    expect(fmtInstant('yesterday', 'zh')).toBe('yesterday');
    expect(fmtInstant('', 'en')).toBe('');
  });
});

describe('fmtDate and fmtIsoDate', () => {
  it('write a day as fmtDateTime writes its date: Date#toLocaleDateString for zh-CN and en-GB', () => {
    for (const m of ['2025-06-30T10:00:00', '2024-01-05T00:07:09', '1999-12-31T23:59:59', '2026-11-08T15:13:47']) {
      const d = new Date(m);
      expect(fmtDate(d, 'zh')).toBe(d.toLocaleDateString('zh-CN'));
      expect(fmtDate(d, 'en')).toBe(d.toLocaleDateString('en-GB'));
      expect(fmtDateTime(d, 'zh').startsWith(`${fmtDate(d, 'zh')} `)).toBe(true);
      expect(fmtDateTime(d, 'en').startsWith(`${fmtDate(d, 'en')}, `)).toBe(true);
      // the same day given as the data gives it
      const iso = m.slice(0, 10);
      expect(fmtIsoDate(iso, 'zh')).toBe(fmtDate(d, 'zh'));
      expect(fmtIsoDate(iso, 'en')).toBe(fmtDate(d, 'en'));
    }
  });

  it('shows a value that is not a YYYY-MM-DD day as it came', () => {
    expect(fmtIsoDate('2025-6-30', 'zh')).toBe('2025-6-30');
    expect(fmtIsoDate('', 'en')).toBe('');
  });
});
