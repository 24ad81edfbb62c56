import { appConfigSchema, type AppConfig } from './schemas';
import { getJson } from './client';

/** Reads `config.json` from the app's own base path, so a deployment re-points the build without rebuilding. */
export function loadConfig(baseUrl: string = import.meta.env.BASE_URL): Promise<AppConfig> {
  return getJson('config', `${baseUrl}config.json`, appConfigSchema, { cache: 'no-store' });
}

/** `/api` + `/v1/meta`, tolerating a trailing slash on the base. */
export function resourceUrl(apiBaseUrl: string, path: string, params: Record<string, string | number | undefined> = {}): string {
  const base = apiBaseUrl.replace(/\/+$/, '');
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) search.set(k, String(v));
  const qs = search.toString();
  return `${base}${path}${qs ? `?${qs}` : ''}`;
}
