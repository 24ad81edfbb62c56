/**
 * Sessions for trying the contract's scoped mode (v1.1, "Scope of the
 * session") without the platform: users.json in the data dir maps tokens to
 * scopes, e.g. `{ "tokens": { "town-yh": { "orgId": "T-YH" }, "all": {} } }`.
 * A request names its token by the cookie `jj_session` or by
 * `Authorization: Bearer <token>`. Without users.json the server is open.
 */
import type { IncomingMessage } from 'node:http';

/** What a token may see: one organisation's subtree, or (no orgId) the whole district. */
export interface Scope {
  orgId?: string;
}

export interface UsersFile {
  tokens: Record<string, Scope>;
}

export const SESSION_COOKIE = 'jj_session';

/** Check users.json's shape; throws with the reason (the data load then keeps the previous users). */
export function parseUsers(value: unknown): UsersFile {
  const fail = (why: string): never => {
    throw new Error(`users.json: ${why}`);
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail('expected an object');
  const tokens = (value as { tokens?: unknown }).tokens;
  if (typeof tokens !== 'object' || tokens === null || Array.isArray(tokens)) fail('expected "tokens": an object');
  // entries, not assignments: a token spelled "__proto__" must stay a token
  const out: [string, Scope][] = [];
  for (const [token, scope] of Object.entries(tokens as Record<string, unknown>)) {
    if (!token) fail('a token is empty');
    if (typeof scope !== 'object' || scope === null || Array.isArray(scope)) fail(`tokens.${token}: expected an object`);
    const orgId = (scope as { orgId?: unknown }).orgId;
    if (orgId !== undefined && (typeof orgId !== 'string' || !orgId)) fail(`tokens.${token}.orgId: expected a non-empty string`);
    out.push([token, orgId === undefined ? {} : { orgId: orgId as string }]);
  }
  return { tokens: Object.fromEntries(out) };
}

/** The token a request carries: Authorization first (an explicit client), then the cookie. */
export function requestToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    // header bytes reach Node as Latin-1: a token sent as UTF-8 (令牌) is read back as UTF-8
    if (m) return /[^ -~]/.test(m[1]) ? Buffer.from(m[1], 'latin1').toString('utf8') : m[1];
  }
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== SESSION_COOKIE) continue;
    const value = part
      .slice(eq + 1)
      .trim()
      .replace(/^"|"$/g, '');
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** The Set-Cookie value for a token (or for signing out, when token is empty). */
export function sessionCookie(token: string, secure: boolean): string {
  const attrs = ['HttpOnly', 'SameSite=Lax', 'Path=/', ...(secure ? ['Secure'] : [])];
  if (!token) return [`${SESSION_COOKIE}=`, 'Max-Age=0', ...attrs].join('; ');
  return [`${SESSION_COOKIE}=${encodeURIComponent(token)}`, ...attrs].join('; ');
}
