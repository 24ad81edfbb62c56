import type ReactEChartsCore from 'echarts-for-react/esm/core';
import { useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Skeleton } from '../ui/StatusPanel';
import { Chart, type ChartEvents } from './Chart';
import type { ChartOption } from './echarts';
import { scaleChartOption } from './options/scale';
import { useChartScale } from './textScale';

/** The chart's data as a table: its accessible twin. */
export interface TableTwin {
  columns: string[];
  rows: { key: string; cells: ReactNode[] }[];
}

export interface LegendItem {
  name: string;
  color: string;
  /** Drawn as a line of this style instead of a block: a series told apart by its dash (last year's, a pace line). */
  line?: 'dashed' | 'dotted';
}

interface ChartCardProps {
  title: string;
  /** Series names with their colours, as HTML (translatable, readable by screen readers). */
  legend?: LegendItem[];

  option: ChartOption | undefined;
  table: TableTwin;
  height?: number | string;
  onEvents?: ChartEvents;
  /** Controls beside the title (e.g. a comparison picker). */
  controls?: ReactNode;
  loading?: boolean;
  className?: string;
  /** File name stem for the PNG download. */
  fileName?: string;
  /** A line under the title saying what is counted (and a term's help). */
  note?: ReactNode;
}

/**
 * A titled chart with its states (loading, empty), a data-table twin behind a
 * toggle, and a PNG download. The section is named by its title.
 */
export function ChartCard({
  title,
  legend,
  table,
  height: askedHeight = 260,
  onEvents,
  controls,
  loading,
  className,
  fileName,
  note,
  option: builtOption,
}: ChartCardProps) {
  const { t } = useI18n();
  // on a wall display the page's type is scaled up (styles.css); the chart's sizes and the height it asks for follow
  const scale = useChartScale();
  const option = useMemo(() => builtOption && scaleChartOption(builtOption, scale), [builtOption, scale]);
  const height = typeof askedHeight === 'number' ? askedHeight * scale : askedHeight;
  const id = useId();
  const [showTable, setShowTable] = useState(false);
  const chartRef = useRef<ReactEChartsCore>(null);
  const empty = !loading && table.rows.length === 0;

  const download = () => {
    const instance = chartRef.current?.getEchartsInstance();
    if (!instance) return;
    const a = document.createElement('a');
    a.href = instance.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    a.download = `${fileName ?? title}.png`;
    a.click();
  };

  return (
    <section className={`card chart-card ${className ?? ''}`} aria-labelledby={`${id}-title`}>
      <header className="card-header">
        <h2 id={`${id}-title`}>{title}</h2>
        <div className="card-tools">
          {controls}
          <button
            type="button"
            className="tool"
            aria-pressed={showTable}
            onClick={() => setShowTable((v) => !v)}
            disabled={loading || empty}
          >
            {showTable ? t('chart.showChart') : t('chart.showTable')}
          </button>
          {!showTable ? (
            <button
              type="button"
              className="tool"
              onClick={download}
              disabled={loading || empty}
              aria-label={`${t('chart.download')}: ${title}`}
            >
              PNG
            </button>
          ) : null}
        </div>
      </header>
      {note ? <p className="card-note">{note}</p> : null}
      <div className="card-body" style={{ minHeight: height }}>
        {loading ? (
          <Skeleton height={height} label={t('state.loading')} />
        ) : empty ? (
          <p className="empty-state" style={{ height }}>
            {t('state.empty')}
          </p>
        ) : showTable ? (
          <div className="twin-table" style={{ maxHeight: height }}>
            <table className="data-table dense">
              <caption className="visually-hidden">{t('chart.tableCaption', { title })}</caption>
              <thead>
                <tr>
                  {table.columns.map((c) => (
                    <th key={c} scope="col">
                      {c}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((r) => (
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
          </div>
        ) : option ? (
          <div role="img" aria-label={title} className="chart-frame">
            <Chart ref={chartRef} option={option} onEvents={onEvents} height={height} />
          </div>
        ) : null}
      </div>
      {!showTable && !loading && !empty && legend?.length ? (
        <ul className="chart-legend">
          {legend?.map((l) => (
            <li key={l.name}>
              <span
                className={l.line ? `swatch line ${l.line}` : 'swatch'}
                style={l.line ? { borderColor: l.color } : { background: l.color }}
                aria-hidden="true"
              />
              {l.name}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
