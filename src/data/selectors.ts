/**
 * View models shared by several screens, derived from the computed dashboard.
 * Pure functions of (dataset, result): no React.
 */
import { ALERT_LEVELS, assignmentState, type AlertLevel, type AssignmentState, type OrgScores } from '../engine';
import type { Dashboard } from './dashboard';
import type { Comparison } from './compare';
import type { I18n } from '../i18n';
import { round2, type CsvCell } from '../lib/csv';

export interface AlertRow extends AssignmentState {
  orgId: string;
  orgName: string;
  /** The organisation's level-1 group (ReadModel.groupOf): its ancestor that is a child of the root. */
  townId?: string;
  townName?: string;
  categoryId: string;
  levelRank: number;
}

/** What the alert selectors read: a dashboard, or the server's summary's own engine run. */
export type AlertSource = Pick<Dashboard, 'ds' | 'result' | 'model'>;

/** The urgency order of two alerting positions: level, then days overdue (earliest due first), then pace gap; 0 = tie. */
function urgencyOrder(d: AlertSource): (a: number, b: number) => number {
  const { ds, result } = d;
  const gap = (a: number) => (Number.isNaN(result.aGap[a]) ? -1e9 : result.aGap[a]);
  // overdue days order like due dates, earliest first
  return (a, b) => result.aAlert[b] - result.aAlert[a] || ds.aDue[a] - ds.aDue[b] || gap(b) - gap(a);
}

/** Positions of every active assignment with an alert, most urgent first: level, then days overdue, then pace gap. */
export function alertPositions(d: AlertSource): number[] {
  const { ds, result } = d;
  const out: number[] = [];
  for (let a = 0; a < ds.assignmentCount; a++) if (result.aAlert[a] > 0) out.push(a);
  return out.sort(urgencyOrder(d));
}

/**
 * The first `n` positions of `alertPositions` taking at most `perIndicator` of one indicator — the same positions
 * in the same order — without sorting every alert (a province has hundreds of thousands). Walking the full order
 * picks an alert exactly when fewer than `perIndicator` alerts of its indicator come before it, so the picks are
 * the first `n`, in urgency order, of each indicator's `perIndicator` most urgent: one pass keeps those (a short
 * sorted list per indicator), then only they are sorted. Ties end by position, as the stable full sort leaves them.
 */
export function urgentPositions(d: AlertSource, n: number, perIndicator: number): number[] {
  if (!(Number.isInteger(n) && n > 0 && Number.isInteger(perIndicator) && perIndicator > 0))
    return walkCapped(alertPositions(d), d, n, perIndicator);
  const { ds, result } = d;
  const urgency = urgencyOrder(d);
  const order = (a: number, b: number) => urgency(a, b) || a - b;
  const keep = Math.min(n, perIndicator);
  const best: number[][] = ds.indicators.map(() => []);
  for (let a = 0; a < ds.assignmentCount; a++) {
    if (result.aAlert[a] <= 0) continue;
    const list = best[ds.aIndicator[a]];
    if (list.length === keep && order(a, list[keep - 1]) >= 0) continue;
    let k = list.length === keep ? keep - 1 : list.length;
    while (k > 0 && order(a, list[k - 1]) < 0) {
      list[k] = list[k - 1];
      k--;
    }
    list[k] = a;
  }
  return best.flat().sort(order).slice(0, n);
}

/**
 * The `n` first of `positions` (most urgent first) with at most `perIndicator` of one indicator. Exported so the
 * unit test's reference (this walk over the full `alertPositions` order) states the capping rule once.
 */
export function walkCapped(positions: Iterable<number>, d: AlertSource, n: number, perIndicator: number): number[] {
  const seen = new Map<number, number>();
  const out: number[] = [];
  for (const a of positions) {
    const i = d.ds.aIndicator[a];
    const k = seen.get(i) ?? 0;
    if (k >= perIndicator) continue;
    seen.set(i, k + 1);
    out.push(a);
    if (out.length === n) break;
  }
  return out;
}

/** One alert as a table row (organisation, its group, indicator, state). */
export function alertRow(d: AlertSource, a: number): AlertRow {
  const { ds, result, model } = d;
  const s = assignmentState(ds, result, a)!;
  const org = ds.orgs[ds.aOrg[a]];
  const town = model.groupOf(org.id);
  return {
    ...s,
    orgId: org.id,
    orgName: org.name,
    townId: town?.id,
    townName: town?.name,
    categoryId: s.indicator.categoryId,
    levelRank: result.aAlert[a],
  };
}

/** Every active assignment with an alert, most urgent first. */
export function alertRows(d: Dashboard): AlertRow[] {
  return alertPositions(d).map((a) => alertRow(d, a));
}

/** The `n` most urgent alerts, without building rows for the rest (nor sorting them: at most `n` of one indicator is no cap). */
export function urgentAlerts(d: AlertSource, n: number): AlertRow[] {
  const positions = Number.isInteger(n) && n > 0 ? urgentPositions(d, n, n) : alertPositions(d).slice(0, n);
  return positions.map((a) => alertRow(d, a));
}

export function countByLevel(rows: { alert: AlertLevel }[]): Record<AlertLevel, number> {
  const out = Object.fromEntries(ALERT_LEVELS.map((l) => [l, 0])) as Record<AlertLevel, number>;
  for (const r of rows) out[r.alert]++;
  return out;
}

export const ORG_CSV_FIXED = ['id', 'name', 'tier', 'parentId', 'index', 'own', 'sub', 'grade', 'rank'];

