/**
 * The command-room screen (/screen, 一屏掌控 on a wall): a dark 1920×1080
 * layout scaled to any screen through `--u` (CSS pixels per design pixel),
 * refreshing itself from `meta`, cycling a focus panel through the level-1
 * groups. Charts are created once and only get new options afterwards.
 */
import { Link, useSearch } from '@tanstack/react-router';
import { useEffect, useMemo, type CSSProperties, type ReactNode } from 'react';
import { Chart } from '../../charts/Chart';
import type { ChartOption } from '../../charts/echarts';
import {
  bandOf,
  buildScreenAlertBarsOption,
  buildScreenChildRankingOption,
  buildScreenHeatmapOption,
  buildScreenRadarOption,
  buildScreenTrendOption,
  screenColors,
} from '../../charts/options/screenBuilders';
import { useTrendSeries } from '../../data/chartInputs';
import { yearPace } from '../../data/compare';
import { useDashboardState, type Dashboard, type DashboardState } from '../../data/dashboard';
import { focusChildren, groupBoard, urgentByGroup, type GroupRow } from '../../data/screen';
import { screenTimings } from '../../data/screenSearch';
import { urgentAlerts, type AlertRow } from '../../data/selectors';
import { gradeCounts } from '../../data/chartInputs';
import { ESCALATION, STAGES } from '../../engine';
import { useI18n, type I18n } from '../../i18n';
import { fmtInstantShort, fmtScore } from '../../lib/format';
import { gradeName } from '../../ui/badges';
import { describeError } from '../../ui/StatusPanel';
import { bandLabel, gradeColor, scoreBands } from '../../ui/theme';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { DESIGN_H, DESIGN_W, useClock, useCycle, useFullscreen, useScreenUnit, type Cycle } from './hooks';
import './screen.css';

export function ScreenPage() {
  const search = useSearch({ from: '/screen' });
  const { refreshMs, cycleMs, idleMs } = screenTimings(search);
  const live = useMemo(() => ({ refreshMs }), [refreshMs]);
  const state = useDashboardState(search.year, search.asOf, undefined, live);
  const i18n = useI18n();
  const { t, lang } = i18n;
  const u = useScreenUnit();
  useDocumentTitle(t('screen.title'), state.meta?.district.name);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    // the wall never scrolls: the stage is fitted to the window
    document.documentElement.classList.add('screen-mode');
    return () => document.documentElement.classList.remove('screen-mode');
  }, [lang]);

  const stage = { '--u': `${u}px`, width: `${DESIGN_W * u}px`, height: `${DESIGN_H * u}px` } as CSSProperties;
  const d = state.dashboard;
  return (
    <div className="screen-viewport">
      {/* shown on a phone only (screen.css): the wall's picture stays below it, to zoom into */}
      <p className="scr-phone-note">
        {t('screen.phoneNote')} <Link to="/">{t('screen.phoneOverview')}</Link>
      </p>
      <div className="screen-stage" style={stage} data-testid="screen-stage">
        {d ? (
          <ScreenBoard d={d} state={state} u={u} i18n={i18n} cycleMs={cycleMs} idleMs={idleMs} fixedAsOf={search.asOf} />
        ) : (
          <main className="screen-wait">
            <h1>{state.meta ? `${state.meta.district.name} · ${t('screen.title')}` : t('screen.title')}</h1>
            <p role="status" aria-busy={!state.error}>
              {state.error ? describeError(t, state.error) : t('app.loading')}
            </p>
          </main>
        )}
      </div>
    </div>
  );
}

interface BoardProps {
  d: Dashboard;
  state: DashboardState;
  u: number;
  i18n: I18n;
  cycleMs: number;
  idleMs: number;
  fixedAsOf: string | undefined;
}

