/**
 * The dataset behind every view: meta, then the year's dataset (three
 * resources fetched, validated and indexed together, in a Web Worker in
 * production), then the index as of the chosen date. Computed once per
 * (year, as-of) in a provider, read by every feature through `useDashboard()`.
 * The previous year stays on screen while another loads.
 */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { AppConfig, Meta, Methodology } from '../api/schemas';
import { metaQuery } from '../api/resources';
import type { DataQualityIssue } from '../api/validate';
import { clampToYear, computeIndex, type IndexResult, type PreparedDataset } from '../engine';
import { loadYear, type YearDataset } from './loadYear';
import { loadYearInWorker } from './loaderClient';

const ConfigContext = createContext<AppConfig | null>(null);

export function ConfigProvider({ config, children }: { config: AppConfig; children: ReactNode }) {
  return <ConfigContext.Provider value={config}>{children}</ConfigContext.Provider>;
}

export function useConfig(): AppConfig {
  const c = useContext(ConfigContext);
  if (!c) throw new Error('useConfig outside ConfigProvider');
  return c;
}

export interface Dashboard {
  meta: Meta;
  year: number;
  asOf: string;
  methodology: Methodology;
  issues: DataQualityIssue[];
  ds: PreparedDataset;
  result: IndexResult;
  /** When the data on screen was last fetched successfully. */
  updatedAt: number;
  /** A refetch failed: what is on screen is the last good data. */
  stale: boolean;
  /** Another year is loading; what is on screen is the previous one. */
  transitioning: boolean;
  refetch: () => void;
}

export interface DashboardState {
  meta?: Meta;
  dashboard?: Dashboard;
  error: unknown;
  isFetching: boolean;
  retry: () => void;
}

/** Default as-of date: `meta.asOf` for `meta.defaultYear`, December 31 for the other years. */
export function defaultAsOf(meta: Meta, year: number): string {
  return year === meta.defaultYear ? clampToYear(meta.asOf, year) : `${year}-12-31`;
}

export function resolveYear(meta: Meta, year: number | undefined): number {
  return year !== undefined && meta.years.includes(year) ? year : meta.defaultYear;
}

/** A year's dataset, keyed by every input; loaded in a Web Worker unless the API is mocked in-page. */
export const yearDatasetQuery = (config: AppConfig, year: number, meta: Meta | undefined) =>
  queryOptions({
    queryKey: ['year-dataset', config.apiBaseUrl, year, meta?.generatedAt ?? null],
    queryFn: ({ signal }): Promise<YearDataset> =>
      // MSW's service worker answers the page, not a dedicated worker: mocked builds load in-page
      !config.mocks && typeof Worker !== 'undefined' ? loadYearInWorker(config.apiBaseUrl, year, meta!) : loadYear(config.apiBaseUrl, year, meta!, signal),
    enabled: meta !== undefined,
    placeholderData: keepPreviousData,
  });

export function useDashboardState(requestedYear: number | undefined, requestedAsOf: string | undefined): DashboardState {
  const config = useConfig();
  const metaQ = useQuery(metaQuery(config.apiBaseUrl));
  const meta = metaQ.data;
  const year = meta ? resolveYear(meta, requestedYear) : 0;
  const yearQ = useQuery(yearDatasetQuery(config, year, meta));
  const data = yearQ.data;

  const asOf = meta && data ? clampToYear(requestedAsOf ?? defaultAsOf(meta, data.year), data.year) : undefined;
  const result = useMemo(() => (data && asOf ? computeIndex(data.ds, asOf) : undefined), [data, asOf]);

  const all = [metaQ, yearQ];
  const retry = () => all.forEach((q) => q.error && q.refetch());
  let dashboard: Dashboard | undefined;
  if (meta && data && asOf && result) {
    dashboard = {
      meta,
      year: data.year,
      asOf,
      methodology: data.methodology,
      issues: data.issues,
      ds: data.ds,
      result,
      updatedAt: Math.min(...all.map((q) => q.dataUpdatedAt).filter((t) => t > 0)),
      stale: all.some((q) => q.error && q.data),
      transitioning: yearQ.isPlaceholderData,
      refetch: () => all.forEach((q) => q.refetch()),
    };
  }
  const error = metaQ.error ?? yearQ.error;
  return {
    meta,
    dashboard,
    error,
    isFetching: all.some((q) => q.isFetching),
    retry,
  };
}

const DashboardContext = createContext<Dashboard | null>(null);

export function DashboardProvider({ value, children }: { value: Dashboard; children: ReactNode }) {
  return <DashboardContext.Provider value={value}>{children}</DashboardContext.Provider>;
}

/** The computed dashboard; only rendered inside the layout once data is there. */
export function useDashboard(): Dashboard {
  const d = useContext(DashboardContext);
  if (!d) throw new Error('useDashboard outside DashboardProvider');
  return d;
}