/** Methodology §13 columns appended after `alert` when a comparison year is on (English headers are machine-readable). */
export const ORG_CSV_YOY = ['prevIndex', 'indexChange', 'prevGrade', 'prevRank', 'rankChange'];

export interface CsvOptions {
  /** The reader's language: Chinese gets Chinese headers, names instead of ids and coded values spelled out; English (or none) the machine-readable form. */
  i18n?: I18n;
  /** Year over year (§13): appends the comparison columns. */
  comparison?: Comparison;
}

const isZh = (o: CsvOptions): o is CsvOptions & { i18n: I18n } => o.i18n?.lang === 'zh';

/**
 * The organisations CSV. English: `id,name,tier,parentId,index,own,sub,grade,rank,<category ids>,alert`
 * (then `prevIndex,indexChange,prevGrade,prevRank,rankChange` with a comparison) — scripts rely on it.
 * Chinese: the same columns with Chinese headers, tier and parent by name, grades, "未评级" and levels in words.
 */
export function orgCsvTable(d: Dashboard, rows: OrgScores[], opts: CsvOptions = {}): { header: string[]; rows: CsvCell[][] } {
  const { model } = d;
  const c = opts.comparison;
  if (isZh(opts)) {
    const { t, local } = opts.i18n;
    const tierName = (id: string) => {
      const tier = model.tierName(id);
      return tier ? local(tier.name) : id;
    };
    const graded = (index: number | undefined, grade: string | undefined) => (index === undefined ? '' : (grade ?? t('grade.none')));
    const header = [
      t('col.id'),
      t('col.name'),
      t('col.tier'),
      t('col.parent'),
      t('col.index'),
      t('col.own'),
      t('col.sub'),
      t('col.grade'),
      t('kpi.rankTier'),
      ...model.categories.map((cat) => local(cat.name)),
      t('col.alert'),
      ...(c
        ? [t('yoy.col.prevIndex'), t('yoy.col.indexChange'), t('yoy.col.prevGrade'), t('yoy.col.prevRank'), t('yoy.col.rankChange')]
        : []),
    ];
    return {
      header,
      rows: rows.map((s) => {
        const y = c?.of(s.org.id);
        return [
          s.org.id,
          s.org.name,
          tierName(s.org.tier),
          model.parentOf(s.org.id)?.name ?? '',
          round2(s.index),
          round2(s.own),
          round2(s.sub),
          graded(s.index, s.grade),
          s.rankInTier,
          ...s.categories.map(round2),
          t(`level.${s.ownAlert}`),
          ...(y ? [round2(y.prevIndex), round2(y.indexChange), graded(y.prevIndex, y.prevGrade), y.prevRank, y.rankChange] : []),
        ];
      }),
    };
  }
  const header = [...ORG_CSV_FIXED, ...model.categories.map((cat) => cat.id), 'alert', ...(c ? ORG_CSV_YOY : [])];
  return {
    header,
    rows: rows.map((s) => {
      const y = c?.of(s.org.id);
      return [
        s.org.id,
        s.org.name,
        s.org.tier,
        s.org.parentId ?? '',
        round2(s.index),
        round2(s.own),
        round2(s.sub),
        s.grade ?? '',
        s.rankInTier,
        ...s.categories.map(round2),
        s.ownAlert,
        ...(y ? [round2(y.prevIndex), round2(y.indexChange), y.prevGrade ?? '', y.prevRank, y.rankChange] : []),
      ];
    }),
  };
}

export const ALERT_CSV_EN = [
  'level',
  'orgId',
  'org',
  'townId',
  'indicatorId',
  'indicator',
  'target',
  'actual',
  'score',
  'due',
  'overdueDays',
  'paceGap',
  'stage',
];

/** The alerts CSV: English machine-readable (codes and ids); Chinese headers, levels, stages and the town by name. */
export function alertCsvTable(rows: AlertRow[], i18n: I18n): { header: string[]; rows: CsvCell[][] } {
  const { t, local } = i18n;
  if (i18n.lang === 'zh') {
    return {
      header: [
        t('col.level'),
        t('col.id'),
        t('col.org'),
        t('col.town'),
        t('yoy.col.indicatorId'),
        t('col.indicator'),
        t('col.target'),
        t('col.actual'),
        t('col.score'),
        t('col.due'),
        t('col.overdue'),
        t('yoy.col.gapUnit'),
        t('col.stage'),
      ],
      rows: rows.map((r) => [
        t(`level.${r.alert}`),
        r.orgId,
        r.orgName,
        r.townName ?? '',
        r.indicator.id,
        local(r.indicator.name),
        r.assignment.target,
        round2(r.actual),
        round2(r.score),
        r.assignment.due,
        r.overdueDays,
        round2(r.paceGap),
        t(`stage.${r.stage}`),
      ]),
    };
  }
  return {
    header: ALERT_CSV_EN,
    rows: rows.map((r) => [
      r.alert,
      r.orgId,
      r.orgName,
      r.townId,
      r.indicator.id,
      local(r.indicator.name),
      r.assignment.target,
      round2(r.actual),
      round2(r.score),
      r.assignment.due,
      r.overdueDays,
      round2(r.paceGap),
      r.stage,
    ]),
  };
}

/**
 * The most urgent alerts for a short list: most urgent first, but at most
 * `perIndicator` of one indicator, so one widespread late indicator does not
 * fill the list and hide every other.
 */
export function urgentAlertsVaried(d: AlertSource, n: number, perIndicator = 2): AlertRow[] {
  return urgentPositions(d, n, perIndicator).map((a) => alertRow(d, a));
}
