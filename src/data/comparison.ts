/**
 * Year over year (methodology §13), pure: the year on screen compared with an
 * earlier year's dataset computed at the comparison date, organisation by
 * organisation, matched by id. Built by the dashboard (src/data/dashboard.tsx)
 * when the URL holds `compare=<year>`; views read it by id.
 */
import {
  compareYears,
  computeIndex,
  dayNumber,
  exitCandidates,
  expectedShare,
  orgYearOverYear,
  type IndexResult,
  type OrgYearOverYear,
  type PreparedDataset,
  type YearOverYear,
  type YearResult,
} from '../engine';
import type { YearDataset } from './loadYear';
import { ReadModel } from './model';

export const isLeapYear = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** An organisation whose grade changed between the two years. */
export interface GradeChange {
  id: string;
  name: string;
  tier: string;
  prevGrade: string | undefined;
  grade: string | undefined;
  /** Positions moved (positive = up a grade or more). */
  change: number;
  index: number | undefined;
  prevIndex: number | undefined;
}

/** An organisation in last year's top band that is not in it now (退出). */
export interface ExitEntry {
  id: string;
  name: string;
  tier: string;
  prevIndex: number | undefined;
  prevRank: number | undefined;
  /** Undefined when the organisation no longer exists. */
  index: number | undefined;
  grade: string | undefined;
  exists: boolean;
}

/** One year compared with an earlier one; everything by organisation id. */
export class Comparison {
  /** The comparison year's read model (its organisations, tallies and grades at `asOf`). */
  readonly prevModel: ReadModel;
  private readonly yoy: YearOverYear;
  private readonly prev: YearResult;
  private readonly now: YearResult & { model: ReadModel };

  constructor(
    now: { ds: PreparedDataset; result: IndexResult; model: ReadModel },
    prevData: YearDataset,
    /** The comparison date (§13). */
    readonly asOf: string,
  ) {
    const r = computeIndex(prevData.ds, asOf);
    this.prev = { ds: prevData.ds, r };
    this.now = { ds: now.ds, r: now.result, model: now.model };
    this.prevModel = new ReadModel(prevData.ds, r);
    this.yoy = compareYears(this.now, this.prev);
  }

  get year(): number {
    return +this.asOf.slice(0, 4);
  }

  /** §13 figures of an organisation of the year on screen (all undefined when it did not exist then, or is unknown). */
  of(id: string): OrgYearOverYear {
    const u = this.now.ds.orgIndex.get(id);
    return u === undefined ? {} : orgYearOverYear(this.prev, this.yoy, u);
  }

  /** The comparison year's result, for the trend overlay (data layer only). */
  get prevResult(): YearResult {
    return this.prev;
  }

  /** Organisations (of some, or all) whose grade position changed, biggest rise first, then biggest fall last. */
  gradeChanges(ids?: readonly string[]): GradeChange[] {
    const { ds, r } = this.now;
    const positions = ids ? ids.map((id) => ds.orgIndex.get(id)).filter((u): u is number => u !== undefined) : ds.orgs.map((_, u) => u);
    const out: GradeChange[] = [];
    for (const u of positions) {
      const change = this.yoy.gradeChange[u];
      if (Number.isNaN(change) || change === 0) continue;
      const o = ds.orgs[u];
      const f = orgYearOverYear(this.prev, this.yoy, u);
      out.push({
        id: o.id,
        name: o.name,
        tier: o.tier,
        prevGrade: f.prevGrade,
        grade: r.grade[u] >= 0 ? r.gradeBands[r.grade[u]].grade : undefined,
        change,
        index: Number.isNaN(r.index[u]) ? undefined : r.index[u],
        prevIndex: f.prevIndex,
      });
    }
    return out.sort(
      (a, b) =>
        b.change - a.change || ds.tier[ds.orgIndex.get(a.id)!] - ds.tier[ds.orgIndex.get(b.id)!] || (b.index ?? -1) - (a.index ?? -1),
    );
  }

  /** 退出 (§13): in the top band a year earlier and not now, towns before grassroots, by last year's rank. */
  exits(): ExitEntry[] {
    const { r } = this.now;
    return exitCandidates(this.now, this.prev).map((e) => {
      const o = this.prev.ds.orgs[e.prevPosition];
      const u = e.position;
      const prevRank = this.prev.r.rankInTier[e.prevPosition];
      return {
        id: o.id,
        name: o.name,
        tier: o.tier,
        prevIndex: this.prev.r.index[e.prevPosition],
        prevRank: prevRank > 0 ? prevRank : undefined,
        index: u >= 0 && !Number.isNaN(r.index[u]) ? r.index[u] : undefined,
        grade: u >= 0 && r.grade[u] >= 0 ? r.gradeBands[r.grade[u]].grade : undefined,
        exists: u >= 0,
      };
    });
  }
}

/**
 * 序时进度 of the calendar year at `date`, in percent: the expected share (methodology §7) of an indicator issued
 * on January 1 and due on December 31 — 0 on January 1, 100 on December 31, a straight line between. The
 * overview's and the wall's trends both draw it.
 */
export function yearPace(date: string): number {
  const y = date.slice(0, 4);
  return 100 * expectedShare(dayNumber(date), dayNumber(`${y}-01-01`), dayNumber(`${y}-12-31`));
}

/** `yearPace` at each date of a trend. */
export function paceLine(dates: readonly string[]): number[] {
  return dates.map(yearPace);
}
