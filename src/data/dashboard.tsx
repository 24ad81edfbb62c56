/**
 * The dataset behind every view: meta, then the year's three resources, then
 * record validation, indexing and the index as of the chosen date. Computed
 * once per (year, as-of) in a provider, read by every feature through
 * `useDashboard()`. A year's three resources are used together only when all
 * three belong to that year, so switching year never mixes two datasets.
 */
import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query';
import { createContext, useContext, useMemo, useRef, type ReactNode } from 'react';
import type { AppConfig, Meta } from '../api/schemas';
import { assignmentsQuery, metaQuery, methodologyQuery, orgsQuery } from '../api/resources';
import { validateDataset, type ValidDataset } from '../api/validate';
import { clampToYear, computeIndex, computeTrend, prepareDataset, type IndexResult, type PreparedDataset, type Trend } from '../engine';

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
  valid: ValidDataset;
  ds: PreparedDataset;
  result: IndexResult;
  /** When the data on screen was last fetched successfully. */
  updatedAt: number;
  /** A refetch failed: what is on screen is the last good data. */
  stale: boolean;
  /** The data on screen belongs to a year or date still loading. */
  transitioning: boolean;
  refetch: () => void;
  trend: () => Trend;
}

export interface DashboardState {
  meta?: Meta;
  dashboard?: Dashboard;
  error: unknown;
  isLoading: boolean;
  isFetching: boolean;
  retry: () => void;
}

/** Default as-of date: `meta.asOf` for the latest year, December 31 for earlier years. */
export function defaultAsOf(meta: Meta, year: number): string {
  return year === meta.defaultYear ? clampToYear(meta.asOf, year) : `${year}-12-31`;
}

export function resolveYear(meta: Meta, year: number | undefined): number {
  return year !== undefined && meta.years.includes(year) ? year : meta.defaultYear;
}

interface YearData {
  year: number;
  valid: ValidDataset;
  ds: PreparedDataset;
}

const trendCache = new WeakMap<IndexResult, Trend>();

export function useDashboardState(requestedYear: number | undefined, requestedAsOf: string | undefined): DashboardState {
  const { apiBaseUrl } = useConfig();
  const metaQ = useQuery(metaQuery(apiBaseUrl));
  const meta = metaQ.data;
  const year = meta ? resolveYear(meta, requestedYear) : undefined;
  const enabled = year !== undefined;
  const y = year ?? 0;
  const queries = useQueries({
    queries: [
      { ...methodologyQuery(apiBaseUrl, y), enabled, placeholderData: keepPreviousData },
      { ...orgsQuery(apiBaseUrl, y), enabled, placeholderData: keepPreviousData },
      { ...assignmentsQuery(apiBaseUrl, y), enabled, placeholderData: keepPreviousData },
    ],
  });
  const [mQ, oQ, aQ] = queries;
  const fresh = queries.every((q) => q.data !== undefined && !q.isPlaceholderData);

  // validation and indexing happen once per year's payloads; the last complete year stays while another loads
  const last = useRef<YearData | null>(null);
  const current = useMemo<YearData | { error: unknown } | null>(() => {
    if (!meta || !mQ.data || !oQ.data || !aQ.data || !fresh) return null;
    try {
      const valid = validateDataset(meta, mQ.data, oQ.data, aQ.data);
      const ds = prepareDataset(valid.methodology, meta.tiers, valid.orgs, valid.assignments);
      return { year: mQ.data.year, valid, ds };
    } catch (error) {
      return { error };
    }
    // the payload objects identify a dataset
  }, [meta, mQ.data, oQ.data, aQ.data, fresh]);
  if (current && 'ds' in current) last.current = current;
  const yearData = last.current;

  const asOf = meta && yearData ? clampToYear(requestedAsOf ?? defaultAsOf(meta, yearData.year), yearData.year) : undefined;
  const result = useMemo(() => (yearData && asOf ? computeIndex(yearData.ds, asOf) : undefined), [yearData, asOf]);

  const all = [metaQ, ...queries];
  const retry = () => all.forEach((q) => q.error && q.refetch());
  const error = metaQ.error ?? queries.find((q) => q.error)?.error ?? (current && 'error' in current ? current.error : null);
  let dashboard: Dashboard | undefined;
  if (meta && yearData && asOf && result) {
    dashboard = {
      meta,
      year: yearData.year,
      asOf,
      valid: yearData.valid,
      ds: yearData.ds,
      result,
      updatedAt: Math.min(...all.map((q) => q.dataUpdatedAt).filter((t) => t > 0)),
      stale: all.some((q) => q.error && q.data),
      transitioning: yearData.year !== year,
      refetch: () => all.forEach((q) => q.refetch()),
      trend: () => {
        let t = trendCache.get(result);
        if (!t) trendCache.set(result, (t = computeTrend(yearData.ds, asOf, result)));
        return t;
      },
    };
  }
  return {
    meta,
    dashboard,
    error,
    isLoading: !dashboard && !error,
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
