/**
 * Extension `GET /v1/summary?year=&asOf=` (docs/api.md): the overview's first screen, computed here by the
 * browser's own engine and read model (src/data/summary.ts) from the same records, validated by the same
 * function (src/data/prepareYear.ts). A phone paints the district from ~10 KB instead of waiting for the year.
 *
 * Caching: the prepared year per (snapshot, scope, year) — a new snapshot (new files, new generatedAt) starts
 * afresh —, the serialized answer per (scope, year, asOf) in the snapshot's bounded derived cache; the ETag
 * follows the body, so a revalidation costs a 304.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { metaSchema, methodologyPayloadSchema, recordsSchema, DATE_PATTERN } from '../src/api/schemas';
import { effectiveAsOf } from '../src/data/asOf';
import { prepareYear, type PreparedYear } from '../src/data/prepareYear';
import { buildSummary } from '../src/data/summary';
import { computeIndex, type IndexResult } from '../src/engine';
import { filtered } from './api';
import { JSON_TYPE, type Snapshot } from './data';
import { Representation } from './representation';
import { sendRepresentation, type RepHeaders } from './respond';

type Deny = (status: number, code: string, message: string) => void;

interface Ready {
  prepared: PreparedYear;
  /** Results by as-of date, kept for the snapshot's life: every summary's trend reuses the month ends. */
  results: Map<string, IndexResult>;
}

const MAX_RESULTS = 16;

const prepared = new WeakMap<Snapshot, Map<string, Ready | Error>>();

export function handleSummary(
  req: IncomingMessage,
  res: ServerResponse,
  snapshot: Snapshot,
  scopeId: string | undefined,
  query: URLSearchParams,
  headers: RepHeaders,
  deny: Deny,
): void | Promise<void> {
  const yearParam = query.get('year');
  if (yearParam === null || !/^\d{1,6}$/.test(yearParam)) return deny(400, 'bad_request', 'year: expected ?year=<year>');
  const asOfParam = query.get('asOf');
  if (asOfParam !== null && !DATE_PATTERN.test(asOfParam)) return deny(400, 'bad_request', 'asOf: expected YYYY-MM-DD');
  const year = snapshot.years.get(Number(yearParam));
  if (!year) return deny(404, 'not_found', `no data for year ${yearParam}`);
  if (scopeId !== undefined && !year.ids.has(scopeId))
    return deny(403, 'forbidden', `the session's organisation ${scopeId} is not in year ${yearParam}`);

  const metaParsed = metaSchema.safeParse(scopeId === undefined ? snapshot.meta : { ...snapshot.meta, scope: { orgId: scopeId } });
  // data the browser could not read either: no summary, the app falls back to the raw year and reports it there
  if (!metaParsed.success) return deny(404, 'summary_unavailable', 'meta does not follow the contract');
  const meta = metaParsed.data;

  let perSnapshot = prepared.get(snapshot);
  if (!perSnapshot) prepared.set(snapshot, (perSnapshot = new Map()));
  const prepKey = `${yearParam}|${scopeId ?? '*'}`;
  let prep = perSnapshot.get(prepKey);
  if (!prep) {
    try {
      const methodology = methodologyPayloadSchema.parse(year.data.methodology);
      const orgs = recordsSchema.parse(scopeId === undefined ? year.data.orgs : filtered(year, 'orgs', scopeId, scopeId));
      const assignments = recordsSchema.parse(
        scopeId === undefined ? year.data.assignments : filtered(year, 'assignments', scopeId, scopeId),
      );
      prep = { prepared: prepareYear(meta, methodology, orgs, assignments), results: new Map() };
    } catch (e) {
      prep = e instanceof Error ? e : new Error(String(e));
    }
    perSnapshot.set(prepKey, prep);
  }
  if (prep instanceof Error) return deny(404, 'summary_unavailable', `the year's data cannot be computed: ${prep.message.slice(0, 200)}`);

  const y = Number(yearParam);
  const asOf = effectiveAsOf(meta, y, asOfParam ?? undefined);
  const { prepared: ready, results } = prep;
  const resultAt = (date: string) => {
    let r = results.get(date);
    if (!r) {
      results.set(date, (r = computeIndex(ready.ds, date)));
      // a province's result is tens of MB: keep a year of month ends and a few as-of dates, drop the oldest beyond
      if (results.size > MAX_RESULTS) results.delete(results.keys().next().value!);
    }
    return r;
  };
  const rep = snapshot.derived.get(
    `summary|${yearParam}|${scopeId ?? '*'}|${asOf}`,
    () => new Representation(Buffer.from(JSON.stringify(buildSummary(meta, y, asOf, ready, resultAt))), JSON_TYPE, true, scopeId ?? '*'),
  );
  return sendRepresentation(req, res, rep, headers);
}
