import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../i18n';

export interface Column<R> {
  key: string;
  header: string;
  cell: (row: R) => ReactNode;
  /** Present when the column sorts; undefined values sort last. */
  sortValue?: (row: R) => number | string | undefined;
  align?: 'left' | 'right' | 'center';
  /** An explanation beside the header (e.g. a TermHelp), outside the sort button. */
  help?: ReactNode;
  /** Its cells may take a second line where the table is wider than its box (words such as an English tier name). */
  wrap?: boolean;
}

function cellClass(c: { align?: string; wrap?: boolean }): string | undefined {
  return [c.align ? `align-${c.align}` : '', c.wrap ? 'wrap' : ''].filter(Boolean).join(' ') || undefined;
}

export interface SortState {
  key?: string;
  dir?: 'asc' | 'desc';
}

interface DataTableProps<R> {
  caption: string;
  columns: Column<R>[];
  rows: R[];
  rowKey: (row: R) => string;
  /** Controlled sort (from the URL); otherwise the table sorts itself. */
  sort?: SortState;
  onSort?: (sort: Required<SortState>) => void;
  pageSize?: number;
  page?: number;
  onPage?: (page: number) => void;
  captionHidden?: boolean;
  dense?: boolean;
}

export function sortRows<R>(rows: R[], columns: Column<R>[], sort: SortState): R[] {
  const col = columns.find((c) => c.key === sort.key && c.sortValue);
  if (!col?.sortValue) return rows;
  const get = col.sortValue;
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, v: get(row) }))
    .sort((a, b) => {
      if (a.v === undefined || b.v === undefined) return a.v === b.v ? a.i - b.i : a.v === undefined ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : String(a.v).localeCompare(String(b.v), 'zh-CN');
      return c !== 0 ? sign * c : a.i - b.i;
    })
    .map((x) => x.row);
}

export function DataTable<R>({
  caption,
  columns,
  rows,
  rowKey,
  sort,
  onSort,
  pageSize,
  page,
  onPage,
  captionHidden,
  dense,
}: DataTableProps<R>) {
  const { t } = useI18n();
  const [localSort, setLocalSort] = useState<SortState>({});
  const [localPage, setLocalPage] = useState(1);
  const activeSort = sort ?? localSort;
  const sorted = useMemo(() => sortRows(rows, columns, activeSort), [rows, columns, activeSort]);
  const pages = pageSize ? Math.max(1, Math.ceil(sorted.length / pageSize)) : 1;
  const current = Math.min(page ?? localPage, pages);
  const visible = pageSize ? sorted.slice((current - 1) * pageSize, current * pageSize) : sorted;
  const setPage = (p: number) => (onPage ? onPage(p) : setLocalPage(p));

  const toggle = (key: string) => {
    const dir: 'asc' | 'desc' = activeSort.key === key && activeSort.dir === 'desc' ? 'asc' : 'desc';
    if (onSort) onSort({ key, dir });
    else setLocalSort({ key, dir });
    setPage(1);
  };

  return (
    <div className="table-wrap">
      <table className={dense ? 'data-table dense' : 'data-table'}>
        <caption className={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = activeSort.key === c.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={c.align ? `align-${c.align}` : undefined}
                  aria-sort={active ? (activeSort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {c.sortValue ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => toggle(c.key)}
                      title={t('table.sortBy', { col: c.header })}
                    >
                      {c.header}
                      <span aria-hidden="true" className="sort-mark">
                        {active ? (activeSort.dir === 'asc' ? '▲' : '▼') : '↕'}
                      </span>
                    </button>
                  ) : (
                    c.header
                  )}
                  {c.help}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {visible.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.key} className={cellClass(c)}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div className="table-footer">
        <span>{t('table.rows', { n: sorted.length })}</span>
        {pageSize && pages > 1 ? (
          <span className="pager">
            <button type="button" onClick={() => setPage(current - 1)} disabled={current <= 1}>
              {t('table.prev')}
            </button>
            <span>{t('table.page', { page: current, pages })}</span>
            <button type="button" onClick={() => setPage(current + 1)} disabled={current >= pages}>
              {t('table.next')}
            </button>
          </span>
        ) : null}
      </div>
    </div>
  );
}
