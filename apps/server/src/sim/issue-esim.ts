import { newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import { recordLineChange } from '../requests/record-line-change.ts';
import type { Actor } from '../services/option-journal.ts';
import { activationQr, newActivationCode } from './activation-code.ts';
import { simProblems } from './errors.ts';
import { lockSimLine } from './sim-line.ts';
import { presentCard } from './sim-query.ts';

/**
 * SVC-09: issues an eSIM for the line, under the line's lock: a new `esim` card `pending` with a fresh activation
 * code, a done `esim_issue` request and the journal entry `sim.esim_issued` (without the code). Returns the code
 * and its QR. 409 `line_blocked` while the line is blocked.
 */
export async function issueEsim(trx: Db, input: Actor & { now: Date }) {
  const line = await lockSimLine(trx, input.lineId);
  if (line.status === 'blocked') throw simProblems.lineBlocked();
  const activationCode = newActivationCode();
  const card = await trx
    .insertInto('sim_cards')
    .values({
      id: newId('simCard', input.now),
      line_id: line.id,
      kind: 'esim',
      status: 'pending',
      activation_code: activationCode,
      created_at: input.now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const request = await recordLineChange(
    trx,
    input,
    {
      kind: 'esim_issue',
      statuses: ['accepted', 'done'],
      title: { ru: 'Выпуск eSIM', en: 'eSIM issued' },
      action: 'sim.esim_issued',
      details: { cardId: card.id },
    },
    input.now,
  );
  return { request, card: presentCard(card), activationCode, qrSvg: await activationQr(activationCode) };
}

/** SVC-09: a pending eSIM of the line with its activation code and QR; 404 for any other card. */
export async function showEsim(db: Db, lineId: string, cardId: string) {
  const card = await db
    .selectFrom('sim_cards')
    .selectAll()
    .where('id', '=', cardId)
    .where('line_id', '=', lineId)
    .where('kind', '=', 'esim')
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (!card?.activation_code) throw problems.notFound('eSIM');
  return {
    card: presentCard(card),
    activationCode: card.activation_code,
    qrSvg: await activationQr(card.activation_code),
  };
}
