import type { Db } from '@kabinet/db';
import { sql } from 'kysely';

/** Gives the tariff of a test line a suspension rule, or removes it (`null`). */
export async function setSuspensionRule(
  db: Db,
  tariffId: string,
  rule: { fee_per_day: number; free_days: number; max_days: number } | null,
) {
  await db
    .updateTable('tariffs')
    .set({
      rates: rule
        ? sql`rates || jsonb_build_object('suspension', ${JSON.stringify(rule)}::jsonb)`
        : sql`rates - 'suspension'`,
    })
    .where('id', '=', tariffId)
    .execute();
}

/** Everything a suspension or SIM change writes: the line's state, its cards, balance, requests and journal. */
export async function simSnapshot(db: Db, lineId: string) {
  const [line, cards, requests, journal] = await Promise.all([
    db
      .selectFrom('lines')
      .innerJoin('billing_accounts', 'billing_accounts.id', 'lines.account_id')
      .innerJoin('ledger_accounts', 'ledger_accounts.id', 'billing_accounts.ledger_account_id')
      .select([
        'lines.status',
        'lines.block_reason',
        'lines.blocked_at',
        'lines.suspended_until',
        'ledger_accounts.balance',
      ])
      .where('lines.id', '=', lineId)
      .executeTakeFirstOrThrow(),
    db.selectFrom('sim_cards').selectAll().where('line_id', '=', lineId).orderBy('id').execute(),
    db
      .selectFrom('requests')
      .select(['kind', 'status'])
      .where('line_id', '=', lineId)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('journal')
      .select(['action', 'details'])
      .where('line_id', '=', lineId)
      .where('action', 'not like', 'auth.%')
      .where('outcome', '=', 'ok')
      .orderBy('at')
      .orderBy('id')
      .execute(),
  ]);
  return { line, cards, requests, journal };
}
