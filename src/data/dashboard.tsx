/**
 * The dataset behind every view: meta, then the year's dataset (three
 * resources fetched, validated and indexed together, in a Web Worker in
 * production), then the index as of the chosen date. Computed once per
 * (year, as-of) in a provider, read by every feature through `useDashboard()`.
 * The previous year stays on screen while another loads.
 */
import { keepPreviousData, queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { AppConfig, Meta, Methodology } from '../api/schemas';
import { metaQuery } from '../api/resources';
import { SessionEndedError } from '../api/errors';
import { fetchSummary, type Summary } from '../api/summary';
import type { DataQualityIssue } from '../api/validate';
import { computeIndex, type IndexResult, type PreparedDataset } from '../engine';
import { Comparison, isLeapYear } from './comparison';
import { loadYear, type YearDataset } from './loadYear';
import { loadYearInWorker } from './loaderClient';
import { ReadModel } from './model';
import { hasDemands, useDemandModel, type DemandModel } from './demands';
import { setLoadProgress } from './loadProgress';
import { yieldToBrowser } from '../lib/idle';
import { dropYears, fromDevice, readKept, saveYear } from './yearCache';
import { effectiveAsOf, lastAsOf, resolvePeriod } from './asOf';

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
  /** Engine arrays: the data layer's own business (selectors, trend); views read `model`. */
  ds: PreparedDataset;
  result: IndexResult;
  /** Everything a view asks about an organisation, by id. */
  model: ReadModel;
  /** §12 demands at the same as-of date, built when first read; undefined when the backend has none (everything about demands hidden). */
  readonly demands?: DemandModel;
  /** The year carries demands: `demands` will be defined (known without building it). */
  hasDemands: boolean;
  /** The last date this year can be computed at (`meta.asOf` for the latest year, else December 31). */
  lastAsOf: string;
  /** The URL asked for a later date than `lastAsOf`: what is shown is as of `lastAsOf`. */
  asOfCapped: boolean;
  /** The URL's `compare=<year>` when usable (methodology §13); undefined: no comparison, every view as without it. */
  compareYear?: number;
  /** Year over year against `compareYear` at the same month and day; undefined while that year loads (or fails to). */
  comparison?: Comparison;
  /** Loading the comparison year failed: the views show the year alone. */
  comparisonFailed?: boolean;
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
  /** The server's summary of the overview for the year and date asked (undefined without the extension, or when it was not asked: a mocked build, a year already loaded). */
  summary?: Summary;
  dashboard?: Dashboard;
  /** The year asked for (the URL's, or the default), once meta is known. */
  year?: number;
  /**
   * The year asked for could not be loaded: nothing is shown as that year and
   * the other years stay one click away (a failed switch is not a dead end).
   */
  failedYear?: number;
  error: unknown;
  isFetching: boolean;
  retry: () => void;
}

// the as-of rules live in a React-free module: the server's summary applies the very same ones
export { defaultAsOf, effectiveAsOf, lastAsOf, resolveYear } from './asOf';

/** The year before `year`, when the API serves it (what the header's toggle turns on). */
export function previousYear(meta: Meta, year: number): number | undefined {
  return meta.years.includes(year - 1) ? year - 1 : undefined;
}

/** A comparison year is usable when the API serves it and it is earlier than the year on screen. */
export function comparisonYear(meta: Meta, year: number, requested: number | undefined): number | undefined {
  return requested !== undefined && requested < year && meta.years.includes(requested) ? requested : undefined;
}

/**
 * §13: the same month and day in the comparison year (Feb 29 → Feb 28 when
 * that year has none; for the year before exactly the engine's
 * `comparisonDate`), never past what that year's data is complete to (§1).
 */
export function comparisonAsOf(meta: Meta, asOf: string, year: number): string {
  const monthDay = asOf.slice(5) === '02-29' && !isLeapYear(year) ? '02-28' : asOf.slice(5);
  return effectiveAsOf(meta, year, `${String(year).padStart(4, '0')}-${monthDay}`);
}

/** How often `meta` is checked for a new `generatedAt` (the year's data follows only when it changes). */
export const META_REFRESH_MS = 5 * 60_000;

/**
 * A year's dataset, keyed by every input; loaded in a Web Worker unless the API
 * is mocked in-page. The key holds `meta.generatedAt`, so the year is never
 * refetched on a timer: a new `generatedAt` is a new key.
 */
