import type { core } from 'zod/mini';
import type { ResourceName } from './schemas';

/** The response is not the expected shape at all: names the resource and the first failing path. */
export class PayloadError extends Error {
  readonly kind = 'payload';
  constructor(
    readonly resource: ResourceName,
    /** e.g. `assignments[1204].target` */
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = 'PayloadError';
  }
}

/** A non-2xx answer other than 401. */
export class HttpError extends Error {
  readonly kind = 'http';
  constructor(
    readonly resource: ResourceName,
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** 401: the platform session ended. Never retried, never shown over stale data. */
export class SessionEndedError extends Error {
  readonly kind = 'session';
  constructor(readonly resource: ResourceName) {
    super('session ended');
    this.name = 'SessionEndedError';
  }
}

/** The request did not reach the server or got no answer. */
export class NetworkError extends Error {
  readonly kind = 'network';
  constructor(
    readonly resource: ResourceName,
    message: string,
  ) {
    super(message);
    this.name = 'NetworkError';
  }
}

/** Nothing received for the client's timeout (no answer, or a body that stopped): a network failure (retried), saying how long it waited. */
export class TimeoutError extends NetworkError {
  constructor(
    resource: ResourceName,
    readonly timeoutMs: number,
  ) {
    super(resource, `${resource}: nothing received for ${Math.round(timeoutMs / 100) / 10} s`);
    this.name = 'TimeoutError';
  }
}

/** Worth retrying: the network and 5xx may recover; a bad payload or a 4xx will not. */
export function isTransient(e: unknown): boolean {
  return e instanceof NetworkError || (e instanceof HttpError && e.status >= 500);
}

/** `['a', 3, 'b']` → `a[3].b` */
export function formatPath(root: string, path: readonly PropertyKey[]): string {
  let out = root;
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${String(p)}`;
  return out;
}

export function payloadErrorFromZod(resource: ResourceName, error: core.$ZodError): PayloadError {
  const first = error.issues[0];
  const detail = first.message.replace(/^Invalid input: /, '');
  return new PayloadError(resource, formatPath(resource, first.path), detail);
}

/** An API failure as plain data, to cross from a Web Worker (class identity does not survive postMessage). */
export type SerializedFailure =
  | { kind: 'payload'; resource: ResourceName; path: string; detail: string }
  | { kind: 'http'; resource: ResourceName; status: number; code: string; message: string }
  | { kind: 'session'; resource: ResourceName }
  | { kind: 'network'; resource: ResourceName; message: string }
  | { kind: 'other'; message: string };

export function serializeFailure(e: unknown): SerializedFailure {
  if (e instanceof PayloadError) return { kind: 'payload', resource: e.resource, path: e.path, detail: e.detail };
  if (e instanceof HttpError) return { kind: 'http', resource: e.resource, status: e.status, code: e.code, message: e.message };
  if (e instanceof SessionEndedError) return { kind: 'session', resource: e.resource };
  if (e instanceof NetworkError) return { kind: 'network', resource: e.resource, message: e.message };
  return { kind: 'other', message: e instanceof Error ? e.message : String(e) };
}

export function deserializeFailure(f: SerializedFailure): Error {
  switch (f.kind) {
    case 'payload':
      return new PayloadError(f.resource, f.path, f.detail);
    case 'http':
      return new HttpError(f.resource, f.status, f.code, f.message);
    case 'session':
      return new SessionEndedError(f.resource);
    case 'network':
      return new NetworkError(f.resource, f.message);
    default:
      return new Error(f.message);
  }
}