function ScreenBoard({ d, state, u, i18n, cycleMs, idleMs, fixedAsOf }: BoardProps) {
  const { local } = i18n;
  const { model } = d;
  const board = useMemo(() => groupBoard(model), [model]);
  const ids = useMemo(() => board.map((r) => r.id), [board]);
  const cycle = useCycle(ids, cycleMs, idleMs);
  const groupTier = local(model.groupTier().name);
  return (
    <>
      <TopBar d={d} state={state} i18n={i18n} cycle={cycle} cycleMs={cycleMs} fixedAsOf={fixedAsOf} />
      <main className="screen-main">
        <Kpis d={d} i18n={i18n} />
        <GroupBoard d={d} rows={board} u={u} i18n={i18n} focusId={cycle.id} tier={groupTier} />
        <div className="scr-right">
          {cycle.id ? <FocusPanel d={d} id={cycle.id} position={cycle.position} count={ids.length} u={u} i18n={i18n} /> : null}
          <div className="scr-lower">
            <TrendPanel d={d} u={u} i18n={i18n} />
            <UrgentPanel d={d} i18n={i18n} />
          </div>
        </div>
      </main>
    </>
  );
}

/** The browser's own moments (when this screen last got data) in its zone, as its clock beside them. */
const timeFormat = (lang: string) =>
  new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });

function TopBar({
  d,
  state,
  i18n,
  cycle,
  cycleMs,
  fixedAsOf,
}: {
  d: Dashboard;
  state: DashboardState;
  i18n: I18n;
  cycle: Cycle;
  cycleMs: number;
  fixedAsOf: string | undefined;
}) {
  const { t, lang } = i18n;
  const fullscreen = useFullscreen();
  const fmt = timeFormat(lang);
  const cycleState =
    cycleMs <= 0
      ? t('screen.cycleOff')
      : cycle.paused
        ? t('screen.paused')
        : cycle.held
          ? t('screen.held')
          : t('screen.cycling', { s: cycleMs / 1000 });
  return (
    <header className="scr-top">
      <h1>
        <span className="scr-district">{d.meta.district.name}</span>
        <span className="scr-title">{t('app.title')}</span>
      </h1>
      <div className="scr-status">
        <span className="scr-asof">
          {fixedAsOf ? t('screen.fixedAsOf', { date: d.asOf }) : `${t('screen.live')} · ${t('screen.asOf', { date: d.asOf })}`}
        </span>
        <span className="scr-generated" data-testid="screen-generated" data-updated={d.updatedAt}>
          {t('screen.generatedAt', { time: fmtInstantShort(d.meta.generatedAt, lang) })}
        </span>
        <span role="status" className="scr-stale-slot">
          {d.stale ? (
            <span className="scr-stale" data-testid="screen-stale" title={state.error ? describeError(t, state.error) : undefined}>
              <strong>{t('screen.stale')}</strong> {t('screen.staleDetail', { time: fmt.format(new Date(d.updatedAt)) })}
            </span>
          ) : null}
        </span>
      </div>
      <div className="scr-controls">
        <span className="scr-cycle-state" aria-live="polite">
          {cycleState}
        </span>
        <button type="button" onClick={() => cycle.step(-1)} aria-label={t('screen.prev')}>
          ‹
        </button>
        <button type="button" onClick={cycle.togglePause} aria-pressed={cycle.paused} disabled={cycleMs <= 0}>
          {cycle.paused ? t('screen.resume') : t('screen.pause')}
        </button>
        <button type="button" onClick={() => cycle.step(1)} aria-label={t('screen.next')}>
          ›
        </button>
        {fullscreen.supported ? (
          <button type="button" onClick={fullscreen.toggle} aria-pressed={fullscreen.active}>
            {fullscreen.active ? t('screen.exitFullscreen') : t('screen.fullscreen')}
          </button>
        ) : null}
        <Clock lang={lang} label={t('screen.clock')} />
      </div>
      <p className="visually-hidden">{t('screen.keys')}</p>
    </header>
  );
}

function Clock({ lang, label }: { lang: string; label: string }) {
  const now = useClock();
  const time = now.toLocaleTimeString(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour12: false });
  const date = now.toLocaleDateString(lang === 'zh' ? 'zh-CN' : 'en-GB', { month: 'long', day: 'numeric', weekday: 'short' });
  return (
    <time className="scr-clock" aria-label={label} dateTime={now.toISOString()}>
      <span className="scr-clock-time">{time}</span>
      <span className="scr-clock-date">{date}</span>
    </time>
  );
}

