import { type Db, OPERATOR_ACCOUNT_IDS, postTransfer } from '@kabinet/db';
import { sql } from 'kysely';

/** The stored facts about a line that the tariff and services journeys compare the screen with. */
export async function storedLine(db: Db, msisdn: string) {
  return db
    .selectFrom('lines as l')
    .innerJoin('billing_accounts as a', 'a.id', 'l.account_id')
    .innerJoin('ledger_accounts as la', 'la.id', 'a.ledger_account_id')
    .innerJoin('tariffs as t', 't.id', 'l.tariff_id')
    .select([
      'l.id',
      'la.id as ledgerAccountId',
      'la.balance',
      't.code as tariffCode',
      't.name_ru',
      't.name_en',
    ])
    .where('l.msisdn', '=', msisdn)
    .executeTakeFirstOrThrow();
}

/** A line's status and why it is blocked, as stored (the block journeys check both after the screen). */
export async function storedStatus(db: Db, lineId: string) {
  return db
    .selectFrom('lines')
    .select(['status', 'block_reason'])
    .where('id', '=', lineId)
    .executeTakeFirstOrThrow();
}

/**
 * Puts money on a line's account the way a bank payment does: one ledger transfer from the operator's cash
 * clearing account, so the books still balance (never a raw balance update).
 */
export async function topUp(db: Db, msisdn: string, kopecks: bigint): Promise<void> {
  const accounts = OPERATOR_ACCOUNT_IDS;
  const line = await storedLine(db, msisdn);
  await db.transaction().execute((trx) =>
    postTransfer(trx, {
      debitAccountId: accounts.cash,
      creditAccountId: line.ledgerAccountId,
      amount: kopecks,
      kind: 'topup',
      lineId: line.id,
      description: 'e2e top-up',
    }),
  );
}

/** Option codes connected to a line, content subscriptions included. */
export async function connectedOptionCodes(db: Db, lineId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('line_options as lo')
    .innerJoin('options as o', 'o.id', 'lo.option_id')
    .select('o.code')
    .where('lo.line_id', '=', lineId)
    .execute();
  return rows.map((row) => row.code).sort();
}

/**
 * Gives a line content subscriptions, as if the subscriber had texted their short numbers long ago: the
 * catalog rows only, nothing charged (the unsubscribe journey is about what happens after).
 */
export async function subscribeToContent(db: Db, lineId: string, codes: string[]): Promise<void> {
  const options = await db.selectFrom('options').select(['id', 'code']).where('code', 'in', codes).execute();
  await db
    .insertInto('line_options')
    .values(options.map((option) => ({ line_id: lineId, option_id: option.id })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/**
 * Sets (or with null removes) the fee for switching onto a tariff, as an operator would in the catalog: the
 * demo catalog has no transition fees, and the tariff-change journey must see one charged.
 */
export async function setTransitionFee(db: Db, tariffCode: string, kopecks: bigint | null): Promise<void> {
  const rates =
    kopecks === null
      ? sql<string>`rates - 'transition_fee'`
      : sql<string>`rates || jsonb_build_object('transition_fee', ${Number(kopecks)}::bigint)`;
  await db.updateTable('tariffs').set({ rates }).where('code', '=', tariffCode).execute();
}