export const yearDatasetQuery = (config: AppConfig, year: number, meta: Meta | undefined, asOf?: string) =>
  queryOptions({
    queryKey: ['year-dataset', config.apiBaseUrl, meta?.scope?.orgId ?? null, year, meta?.generatedAt ?? null],
    queryFn: async ({ signal }): Promise<YearDataset> => {
      // not inside the render's effects that start it: the worker's start and the progress bar in a task of their own
      await yieldToBrowser();
      setLoadProgress(0);
      try {
        // MSW's service worker answers the page, not a dedicated worker: mocked builds load in-page
        return await (!config.mocks && typeof Worker !== 'undefined'
          ? loadYearInWorker(config.apiBaseUrl, year, meta!, signal, setLoadProgress, { asOf, keepAs: config.apiBaseUrl })
          : loadYear(config.apiBaseUrl, year, meta!, signal, setLoadProgress));
      } finally {
        setLoadProgress(undefined);
      }
    },
    enabled: meta !== undefined,
    // the previous year stays on screen while another loads — never another scope's data (contract: Scope of the session)
    placeholderData: (previous, previousQuery) =>
      previousQuery?.queryKey[2] === (meta?.scope?.orgId ?? null) ? keepPreviousData(previous) : undefined,
    staleTime: Infinity,
    refetchInterval: false,
  });

/**
 * Extension GET /v1/summary for the first screen. Any failure but a session's end means "no summary here" (null):
 * the raw year is loading anyway, and its own errors are the ones to show.
 */
export const summaryQuery = (config: AppConfig, year: number, meta: Meta | undefined, asOf: string, wanted: boolean) =>
  queryOptions({
    queryKey: ['summary', config.apiBaseUrl, meta?.scope?.orgId ?? null, year, asOf, meta?.generatedAt ?? null],
    queryFn: async ({ signal }): Promise<Summary | null> => {
      try {
        return await fetchSummary(config.apiBaseUrl, year, asOf, signal);
      } catch (e) {
        if (e instanceof SessionEndedError) throw e;
        return null;
      }
    },
    // the MSW mocks are the platform's raw API (no extension): not asked there, so a mocked build behaves as before
    enabled: meta !== undefined && wanted && !config.mocks,
    retry: false,
    staleTime: Infinity,
  });

/** The longest the year waits for the summary to arrive before it starts loading anyway. */
export const SUMMARY_HEAD_START_MS = 1500;

/** True once SUMMARY_HEAD_START_MS have passed since `waiting` turned on (always true when not waiting). */
function useHeadStartOver(waiting: boolean): boolean {
  const [over, setOver] = useState(false);
  useEffect(() => {
    if (!waiting) return;
    const timer = setTimeout(() => setOver(true), SUMMARY_HEAD_START_MS);
    return () => clearTimeout(timer);
  }, [waiting]);
  return over || !waiting;
}

/** A live screen's refresh: meta checked every `refreshMs`, also when the tab is hidden (a wall is never "in use"). */
export interface LiveRefresh {
  refreshMs: number;
}

