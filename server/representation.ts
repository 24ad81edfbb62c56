/**
 * One response body, serialized once, with its strong ETag and its gzip and
 * brotli encodings compressed lazily (once, off the event loop) and cached.
 * A representation lives as long as the data load or static file it was made
 * from, so nothing here is redone per request.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

export type Encoding = 'br' | 'gzip' | 'identity';

/** Below this, compression costs more than it saves (headers, CPU). */
const MIN_COMPRESS_BYTES = 1024;

/** The opaque part of a body's ETag. */
export function bodyHash(body: Uint8Array, salt: string): string {
  return createHash('sha256').update(salt).update('\0').update(body).digest('base64url').slice(0, 32);
}

export class Representation {
  /** The quoted strong ETag of the identity encoding; encoded variants get a suffix. */
  readonly etag: string;
  private readonly hash: string;
  private gz?: Promise<Buffer>;
  private br?: Promise<Buffer>;

  /**
   * @param salt mixed into the ETag so that equal bytes served under different
   * scopes never share a validator (a shared cache must not cross sessions).
   */
  constructor(
    readonly body: Buffer,
    readonly type: string,
    readonly compressible: boolean,
    salt = '',
    /** `bodyHash(body, salt)` when already computed (a province's payload is hashed by the data loader's thread). */
    hash?: string,
  ) {
    this.hash = hash ?? bodyHash(body, salt);
    this.etag = `"${this.hash}"`;
  }

  etagFor(encoding: Encoding): string {
    return encoding === 'identity' ? this.etag : `"${this.hash}-${encoding === 'br' ? 'br' : 'gz'}"`;
  }

  /** If-None-Match matches any encoding of these bytes (weak comparison, as RFC 9110 says for If-None-Match). */
  matches(ifNoneMatch: string | undefined): boolean {
    if (!ifNoneMatch) return false;
    for (const raw of ifNoneMatch.split(',')) {
      const tag = raw.trim().replace(/^W\//, '');
      if (tag === '*') return true;
      const opaque = tag.replace(/^"|"$/g, '').replace(/-(br|gz)$/, '');
      if (opaque === this.hash) return true;
    }
    return false;
  }

  /** Sent compressed when a client accepts it: a compressible type, and big enough for it to pay. */
  private get compressed(): boolean {
    return this.compressible && this.body.length >= MIN_COMPRESS_BYTES;
  }

  /** The encoding to send for an Accept-Encoding header: the one the client weighs most, br on a tie, then gzip. */
  choose(acceptEncoding: string | undefined): Encoding {
    if (!this.compressed) return 'identity';
    const { br, gzip } = parseAcceptEncoding(acceptEncoding);
    // the client's preference; br where the two weigh the same (smaller)
    if (br > 0 && br >= gzip) return 'br';
    if (gzip > 0) return 'gzip';
    return 'identity';
  }

  bytes(encoding: Encoding): Promise<Buffer> {
    if (encoding === 'gzip') return (this.gz ??= gzipAsync(this.body, { level: 6 }));
    if (encoding === 'br') {
      // quality 11 takes ~20 s on the 7 MB assignments payload; 9 gives ~400 KB in ~0.5 s
      const quality = this.body.length <= 256 * 1024 ? 11 : 9;
      return (this.br ??= brotliAsync(this.body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: quality,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
          [constants.BROTLI_PARAM_SIZE_HINT]: this.body.length,
        },
      }));
    }
    return Promise.resolve(this.body);
  }

  /** Both encodings are compressed (or started): a request for either waits for no compression of its own. */
  get warmed(): boolean {
    return !this.compressed || (this.gz !== undefined && this.br !== undefined);
  }

  /** Compress both encodings now (in the background after a load), so the first phone does not wait. */
  async warm(): Promise<void> {
    if (!this.compressed) return;
    await this.bytes('gzip');
    await this.bytes('br');
  }
}

/**
 * The weight (q) a client gives br and gzip (RFC 9110 §12.5.3): a coding's own entry wins over `*`, 0 refuses it,
 * an entry without q weighs 1, a coding not named (and no `*`) weighs 0.
 */
function parseAcceptEncoding(header: string | undefined): { br: number; gzip: number } {
  let br: number | undefined;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const parsed = q ? Number(q.slice(2)) : 1;
    const weight = Number.isFinite(parsed) && parsed > 0 ? Math.min(parsed, 1) : 0;
    if (name === 'br') br = weight;
    else if (name === 'gzip' || name === 'x-gzip') gzip = weight;
    else if (name === '*') any = weight;
  }
  return { br: br ?? any ?? 0, gzip: gzip ?? any ?? 0 };
}
