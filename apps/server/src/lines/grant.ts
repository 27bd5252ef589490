import { type AccessLevel, compiledOnce, type Db } from '@kabinet/db';

/** The access of the login's live grant to a line (not revoked, not expired), or null when it has none. */
export async function grantAccess(
  db: Db,
  loginId: string,
  lineId: string,
  now: Date,
): Promise<AccessLevel | null> {
  const { rows } = await grantQuery(db, loginId, lineId, now);
  return rows[0]?.access ?? null;
}

// Both asked on nearly every request about a line: built once (compiledOnce).
const grantQuery = compiledOnce((db: Db, loginId: string, lineId: string, now: Date) =>
  db
    .selectFrom('grants')
    .select('access')
    .where('login_id', '=', loginId)
    .where('line_id', '=', lineId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)])),
);

const lineGrantQuery = compiledOnce((db: Db, loginId: string, lineId: string, now: Date) =>
  db
    .selectFrom('lines as l')
    .innerJoin('grants as g', 'g.line_id', 'l.id')
    .select(['l.id', 'l.account_id', 'l.msisdn', 'g.access'])
    .where('l.id', '=', lineId)
    .where('g.login_id', '=', loginId)
    .where('g.revoked_at', 'is', null)
    .where((eb) => eb.or([eb('g.expires_at', 'is', null), eb('g.expires_at', '>', now)])),
);

/** A line with the access of the login's live grant to it, as lineWithGrant reads them. */
export interface GrantedLine {
  id: string;
  account_id: string;
  msisdn: string | null;
  access: AccessLevel;
}

/**
 * The line, with the access grantAccess would answer, in one query; undefined when the login has no live grant to
 * it (not revoked, not expired: the same conditions as grantAccess), so also when there is no such line.
 */
export async function lineWithGrant(
  db: Db,
  loginId: string,
  lineId: string,
  now: Date,
): Promise<GrantedLine | undefined> {
  const { rows } = await lineGrantQuery(db, loginId, lineId, now);
  return rows[0];
}
