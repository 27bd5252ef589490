import { newId } from '@kabinet/core';
import { type Db, OPERATOR_ACCOUNT_IDS, postTransfer, verifyLedger } from '@kabinet/db';
import { sql } from 'kysely';
import type { TestApp } from '../test/harness.ts';
import { runChargingPass } from './run-charging.ts';

/** One charging pass at the test clock (operator zone Moscow, as the harness sets). */
export function pass(t: TestApp, options: { inactivity?: boolean } = {}) {
  return runChargingPass(t.db, { now: t.clock.now, timeZone: t.ctx.timeZone, ...options });
}

/** The account balance of a line, kopecks. */
export async function balanceOf(db: Db, lineId: string): Promise<bigint> {
  const { rows } = await sql<{ balance: bigint }>`
    SELECT la.balance FROM lines l JOIN billing_accounts a ON a.id = l.account_id
    JOIN ledger_accounts la ON la.id = a.ledger_account_id WHERE l.id = ${lineId}`.execute(db);
  return rows[0]?.balance ?? 0n;
}

/** A top-up of `amount` kopecks from the cash desk, keyed (a replay credits nothing). */
export async function topUp(db: Db, ledgerAccountId: string, amount: bigint, key: string, at: Date) {
  const accounts = OPERATOR_ACCOUNT_IDS;
  return db.transaction().execute((trx) =>
    postTransfer(trx, {
      debitAccountId: accounts.cash,
      creditAccountId: ledgerAccountId,
      amount,
      kind: 'topup',
      idempotencyKey: key,
      at,
    }),
  );
}

/** Ledger proof: no mismatch and the books sum to zero. */
export async function ledgerIsSound(db: Db): Promise<boolean> {
  const result = await verifyLedger(db);
  return result.mismatches.length === 0 && result.total === 0n;
}

/** The periodic charges of a line, oldest first. */
export async function chargesOf(db: Db, lineId: string) {
  return db
    .selectFrom('periodic_charges')
    .select(['item', 'period_start', 'period_end', 'amount', 'outcome'])
    .where('line_id', '=', lineId)
    .orderBy('period_start')
    .orderBy('item')
    .execute();
}

/** The SMS queued for a number (outbox), oldest first. */
export async function smsTo(db: Db, msisdn: string): Promise<string[]> {
  const rows = await db
    .selectFrom('outbox')
    .select(['body'])
    .where('recipient', '=', msisdn)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.body);
}

/** A daily option with a package renewed with each fee, connected to the line with its next fee at `nextFeeAt`. */
export async function connectDailyOption(
  db: Db,
  lineId: string,
  fee: bigint,
  nextFeeAt: Date,
  connectedAt: Date,
) {
  const optionId = newId('option');
  await db
    .insertInto('options')
    .values({
      id: optionId,
      code: `daily-${optionId}`,
      category: 'internet',
      name_ru: 'Безлимит на день',
      name_en: 'Daily data',
      fee,
      fee_period: 'day',
    })
    .execute();
  const templateId = newId('package');
  await db
    .insertInto('package_templates')
    .values({
      id: templateId,
      option_id: optionId,
      kind: 'data',
      amount: 1_073_741_824n,
      renew: 'fee_period',
      name_ru: '1 ГБ',
      name_en: '1 GB',
    })
    .execute();
  await db
    .insertInto('line_options')
    .values({ line_id: lineId, option_id: optionId, connected_at: connectedAt, next_fee_at: nextFeeAt })
    .execute();
  return { optionId, templateId };
}
