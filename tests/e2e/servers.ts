/** The two ways the production build is served in end-to-end tests. */
import { preview, type PreviewServer } from 'vite';
import type { Server } from 'node:http';
import { startServer, type ApiData, type ServeOptions } from '../../server/serve';

/** `vite preview` of dist/ with the shipped config.json (mocks on). */
export async function startPreview(): Promise<{ url: string; close: () => Promise<void> }> {
  const server: PreviewServer = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'silent' });
  const url = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? 'http://127.0.0.1:4173';
  return { url, close: () => server.close() };
}

/** A real HTTP backend (no MSW): dist/ plus the API from data. */
export async function startBackend(
  data: ApiData | (() => ApiData),
  override?: ServeOptions['override'],
): Promise<{ url: string; close: () => Promise<void> }> {
  const { server, url } = await startServer({ distDir: 'dist', data, override });
  return { url, close: () => closeServer(server) };
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((ok) => server.close(() => ok()));
}
