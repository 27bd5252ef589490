import { maskPhone, parsePhone } from '@kabinet/core';
import type { AccessLevel, Db } from '@kabinet/db';
import { AppError, problems } from '../http/problem.ts';
import { isTrustedGateway } from './trusted-gateway.ts';
import { registerPhoneLogin } from './verify-code.ts';

export interface EnrichedRequest {
  /** `request.socket.remoteAddress`: the TCP peer, never a forwarded address. */
  peer: string | undefined;
  /** The enrichment header's value (absent or repeated: undefined). */
  header: string | undefined;
  trustedGateways: readonly string[];
}

/**
 * ACCESS-08: the line an enriched request names, if the peer is a trusted gateway, the number is a live line, and
 * its owner allows automatic login. From an untrusted peer the header is ignored: null.
 */
export async function findEnrichedLine(db: Db, req: EnrichedRequest) {
  if (!isTrustedGateway(req.trustedGateways, req.peer) || !req.header) return null;
  const parsed = parsePhone(req.header);
  if (!parsed.ok) return null;
  const line = await db
    .selectFrom('lines')
    .select(['id', 'account_id', 'msisdn'])
    .where('msisdn', '=', parsed.msisdn)
    .where('status', '!=', 'closed')
    .executeTakeFirst();
  if (!line) return null;
  const login = await db
    .selectFrom('logins')
    .select(['id', 'auto_login_access'])
    .where('kind', '=', 'phone')
    .where('identifier', '=', parsed.msisdn)
    .executeTakeFirst();
  // A number that never logged in has the default setting (partial), which its owner can change later.
  const access = login?.auto_login_access ?? 'partial';
  if (access === 'off') return null;
  return { msisdn: parsed.msisdn, line, loginId: login?.id ?? null, access };
}

/** What the login page may offer: automatic login, and to which (masked) number. */
export async function enrichmentStatus(db: Db, req: EnrichedRequest) {
  const found = await findEnrichedLine(db, req);
  return { available: found !== null, maskedPhone: found ? maskPhone(found.msisdn) : null };
}

/**
 * ACCESS-08/09: resolves an enriched request to a login (registering a first-time number) and the access level
 * its owner chose. 403 `enrichment_untrusted` when the peer is not a trusted gateway; 404 when no line qualifies.
 */
export async function enrichedLogin(
  db: Db,
  req: EnrichedRequest,
  now: Date,
): Promise<{ loginId: string; lineId: string; access: AccessLevel }> {
  if (!isTrustedGateway(req.trustedGateways, req.peer)) {
    throw new AppError(403, 'enrichment_untrusted', 'Automatic login works only inside the mobile network.');
  }
  const found = await findEnrichedLine(db, req);
  if (!found) throw problems.notFound('line for automatic login');
  const loginId =
    found.loginId ??
    (await db.transaction().execute((trx) => registerPhoneLogin(trx, found.msisdn, found.line, now))).id;
  return { loginId, lineId: found.line.id, access: found.access };
}
