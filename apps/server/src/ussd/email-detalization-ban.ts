import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { recordJournal } from '../journal/record.ts';
import { recordRequest } from '../requests/record-request.ts';

/**
 * CHAN-03 `*110*0221#`: bans ordering call detalization by email for the line (a per-line flag that DET-06 reads
 * through `isEmailDetalizationBanned`). A change of the line: a done request and a journal entry from channel
 * `ussd`, in one transaction. Dialling it again changes nothing and says so.
 */
export async function banEmailDetalization(
  db: Db,
  input: { lineId: string; loginId: string | null; now: Date },
): Promise<{ already: boolean }> {
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('line_channel_settings')
      .select('email_detalization_banned')
      .where('line_id', '=', input.lineId)
      .forUpdate()
      .executeTakeFirst();
    if (before?.email_detalization_banned) return { already: true };
    await trx
      .insertInto('line_channel_settings')
      .values({ line_id: input.lineId, email_detalization_banned: true, updated_at: input.now })
      .onConflict((oc) =>
        oc
          .column('line_id')
          .doUpdateSet({ email_detalization_banned: true, updated_at: sql`excluded.updated_at` }),
      )
      .execute();
    const requestId = await recordRequest(trx, {
      lineId: input.lineId,
      loginId: input.loginId,
      kind: 'email_detalization_ban',
      statuses: ['accepted', 'done'],
      title: { ru: 'Запрет заказа детализации на email', en: 'Ban on detalization by email' },
      now: input.now,
    });
    await recordJournal(trx, {
      actorKind: 'subscriber',
      actorId: input.loginId,
      loginId: input.loginId,
      lineId: input.lineId,
      channel: 'ussd',
      action: 'channels.email_detalization_banned',
      details: { requestId },
    });
    return { already: false };
  });
}

/** DET-06 asks this before sending a detalization by email. */
export async function isEmailDetalizationBanned(db: Db, lineId: string): Promise<boolean> {
  const row = await db
    .selectFrom('line_channel_settings')
    .select('email_detalization_banned')
    .where('line_id', '=', lineId)
    .executeTakeFirst();
  return row?.email_detalization_banned ?? false;
}
