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

export type ApiFailure = PayloadError | HttpError | SessionEndedError | NetworkError;

export function isApiFailure(e: unknown): e is ApiFailure {
  return e instanceof PayloadError || e instanceof HttpError || e instanceof SessionEndedError || e instanceof NetworkError;
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
