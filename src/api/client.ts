import type * as z from 'zod/mini';
import { apiErrorSchema, type ResourceName } from './schemas';
import { HttpError, NetworkError, PayloadError, SessionEndedError, payloadErrorFromZod } from './errors';

/**
 * GET a JSON resource and check its shape. Every failure becomes a typed error
 * that names the resource, so the UI can say what went wrong and whether to retry.
 */
export async function getJson<S extends z.ZodMiniType>(
  resource: ResourceName,
  url: string,
  schema: S,
  init: RequestInit = {},
): Promise<z.infer<S>> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'include', headers: { Accept: 'application/json' }, ...init });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new NetworkError(resource, e instanceof Error ? e.message : String(e));
  }
  if (res.status === 401) throw new SessionEndedError(resource);
  const text = await res.text();
  if (!res.ok) {
    const err = apiErrorSchema.safeParse(safeJsonParse(text));
    throw new HttpError(
      resource,
      res.status,
      err.success ? err.data.error.code : `http_${res.status}`,
      err.success ? err.data.error.message : `HTTP ${res.status}`,
    );
  }
  const body = safeJsonParse(text);
  if (body === NOT_JSON) throw new PayloadError(resource, resource, 'not JSON');
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw payloadErrorFromZod(resource, parsed.error);
  return parsed.data;
}

const NOT_JSON = Symbol('not JSON');

function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}
