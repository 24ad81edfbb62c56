import type * as z from 'zod/mini';
import { apiErrorSchema, type ResourceName } from './schemas';
import { takeEarly } from './early';
import { HttpError, NetworkError, PayloadError, SessionEndedError, TimeoutError, payloadErrorFromZod } from './errors';

/**
 * How long a request may go without receiving anything (no answer, or a body
 * that stopped arriving) before it counts as a network failure and is retried.
 * An idle limit, not a total one: a 7 MB year on a slow phone link keeps going
 * while bytes arrive.
 */
export const DEFAULT_TIMEOUT_MS = 20_000;

/** A server's error text is shown to the reader: keep the start of it, not a 200 KB page. */
export const MAX_SERVER_MESSAGE = 300;

export interface RequestOptions extends RequestInit {
  /** Abort and fail with a TimeoutError when nothing has arrived for this long (headers or body). */
  timeoutMs?: number;
  /** Called as the body arrives with the bytes received so far (decoded), for a loading indicator. */
  onBytes?: (received: number) => void;
}

/**
 * GET a JSON resource and check its shape. Every failure becomes a typed error
 * that names the resource, so the UI can say what went wrong and whether to retry.
 */
export async function getJson<S extends z.ZodMiniType>(
  resource: ResourceName,
  url: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const { timeoutMs = DEFAULT_TIMEOUT_MS, signal: callerSignal, onBytes, ...init } = options;
  const timer = new AbortController();
  let timedOut = false;
  let handle: ReturnType<typeof setTimeout> | undefined;
  const rearm = () => {
    clearTimeout(handle);
    handle = setTimeout(() => {
      timedOut = true;
      timer.abort();
    }, timeoutMs);
  };
  rearm();
  const signal = callerSignal ? anySignal([callerSignal, timer.signal]) : timer.signal;
  // an abort by the caller is theirs to handle (the query was cancelled); our own is a timeout
  const fail = (e: unknown, during?: string): never => {
    if (timedOut) throw new TimeoutError(resource, timeoutMs);
    if (callerSignal?.aborted) throw e;
    const reason = e instanceof Error ? e.message : String(e);
    throw new NetworkError(resource, during ? `${resource}: ${during}${reason ? ` (${reason})` : ''}` : reason);
  };

  let res: Response;
  let text: string;
  try {
    try {
      // a first-screen request public/boot.js already started: its response, under this request's timeout and signal
      const early = takeEarly(url);
      res = await (early
        ? untilAborted(early, signal)
        : fetch(url, { credentials: 'include', headers: { Accept: 'application/json' }, ...init, signal }));
    } catch (e) {
      return fail(e);
    }
    if (res.status === 401) throw new SessionEndedError(resource);
    try {
      // the body arrives after the status: a reset or a stall here is as much a network failure
      text = await readText(res, signal, rearm, onBytes);
    } catch (e) {
      return fail(e, 'the connection broke while reading the response');
    }
  } finally {
    clearTimeout(handle);
  }
  if (!res.ok) {
    const err = apiErrorSchema.safeParse(safeJsonParse(text));
    throw new HttpError(
      resource,
      res.status,
      err.success ? clip(err.data.error.code, 100) : `http_${res.status}`,
      err.success ? clip(err.data.error.message, MAX_SERVER_MESSAGE) : `HTTP ${res.status}`,
    );
  }
  const body = safeJsonParse(text);
  if (body === NOT_JSON) throw new PayloadError(resource, resource, 'not JSON');
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw payloadErrorFromZod(resource, parsed.error);
  return parsed.data;
}

/** The body as text, re-arming the idle timer on every chunk that arrives. */
async function readText(res: Response, signal: AbortSignal, progress: () => void, onBytes?: (received: number) => void): Promise<string> {
  if (!res.body) return untilAborted(res.text(), signal);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await untilAborted(reader.read(), signal);
      if (done) break;
      progress();
      received += value.byteLength;
      onBytes?.(received);
      parts.push(decoder.decode(value, { stream: true }));
    }
  } catch (e) {
    reader.cancel().catch(() => undefined); // free the connection; its own failure adds nothing
    throw e;
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/**
 * A read, or a rejection as soon as `signal` aborts: fetch implementations
 * do not all tie a body already being read to the request's signal, and a stalled
 * body must still time out.
 */
function untilAborted<T>(read: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(abortReason(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    read.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** AbortSignal.any where it exists (Node 20, current browsers); else a manual combination. */
function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const s of signals) {
    if (s.aborted) {
      controller.abort(s.reason);
      break;
    }
    s.addEventListener('abort', () => controller.abort(s.reason), { once: true, signal: controller.signal });
  }
  return controller.signal;
}

const NOT_JSON = Symbol('not JSON');

function safeJsonParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return NOT_JSON;
  }
}
