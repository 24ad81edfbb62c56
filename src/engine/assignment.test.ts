import { describe, expect, it } from 'vitest';
import { alertLevel, expectedShare, indicatorScore, isDone, latestEventAt, paceGap, stageAt, type AlertRules } from './assignment';
import { dayNumber, NEVER, trendDates } from './dates';
import {
  BINARY,
  CLAIMED,
  EVALUATED,
  EXEMPT,
  INTERVIEW,
  INVERSE,
  ISSUED,
  NONE,
  NOT_ISSUED,
  RATING,
  RATIO,
  REMIND,
  REPORTED,
  SUPERVISE,
  WARN,
} from './levels';

const d = dayNumber;
const rules: AlertRules = { remindDays: 7, superviseDays: 15, interviewDays: 30, pace: { remind: 10, warn: 20, supervise: 30 } };

describe('stage at D (§2)', () => {
  const w = { issued: d('2025-01-10'), claimed: d('2025-02-01'), reported: d('2025-03-01'), evaluated: d('2025-04-01'), exempt: NEVER };
  it('does not exist before it is issued, whatever its other dates', () => {
    expect(stageAt({ ...w, exempt: d('2025-01-01') }, d('2025-01-09'))).toBe(NOT_ISSUED);
  });
  it('is the furthest step whose date is on or before D', () => {
    expect(stageAt(w, d('2025-01-10'))).toBe(ISSUED);
    expect(stageAt(w, d('2025-02-01'))).toBe(CLAIMED);
    expect(stageAt(w, d('2025-03-15'))).toBe(REPORTED);
    expect(stageAt(w, d('2025-04-01'))).toBe(EVALUATED);
  });
  it('skips missing steps: evaluated without a report is evaluated', () => {
    expect(stageAt({ ...w, reported: NEVER, claimed: NEVER }, d('2025-05-01'))).toBe(EVALUATED);
  });
  it('is exempt from the exempt date on, over any other stage', () => {
    expect(stageAt({ ...w, exempt: d('2025-03-10') }, d('2025-03-09'))).toBe(REPORTED);
    expect(stageAt({ ...w, exempt: d('2025-03-10') }, d('2025-03-10'))).toBe(EXEMPT);
  });
});

describe('actual at D (§2)', () => {
  const dates = [d('2025-03-01'), d('2025-04-01'), d('2025-04-01'), d('2025-07-15')];
  it('is the latest event on or before D; of two on the same date, the later one', () => {
    expect(latestEventAt(dates, 0, 4, d('2025-04-01'))).toBe(2);
    expect(latestEventAt(dates, 0, 4, d('2025-06-30'))).toBe(2);
  });
  it('ignores events after D, and has none before the first', () => {
    expect(latestEventAt(dates, 0, 4, d('2025-02-28'))).toBe(-1);
    expect(latestEventAt(dates, 0, 4, d('2025-07-15'))).toBe(3);
  });
  it('searches only its own range', () => {
    expect(latestEventAt(dates, 1, 2, d('2025-12-31'))).toBe(1);
    expect(latestEventAt(dates, 2, 2, d('2025-12-31'))).toBe(-1);
  });
});

describe('indicator score (§3)', () => {
  it('ratio: 100·min(A/T, 1)', () => {
    expect(indicatorScore(RATIO, 45, 90, 0)).toBe(50);
    expect(indicatorScore(RATIO, 120, 90, 0)).toBe(100);
    expect(indicatorScore(RATIO, 0, 90, 0)).toBe(0);
  });
  it('binary: 100 when A ≥ 1', () => {
    expect(indicatorScore(BINARY, 1, 1, 0)).toBe(100);
    expect(indicatorScore(BINARY, 0.99, 1, 0)).toBe(0);
    expect(indicatorScore(BINARY, 3, 1, 0)).toBe(100);
  });
  it('rating: clamped to [0, 100]', () => {
    expect(indicatorScore(RATING, 88, 85, 0)).toBe(88);
    expect(indicatorScore(RATING, 130, 85, 0)).toBe(100);
  });
  it('inverse: 100 − penalty per unit over the limit, floored at 0', () => {
    expect(indicatorScore(INVERSE, 3, 1, 20)).toBe(60);
    expect(indicatorScore(INVERSE, 1, 1, 20)).toBe(100);
    expect(indicatorScore(INVERSE, 0, 2, 20)).toBe(100);
    expect(indicatorScore(INVERSE, 9, 0, 20)).toBe(0);
  });
});

describe('done (§3)', () => {
  it('ratio A ≥ T, binary A ≥ 1, rating when evaluated, inverse never', () => {
    expect(isDone(RATIO, 90, 90, false)).toBe(true);
    expect(isDone(RATIO, 89.9, 90, true)).toBe(false);
    expect(isDone(BINARY, 1, 1, false)).toBe(true);
    expect(isDone(RATING, 100, 85, false)).toBe(false);
    expect(isDone(RATING, 10, 85, true)).toBe(true);
    expect(isDone(INVERSE, 0, 1, true)).toBe(false);
  });
});

