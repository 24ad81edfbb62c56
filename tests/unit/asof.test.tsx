/** Methodology §1: the as-of date never passes what the data is complete to. */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { resolvePeriod } from '../../src/data/asOf';
import { effectiveAsOf } from '../../src/data/dashboard';
import { isCalendarDate, parseGlobalSearch } from '../../src/data/search';
import { meta } from '../fixtures/build';
import { renderApp, waitForData } from './render';

describe('as-of date', () => {
  const m = meta({ years: [2024, 2025], defaultYear: 2025, asOf: '2025-06-30' });

  it('caps the latest year at meta.asOf and earlier years at December 31', () => {
    expect(effectiveAsOf(m, 2025, '2026-05-01')).toBe('2025-06-30');
    expect(effectiveAsOf(m, 2025, '2025-07-01')).toBe('2025-06-30');
    expect(effectiveAsOf(m, 2025, '2025-03-31')).toBe('2025-03-31');
    expect(effectiveAsOf(m, 2025, undefined)).toBe('2025-06-30');
    expect(effectiveAsOf(m, 2024, '2025-03-01')).toBe('2024-12-31');
    expect(effectiveAsOf(m, 2024, '2023-03-01')).toBe('2024-01-01');
  });

  it('resolves a request to a year meta has and a date inside it: the summary the first render seeds is the one the page asks', () => {
    expect(resolvePeriod(m, undefined, undefined)).toEqual({ year: 2025, asOf: '2025-06-30' });
    expect(resolvePeriod(m, 2024, '2025-03-01')).toEqual({ year: 2024, asOf: '2024-12-31' });
    // a year meta does not list falls back to the default year, and the date is clamped into it
    expect(resolvePeriod(m, 2019, '2019-05-01')).toEqual({ year: 2025, asOf: '2025-01-01' });
  });

  it('drops dates that do not exist instead of rolling them over', () => {
    expect(isCalendarDate('2025-02-30')).toBe(false);
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(parseGlobalSearch({ asOf: '2025-02-30' }).asOf).toBeUndefined();
    expect(parseGlobalSearch({ asOf: '2025-02-28' }).asOf).toBe('2025-02-28');
  });

  it('a link past meta.asOf shows exactly the figures at meta.asOf', async () => {
    const first = renderApp('/');
    await waitForData();
    const atAsOf = screen.getByTestId('district-index').textContent;
    first.unmount();
    renderApp('/?asOf=2026-05-01');
    await waitForData();
    expect(screen.getByTestId('district-index').textContent).toBe(atAsOf);
    expect((screen.getByLabelText('截至日期') as HTMLInputElement).value).toBe('2025-06-30');
  });
});