function Kpis({ d, i18n }: { d: Dashboard; i18n: I18n }) {
  const { t, local } = i18n;
  const { model } = d;
  const root = model.rootId;
  const s = model.scores(root);
  const alerts = model.alertTally(root);
  const stages = model.stageTally(root);
  const grades = gradeCounts(model, model.idsInTier(model.leafTier));
  const bandCount = model.gradeBands.length;
  return (
    <section className="scr-kpis" aria-label={t('kpi.districtIndex')}>
      <div className="scr-kpi scr-kpi-index">
        <h2>{t('kpi.districtIndex')}</h2>
        <div className="scr-index-line">
          <span className="scr-index" data-testid="screen-index">
            {fmtScore(s.index)}
          </span>
          <span className="scr-grade" style={s.gradeIndex >= 0 ? { background: gradeColor(s.gradeIndex, bandCount) } : undefined}>
            {gradeName(t, s.grade, s.index === undefined)}
          </span>
        </div>
        <p className="scr-ownsub">
          {t('screen.own')} <strong>{fmtScore(s.own)}</strong> · {t('screen.sub')} <strong>{fmtScore(s.sub)}</strong>
        </p>
      </div>
      <KpiPairs
        title={t('kpi.orgs')}
        pairs={model.tiers.map((tier, k) => ({ key: tier.id, label: local(tier.name), value: model.idsInTier(k).length }))}
      />
      <KpiPairs
        title={t('kpi.grades', { tier: local(model.tiers[model.leafTier].name) })}
        pairs={grades.map((g) => ({ key: g.grade ?? '\u0000none', label: g.grade ?? t('grade.none'), value: g.count }))}
      />
      <KpiPairs
        title={t('kpi.alerts')}
        className="scr-kpi-alerts"
        pairs={ESCALATION.map((l) => ({ key: l, label: t(`level.${l}`), value: alerts[l], className: `scr-level-${l}` }))}
      />
      <KpiPairs title={t('kpi.stages')} pairs={STAGES.map((st) => ({ key: st, label: t(`stage.${st}`), value: stages[st] }))} />
    </section>
  );
}

