/**
 * One year's dataset, ready to compute: the three per-year resources fetched
 * and shape-checked, bad records excluded, and the rest indexed. The heavy part
 * of loading (JSON parsing of ~30k records, zod, validation, indexing) — so it
 * runs in a Web Worker in production (`loader.worker.ts`) and in-process where
 * workers cannot be mocked or do not exist (MSW in development, tests).
 */
import type { Demand, Meta, Methodology } from '../api/schemas';
import { fetchAssignments, fetchDemands, fetchMethodology, fetchOrgs } from '../api/resources';
import type { DataQualityIssue } from '../api/validate';
import type { IndexResult, PreparedDataset, Trend } from '../engine';
import { prepareYear } from './prepareYear';

export interface YearDataset {
  year: number;
  /** The methodology with invalid categories and indicators left out. */
  methodology: Methodology;
  issues: DataQualityIssue[];
  ds: PreparedDataset;
  /** v1.1 demands, valid ones only; absent when the backend has none (no `methodology.demands`, or a 404). */
  demands?: Demand[];
  /** The index at the date asked for when the year was loaded, computed by the loader's worker (never kept on the device). */
  initial?: IndexResult;
  /** The month-end trend (§9) up to `initial`'s date, computed beside it in the worker. */
  initialTrend?: Trend;
}

/** `onBytes`: bytes of the year's assignments received so far (the bulk of the year), for the loading indicator. */
export async function loadYear(
  apiBaseUrl: string,
  year: number,
  meta: Meta,
  signal?: AbortSignal,
  onBytes?: (received: number) => void,
): Promise<YearDataset> {
  const methodologyRequest = fetchMethodology(apiBaseUrl, year, signal);
  // demands only where the methodology configures them; asked as soon as it says so, while the rest still loads
  const demandsRequest = methodologyRequest.then((m) => (m.demands ? fetchDemands(apiBaseUrl, year, undefined, signal) : undefined));
  demandsRequest.catch(() => undefined); // its failure is reported by the Promise.all below, not as unhandled
  const [methodology, orgs, assignments, demands] = await Promise.all([
    methodologyRequest,
    fetchOrgs(apiBaseUrl, year, signal),
    fetchAssignments(apiBaseUrl, year, undefined, signal, onBytes),
    demandsRequest,
  ]);
  const prepared = prepareYear(meta, methodology, orgs, assignments, demands);
  const out: YearDataset = { year, methodology: prepared.methodology, issues: prepared.issues, ds: prepared.ds };
  if (prepared.demands) out.demands = prepared.demands;
  return out;
}

/** The buffers of a prepared dataset and its computed index, to transfer rather than copy. */
export function transferables(...parts: (PreparedDataset | IndexResult | undefined)[]): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const part of parts)
    for (const value of Object.values(part ?? {})) if (ArrayBuffer.isView(value)) out.add(value.buffer as ArrayBuffer);
  return [...out];
}

/** What is kept on the device: the dataset without the index computed at load (it is recomputed at the date asked then). */
export function keptPart(data: YearDataset): YearDataset {
  const { year, methodology, issues, ds, demands } = data;
  return demands ? { year, methodology, issues, ds, demands } : { year, methodology, issues, ds };
}
