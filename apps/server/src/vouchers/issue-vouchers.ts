import {
  checkVoucherNominal,
  formatVoucherCode,
  generateVoucherCode,
  newId,
  VOUCHER_RULES,
} from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { recordJournal } from '../journal/record.ts';
import { voucherDigest } from './voucher-digest.ts';

export interface IssueVouchersInput {
  count: number;
  /** Kopecks on each card. */
  amount: bigint;
  batch: string;
  now: Date;
  validityDays?: number;
}

export interface IssuedVoucher {
  serial: string;
  /** The plain code, `1234-5678-9012-3456`: returned once, to be printed, and never stored. */
  code: string;
  amount: bigint;
  expiresAt: Date;
}

/**
 * PAY-03: issues a batch of vouchers in one transaction. Only the codes' HMACs are written; the codes are
 * returned to the caller once (the CLI prints them for the card printer) and cannot be recovered later.
 */
export async function issueVouchers(
  db: Db,
  secret: string,
  input: IssueVouchersInput,
): Promise<IssuedVoucher[]> {
  if (!Number.isInteger(input.count) || input.count < 1 || input.count > VOUCHER_RULES.maxBatchSize) {
    throw new RangeError(`count must be 1–${VOUCHER_RULES.maxBatchSize}`);
  }
  const nominal = checkVoucherNominal(input.amount);
  if (!nominal.ok) throw new RangeError(`amount is ${nominal.problem.replace('_', ' ')}`);
  const expiresAt = new Date(
    input.now.getTime() + (input.validityDays ?? VOUCHER_RULES.validityDays) * 86_400_000,
  );
  return db.transaction().execute(async (trx) => {
    const issued: IssuedVoucher[] = [];
    for (let i = 0; i < input.count; i++) {
      const code = generateVoucherCode();
      const row = await trx
        .insertInto('vouchers')
        .values({
          id: newId('voucher', input.now),
          serial: sql<string>`'V' || lpad(nextval('voucher_serial_seq')::text, 9, '0')`,
          code_hmac: voucherDigest(secret, code),
          amount: input.amount,
          batch: input.batch,
          expires_at: expiresAt,
          created_at: input.now,
        })
        // A repeated code (one chance in 10^15 per pair) is skipped, not an error: the batch is one card shorter.
        .onConflict((oc) => oc.column('code_hmac').doNothing())
        .returning('serial')
        .executeTakeFirst();
      if (row)
        issued.push({ serial: row.serial, code: formatVoucherCode(code), amount: input.amount, expiresAt });
    }
    await recordJournal(trx, {
      actorKind: 'admin',
      channel: 'console',
      action: 'voucher.issued',
      details: { batch: input.batch, count: issued.length, amount: Number(input.amount) },
    });
    return issued;
  });
}
