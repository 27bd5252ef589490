import {
  checkTransferFunds,
  checkTransferLimits,
  type Kopecks,
  newId,
  quoteTransfer,
  TRANSFER_RULES,
} from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { CODE_POLICY } from '../auth/policy.ts';
import { problems } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';
import { enqueueMessage } from '../notifications/outbox.ts';
import type { OurLine } from './our-number.ts';
import { loadSenderLine } from './sender-line.ts';
import { sentSums } from './sent-sums.ts';
import { newTransferCode, transferCodeDigest, transferCodeSms } from './transfer-code.ts';
import { transferProblems } from './transfer-problems.ts';

export interface TransferActor {
  lineId: string;
  loginId: string;
  ip: string;
  now: Date;
  timeZone: string;
}

/** Transfers a line may start per hour: each sends an SMS, so this caps the SMS a session can cost. */
const STARTS_PER_HOUR = 10;

/**
 * PAY-06 step 1: checks the transfer (recipient, amount, limits, balance with fee and floor — early, so the
 * subscriber hears it before waiting for an SMS) and creates it awaiting a 6-digit code, sent by SMS to the
 * sender's number through the outbox. No money moves here; step 2 checks everything again under lock.
 */
export async function createTransfer(
  trx: Db,
  secret: string,
  actor: TransferActor,
  input: { to: OurLine; amount: Kopecks },
) {
  const sender = await loadSenderLine(trx, actor.lineId);
  if (input.to.accountId === sender.accountId) throw transferProblems.sameNumber();
  const quote = quoteTransfer(input.amount);
  const sums = await sentSums(trx, sender.lineId, actor.now, actor.timeZone);
  const limits = checkTransferLimits({ amount: quote.amount, ...sums });
  if (!limits.ok) throw transferProblems.limit(limits.problem, limits.left);
  const funds = checkTransferFunds(sender.balance, quote.total);
  if (!funds.ok) throw transferProblems.insufficientFunds(funds.available, TRANSFER_RULES.minBalanceLeft);
  const started = await trx
    .selectFrom('mobile_transfers')
    .select((eb) => eb.fn.countAll<bigint>().as('n'))
    .where('from_line_id', '=', sender.lineId)
    .where('created_at', '>', new Date(actor.now.getTime() - 3_600_000))
    .executeTakeFirstOrThrow();
  if (started.n >= BigInt(STARTS_PER_HOUR)) throw problems.rateLimited(3600);

  const id = newId('mobileTransfer', actor.now);
  const code = newTransferCode();
  const expiresAt = new Date(actor.now.getTime() + TRANSFER_RULES.codeTtlSeconds * 1000);
  await trx
    .insertInto('mobile_transfers')
    .values({
      id,
      login_id: actor.loginId,
      from_line_id: sender.lineId,
      from_account_id: sender.accountId,
      to_line_id: input.to.lineId,
      to_account_id: input.to.accountId,
      to_msisdn: input.to.msisdn,
      amount: quote.amount,
      fee: quote.fee,
      code_hmac: transferCodeDigest(secret, id, code),
      code_expires_at: expiresAt,
      created_at: actor.now,
    })
    .execute();
  await enqueueMessage(trx, {
    channel: 'sms',
    recipient: sender.msisdn,
    sender: CODE_POLICY.smsSender,
    kind: 'transfer.code',
    sensitive: true,
    body: transferCodeSms(code, { amount: quote.amount, fee: quote.fee, to: input.to.msisdn }),
  });
  await recordJournal(trx, {
    actorKind: 'subscriber',
    actorId: actor.loginId,
    loginId: actor.loginId,
    channel: 'web',
    lineId: sender.lineId,
    action: 'transfer.requested',
    details: { transferId: id, to: input.to.msisdn, amount: Number(quote.amount), fee: Number(quote.fee) },
    ip: actor.ip,
  });
  return id;
}
