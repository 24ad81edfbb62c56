// @vitest-environment node
/**
 * The summary worker's fast path for a scope it did not prepare at load (server/scopeYear.ts): cutting the scope
 * out of the unscoped prepared year gives exactly what validating and preparing the scope's own records gives (the
 * browser of that session's path), and so the same summary; with any data-quality issue it steps aside.
 */
import { describe, expect, it } from 'vitest';
import { mockDistrict, mockMeta } from '../../mocks/data/district';
import { metaSchema, type Meta } from '../../src/api/schemas';
import { prepareYear } from '../../src/data/prepareYear';
import { buildSummary } from '../../src/data/summary';
import { filtered, indexTree } from '../../server/data';
import { scopeYear } from '../../server/scopeYear';

const district = mockDistrict(2025);
const meta = metaSchema.parse(mockMeta());
const data = { methodology: district.methodology, orgs: district.orgs, assignments: district.assignments, demands: district.demands };
const year = { data, ...indexTree(district.orgs) };
const scopedMeta = (orgId: string): Meta => ({ ...meta, scope: { orgId } });

/** The scope as the browser of a scoped session prepares it: the server's filtered records, validated and prepared. */
const asBrowser = (orgId: string) =>
  prepareYear(
    scopedMeta(orgId),
    district.methodology,
    filtered(year, 'orgs', orgId, orgId),
    filtered(year, 'assignments', orgId, orgId),
    filtered(year, 'demands', orgId, orgId),
  );

describe('scopeYear', () => {
  const unscoped = prepareYear(meta, district.methodology, district.orgs, district.assignments, district.demands);
  const root = district.orgs.find((o) => o.parentId === null)!;
  const towns = district.orgs.filter((o) => o.parentId === root.id);
  // every town, the root itself, and organisations further down (with and without children)
  const deeper = district.orgs.filter((o) => o.parentId !== null && o.parentId !== root.id);
  const withChildren = deeper.filter((o) => district.orgs.some((c) => c.parentId === o.id)).slice(0, 3);
  const scopes = [...towns, root, ...withChildren, ...deeper.slice(-3)].map((o) => o.id);

  it('the mock district has no data-quality issue (else this test would prove nothing)', () => {
    expect(unscoped.issues).toEqual([]);
    expect(unscoped.demands?.length).toBeGreaterThan(0);
  });

  it.each(scopes)('%s: the same prepared year as validating and preparing the scope’s own records', (id) => {
    const cut = scopeYear(unscoped, id);
    expect(cut).toBeDefined();
    expect(cut).toEqual(asBrowser(id));
  });

  it('the same summary, at a month end and mid-month', () => {
    for (const id of towns.slice(0, 4).map((o) => o.id))
      for (const asOf of ['2025-03-31', '2025-06-15'])
        expect(buildSummary(scopedMeta(id), 2025, asOf, scopeYear(unscoped, id)!)).toEqual(
          buildSummary(scopedMeta(id), 2025, asOf, asBrowser(id)),
        );
  });

  it('steps aside when the year has any issue, or the scope is not in it', () => {
    const bad = [...district.assignments, { ...district.assignments[0], target: 'x' }];
    const withIssue = prepareYear(meta, district.methodology, district.orgs, bad, district.demands);
    expect(withIssue.issues.length).toBe(1);
    expect(scopeYear(withIssue, towns[0].id)).toBeUndefined();
    expect(scopeYear(unscoped, 'nobody')).toBeUndefined();
  });
});
