/**
 * The built app from dist/: real files only, contained in dist/ whatever the
 * path says, index.html for every other path (the SPA's client-side routes,
 * ids with dots included), 404 for a missing hashed asset.
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { Representation } from './representation';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.map', '.txt', '.svg', '.ico', '.wasm']);

export type StaticResult = { kind: 'file'; rep: Representation; immutable: boolean } | { kind: 'not_found' };

/** A path is inside dir when the relative path from dir does not climb out of it (separator-aware, unlike startsWith). */
export function contained(dir: string, file: string): boolean {
  const rel = relative(dir, file);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

export class StaticSite {
  readonly dist: string;
  private realDist?: string;
  private readonly files = new Map<string, { mtimeMs: number; size: number; rep: Representation }>();

  constructor(distDir: string) {
    this.dist = resolve(distDir);
  }

  /** `decodedPath` is the request path after percent-decoding (it may hold `..`, `\`, anything). */
  lookup(decodedPath: string): StaticResult {
    if (decodedPath !== '/' && decodedPath !== '/index.html') {
      const file = resolve(this.dist, `.${decodedPath}`);
      if (!contained(this.dist, file)) return { kind: 'not_found' };
      const rep = this.file(file);
      if (rep) return { kind: 'file', rep, immutable: decodedPath.startsWith('/assets/') };
      // a hashed asset that is not there is an old build's: the HTML fallback would only break the page
      if (decodedPath.startsWith('/assets/')) return { kind: 'not_found' };
    }
    const index = this.file(resolve(this.dist, 'index.html'));
    return index ? { kind: 'file', rep: index, immutable: false } : { kind: 'not_found' };
  }

  /**
   * Compress the first screen's files now, one after another: index.html and the scripts and stylesheets it names.
   * Compressed on their first request instead (brotli 11: 235 ms for the app's main chunk, measured), they held up the first
   * phone after every deploy. Other files still compress on their first request.
   */
  async warmFirstScreen(): Promise<void> {
    const index = this.lookup('/');
    if (index.kind !== 'file') return;
    const named = [...index.rep.body.toString('utf8').matchAll(/(?:src|href)="(\/[^"?#]+\.(?:js|mjs|css))"/g)].map((m) => m[1]);
    for (const path of ['/', ...new Set(named)]) {
      const found = this.lookup(path);
      if (found.kind === 'file') await found.rep.warm();
    }
  }

  /** The file's representation, cached while its size and mtime stay the same. */
  private file(file: string): Representation | undefined {
    let stat;
    try {
      stat = statSync(file);
    } catch {
      return undefined;
    }
    if (!stat.isFile()) return undefined;
    const hit = this.files.get(file);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.rep;
    try {
      // a symlink inside dist/ must not lead outside it either
      this.realDist ??= realpathSync(this.dist);
      if (!contained(this.realDist, realpathSync(file))) return undefined;
      const ext = extname(file).toLowerCase();
      const rep = new Representation(readFileSync(file), TYPES[ext] ?? 'application/octet-stream', COMPRESSIBLE.has(ext));
      this.files.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, rep });
      return rep;
    } catch {
      return undefined;
    }
  }
}
