/**
 * One year's dataset, ready to compute: the three per-year resources fetched
 * and shape-checked, bad records excluded, and the rest indexed. The heavy part
 * of loading (JSON parsing of ~30k records, zod, validation, indexing) — so it
 * runs in a Web Worker in production (`loader.worker.ts`) and in-process where
 * workers cannot be mocked or do not exist (MSW in development, tests).
 */
import type { Meta, Methodology } from '../api/schemas';
import { fetchAssignments, fetchMethodology, fetchOrgs } from '../api/resources';
import { validateDataset, type DataQualityIssue } from '../api/validate';
import { prepareDataset, type PreparedDataset } from '../engine';

export interface YearDataset {
  year: number;
  /** The methodology with invalid categories and indicators left out. */
  methodology: Methodology;
  issues: DataQualityIssue[];
  ds: PreparedDataset;
}

export async function loadYear(apiBaseUrl: string, year: number, meta: Meta, signal?: AbortSignal): Promise<YearDataset> {
  const [methodology, orgs, assignments] = await Promise.all([
    fetchMethodology(apiBaseUrl, year, signal),
    fetchOrgs(apiBaseUrl, year, signal),
    fetchAssignments(apiBaseUrl, year, undefined, signal),
  ]);
  const valid = validateDataset(meta, methodology, orgs, assignments);
  const ds = prepareDataset(valid.methodology, meta.tiers, valid.orgs, valid.assignments);
  return { year, methodology: valid.methodology, issues: valid.issues, ds };
}

/** The buffers of a prepared dataset, to transfer rather than copy. */
export function transferables(ds: PreparedDataset): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const value of Object.values(ds)) if (ArrayBuffer.isView(value)) out.add(value.buffer as ArrayBuffer);
  return [...out];
}
