/**
 * Demand cards (需求上报, methodology §12) shared by /demands, the organisation
 * page and the briefing: each chart with its data-table twin, fed by the
 * dashboard's demand model through organisation ids. Titles of demands are
 * data, rendered as text only.
 */
import { useMemo } from 'react';
import './demandCards.css';
import { useDashboard } from '../data/dashboard';
import type { DemandItem, DemandModel } from '../data/demands';
import { useI18n, type I18n } from '../i18n';
import { DataTable, type Column } from '../ui/DataTable';
import { OrgLink } from '../ui/OrgLink';
import { ChartCard } from './ChartCard';
import {
  buildDemandFunnelOption,
  buildDemandHeatmapOption,
  buildOutcomeBarOption,
  buildResponseHistogramOption,
  demandColors,
} from './options/demandBuilders';

interface Frame {
  id: string;
  dm: DemandModel;
  className?: string;
  height?: number;
}

/** 上报 → 研判 → 处置: reported, triaged (analysing or resolved), resolved — and resolved by outcome. */
export function demandFunnel(dm: DemandModel, id: string, t: I18n['t']) {
  const x = dm.tally(id);
  const resolved = x.service + x.policy + x.declined;
  return {
    stages: [
      { name: t('demands.stage.reported'), value: x.reported },
      { name: t('demands.stage.triaged'), value: x.analysing + resolved },
      { name: t('demands.stage.resolved'), value: resolved },
    ],
    states: (['untriaged', 'analysing', 'service', 'policy', 'declined'] as const).map((k) => ({
      key: k,
      name: t(`demands.state.${k}`),
      value: x[k],
      color: demandColors[k],
    })),
  };
}

export function DemandFunnelCard({ id, dm, className, height = 240 }: Frame) {
  const { t } = useI18n();
  const f = demandFunnel(dm, id, t);
  return (
    <ChartCard
      className={className}
      title={t('demands.funnel')}
      height={height}
      option={buildDemandFunnelOption(f.stages)}
      table={{
        columns: [t('demands.col.state'), t('col.count')],
        rows: f.stages[0].value ? f.stages.map((s) => ({ key: s.name, cells: [s.name, s.value] })) : [],
      }}
    />
  );
}

export function DemandOutcomeCard({ id, dm, className, height = 240 }: Frame) {
  const { t } = useI18n();
  const f = demandFunnel(dm, id, t);
  return (
    <ChartCard
      className={className}
      title={t('demands.outcomes')}
      height={height}
      option={buildOutcomeBarOption(f.states, { countLabel: t('col.count') })}
      legend={f.states.map((s) => ({ name: s.name, color: s.color }))}
      table={{
        columns: [t('demands.col.state'), t('col.count')],
        rows: f.stages[0].value ? f.states.map((s) => ({ key: s.key, cells: [s.name, s.value] })) : [],
      }}
    />
  );
}

/** Topic × the organisation's children (for the root: its towns), counts at D. */
export function DemandHeatmapCard({ id, dm, className, tierName }: Frame & { tierName: string }) {
  const { t, local } = useI18n();
  const h = useMemo(() => dm.heatmap(id), [dm, id]);
  const topics = h.topics.map((x) => local(x.name));
  const columns = h.columns.map((o) => o.name);
  // English topics wrap on two lines (13 px each) and the rotated town names below take up to ~110 px: rows get the
  // room for both, or a phone's two-line labels ran into each other
  const wraps = topics.some((x) => x.length > 12);
  const height = Math.max(220, topics.length * (wraps ? 34 : 30) + (wraps ? 130 : 80));
  const total = h.reported.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  return (
    <ChartCard
      className={className}
      title={t('demands.heatmap', { tier: tierName })}
      height={height}
      option={buildDemandHeatmapOption(topics, columns, h.reported, h.open, {
        countLabel: t('demands.stage.reported'),
        openLabel: t('demands.heatmapOpen'),
      })}
      table={{
        columns: [t('demands.col.topic'), ...columns],
        rows: total
          ? topics.map((name, k) => ({
              key: h.topics[k].id,
              cells: [name, ...h.reported[k].map((n, c) => `${n} (${t('demands.heatmapOpen')} ${h.open[k][c]})`)],
            }))
          : [],
      }}
    />
  );
}

export function ResponseTimeCard({ id, dm, className, height = 240 }: Frame) {
  const { t } = useI18n();
  const bins = useMemo(() => dm.histogram(id), [dm, id]);
  const label = (from: number, to: number) => t('demands.days', { from, to });
  return (
    <ChartCard
      className={className}
      title={t('demands.histogram')}
      height={height}
      option={buildResponseHistogramOption(bins, { countLabel: t('col.count'), binLabel: label })}
      table={{
        columns: [t('demands.col.days'), t('col.count')],
        rows: bins.map((b) => ({ key: String(b.from), cells: [label(b.from, b.to - 1), b.count] })),
      }}
    />
  );
}

type ListKind = 'overdue' | 'policy' | 'own';

