/** Writing responses: the error shape of the contract, and representations with ETag/304 and compression. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Representation } from './representation';

export const ERROR_TYPE = 'application/json; charset=utf-8';

/** `{ "error": { "code", "message" } }` (contract, "Errors"); never cached. */
export function sendError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = Buffer.from(JSON.stringify({ error: { code, message } }));
  res.writeHead(status, { ...headers, 'Content-Type': ERROR_TYPE, 'Content-Length': body.length, 'Cache-Control': 'no-store' });
  res.end(res.req.method === 'HEAD' ? undefined : body);
}

export interface RepHeaders {
  cacheControl: string;
  /** Request headers the body depends on besides Accept-Encoding. */
  vary?: string[];
}

export async function sendRepresentation(
  req: IncomingMessage,
  res: ServerResponse,
  rep: Representation,
  { cacheControl, vary = [] }: RepHeaders,
): Promise<void> {
  const encoding = rep.choose(req.headers['accept-encoding']);
  const headers: Record<string, string | number> = {
    'Content-Type': rep.type,
    'Cache-Control': cacheControl,
    ETag: rep.etagFor(encoding),
  };
  const varyOn = [...(rep.compressible ? ['Accept-Encoding'] : []), ...vary];
  if (varyOn.length) headers.Vary = varyOn.join(', ');
  if (rep.matches(req.headers['if-none-match'])) {
    delete headers['Content-Type'];
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const bytes = await rep.bytes(encoding);
  if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
  headers['Content-Length'] = bytes.length;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : bytes);
}
