import { maskPhone, newId, type VoucherCode } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { recordJournal } from '../journal/record.ts';
import { creditPayment } from '../payments/credit-payment.ts';
import type { OurLine } from '../transfers/our-number.ts';
import { voucherDigest } from './voucher-digest.ts';
import { assertVoucherUnlocked, recordWrongVoucherCode, type VoucherCaller } from './voucher-lock.ts';

export interface RedeemVoucherInput extends VoucherCaller {
  code: VoucherCode;
  target: OurLine;
  /** Whether the caller holds a grant to the target line (then the journal entry is on that line). */
  ownLine: boolean;
}

export type RedeemOutcome =
  | { redeemed: true; paymentId: string; serial: string; amount: bigint; accountId: string }
  | { redeemed: false; attemptsLeft: number };

/**
 * PAY-03: redeems a voucher to one of our numbers, in the caller's transaction. Serialised per login (so parallel
 * guesses cannot all pass the limit), refused with 429 while locked. A wrong, used, expired or cancelled code is
 * one outcome — `redeemed: false`, counted against the login and address — which the caller commits. A good code
 * is marked redeemed (its row locked: one code, one payment, whoever races) and credited through a `payments`
 * row of source `voucher`, pending then `creditPayment`, so history, receipts and bonuses work as for any top-up.
 */
export async function redeemVoucher(
  trx: Db,
  secret: string,
  input: RedeemVoucherInput,
): Promise<RedeemOutcome> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`voucher:${input.loginId}`}))`.execute(trx);
  const attemptsLeft = await assertVoucherUnlocked(trx, input);
  const voucher = await trx
    .selectFrom('vouchers')
    .select(['id', 'serial', 'amount', 'status', 'expires_at'])
    .where('code_hmac', '=', voucherDigest(secret, input.code))
    .forUpdate()
    .executeTakeFirst();
  if (voucher?.status !== 'active' || voucher.expires_at.getTime() <= input.now.getTime()) {
    const left = await recordWrongVoucherCode(trx, input, attemptsLeft);
    await recordJournal(trx, {
      actorKind: 'subscriber',
      actorId: input.loginId,
      loginId: input.loginId,
      channel: 'web',
      action: 'voucher.rejected',
      outcome: 'failed',
      // Never the code; whether it existed is not recorded either (the answer does not say it).
      details: { attemptsLeft: left },
      ip: input.ip,
    });
    return { redeemed: false, attemptsLeft: left };
  }
  const paymentId = newId('payment', input.now);
  await trx
    .insertInto('payments')
    .values({
      id: paymentId,
      account_id: input.target.accountId,
      line_id: input.target.lineId,
      source: 'voucher',
      amount: voucher.amount,
      status: 'pending',
      idempotency_key: `voucher:${voucher.id}`,
      payer_login_id: input.loginId,
      msisdn: input.target.msisdn,
      created_at: input.now,
    })
    .execute();
  await trx
    .updateTable('vouchers')
    .set({
      status: 'redeemed',
      payment_id: paymentId,
      redeemed_by_login_id: input.loginId,
      redeemed_at: input.now,
    })
    .where('id', '=', voucher.id)
    .execute();
  const credit = await creditPayment(trx, { paymentId, at: input.now });
  await recordJournal(trx, {
    actorKind: 'subscriber',
    actorId: input.loginId,
    loginId: input.loginId,
    channel: 'web',
    // Someone else's line gets `payment.received` from creditPayment; the redeemer's trail keeps this entry.
    lineId: input.ownLine ? input.target.lineId : null,
    action: 'voucher.redeemed',
    details: {
      serial: voucher.serial,
      paymentId,
      amount: Number(voucher.amount),
      to: input.ownLine ? input.target.msisdn : maskPhone(input.target.msisdn),
    },
    ip: input.ip,
  });
  return {
    redeemed: true,
    paymentId,
    serial: voucher.serial,
    amount: voucher.amount,
    accountId: credit.accountId,
  };
}
