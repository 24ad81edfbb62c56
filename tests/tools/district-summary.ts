/** Prints the mock district's story (grade distribution, towns, categories, alerts): `npx tsx tests/tools/district-summary.ts [year] [asOf]`. */
import { mockDistrict } from '../../mocks/data/district';
import { validateDataset } from '../../src/api/validate';
import { computeIndex, orgScores, prepareDataset, subtreeAlertTally, subtreeStageTally } from '../../src/engine';

const year = Number(process.argv[2] ?? 2025);
const d = mockDistrict(year);
const asOf = process.argv[3] ?? (year === 2025 ? d.meta.asOf : `${year}-12-31`);
const v = validateDataset(d.meta, d.methodology, d.orgs, d.assignments);
const ds = prepareDataset(v.methodology, d.meta.tiers, v.orgs, v.assignments);
const r = computeIndex(ds, asOf);
console.log(
  `orgs ${d.orgs.length}, assignments ${d.assignments.length}, issues ${v.issues.length}, bytes ${JSON.stringify(d.assignments).length}`,
);
const grades: Record<string, number> = {};
for (let u = 0; u < ds.orgs.length; u++)
  if (ds.orgs[u].tier === 'grassroots') {
    const g = orgScores(ds, r, u).grade ?? '—';
    grades[g] = (grades[g] ?? 0) + 1;
  }
console.log('grassroots grades', grades);
const root = orgScores(ds, r, 0);
console.log(
  'district',
  root.index?.toFixed(2),
  root.own?.toFixed(2),
  root.sub?.toFixed(2),
  root.grade,
  root.categories.map((c) => c?.toFixed(1)).join(' '),
);
for (const u of ds.children[0]) {
  const s = orgScores(ds, r, u);
  console.log(
    s.org.name.padEnd(12),
    s.index?.toFixed(1),
    s.grade ?? '—',
    s.rankInTier,
    s.categories.map((c) => c?.toFixed(0)).join(' '),
    ds.children[u].length,
  );
}
console.log('alerts', subtreeAlertTally(r, 0), 'stages', subtreeStageTally(r, 0));
