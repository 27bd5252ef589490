import type { AccessLevel, Db } from '@kabinet/db';

/** The access of the login's live grant to a line (not revoked, not expired), or null when it has none. */
export async function grantAccess(
  db: Db,
  loginId: string,
  lineId: string,
  now: Date,
): Promise<AccessLevel | null> {
  const row = await db
    .selectFrom('grants')
    .select('access')
    .where('login_id', '=', loginId)
    .where('line_id', '=', lineId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirst();
  return row?.access ?? null;
}
