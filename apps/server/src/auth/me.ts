import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { problems } from '../http/problem.ts';
import { effectiveAccess } from '../lines/access.ts';
import type { SessionPrincipal } from './sessions.ts';

/**
 * The login, its session and the lines it may act on: live grants only (not revoked, not expired). A line's
 * `access` is the weaker of the grant's and the session's (a partial session sees every line as partial).
 */
export async function loadMe(db: Db, principal: SessionPrincipal, now: Date) {
  const login = await db
    .selectFrom('logins')
    .select(['id', 'display_name', 'kind', 'password_hash'])
    .where('id', '=', principal.loginId)
    .executeTakeFirst();
  if (!login) throw problems.unauthenticated();
  const lines = await db
    .selectFrom('grants as g')
    .innerJoin('lines as l', 'l.id', 'g.line_id')
    .select(['l.id', 'l.kind', 'l.msisdn', 'l.contract_number', 'l.status', 'g.role', 'g.access'])
    .where('g.login_id', '=', principal.loginId)
    .where('g.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('g.expires_at', 'is', null), eb('g.expires_at', '>', now)]))
    .orderBy(sql`g.role = 'owner'`, 'desc')
    .orderBy('l.msisdn')
    .execute();
  return {
    login: {
      id: login.id,
      displayName: login.display_name,
      kind: login.kind,
      hasPassword: login.password_hash !== null,
    },
    session: { id: principal.sessionId, access: principal.access, method: principal.method },
    lines: lines.map((l) => ({
      id: l.id,
      kind: l.kind,
      msisdn: l.msisdn,
      contractNumber: l.contract_number,
      status: l.status,
      role: l.role,
      access: effectiveAccess(principal, l.access) ?? 'partial',
    })),
  };
}
