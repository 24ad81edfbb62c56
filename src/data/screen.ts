/**
 * View data of the command-room screen (/screen), derived from the computed
 * dashboard through the read model and the shared selectors, so the wall
 * shows the same numbers as every other view. Pure functions: no React.
 */
import type { LevelTally } from '../engine';
import { rankedOrder } from './chartInputs';
import type { Dashboard } from './dashboard';
import type { ReadModel } from './model';
import { alertPositions, alertRow, type AlertRow } from './selectors';

/** One level-1 group as a row of the screen's board. */
export interface GroupRow {
  id: string;
  name: string;
  index: number | undefined;
  grade: string | undefined;
  gradeIndex: number;
  /** 1 = best among the groups with an index; undefined without one. */
  rank: number | undefined;
  categories: (number | undefined)[];
  /** Active assignments per alert level over the group's subtree. */
  alerts: LevelTally;
}

/** Every level-1 group, best first, groups without an index last (the weakest at the bottom, never cut off). */
export function groupBoard(model: ReadModel): GroupRow[] {
  let rank = 0;
  return rankedOrder(model, model.groups()).map((id) => {
    const s = model.scores(id);
    return {
      id,
      name: s.org.name,
      index: s.index,
      grade: s.grade,
      gradeIndex: s.gradeIndex,
      rank: s.index === undefined ? undefined : ++rank,
      categories: s.categories,
      alerts: model.alertTally(id),
    };
  });
}

/** A child in the focus panel's ranking: its rank among its siblings with an index. */
export interface RankedChild {
  id: string;
  name: string;
  index: number;
  gradeIndex: number;
  rank: number;
}

/**
 * The focused group's children ranked, best first; when there are more than
 * `max`, the best `max - weakest` and the `weakest` last ones (a wall cannot
 * scroll, and the weakest are what a command room acts on).
 */
export function focusChildren(
  model: ReadModel,
  groupId: string,
  max: number,
  weakest: number,
): { rows: RankedChild[]; ranked: number; skipped: number } {
  const all: RankedChild[] = [];
  for (const id of rankedOrder(model, model.children(groupId))) {
    const s = model.scores(id);
    if (s.index === undefined) break; // rankedOrder puts the ones without an index last
    all.push({ id, name: s.org.name, index: s.index, gradeIndex: s.gradeIndex, rank: all.length + 1 });
  }
  if (all.length <= max) return { rows: all, ranked: all.length, skipped: 0 };
  const head = all.slice(0, max - weakest);
  const tail = all.slice(all.length - weakest);
  return { rows: [...head, ...tail], ranked: all.length, skipped: all.length - head.length - tail.length };
}

/**
 * The alerts of each level-1 group, most urgent first (the shared order of
 * `alertPositions`), built once per dashboard; rows only for the first `n` of each.
 */
export function urgentByGroup(d: Dashboard, n: number): Map<string, AlertRow[]> {
  const out = new Map<string, AlertRow[]>(d.model.groups().map((id) => [id, []]));
  for (const a of alertPositions(d)) {
    const orgId = d.ds.orgs[d.ds.aOrg[a]].id;
    const list = out.get(d.model.groupOf(orgId)?.id ?? '');
    if (list && list.length < n) list.push(alertRow(d, a));
  }
  return out;
}
