import { QueryClient } from '@tanstack/react-query';
import { isTransient } from '../api/errors';

export interface RetryPolicy {
  /** Attempts after the first, for transient failures (network, 5xx) only. */
  retries: number;
  /** Backoff base in ms: base · 2^attempt, capped at 30 s. */
  baseDelayMs: number;
}

export const defaultRetryPolicy: RetryPolicy = { retries: 3, baseDelayMs: 1000 };

export function createQueryClient(policy: RetryPolicy = defaultRetryPolicy): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 5 * 60_000,
        gcTime: 30 * 60_000,
        // a bad payload, a 401 or a 404 will not mend itself: only transient failures are retried
        retry: (count, error) => isTransient(error) && count < policy.retries,
        retryDelay: (attempt) => Math.min(30_000, policy.baseDelayMs * 2 ** attempt),
        refetchOnWindowFocus: false,
        refetchInterval: 5 * 60_000,
      },
    },
  });
}
