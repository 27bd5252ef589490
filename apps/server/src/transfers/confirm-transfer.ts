import { TRANSFER_RULES } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sameDigest } from '../auth/secrets.ts';
import { type AppError, problems } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';
import type { TransferActor } from './create-transfer.ts';
import { type MovedTransfer, moveTransferMoney } from './move-transfer-money.ts';
import { transferCodeDigest } from './transfer-code.ts';
import { transferProblems } from './transfer-problems.ts';

export type ConfirmOutcome =
  | { confirmed: true; moved: MovedTransfer }
  | { confirmed: false; problem: AppError };

/**
 * PAY-06 step 2: checks the SMS code of the line's transfer and moves the money. A wrong code is counted (the
 * caller commits it — the answer is kept, not rolled back); the third wrong one fails the transfer. A good but
 * expired code fails it too. Confirming a completed transfer again moves nothing and answers the same.
 * Insufficient funds or a limit reached meanwhile throw: everything rolls back, the code stays usable.
 */
export async function confirmTransfer(
  trx: Db,
  secret: string,
  actor: TransferActor,
  input: { transferId: string; code: string },
): Promise<ConfirmOutcome> {
  const transfer = await trx
    .selectFrom('mobile_transfers')
    .select(['id', 'status', 'code_hmac', 'code_expires_at', 'attempts'])
    .where('id', '=', input.transferId)
    .where('from_line_id', '=', actor.lineId)
    .forUpdate()
    .executeTakeFirst();
  if (!transfer) throw problems.notFound('transfer');
  const move = () =>
    moveTransferMoney(trx, { transferId: transfer.id, now: actor.now, timeZone: actor.timeZone });
  if (transfer.status === 'completed') return { confirmed: true, moved: await move() };
  if (transfer.status === 'failed') throw transferProblems.failed();

  const matches = sameDigest(transfer.code_hmac, transferCodeDigest(secret, transfer.id, input.code));
  const expired = transfer.code_expires_at.getTime() <= actor.now.getTime();
  if (!matches || expired) {
    const attempts = transfer.attempts + 1;
    const attemptsLeft = expired ? 0 : Math.max(0, TRANSFER_RULES.maxCodeAttempts - attempts);
    await trx
      .updateTable('mobile_transfers')
      .set({ attempts, ...(attemptsLeft === 0 ? { status: 'failed' as const } : {}) })
      .where('id', '=', transfer.id)
      .execute();
    await recordJournal(trx, {
      actorKind: 'subscriber',
      actorId: actor.loginId,
      loginId: actor.loginId,
      channel: 'web',
      lineId: actor.lineId,
      action: 'transfer.code_rejected',
      outcome: 'failed',
      details: { transferId: transfer.id, reason: matches ? 'expired' : 'invalid', attemptsLeft },
      ip: actor.ip,
    });
    return {
      confirmed: false,
      problem: matches ? transferProblems.expiredCode() : transferProblems.invalidCode(attemptsLeft),
    };
  }
  await trx
    .updateTable('mobile_transfers')
    .set({ attempts: transfer.attempts + 1 })
    .where('id', '=', transfer.id)
    .execute();
  return { confirmed: true, moved: await move() };
}
