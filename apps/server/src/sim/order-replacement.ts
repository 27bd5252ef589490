import { newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { recordLineChange } from '../requests/record-line-change.ts';
import type { Actor } from '../services/option-journal.ts';
import { simProblems } from './errors.ts';
import { lockSimLine } from './sim-line.ts';
import { presentCard } from './sim-query.ts';

export interface ReplacementInput extends Actor {
  pickupOffice: string;
  now: Date;
}

/**
 * SVC-09: orders a replacement SIM picked up at an office, under the line's lock: a `physical` card `pending`
 * and an `accepted` `sim_replacement` request the office completes; journals `sim.replacement_ordered`.
 * 400 `too_short` on a `pickupOffice` of blanks; 409 `replacement_pending` while another physical card is pending.
 */
export async function orderReplacement(trx: Db, input: ReplacementInput) {
  const line = await lockSimLine(trx, input.lineId);
  const pending = await trx
    .selectFrom('sim_cards')
    .select('id')
    .where('line_id', '=', line.id)
    .where('kind', '=', 'physical')
    .where('status', '=', 'pending')
    .executeTakeFirst();
  const pickupOffice = input.pickupOffice.trim();
  if (pickupOffice.length < 3) throw simProblems.officeTooShort();
  if (pending) throw simProblems.replacementPending();
  const card = await trx
    .insertInto('sim_cards')
    .values({
      id: newId('simCard', input.now),
      line_id: line.id,
      kind: 'physical',
      status: 'pending',
      pickup_office: pickupOffice,
      created_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const request = await recordLineChange(
    trx,
    input,
    {
      kind: 'sim_replacement',
      statuses: ['accepted'],
      title: { ru: 'Замена SIM-карты', en: 'Replacement SIM' },
      action: 'sim.replacement_ordered',
      details: { cardId: card.id, pickupOffice },
    },
    input.now,
  );
  return { request, card: presentCard(card) };
}
