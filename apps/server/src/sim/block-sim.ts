import type { Db } from '@kabinet/db';
import { CODE_POLICY } from '../auth/policy.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import { recordLineChange } from '../requests/record-line-change.ts';
import type { Actor } from '../services/option-journal.ts';
import { simProblems } from './errors.ts';
import { lockSimLine } from './sim-line.ts';

export interface BlockInput extends Actor {
  reason: 'lost' | 'stolen';
  now: Date;
}

/**
 * SVC-09: blocks a lost or stolen SIM at once, under the line's lock: status `blocked` whatever it was (a
 * voluntary suspension ends), the balance untouched, active cards `blocked`. Records a done `sim_block` request,
 * journals `sim.blocked` and queues an SMS to the login's recovery phone if it has one (the caller kicks the
 * outbox). 409 `already_blocked`. Returns the request and whether a notice was queued.
 */
export async function blockSim(trx: Db, input: BlockInput) {
  const line = await lockSimLine(trx, input.lineId);
  if (line.status === 'blocked') throw simProblems.alreadyBlocked();
  await trx
    .updateTable('lines')
    .set({ status: 'blocked', block_reason: input.reason, blocked_at: input.now, suspended_until: null })
    .where('id', '=', line.id)
    .execute();
  const cards = await trx
    .updateTable('sim_cards')
    .set({ status: 'blocked' })
    .where('line_id', '=', line.id)
    .where('status', '=', 'active')
    .returning('id')
    .execute();
  const request = await recordLineChange(
    trx,
    input,
    {
      kind: 'sim_block',
      statuses: ['accepted', 'done'],
      title:
        input.reason === 'lost'
          ? { ru: 'SIM-карта заблокирована: утеряна', en: 'SIM blocked: lost' }
          : { ru: 'SIM-карта заблокирована: украдена', en: 'SIM blocked: stolen' },
      action: 'sim.blocked',
      details: { reason: input.reason, cards: cards.map((c) => c.id) },
    },
    input.now,
  );
  const login = await trx
    .selectFrom('logins')
    .select('recovery_phone')
    .where('id', '=', input.loginId)
    .executeTakeFirst();
  const phone = login?.recovery_phone ?? null;
  if (phone) {
    await enqueueMessage(trx, {
      channel: 'sms',
      recipient: phone,
      sender: CODE_POLICY.smsSender,
      kind: 'sim.blocked',
      body: `SIM-карта номера ${line.msisdn ?? line.id} заблокирована. Баланс сохранён. Новую SIM-карту можно получить в офисе.`,
    });
  }
  return { request, notified: phone !== null };
}
