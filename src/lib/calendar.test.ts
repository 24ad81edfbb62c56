import { describe, expect, it } from 'vitest';
import { NOT_A_DAY, calendarDay } from './calendar';

const MS_PER_DAY = 86_400_000;

describe('calendarDay', () => {
  it('gives the days since 1970-01-01 of every date from 1899 to 2101 (what Date gives)', () => {
    for (let day = Date.UTC(1899, 0, 1) / MS_PER_DAY; day <= Date.UTC(2101, 11, 31) / MS_PER_DAY; day++) {
      const iso = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
      if (calendarDay(iso) !== day) expect(calendarDay(iso)).toBe(day);
    }
  });

  it('rejects days a month does not have, leap years included', () => {
    expect(calendarDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29) / MS_PER_DAY);
    expect(calendarDay('2000-02-29')).toBe(Date.UTC(2000, 1, 29) / MS_PER_DAY);
    for (const v of ['2025-02-29', '2100-02-29', '2025-02-30', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2025-01-32'])
      expect(calendarDay(v), v).toBe(NOT_A_DAY);
  });

  it('rejects other shapes than YYYY-MM-DD', () => {
    for (const v of ['', '2025-1-01', '2025/01/01', '2025-01-01T00:00', ' 2025-01-1', '20a5-01-01', '2025-0x-01', '+2025-01-0'])
      expect(calendarDay(v), v).toBe(NOT_A_DAY);
  });
});