function KpiPairs({
  title,
  pairs,
  className,
}: {
  title: string;
  pairs: { key: string; label: string; value: number; className?: string }[];
  className?: string;
}) {
  return (
    <div className={`scr-kpi ${className ?? ''}`}>
      <h2>{title}</h2>
      <dl>
        {pairs.map((p) => (
          <div key={p.key} className={p.className}>
            <dt>{p.label}</dt>
            <dd>{p.value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** A chart that fills its box; its accessible twin is a visually hidden table. */
function ScreenChart({
  option,
  title,
  className,
  twin,
  legend,
}: {
  option: ChartOption | undefined;
  title: string;
  className?: string;
  twin: ReactNode;
  /** Series and their colours, over the chart's top edge (the twin names them for a screen reader). */
  legend?: { name: string; color: string }[];
}) {
  return (
    <div className={`scr-chart ${className ?? ''}`}>
      <div className="scr-chart-canvas" role="img" aria-label={title}>
        {option ? <Chart option={option} height="100%" /> : null}
      </div>
      {legend ? (
        <ul className="scr-legends scr-chart-legend" aria-hidden="true">
          {legend.map((l) => (
            <LegendItem key={l.name} color={l.color}>
              {l.name}
            </LegendItem>
          ))}
        </ul>
      ) : null}
      {twin}
    </div>
  );
}

/** One entry of a legend on the wall: a colour swatch and what it stands for. */
function LegendItem({ color, className, children }: { color: string; className?: string; children: ReactNode }) {
  return (
    <li className={className ? `scr-legend ${className}` : 'scr-legend'}>
      <i style={{ background: color }} />
      {children}
    </li>
  );
}

function Twin({ caption, columns, rows }: { caption: string; columns: string[]; rows: { key: string; cells: (string | number)[] }[] }) {
  return (
    <table className="visually-hidden">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            {r.cells.map((c, k) =>
              k === 0 ? (
                <th key={k} scope="row">
                  {c}
                </th>
              ) : (
                <td key={k}>{c}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function GroupBoard({
  d,
  rows,
  u,
  i18n,
  focusId,
  tier,
}: {
  d: Dashboard;
  rows: GroupRow[];
  u: number;
  i18n: I18n;
  focusId: string | undefined;
  tier: string;
}) {
  const { t, local } = i18n;
  const { model } = d;
  const categories = model.categories.map((c) => local(c.name));
  const bands = useMemo(() => scoreBands(model.gradeBands.map((g) => g.min)), [model]);
  // the names as one key: a new array of the same names (every render) does not rebuild the option
  const categoryKey = categories.join('\u0000');
  const heatmap = useMemo(
    () =>
      buildScreenHeatmapOption(
        rows.map((r) => ({ id: r.id, name: r.name, values: r.categories })),
        categoryKey ? categoryKey.split('\u0000') : [],
        bands,
        u,
      ),
    [rows, categoryKey, bands, u],
  );
  const alertBars = useMemo(() => buildScreenAlertBarsOption(rows, ESCALATION, (l) => t(`level.${l}`), u), [rows, t, u]);
  const heatTitle = t('screen.heatmapChart', { tier });
  const alertTitle = t('screen.alertsChart', { tier });
  const style = { '--rows': rows.length, '--cats': categories.length } as CSSProperties;
  return (
    <section className="scr-panel scr-board" aria-labelledby="scr-board-title" style={style}>
      <div className="scr-board-title">
        <h2 id="scr-board-title" className="scr-panel-title">
          {t('screen.board', { tier })}
        </h2>
        <ul className="scr-legends" aria-hidden="true">
          {bands.map((b) => (
            <LegendItem key={b.min} color={b.color}>
              {bandLabel(b)}
            </LegendItem>
          ))}
          <li className="scr-legend-gap" />
          {ESCALATION.map((l) => (
            <LegendItem key={l} color={screenColors.levels[l]} className={`scr-level-${l}`}>
              {t(`level.${l}`)}
            </LegendItem>
          ))}
        </ul>
      </div>
      <div className="scr-board-head" aria-hidden="true">
        <span className="scr-c-rank">{t('screen.colRank')}</span>
        <span className="scr-c-name">{t('col.name')}</span>
        <span className="scr-c-index">{t('col.index')}</span>
        <span className="scr-c-grade">{t('col.grade')}</span>
        <span className="scr-c-heat">
          {categories.map((c) => (
            <span key={c} title={c}>
              {c}
            </span>
          ))}
        </span>
        <span className="scr-c-alerts">{t('kpi.alerts')}</span>
      </div>
      <div className="scr-board-body">
        <ol className="scr-board-rows" aria-label={t('screen.rankingChart', { tier })}>
          {rows.map((r) => (
            <li key={r.id} className={r.id === focusId ? 'is-focus' : undefined} aria-current={r.id === focusId ? 'true' : undefined}>
              <span className="scr-c-rank">{r.rank ?? '—'}</span>
              <span className="scr-c-name" title={r.name}>
                {r.name}
              </span>
              <span className="scr-c-index">
                <span className="scr-bar" aria-hidden="true">
                  <span
                    style={{ width: `${r.index ?? 0}%`, background: r.index === undefined ? undefined : bandOf(bands, r.index)?.color }}
                  />
                </span>
                <span className="scr-value">{fmtScore(r.index)}</span>
              </span>
              <span className="scr-c-grade">{gradeName(t, r.grade, r.index === undefined)}</span>
            </li>
          ))}
        </ol>
        <ScreenChart
          className="scr-c-heat"
          title={heatTitle}
          option={heatmap}
          twin={
            <Twin
              caption={heatTitle}
              columns={[t('col.name'), ...categories]}
              rows={rows.map((r) => ({ key: r.id, cells: [r.name, ...r.categories.map(fmtScore)] }))}
            />
          }
        />
        <ScreenChart
          className="scr-c-alerts"
          title={alertTitle}
          option={alertBars}
          twin={
            <Twin
              caption={alertTitle}
              columns={[t('col.name'), ...ESCALATION.map((l) => t(`level.${l}`))]}
              rows={rows.map((r) => ({ key: r.id, cells: [r.name, ...ESCALATION.map((l) => r.alerts[l])] }))}
            />
          }
        />
      </div>
    </section>
  );
}

const FOCUS_CHILDREN = 10;
const FOCUS_WEAKEST = 5;

function FocusPanel({
  d,
  id,
  position,
  count,
  u,
  i18n,
}: {
  d: Dashboard;
  id: string;
  position: number;
  count: number;
  u: number;
  i18n: I18n;
}) {
  const { t, local } = i18n;
  const { model } = d;
  const root = model.rootId;
  const s = model.scores(id);
  const bandCount = model.gradeBands.length;
  const categories = model.categories.map((c) => local(c.name));
  const districtName = model.org(root).name;
  const radar = useMemo(
    () =>
      buildScreenRadarOption(
        categories,
        [
          { name: districtName, values: model.categoryScores(root) },
          { name: s.org.name, values: s.categories },
        ],
        u,
      ),
    [categories.join('\u0000'), districtName, model, root, s, u], // eslint-disable-line react-hooks/exhaustive-deps
  );
  const children = useMemo(() => focusChildren(model, id, FOCUS_CHILDREN, FOCUS_WEAKEST), [model, id]);
  const childRows = useMemo(() => {
    const head = children.rows.slice(0, children.skipped ? FOCUS_CHILDREN - FOCUS_WEAKEST : children.rows.length);
    return children.skipped ? [...head, undefined, ...children.rows.slice(head.length)] : head;
  }, [children]);
  const bands = useMemo(() => scoreBands(model.gradeBands.map((g) => g.min)), [model]);
  const ranking = useMemo(() => buildScreenChildRankingOption(childRows, bands, u), [childRows, bands, u]);
  const urgent = useMemo(() => urgentByGroup(d, 2), [d]);
  const alerts = model.alertTally(id);
  const radarTitle = t('screen.radar', { name: s.org.name });
  const childTitle = t('screen.children', { n: children.ranked });
  return (
    <section className="scr-panel scr-focus" aria-labelledby="scr-focus-title" aria-live="off">
      <header className="scr-focus-head">
        <span className="scr-focus-k">{t('screen.focus', { k: position + 1, n: count })}</span>
        <h2 id="scr-focus-title" className="scr-focus-name">
          {s.org.name}
        </h2>
        <span className="scr-focus-index">{fmtScore(s.index)}</span>
        <span className="scr-grade" style={s.gradeIndex >= 0 ? { background: gradeColor(s.gradeIndex, bandCount) } : undefined}>
          {gradeName(t, s.grade, s.index === undefined)}
        </span>
      </header>
      <div className="scr-focus-body">
        <ScreenChart
          className="scr-focus-radar"
          title={radarTitle}
          option={radar}
          legend={[
            { name: districtName, color: screenColors.district },
            { name: s.org.name, color: screenColors.focus },
          ]}
          twin={
            <Twin
              caption={radarTitle}
              columns={[t('col.category'), districtName, s.org.name]}
              rows={categories.map((c, k) => ({ key: c, cells: [c, fmtScore(model.categoryScores(root)[k]), fmtScore(s.categories[k])] }))}
            />
          }
        />
        <div className="scr-focus-children">
          <h3>
            {childTitle}
            {children.skipped ? ` · ${t('screen.childrenSkipped', { n: children.skipped })}` : ''}
          </h3>
          <ScreenChart
            title={childTitle}
            option={ranking}
            twin={
              <Twin
                caption={childTitle}
                columns={[t('col.rank'), t('col.name'), t('col.index')]}
                rows={children.rows.map((c) => ({ key: c.id, cells: [c.rank, c.name, fmtScore(c.index)] }))}
              />
            }
          />
        </div>
      </div>
      <div className="scr-focus-alerts">
        <h3>{t('screen.focusAlerts', { name: s.org.name })}</h3>
        <dl>
          {ESCALATION.map((l) => (
            <div key={l} className={`scr-level-${l}`}>
              <dt>{t(`level.${l}`)}</dt>
              <dd>{alerts[l]}</dd>
            </div>
          ))}
        </dl>
        <ul>
          {(urgent.get(id) ?? []).map((a) => (
            <li key={a.position}>
              <AlertLine a={a} i18n={i18n} showGroup={false} />
            </li>
          ))}
          {(urgent.get(id) ?? []).length === 0 ? <li className="scr-muted">{t('screen.noAlerts')}</li> : null}
        </ul>
      </div>
    </section>
  );
}

function AlertLine({ a, i18n, showGroup }: { a: AlertRow; i18n: I18n; showGroup: boolean }) {
  const { t, local } = i18n;
  const detail =
    a.overdueDays > 0
      ? t('alerts.overdueShort', { n: a.overdueDays })
      : a.paceGap !== undefined && a.paceGap > 0
        ? t('alerts.behindShort', { n: a.paceGap.toFixed(1) })
        : '';
  return (
    <>
      <span className={`scr-level-tag scr-level-${a.alert}`}>{t(`level.${a.alert}`)}</span>
      <span className="scr-alert-org">{a.orgName}</span>
      {/* how late stays whole: a narrow line cuts the indicator's name, not "61 days overdue" */}
      <span className="scr-alert-what">
        <span className="scr-alert-task">
          {showGroup && a.townName && a.townName !== a.orgName ? <span className="scr-alert-group">{a.townName} · </span> : null}
          {local(a.indicator.name)}
        </span>
        {detail ? <span className="scr-alert-detail">{` · ${detail}`}</span> : null}
      </span>
    </>
  );
}

function TrendPanel({ d, u, i18n }: { d: Dashboard; u: number; i18n: I18n }) {
  const { t, lang } = i18n;
  const { model } = d;
  const ids = useMemo(() => [model.rootId], [model]);
  const trend = useTrendSeries(d, ids);
  const indexName = model.org(model.rootId).name;
  const points = useMemo(() => (trend ? trend.dates.map((date, k) => ({ date, value: trend.series[0]?.values[k] })) : undefined), [trend]);
  const option = useMemo(
    () =>
      points &&
      buildScreenTrendOption(
        d.year,
        points,
        {
          indexName,
          paceName: t('screen.pace'),
          month: (m) =>
            lang === 'zh' ? `${m}月` : ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1],
        },
        u,
      ),
    [points, d.year, indexName, t, lang, u],
  );
  return (
    <section className="scr-panel scr-trend" aria-labelledby="scr-trend-title">
      <h2 id="scr-trend-title" className="scr-panel-title">
        {t('screen.trend')}
      </h2>
      <ScreenChart
        title={`${t('screen.trend')}; ${t('screen.paceNote')}`}
        option={option}
        twin={
          <Twin
            caption={t('screen.trend')}
            columns={[t('col.date'), t('col.index'), t('screen.pace')]}
            rows={(points ?? []).map((p) => ({ key: p.date, cells: [p.date, fmtScore(p.value), fmtScore(yearPace(p.date))] }))}
          />
        }
      />
      <p className="scr-note">{t('screen.paceNote')}</p>
    </section>
  );
}

function UrgentPanel({ d, i18n }: { d: Dashboard; i18n: I18n }) {
  const { t } = i18n;
  const urgent = useMemo(() => urgentAlerts(d, 5), [d]);
  return (
    <section className="scr-panel scr-urgent" aria-labelledby="scr-urgent-title">
      <h2 id="scr-urgent-title" className="scr-panel-title">
        {t('screen.urgent')}
      </h2>
      <ol>
        {urgent.map((a) => (
          <li key={a.position}>
            <AlertLine a={a} i18n={i18n} showGroup />
          </li>
        ))}
        {urgent.length === 0 ? <li className="scr-muted">{t('screen.noAlerts')}</li> : null}
      </ol>
    </section>
  );
}
