import type { Db } from '@kabinet/db';
import { problems } from '../../http/problem.ts';
import { recordJournal } from '../../journal/record.ts';

/** A passkey as the settings page shows it (never its key material or credential id). */
export function presentPasskey(row: {
  id: string;
  name: string;
  created_at: Date;
  last_used_at: Date | null;
}) {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}

/** ACCESS-06/11: the login's live passkeys, newest first. */
export async function listPasskeys(db: Db, loginId: string) {
  const rows = await db
    .selectFrom('passkeys')
    .select(['id', 'name', 'created_at', 'last_used_at'])
    .where('login_id', '=', loginId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return { passkeys: rows.map(presentPasskey) };
}

/**
 * ACCESS-06: removes one of the login's passkeys. Kept as a revoked row (not deleted) so the journal's references
 * stay meaningful; a revoked credential can never log in again. Another login's passkey is `not_found`, exactly
 * like a missing one.
 */
export async function removePasskey(
  db: Db,
  input: { loginId: string; passkeyId: string; ip: string; now: Date },
) {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('passkeys')
      .set({ revoked_at: input.now })
      .where('id', '=', input.passkeyId)
      .where('login_id', '=', input.loginId)
      .where('revoked_at', 'is', null)
      .returning(['id', 'name'])
      .executeTakeFirst();
    if (!row) throw problems.notFound('passkey');
    await recordJournal(trx, {
      actorKind: 'subscriber',
      actorId: input.loginId,
      loginId: input.loginId,
      channel: 'web',
      action: 'auth.passkey_removed',
      details: { passkeyId: row.id, name: row.name },
      ip: input.ip,
    });
  });
}
