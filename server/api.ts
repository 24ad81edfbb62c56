/**
 * The API resources (contract v1.1) from a snapshot: meta, and per year
 * methodology, orgs, assignments and demands; `orgId` filters to a subtree;
 * a session's scope (sessions.ts) limits every resource to its subtree.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { filteredBody, JSON_TYPE, subtree, type Snapshot, type YearResource } from './data';
import { Representation } from './representation';
import { sendError, sendRepresentation, type RepHeaders } from './respond';
import { requestToken, type Scope } from './sessions';
import { handleSummary, type Summaries } from './summary';

const YEAR_RESOURCES = new Set<string>(['methodology', 'orgs', 'assignments', 'demands']);
const FILTERABLE = new Set<string>(['assignments', 'demands']);

export async function handleResource(
  req: IncomingMessage,
  res: ServerResponse,
  snapshot: Snapshot,
  resource: string,
  query: URLSearchParams,
  summaries: Summaries,
): Promise<void> {
  let scope: Scope | undefined;
  if (snapshot.users) {
    const token = requestToken(req);
    scope = token === undefined ? undefined : snapshot.users.get(token);
    if (!scope)
      return sendError(
        res,
        401,
        'unauthorized',
        token === undefined ? 'no session: sign in' : 'the session is not known (signed out or expired)',
        { Vary: 'Cookie, Authorization' },
      );
  }
  // with sessions, every answer depends on who asks: no shared cache may keep it for another
  const headers: RepHeaders = snapshot.users
    ? { cacheControl: 'private, no-cache', vary: ['Cookie', 'Authorization'] }
    : { cacheControl: 'no-cache' };
  const deny = (status: number, code: string, message: string, extra: Record<string, string> = {}) =>
    sendError(res, status, code, message, { ...extra, ...(snapshot.users ? { Vary: 'Cookie, Authorization' } : {}) });
  const scopeId = scope?.orgId;

  if (resource === 'meta') {
    const rep =
      scopeId === undefined
        ? snapshot.metaRep
        : snapshot.derived.get(`meta|${scopeId}`, () =>
            jsonRep(Buffer.from(JSON.stringify({ ...snapshot.meta, scope: { orgId: scopeId } })), scopeId),
          );
    return sendRepresentation(req, res, rep, headers);
  }
  if (resource === 'summary') return handleSummary(req, res, summaries, snapshot, scopeId, query, headers, deny);
  if (!YEAR_RESOURCES.has(resource)) return deny(404, 'not_found', `no resource ${resource.slice(0, 200)}`);

  const yearParam = query.get('year');
  if (yearParam === null || !/^\d{1,6}$/.test(yearParam)) return deny(400, 'bad_request', 'year: expected ?year=<year>');
  const year = snapshot.years.get(Number(yearParam));
  if (!year) return deny(404, 'not_found', `no data for year ${yearParam}`);
  const name = resource as YearResource;
  const full = year.full[name];
  if (!full) return deny(404, 'not_found', `no ${name} for year ${yearParam}`);

  let visible: Set<string> | undefined;
  if (scopeId !== undefined) {
    visible = subtree(year, scopeId);
    if (!visible) return deny(403, 'forbidden', `the session's organisation ${scopeId} is not in year ${yearParam}`);
  }
  const orgIdParam = FILTERABLE.has(name) ? query.get('orgId') : null;
  let root = scopeId;
  if (orgIdParam !== null) {
    if (!orgIdParam) return deny(400, 'bad_request', 'orgId: expected an organisation id');
    // inside a scope, an unknown id is as much outside it as a neighbour's: 403 either way, nothing disclosed
    if (visible && !visible.has(orgIdParam))
      return deny(403, 'forbidden', `organisation ${orgIdParam.slice(0, 200)} is outside the session's scope`);
    if (!year.ids.has(orgIdParam)) return deny(404, 'not_found', `no organisation ${orgIdParam.slice(0, 200)} in year ${yearParam}`);
    root = orgIdParam;
  }
  // the methodology is the same for every scope
  if (root === undefined || name === 'methodology') return sendRepresentation(req, res, full, headers);

  const key = `${name}|${yearParam}|${scopeId ?? '*'}|${root}`;
  const rep = snapshot.derived.get(key, () => jsonRep(filteredBody(year, name, root, scopeId), scopeId ?? '*'));
  return sendRepresentation(req, res, rep, headers);
}

function jsonRep(body: Buffer, salt: string): Representation {
  return new Representation(body, JSON_TYPE, true, salt);
}
