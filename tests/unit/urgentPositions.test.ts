/**
 * The urgent lists' fast selection (`urgentPositions`: per-indicator bounded lists, then a sort of the few kept)
 * picks exactly what walking the full urgency order (`alertPositions`) picks — same positions, same order, ties
 * by position as the stable full sort leaves them — on random worlds at random dates and on the mock district.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mockDistrict, mockMeta } from '../../mocks/data/district';
import { ReadModel } from '../../src/data/model';
import { prepareYear } from '../../src/data/prepareYear';
import {
  alertPositions,
  alertRow,
  urgentAlerts,
  urgentAlertsVaried,
  urgentPositions,
  walkCapped,
  type AlertSource,
} from '../../src/data/selectors';
import { computeIndex } from '../../src/engine';
import { dayNumber, isoDate } from '../../src/engine/dates';
import { runWorld, world } from '../support/world';

/**
 * The reference: the capped walk over the whole sorted order (`alertPositions`), which the fast path must match
 * without sorting every alert. For a positive whole length and cap `urgentPositions` never walks the full order,
 * so the comparison checks its per-indicator top-k selection.
 */
const byFullSort = (d: AlertSource, n: number, perIndicator: number): number[] => walkCapped(alertPositions(d), d, n, perIndicator);

const source = (ds: AlertSource['ds'], result: AlertSource['result']): AlertSource => ({ ds, result, model: new ReadModel(ds, result) });
const day0 = dayNumber('2025-01-01');

describe('urgentPositions', () => {
  it('equals the full sort on random worlds, dates, list lengths and caps', () => {
    fc.assert(
      fc.property(
        world,
        fc.integer({ min: 0, max: 420 }),
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 5 }),
        (w, k, n, cap) => {
          const { ds } = runWorld(w);
          const d = source(ds, computeIndex(ds, isoDate(day0 + k)));
          expect(urgentPositions(d, n, cap)).toEqual(byFullSort(d, n, cap));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('equals the full sort on the mock district (many alerts sharing a level and a due date) at several dates', () => {
    const district = mockDistrict(2025);
    const prepared = prepareYear(mockMeta(), district.methodology, district.orgs, district.assignments);
    let alerting = 0;
    for (const asOf of ['2025-03-15', '2025-06-30', '2025-09-01', '2025-12-31']) {
      const d = source(prepared.ds, computeIndex(prepared.ds, asOf));
      alerting = Math.max(alerting, alertPositions(d).length);
      for (const [n, cap] of [
        [12, 2],
        [5, 5],
        [40, 1],
        [200, 3],
        [1, 1],
      ])
        expect(urgentPositions(d, n, cap)).toEqual(byFullSort(d, n, cap));
      expect(urgentAlertsVaried(d, 12, 2)).toEqual(byFullSort(d, 12, 2).map((a) => alertRow(d, a)));
      expect(urgentAlerts(d, 5)).toEqual(
        alertPositions(d)
          .slice(0, 5)
          .map((a) => alertRow(d, a)),
      );
    }
    // the case the fast path exists for: far more alerts than the list shows
    expect(alerting).toBeGreaterThan(1000);
  });

  it('keeps the full walk for a length or cap that is not a positive whole number', () => {
    const { ds } = runWorld(fc.sample(world, { numRuns: 1, seed: 7 })[0]);
    const d = source(ds, computeIndex(ds, '2025-12-31'));
    for (const [n, cap] of [
      [0, 2],
      [2.5, 2],
      [3, 0],
      [3, 1.5],
    ])
      expect(urgentPositions(d, n, cap)).toEqual(byFullSort(d, n, cap));
  });
});