export function useDashboardState(
  requestedYear: number | undefined,
  requestedAsOf: string | undefined,
  requestedCompare?: number,
  live?: LiveRefresh,
): DashboardState {
  const config = useConfig();
  const metaQ = useQuery({
    ...metaQuery(config.apiBaseUrl),
    refetchInterval: live?.refreshMs ?? META_REFRESH_MS,
    refetchIntervalInBackground: live !== undefined,
  });
  const meta = metaQ.data;
  const period = meta ? resolvePeriod(meta, requestedYear, requestedAsOf) : undefined;
  const year = period?.year ?? 0;
  // a live screen replaces its dataset every few minutes for days: a superseded one is dropped at once, not kept for gcTime
  // the date is a hint, not part of the key: the worker computes the index at it, the page uses that if it still asks it
  const hintAsOf = period?.asOf;
  const yearOptions = yearDatasetQuery(config, year, meta, hintAsOf);
  // the first screen from the server's summary while the raw year downloads (a backend without it: nothing
  // changes); asked only while no data of this year is at hand (a kept year, or one on screen, paints itself)
  const queryClient = useQueryClient();
  const shownBefore = useRef(false);
  const summaryWanted = meta !== undefined && !shownBefore.current && queryClient.getQueryData(yearOptions.queryKey) === undefined;
  const summaryQ = useQuery(summaryQuery(config, year, meta, hintAsOf ?? '', summaryWanted));
  // on a thin phone link the year (hundreds of KB) would share the bandwidth with the 6 KB summary: it starts when
  // the summary is in (or failed), or after SUMMARY_HEAD_START_MS at most
  const headStartOver = useHeadStartOver(summaryWanted && !config.mocks);
  const summaryInFlight = summaryQ.fetchStatus === 'fetching' && summaryQ.data === undefined;
  const yearQ = useQuery({
    ...yearOptions,
    enabled: meta !== undefined && (!summaryInFlight || headStartOver),
    ...(live ? { gcTime: 0 } : {}),
  });
  // the last dataset that loaded for this year and scope: when a refresh (a new generatedAt) fails, it stays on
  // screen marked stale (contract: the last good data stays), instead of the error replacing it
  const lastGood = useRef<{ data: YearDataset; scope: string | null } | undefined>(undefined);
  const scope = meta?.scope?.orgId ?? null;
  if (yearQ.data && !yearQ.isPlaceholderData) lastGood.current = { data: yearQ.data, scope };
  const fallback =
    !yearQ.data && yearQ.error && lastGood.current?.data.year === year && lastGood.current.scope === scope
      ? lastGood.current.data
      : undefined;
  const data = yearQ.data ?? fallback;
  if (data) shownBefore.current = true;

  // keep what was loaded for the next visit; a session that ended leaves nothing behind on the device
  const loadedFresh = yearQ.isSuccess && !yearQ.isPlaceholderData && data !== undefined && !fromDevice.has(data);
  useEffect(() => {
    if (loadedFresh && meta && data) void saveYear(config.apiBaseUrl, meta, data);
  }, [loadedFresh, meta, data, config.apiBaseUrl]);
  const sessionEnded = metaQ.error instanceof SessionEndedError || yearQ.error instanceof SessionEndedError;
  useEffect(() => {
    if (sessionEnded) void dropYears(config.apiBaseUrl);
  }, [sessionEnded, config.apiBaseUrl]);

  const asOf = meta && data ? effectiveAsOf(meta, data.year, requestedAsOf) : undefined;
  // the date asked for lies past what the data is complete to: say so where the date is chosen
  const asOfCapped = Boolean(meta && data && requestedAsOf && asOf && requestedAsOf > asOf && asOf === lastAsOf(meta, data.year));
  const result = useMemo(
    () => (data && asOf ? (data.initial?.asOf === asOf ? data.initial : computeIndex(data.ds, asOf)) : undefined),
    [data, asOf],
  );

  // year over year (§13): the comparison year loads beside the year on screen, through the same query as picking it
  const compareYear = meta && data ? comparisonYear(meta, data.year, requestedCompare) : undefined;
  const compareQ = useQuery({
    ...yearDatasetQuery(config, compareYear ?? 0, meta),
    enabled: meta !== undefined && compareYear !== undefined,
    placeholderData: undefined,
  });
  const compareData = compareYear !== undefined && compareQ.data?.year === compareYear ? compareQ.data : undefined;

  const updatedAt = Math.min(...[metaQ.dataUpdatedAt, yearQ.dataUpdatedAt].filter((t) => t > 0));
  const stale = Boolean((metaQ.error && metaQ.data) || (yearQ.error && data));
  const transitioning = yearQ.isPlaceholderData;
  const { refetch: refetchMeta } = metaQ;
  const { refetch: refetchYear } = yearQ;
  const metaError = metaQ.error;
  const yearError = yearQ.error;
  const retry = useCallback(() => {
    if (metaError) void refetchMeta();
    if (yearError) void refetchYear();
  }, [metaError, yearError, refetchMeta, refetchYear]);
  // a person's explicit refresh reloads everything; the timer only checks meta
  const refetch = useCallback(() => {
    void refetchMeta();
    void refetchYear();
  }, [refetchMeta, refetchYear]);
  const model = useMemo(() => (data && result ? new ReadModel(data.ds, result) : undefined), [data, result]);
  const comparison = useMemo(
    () =>
      meta && data && asOf && result && model && compareData
        ? new Comparison({ ds: data.ds, result, model }, compareData, comparisonAsOf(meta, asOf, compareData.year))
        : undefined,
    [meta, data, asOf, result, model, compareData],
  );
  // a link that opens with a comparison shows it from the first paint (its exports too); turning it on later keeps the page up while it loads
  const shown = useRef(false);
  const awaitingComparison = compareYear !== undefined && !comparison && !compareQ.error && !shown.current;
  const demands = useDemandModel(data, asOf, model);

  // one object per change of what it holds, so every useMemo([d]) downstream recomputes only then
  const dashboard = useMemo<Dashboard | undefined>(
    () =>
      meta && data && asOf && result && model && !awaitingComparison
        ? {
            meta,
            year: data.year,
            asOf,
            methodology: data.methodology,
            issues: data.issues,
            ds: data.ds,
            result,
            model,
            get demands() {
              return demands();
            },
            hasDemands: hasDemands(data),
            lastAsOf: lastAsOf(meta, data.year),
            asOfCapped,
            compareYear,
            comparison,
            comparisonFailed: compareYear !== undefined && !comparison && Boolean(compareQ.error),
            updatedAt,
            stale,
            transitioning,
            refetch,
          }
        : undefined,
    [
      meta,
      data,
      asOf,
      asOfCapped,
      result,
      model,
      demands,
      awaitingComparison,
      compareYear,
      comparison,
      compareQ.error,
      updatedAt,
      stale,
      transitioning,
      refetch,
    ],
  );
  if (dashboard) shown.current = true;
  return {
    meta,
    summary: summaryQ.data ?? undefined,
    dashboard,
    year: meta ? year : undefined,
    // with no data left for the key, the query's own error: the previous year is no longer on screen
    failedYear: meta && yearQ.error && !data ? year : undefined,
    error: metaQ.error ?? yearQ.error,
    isFetching: metaQ.isFetching || yearQ.isFetching,
    retry,
  };
}

