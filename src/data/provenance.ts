/**
 * Why a number, and what would change it (issue 12), as view data by id:
 * the provenance of an organisation's index level by level, its CSV, the plan
 * to reach the next grade and the children that move a parent most. Always the
 * OFFICIAL result at the dashboard's as-of date (`d.ds`, `d.result`): a what-if
 * sandbox never reaches these functions, so exports stay official.
 */
import type { Category, Indicator, Scoring } from '../api/schemas';
import { childLevers, dayNumber, nextGradePlan, provenance, PROVENANCE_CSV_HEADER, provenanceCsvRows, assignmentRecord } from '../engine';
import { round2, type CsvCell } from '../lib/csv';
import type { Dashboard } from './dashboard';

export interface WorkflowDates {
  issuedAt: string;
  claimedAt: string | null;
  reportedAt: string | null;
  evaluatedAt: string | null;
  exemptAt: string | null;
  due: string;
}

export interface AssignmentTrail {
  indicator: Indicator;
  scoring: Scoring;
  /** `w_i`, its share among the org's active assignments in the category. */
  weight: number;
  weightShare: number;
  target: number;
  actual: number;
  score: number;
  /** Points added to the own index. */
  contribution: number;
  /** Workflow dates on or before the as-of date (later ones had not happened then). */
  workflow: WorkflowDates;
  /** Progress events on or before the as-of date. */
  progress: { date: string; value: number }[];
}

export interface CategoryTrail {
  category: Category;
  weight: number;
  weightShare: number;
  score: number;
  contribution: number;
  assignments: AssignmentTrail[];
}

export interface ChildTrail {
  id: string;
  name: string;
  weight: number;
  weightShare: number;
  index: number;
  contribution: number;
}

export interface OrgProvenance {
  id: string;
  alpha: number;
  ownShare: number;
  subShare: number;
  own?: number;
  sub?: number;
  index?: number;
  categories: CategoryTrail[];
  childWeighting: 'equal' | 'members';
  membersFallback: boolean;
  children: ChildTrail[];
}

const upTo = (date: string | null, asOf: string): string | null => (date !== null && date <= asOf ? date : null);

/** The provenance of organisation `id`'s official index at the dashboard's date. */
export function orgProvenance(d: Dashboard, id: string): OrgProvenance {
  const { ds, result, asOf } = d;
  const p = provenance(ds, result, d.model.position(id));
  const asOfDay = dayNumber(asOf);
  return {
    id,
    alpha: p.alpha,
    ownShare: p.ownShare,
    subShare: p.subShare,
    own: p.own,
    sub: p.sub,
    index: p.index,
    childWeighting: p.childWeighting,
    membersFallback: p.membersFallback,
    categories: p.categories.map((c) => ({
      category: ds.categories[ds.categories.findIndex((x) => x.id === c.categoryId)],
      weight: c.weight,
      weightShare: c.weightShare,
      score: c.score,
      contribution: c.contribution,
      assignments: c.assignments.map((a): AssignmentTrail => {
        const rec = assignmentRecord(ds, a.position);
        return {
          indicator: ds.indicators[ds.aIndicator[a.position]],
          scoring: a.scoring,
          weight: a.weight,
          weightShare: a.weightShare,
          target: a.target,
          actual: a.actual,
          score: a.score,
          contribution: a.contribution,
          workflow: {
            issuedAt: rec.issuedAt,
            due: rec.due,
            claimedAt: upTo(rec.claimedAt, asOf),
            reportedAt: upTo(rec.reportedAt, asOf),
            evaluatedAt: upTo(rec.evaluatedAt, asOf),
            exemptAt: upTo(rec.exemptAt, asOf),
          },
          progress: rec.progress.filter((e) => dayNumber(e.date) <= asOfDay),
        };
      }),
    })),
    children: p.children.map((c) => ({
      id: ds.orgs[c.position].id,
      name: ds.orgs[c.position].name,
      weight: c.weight,
      weightShare: c.weightShare,
      index: c.index,
      contribution: c.contribution,
    })),
  };
}

export interface CsvTable {
  filename: string;
  header: string[];
  rows: CsvCell[][];
}

/**
 * The provenance CSV of organisation `id`: its own active assignments with
 * exactly `indicatorId,categoryId,target,actual,score,contribution` (English,
 * machine-readable, in both languages), numbers rounded to 2 decimals; the
 * contribution column sums to the own index. Official figures only.
 */
export function provenanceCsv(d: Dashboard, id: string): CsvTable {
  const p = provenance(d.ds, d.result, d.model.position(id));
  return {
    filename: `provenance-${id}-${d.year}-${d.asOf}.csv`,
    header: [...PROVENANCE_CSV_HEADER],
    rows: provenanceCsvRows(p).map(([indicatorId, categoryId, target, actual, score, contribution]) => [
      indicatorId,
      categoryId,
      round2(target),
      round2(actual),
      round2(score),
      round2(contribution),
    ]),
  };
}

export interface GradeActionView {
  indicator: Indicator;
  scoring: Scoring;
  target: number;
  actual: number;
  newActual: number;
  score: number;
  newScore: number;
  points: number;
  indexAfter: number;
}

export interface NextGradeView {
  index: number;
  grade?: string;
  nextGrade: string;
  nextMin: number;
  lacking: number;
  ownShare: number;
  reachable: boolean;
  reachedIndex: number;
  actions: GradeActionView[];
}

/** The plan of `id` to reach its next grade band (undefined: no index, or already in the top band). */
export function nextGradeView(d: Dashboard, id: string): NextGradeView | undefined {
  const { ds, result } = d;
  const plan = nextGradePlan(ds, result, d.model.position(id));
  if (!plan) return undefined;
  return {
    index: plan.index,
    grade: plan.grade,
    nextGrade: plan.nextGrade,
    nextMin: plan.nextMin,
    lacking: plan.lacking,
    ownShare: plan.ownShare,
    reachable: plan.reachable,
    reachedIndex: plan.reachedIndex,
    actions: plan.actions.map((a) => ({
      indicator: ds.indicators[ds.aIndicator[a.position]],
      scoring: a.scoring,
      target: a.target,
      actual: a.actual,
      newActual: a.newActual,
      score: a.score,
      newScore: a.newScore,
      points: a.points,
      indexAfter: a.indexAfter,
    })),
  };
}

export interface ChildLeverView {
  id: string;
  name: string;
  index: number;
  leverage: number;
  lacking?: number;
  gainAtNextBand?: number;
  potential: number;
}

/** The children whose improvement moves `id` most, best lever first (at most `limit`). */
export function childLeverViews(d: Dashboard, id: string, limit = 5): ChildLeverView[] {
  const { ds, result } = d;
  return childLevers(ds, result, d.model.position(id))
    .slice(0, limit)
    .map((c) => ({
      id: ds.orgs[c.position].id,
      name: ds.orgs[c.position].name,
      index: c.index,
      leverage: c.leverage,
      lacking: c.lacking,
      gainAtNextBand: c.gainAtNextBand,
      potential: c.potential,
    }));
}
