/**
 * Fetched resources → a year ready to compute: record validation (bad records excluded, reported) then indexing.
 * The one call site of `validateDataset`: the browser's loader and the server's summary both come through here,
 * so the two can never validate differently.
 */
import type { Demand, Meta, Methodology, MethodologyPayload } from '../api/schemas';
import { validateDataset, type DataQualityIssue } from '../api/validate';
import { prepareDataset, type PreparedDataset } from '../engine';

export interface PreparedYear {
  /** The methodology with invalid categories and indicators left out. */
  methodology: Methodology;
  issues: DataQualityIssue[];
  ds: PreparedDataset;
  /** v1.1 demands, valid ones only; absent when none were given. */
  demands?: Demand[];
}

/** Records arrive as fetched (`unknown`): their checks are validateDataset's, record by record. */
export function prepareYear(
  meta: Meta,
  methodology: MethodologyPayload,
  orgs: readonly unknown[],
  assignments: readonly unknown[],
  demands?: readonly unknown[],
): PreparedYear {
  const valid = validateDataset(meta, methodology, orgs, assignments, demands);
  const ds = prepareDataset(valid.methodology, meta.tiers, valid.orgs, valid.assignments);
  const out: PreparedYear = { methodology: valid.methodology, issues: valid.issues, ds };
  if (valid.demands) out.demands = valid.demands;
  return out;
}