const DashboardContext = createContext<Dashboard | null>(null);

export function DashboardProvider({ value, children }: { value: Dashboard | undefined; children: ReactNode }) {
  return <DashboardContext.Provider value={value ?? null}>{children}</DashboardContext.Provider>;
}

/** The dashboard when the year is there; undefined while the overview paints from the server's summary. */
export function useOptionalDashboard(): Dashboard | undefined {
  return useContext(DashboardContext) ?? undefined;
}

const SummaryContext = createContext<Summary | undefined>(undefined);

/** The server's summary of the overview (extension GET /v1/summary) for the year and date asked, when the backend has one. */
export function SummaryProvider({ value, children }: { value: Summary | undefined; children: ReactNode }) {
  return <SummaryContext.Provider value={value}>{children}</SummaryContext.Provider>;
}

export function useSummary(): Summary | undefined {
  return useContext(SummaryContext);
}

/** The computed dashboard; only rendered inside the layout once data is there. */
export function useDashboard(): Dashboard {
  const d = useContext(DashboardContext);
  if (!d) throw new Error('useDashboard outside DashboardProvider');
  return d;
}

/**
 * Seed the query cache from what is kept, waiting at most `waitMs` (a slow disk must not delay the first paint
 * more than the network would). Meta goes in as already stale, so it is revalidated as soon as it is used.
 */
export async function seedFromDevice(
  queryClient: QueryClient,
  config: AppConfig,
  requestedYear: number | undefined,
  waitMs = 400,
): Promise<boolean> {
  const kept = await Promise.race([
    readKept(config.apiBaseUrl, requestedYear).catch(() => undefined),
    new Promise<undefined>((ok) => setTimeout(ok, waitMs)),
  ]);
  if (!kept) return false;
  fromDevice.add(kept.data);
  queryClient.setQueryData(metaQuery(config.apiBaseUrl).queryKey, kept.meta, { updatedAt: 1 });
  queryClient.setQueryData(yearDatasetQuery(config, kept.data.year, kept.meta).queryKey, kept.data);
  return true;
}

/**
 * A first visit: wait at most `waitMs` for meta and the summary, which public/boot.js started while the app
 * downloaded, so that the first render paints the overview itself. Without it the page rendered three times, each a
 * long task on a phone: a skeleton, then meta's header, then the summary's numbers. Whatever is missing or fails by
 * then is left to the queries, exactly as before.
 */
export async function seedFromNetwork(
  queryClient: QueryClient,
  config: AppConfig,
  requestedYear: number | undefined,
  requestedAsOf: string | undefined,
  waitMs = 800,
): Promise<void> {
  // the mocked build has no summary, and its requests need the mock worker already running
  if (config.mocks) return;
  const seeded = (async () => {
    const meta = await queryClient.fetchQuery(metaQuery(config.apiBaseUrl));
    const { year, asOf } = resolvePeriod(meta, requestedYear, requestedAsOf);
    await queryClient.prefetchQuery(summaryQuery(config, year, meta, asOf, true));
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([seeded.catch(() => undefined), new Promise((ok) => (timer = setTimeout(ok, waitMs)))]);
  clearTimeout(timer);
}
