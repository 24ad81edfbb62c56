/**
 * The organisations CSV with `compare` (methodology §13), checked against an
 * independent computation: both years through validate → prepare → compute,
 * then matched by id here, by hand, without the engine's yoy module.
 */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockDistrict } from '../../mocks/data/district';
import { orgScores } from '../../src/engine';
import { captureDownloads, cell, expectedOrgRow, parseCsv } from '../support/csv';
import { engineAt } from '../support/dashboard';
import { renderApp, waitForData } from './render';

/** §13 by hand: index, grade and rank in tier of every organisation in both years, matched by id. */
function expectedYearOverYear(asOf: string, prevAsOf: string) {
  const now = engineAt(mockDistrict(2025), asOf);
  const prev = engineAt(mockDistrict(2024), prevAsOf);
  const rows = new Map<string, string[]>();
  for (let u = 0; u < now.ds.orgs.length; u++) {
    const o = now.ds.orgs[u];
    const s = orgScores(now.ds, now.r, u);
    const p = prev.ds.orgIndex.get(o.id);
    let yoy: string[] = ['', '', '', '', ''];
    if (p !== undefined) {
      const ps = orgScores(prev.ds, prev.r, p);
      const change = s.index !== undefined && ps.index !== undefined ? s.index - ps.index : undefined;
      const sameTier = prev.ds.orgs[p].tier === o.tier;
      const rankChange = sameTier && ps.rankInTier !== undefined && s.rankInTier !== undefined ? ps.rankInTier - s.rankInTier : undefined;
      yoy = [
        cell(ps.index),
        cell(change),
        ps.grade ?? '',
        ps.rankInTier === undefined ? '' : String(ps.rankInTier),
        rankChange === undefined ? '' : String(rankChange),
      ];
    }
    rows.set(o.id, [...expectedOrgRow(o, s), ...yoy]);
  }
  return { rows, categories: now.ds.categories.map((c) => c.id) };
}

describe('organisations CSV, year over year', () => {
  let downloads: ReturnType<typeof captureDownloads>;
  beforeEach(() => (downloads = captureDownloads()));
  afterEach(() => downloads.restore());

  it('appends prevIndex,indexChange,prevGrade,prevRank,rankChange matching §13 for every organisation', async () => {
    const user = userEvent.setup();
    renderApp('/orgs?lang=en&compare=2024&asOf=2025-03-15');
    await waitForData();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    expect(downloads.blobs).toHaveLength(1);
    const [header, ...rows] = parseCsv(await downloads.blobs[0].text());
    const expected = expectedYearOverYear('2025-03-15', '2024-03-15');
    expect(header).toEqual([
      'id',
      'name',
      'tier',
      'parentId',
      'index',
      'own',
      'sub',
      'grade',
      'rank',
      ...expected.categories,
      'alert',
      'prevIndex',
      'indexChange',
      'prevGrade',
      'prevRank',
      'rankChange',
    ]);
    expect(rows).toHaveLength(expected.rows.size);
    let compared = 0;
    let moved = 0;
    for (const row of rows) {
      expect(row).toEqual(expected.rows.get(row[0]));
      if (row.at(-1) !== '') compared++;
      if (row.at(-1) !== '' && row.at(-1) !== '0') moved++;
    }
    // the mock district keeps most organisations across years: the comparison is not vacuous
    expect(compared).toBeGreaterThan(rows.length / 2);
    expect(moved).toBeGreaterThan(0);
  }, 60000);

  it('without compare the English CSV is as before (no year-over-year columns)', async () => {
    const user = userEvent.setup();
    renderApp('/orgs?lang=en&tier=town');
    await waitForData();
    await user.click(screen.getByRole('button', { name: 'Export CSV' }));
    const [header, ...rows] = parseCsv(await downloads.blobs[0].text());
    expect(header.at(-1)).toBe('alert');
    expect(header).not.toContain('prevIndex');
    const expected = expectedYearOverYear('2025-06-30', '2024-06-30');
    for (const row of rows) expect(row).toEqual(expected.rows.get(row[0])!.slice(0, -5));
  }, 60000);
});