describe('pace: expected share and gap (§7)', () => {
  it('is the elapsed share of issued → due, clamped', () => {
    expect(expectedShare(d('2025-06-30'), d('2025-01-10'), d('2025-12-31'))).toBeCloseTo(171 / 355, 12);
    expect(expectedShare(d('2025-01-01'), d('2025-01-10'), d('2025-12-31'))).toBe(0);
    expect(expectedShare(d('2026-01-10'), d('2025-01-10'), d('2025-12-31'))).toBe(1);
  });
  it('when due ≤ issued: 1 from the due date on, else 0', () => {
    expect(expectedShare(d('2025-03-01'), d('2025-03-01'), d('2025-03-01'))).toBe(1);
    expect(expectedShare(d('2025-02-27'), d('2025-03-01'), d('2025-02-28'))).toBe(0);
    expect(expectedShare(d('2025-02-28'), d('2025-03-01'), d('2025-02-28'))).toBe(1);
  });
  it('gap = 100·(e − min(A/T, 1))', () => {
    expect(paceGap(d('2025-06-30'), d('2025-01-10'), d('2025-12-31'), 18, 90)).toBeCloseTo(28.169, 3);
    expect(paceGap(d('2025-06-30'), d('2025-01-10'), d('2025-12-31'), 200, 90)).toBeCloseTo(100 * (171 / 355 - 1), 12);
  });
});

describe('alert level (§7)', () => {
  const issued = d('2025-01-01');
  const due = d('2025-06-30');
  const at = (D: string, A: number, scoring = BINARY, T = 1, done = false) => alertLevel(scoring, A, T, done, d(D), issued, due, rules);
  it('inverse: warn on a breach only, whatever the dates', () => {
    expect(at('2025-12-31', 2, INVERSE, 1)).toBe(WARN);
    expect(at('2025-12-31', 1, INVERSE, 1)).toBe(NONE);
  });
  it('done: none, even when overdue', () => {
    expect(at('2025-12-31', 1, BINARY, 1, true)).toBe(NONE);
  });
  it('overdue: warn from day 1, supervise after superviseDays, interview after interviewDays', () => {
    expect(at('2025-06-30', 0)).toBe(REMIND);
    expect(at('2025-07-01', 0)).toBe(WARN);
    expect(at('2025-07-15', 0)).toBe(WARN); // 15 days: not > 15
    expect(at('2025-07-16', 0)).toBe(SUPERVISE);
    expect(at('2025-07-30', 0)).toBe(SUPERVISE); // 30 days
    expect(at('2025-07-31', 0)).toBe(INTERVIEW);
  });
  it('due soon: remind within remindDays before due', () => {
    expect(at('2025-06-23', 0)).toBe(REMIND); // 7 days left
    expect(at('2025-06-22', 0)).toBe(NONE); // 8 days left
  });
  it('ratio: the pace level when it is higher than remind', () => {
    // due 2025-06-30 from 2025-01-01: 180 days; at 2025-03-31 (89 days) e = 89/180
    const e = 89 / 180;
    const A = (gapPoints: number) => 100 * (e - gapPoints / 100);
    expect(alertLevel(RATIO, A(35), 100, false, d('2025-03-31'), issued, due, rules)).toBe(SUPERVISE);
    expect(alertLevel(RATIO, A(25), 100, false, d('2025-03-31'), issued, due, rules)).toBe(WARN);
    expect(alertLevel(RATIO, A(12), 100, false, d('2025-03-31'), issued, due, rules)).toBe(REMIND);
    expect(alertLevel(RATIO, A(5), 100, false, d('2025-03-31'), issued, due, rules)).toBe(NONE);
    // inside the remind window a small pace gap is still a reminder
    expect(alertLevel(RATIO, 99, 100, false, d('2025-06-25'), issued, due, rules)).toBe(REMIND);
  });
  it('pace thresholds are reached despite floating-point noise', () => {
    // e = 0.7 (70 of 100 days), c = 0.5: 100·(0.7 − 0.5) = 19.999999999999996 in floating point
    const i0 = d('2025-01-01');
    const due100 = i0 + 100;
    expect(paceGap(i0 + 70, i0, due100, 0.5, 1)).toBeLessThan(20);
    expect(alertLevel(RATIO, 0.5, 1, false, i0 + 70, i0, due100, rules)).toBe(WARN);
  });
  it('binary and rating have no pace level', () => {
    expect(alertLevel(RATING, 0, 85, false, d('2025-05-01'), issued, due, rules)).toBe(NONE);
  });
});

describe('trend dates (§9)', () => {
  it('month ends from January, then D itself', () => {
    expect(trendDates('2025-06-15')).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31', '2025-06-15']);
    expect(trendDates('2024-03-31')).toEqual(['2024-01-31', '2024-02-29', '2024-03-31']);
    expect(trendDates('2025-01-05')).toEqual(['2025-01-05']);
  });
});

describe('day numbers', () => {
  it('match the calendar across leap years and centuries', () => {
    for (const iso of ['1970-01-01', '2000-02-29', '2024-02-29', '2024-03-01', '2025-12-31', '2100-03-01', '1999-12-31']) {
      expect(dayNumber(iso)).toBe(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
    }
    let day = dayNumber('2023-12-25');
    for (let k = 0; k < 800; k++, day++) expect(dayNumber(new Date(day * 86_400_000).toISOString().slice(0, 10))).toBe(day);
  });
});
