/**
 * SVC-10 writers: every command that puts a tariff or an option on a line, or takes one off, records it here in
 * its own transaction, under the line's lock, with the app clock.
 */
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';

/**
 * Lines that have no history yet (created after the migration's backfill by onboarding, seeding or test
 * factories) get one from their current state before the first change is written, so the change lands on a
 * known "before". Call under the line's lock, before the change touches `lines` or `line_options`. Starts are
 * capped at `at`: rows stamped by the database clock may lie after an app clock that runs behind (tests).
 */
export async function ensureHistory(trx: Db, lineId: string, at: Date): Promise<void> {
  const any = await trx
    .selectFrom('line_service_periods')
    .select('id')
    .where('line_id', '=', lineId)
    .limit(1)
    .executeTakeFirst();
  if (any) return;
  await sql`
    INSERT INTO line_service_periods (line_id, tariff_id, valid_from)
      SELECT id, tariff_id, LEAST(activated_at, ${at}::timestamptz) FROM lines WHERE id = ${lineId}`.execute(
    trx,
  );
  await sql`
    INSERT INTO line_service_periods (line_id, option_id, valid_from)
      SELECT line_id, option_id, LEAST(connected_at, ${at}::timestamptz)
      FROM line_options WHERE line_id = ${lineId}`.execute(trx);
}

/** Records that an option came onto the line at `at` (call before inserting it into `line_options`). */
export async function recordOptionOn(trx: Db, lineId: string, optionId: string, at: Date): Promise<void> {
  await ensureHistory(trx, lineId, at);
  await closeOpen(trx, lineId, 'option_id', optionId, at);
  await trx
    .insertInto('line_service_periods')
    .values({ line_id: lineId, option_id: optionId, valid_from: at })
    .execute();
}

/**
 * Records that an option, connected since `connectedAt`, left the line at `at`. An option with no open period
 * (connected outside the commands after the history began) gets its whole period now.
 */
export async function recordOptionOff(
  trx: Db,
  lineId: string,
  optionId: string,
  connectedAt: Date,
  at: Date,
): Promise<void> {
  await ensureHistory(trx, lineId, at);
  if (await closeOpen(trx, lineId, 'option_id', optionId, at)) return;
  const from = connectedAt.getTime() < at.getTime() ? connectedAt : at;
  await trx
    .insertInto('line_service_periods')
    .values({ line_id: lineId, option_id: optionId, valid_from: from, valid_to: at })
    .execute();
}

/** Records that the line moved to `tariffId` at `at` (call before `lines.tariff_id` changes). */
export async function recordTariffOn(trx: Db, lineId: string, tariffId: string, at: Date): Promise<void> {
  await ensureHistory(trx, lineId, at);
  await trx
    .updateTable('line_service_periods')
    .set({ valid_to: sql`GREATEST(valid_from, ${at}::timestamptz)` })
    .where('line_id', '=', lineId)
    .where('tariff_id', 'is not', null)
    .where('valid_to', 'is', null)
    .execute();
  await trx
    .insertInto('line_service_periods')
    .values({ line_id: lineId, tariff_id: tariffId, valid_from: at })
    .execute();
}

async function closeOpen(
  trx: Db,
  lineId: string,
  column: 'option_id' | 'tariff_id',
  itemId: string,
  at: Date,
): Promise<boolean> {
  const closed = await trx
    .updateTable('line_service_periods')
    .set({ valid_to: sql`GREATEST(valid_from, ${at}::timestamptz)` })
    .where('line_id', '=', lineId)
    .where(column, '=', itemId)
    .where('valid_to', 'is', null)
    .returning('id')
    .execute();
  return closed.length > 0;
}
