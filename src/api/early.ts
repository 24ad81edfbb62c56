/**
 * Responses to the first screen's requests that public/boot.js started while this JavaScript downloaded (config.json,
 * meta, the default summary). Each is taken once, by a request for exactly its URL; any other request fetches.
 */
declare global {
  interface Window {
    /** Started by boot.js, by URL; taken (and removed) by `takeEarly`. */
    __jjEarly?: Record<string, Promise<Response> | undefined>;
    /** Set when the app starts: a boot.js that arrives later (the app came from the cache) starts nothing. */
    __jjApp?: boolean;
  }
}

/** The app runs: from here on it asks for what it needs. */
export function markAppStarted(): void {
  window.__jjApp = true;
}

/** The response boot.js started for `url`, once; undefined when there is none (or it was taken). */
export function takeEarly(url: string): Promise<Response> | undefined {
  const early = typeof window === 'undefined' ? undefined : window.__jjEarly;
  const response = early?.[url];
  if (response) delete early[url];
  return response;
}
