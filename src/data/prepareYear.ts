/**
 * Fetched resources → a year ready to compute: record validation (bad records excluded, reported) and indexing,
 * in one pass over the assignments (each valid record goes straight into the prepared arrays as it is checked).
 * The one place records are validated: the browser's loader and the server's summary both come through here,
 * so the two can never validate differently. The result equals `prepareDataset` over `validateDataset`'s output.
 */
import type { Demand, Meta, Methodology, MethodologyPayload } from '../api/schemas';
import { validateDatasetInto, type DataQualityIssue } from '../api/validate';
import { AssignmentCollector, prepareTree, type PreparedDataset } from '../engine';

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
  const valid = validateDatasetInto(
    meta,
    methodology,
    orgs,
    assignments,
    demands,
    (validMethodology, validOrgs, orgIndex) =>
      new AssignmentCollector(prepareTree(validMethodology, meta.tiers, validOrgs, orgIndex), assignments),
  );
  const ds = valid.sink.finish();
  const out: PreparedYear = { methodology: valid.methodology, issues: valid.issues, ds };
  if (valid.demands) out.demands = valid.demands;
  return out;
}