/** A list of demands as a table: the title is text (never markup), the reporter links to its page. */
export function DemandTable({
  items,
  caption,
  kind,
  pageSize,
  day = (iso) => iso,
}: {
  items: DemandItem[];
  caption: string;
  kind: ListKind;
  pageSize?: number;
  /** How a date cell reads (the briefing writes its days as its footer does); sorting stays on the ISO day. */
  day?: (iso: string) => string;
}) {
  const { t, local } = useI18n();
  const columns: Column<DemandItem>[] = [
    {
      key: 'title',
      header: t('demands.col.title'),
      cell: (r) => <span className="demand-title">{r.title}</span>,
      sortValue: (r) => r.title,
    },
    { key: 'topic', header: t('demands.col.topic'), cell: (r) => local(r.topicName), sortValue: (r) => r.topicId },
    ...(kind === 'own'
      ? []
      : [
          {
            key: 'org',
            header: t('demands.col.org'),
            cell: (r: DemandItem) => <OrgLink id={r.orgId}>{r.orgName}</OrgLink>,
            sortValue: (r: DemandItem) => r.orgName,
          },
          {
            key: 'group',
            header: t('demands.col.group'),
            cell: (r: DemandItem) => r.groupName ?? '—',
            sortValue: (r: DemandItem) => r.groupName,
          },
        ]),
    { key: 'reportedAt', header: t('demands.col.reportedAt'), cell: (r) => day(r.reportedAt), sortValue: (r) => r.reportedAt },
    ...(kind === 'overdue'
      ? [
          {
            key: 'age',
            header: t('demands.col.age'),
            cell: (r: DemandItem) => r.ageDays,
            sortValue: (r: DemandItem) => r.ageDays,
            align: 'right' as const,
          },
        ]
      : kind === 'policy'
        ? [
            {
              key: 'resolvedAt',
              header: t('demands.col.resolvedAt'),
              cell: (r: DemandItem) => (r.resolvedAt ? day(r.resolvedAt) : '—'),
              sortValue: (r: DemandItem) => r.resolvedAt ?? undefined,
            },
            {
              key: 'days',
              header: t('demands.col.responseDays'),
              cell: (r: DemandItem) => r.responseDays ?? '—',
              sortValue: (r: DemandItem) => r.responseDays,
              align: 'right' as const,
            },
          ]
        : [
            {
              key: 'state',
              header: t('demands.col.state'),
              cell: (r: DemandItem) => t(`demands.state.${r.state}`),
              sortValue: (r: DemandItem) => r.state,
            },
          ]),
  ];
  if (!items.length) return <p className="empty-state">{t('demands.none')}</p>;
  return <DataTable caption={caption} captionHidden columns={columns} rows={items} rowKey={(r) => r.id} pageSize={pageSize} dense />;
}

/** The subtree's tallies at D as a definition list (the organisation page and the briefing). */
export function DemandTallyList({ id, dm }: { id: string; dm: DemandModel }) {
  const { t, num } = useI18n();
  const x = dm.tally(id);
  const pairs: [string, string | number][] = [
    [t('demands.stage.reported'), x.reported],
    [t('demands.state.untriaged'), x.untriaged],
    [t('demands.state.analysing'), x.analysing],
    [t('demands.state.service'), x.service],
    [t('demands.state.policy'), x.policy],
    [t('demands.state.declined'), x.declined],
    [t('demands.triageLate'), x.triageOverdue],
    [t('demands.resolveLate'), x.resolveOverdue],
    [t('demands.median'), x.medianDays === undefined ? '—' : t('demands.medianValue', { n: num(x.medianDays) })],
  ];
  return (
    <dl className="kpi-pairs demand-tally">
      {pairs.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The organisation page's demand section: its subtree's tallies and overdue items, and its own demands. Nothing without demands. */
export function OrgDemandsSection({ id }: { id: string }) {
  const d = useDashboard();
  const { t } = useI18n();
  const dm = d.demands;
  const own = useMemo(() => dm?.own(id) ?? [], [dm, id]);
  const late = useMemo(() => (dm ? dm.overdue(id, 'resolve') : []), [dm, id]);
  if (!dm) return null;
  return (
    <section className="card demand-section" aria-labelledby="org-demands-title">
      <header className="card-header">
        <h2 id="org-demands-title">{t('demands.orgSection')}</h2>
      </header>
      <DemandTallyList id={id} dm={dm} />
      {late.length ? (
        <>
          <h3 className="subhead">{t('demands.resolveOverdue', { n: dm.resolveDays })}</h3>
          <DemandTable items={late} caption={t('demands.resolveOverdue', { n: dm.resolveDays })} kind="overdue" pageSize={10} />
        </>
      ) : null}
      <h3 className="subhead">{t('demands.own')}</h3>
      {own.length ? (
        <DemandTable items={own} caption={t('demands.own')} kind="own" pageSize={10} />
      ) : (
        <p className="empty-state">{t('demands.noOwn')}</p>
      )}
    </section>
  );
}
