import type { Db } from '@kabinet/db';
import { recordJournal } from '../journal/record.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { noticePhone } from './login-alert.ts';
import { CODE_POLICY } from './policy.ts';

/**
 * Stores a new password hash and, in the same transaction, journals the change and queues the SMS notice
 * "password changed" to the login's number (ACCESS-02). The caller revokes other sessions and kicks the outbox.
 */
export async function storePassword(
  db: Db,
  input: { loginId: string; hash: string; lineId: string | null; via: string; ip: string; now: Date },
) {
  await db.transaction().execute(async (trx) => {
    const login = await trx
      .updateTable('logins')
      .set({ password_hash: input.hash, password_changed_at: input.now })
      .where('id', '=', input.loginId)
      .returning(['kind', 'identifier', 'recovery_phone'])
      .executeTakeFirstOrThrow();
    await recordJournal(trx, {
      actorKind: 'subscriber',
      actorId: input.loginId,
      loginId: input.loginId,
      lineId: input.lineId,
      channel: 'web',
      action: 'auth.password_changed',
      details: { via: input.via },
      ip: input.ip,
    });
    const phone = noticePhone(login);
    if (phone) {
      await enqueueMessage(trx, {
        channel: 'sms',
        recipient: phone,
        sender: CODE_POLICY.smsSender,
        kind: 'auth.password_changed',
        body: 'Пароль от Кабинета изменён. Если это были не вы, войдите по коду из SMS и смените его. / Your Kabinet password was changed.',
      });
    }
  });
}
