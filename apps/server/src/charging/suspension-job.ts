/**
 * PLAN-06 for the periodic job: the day fees of a voluntary suspension (the tariff's `rates.suspension`: the
 * first `free_days` free, then `fee_per_day`), charged per day in the operator's zone, and the automatic
 * resumption when the suspension ends. The suspension itself belongs to `sim/`; this reads its columns
 * (`status`, `block_reason = 'voluntary'`, `blocked_at`, `suspended_until`) and its rule reader.
 */
import { startOfNextDay } from '@kabinet/core';
import { type Db, OPERATOR_ACCOUNT_IDS } from '@kabinet/db';
import { sql } from 'kysely';
import { suspensionRule } from '../sim/suspension-rules.ts';
import { recordSystemChange } from './line-status.ts';
import { smsDate, smsOnce } from './notify.ts';
import { chargePeriod, lockFeeLine } from './periodic-fees.ts';

/** Voluntarily suspended lines (their day fees and end are the job's to handle). */
export async function suspendedLines(db: Db): Promise<string[]> {
  const rows = await db
    .selectFrom('lines')
    .select('id')
    .where('status', '=', 'suspended')
    .where('block_reason', '=', 'voluntary')
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

interface SuspensionState {
  msisdn: string | null;
  blocked_at: Date | null;
  suspended_until: Date | null;
  rates: Record<string, unknown>;
  last_day: Date | null;
}

/**
 * Charges the suspension days begun by `now` (each once: item `suspension`, one period per day), then resumes
 * the line if the suspension has ended. Returns the days charged and whether the line was resumed.
 */
export async function runSuspension(
  db: Db,
  lineId: string,
  now: Date,
  timeZone: string,
): Promise<{ charged: number; resumed: boolean; accountId: string | null }> {
  return db.transaction().execute(async (trx) => {
    const line = await lockFeeLine(trx, lineId);
    if (line?.status !== 'suspended' || line.block_reason !== 'voluntary')
      return { charged: 0, resumed: false, accountId: null };
    const { rows } = await sql<SuspensionState>`
      SELECT l.msisdn, l.blocked_at, l.suspended_until, t.rates,
        (SELECT max(period_start) FROM periodic_charges pc
          WHERE pc.line_id = l.id AND pc.item = 'suspension' AND pc.period_start >= l.blocked_at) AS last_day
      FROM lines l JOIN tariffs t ON t.id = l.tariff_id WHERE l.id = ${lineId}`.execute(trx);
    const state = rows[0];
    const start = state?.blocked_at;
    const until = state?.suspended_until;
    if (!state || !start || !until) return { charged: 0, resumed: false, accountId: line.account_id };
    const rule = suspensionRule(state.rates) ?? { feePerDay: 0, freeDays: 0, maxDays: 0 };
    const { revenueFees } = OPERATOR_ACCOUNT_IDS;
    let charged = 0;
    // Day n of the suspension: [start of day n, next midnight); day 1 starts when the line was suspended.
    let dayStart = start;
    let n = 1;
    while (dayStart < until && dayStart <= now) {
      const dayEnd = startOfNextDay(dayStart, timeZone);
      const end = dayEnd < until ? dayEnd : until;
      if (!state.last_day || dayStart >= state.last_day) {
        const result = await chargePeriod(
          trx,
          {
            line,
            item: 'suspension',
            period: { start: dayStart, end },
            fee: n <= rule.freeDays ? 0n : BigInt(rule.feePerDay),
            description: `Voluntary suspension, day ${n}`,
            kind: 'suspension_fee',
            skip: null,
          },
          revenueFees,
        );
        if (result === 'charged') charged += 1;
      }
      dayStart = dayEnd;
      n += 1;
    }
    if (until > now) return { charged, resumed: false, accountId: line.account_id };
    await trx
      .updateTable('lines')
      .set({ status: 'active', block_reason: null, blocked_at: null, suspended_until: null })
      .where('id', '=', lineId)
      .execute();
    await recordSystemChange(trx, {
      lineId,
      kind: 'resumption',
      title: { ru: 'Добровольная блокировка закончилась', en: 'Suspension ended' },
      action: 'line.resumed',
      details: { automatic: true, suspendedUntil: until.toISOString() },
      now,
    });
    await smsOnce(trx, {
      lineId,
      msisdn: state.msisdn,
      step: 'suspension.ended',
      kind: 'applied',
      since: start,
      now,
      body: `Добровольная блокировка закончилась ${smsDate(until, timeZone)}. Номер снова работает.`,
    });
    return { charged, resumed: true, accountId: line.account_id };
  });
}
