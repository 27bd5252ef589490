/**
 * RATE-03: daily and monthly tariff and option fees and the renewal of their packages, per line, in the
 * operator's time zone. Exactly once per period: the period is a row of `periodic_charges` (primary key line,
 * item, period start) written in the same transaction as the ledger transfer (idempotency key
 * `periodic:<line>:<item>:<period start>`), so a rerun, a restart or a second worker finds it and moves nothing.
 */
import { duePeriods, effectiveFee, newId, type Period, toWallClock } from '@kabinet/core';
import { type Db, OPERATOR_ACCOUNT_IDS, postTransfer } from '@kabinet/db';
import { sql } from 'kysely';
import { priceChangesOf } from '../catalog/price-changes-query.ts';
import { notify } from '../notification-centre/notify.ts';
import { sizeTemplates } from '../plans/buckets.ts';
import { loadTariff, loadTemplates, type TemplateRow } from '../plans/catalog-query.ts';
import { loadChoice, tariffPricer } from '../plans/tariff-price.ts';

/** The line as the fee job reads it, under its lock. */
export interface FeeLine {
  id: string;
  account_id: string;
  status: 'active' | 'blocked' | 'suspended' | 'closed';
  block_reason: string | null;
  tariff_id: string;
  tariff_code: string;
  fee_period: 'day' | 'month';
  next_fee_at: Date | null;
  billing_anchor_day: number;
  ledger_account_id: string;
  suspended_until: Date | null;
}

interface DueOption {
  option_id: string;
  code: string;
  fee: bigint;
  fee_period: 'day' | 'month';
  next_fee_at: Date;
  connected_at: Date;
}

/** What one line's run did. */
export interface LineFeeResult {
  /** Periods charged (money moved). */
  charged: number;
  /** Periods recorded without a charge (free, skipped). */
  recorded: number;
  accountId: string | null;
}

/**
 * Why a period is not charged; null: it is charged. A period starting within a voluntary suspension has the
 * suspension day fee instead (PLAN-06); one starting when the suspension has ended is charged (the job resumes
 * the line after charging fees).
 */
function skipReason(line: FeeLine, period: Period): string | null {
  if (line.status === 'suspended' && !(line.suspended_until && period.start >= line.suspended_until))
    return 'suspended: the suspension day fee applies instead';
  if (line.status === 'closed') return 'line closed';
  if (line.status === 'blocked' && (line.block_reason === 'debt' || line.block_reason === 'inactivity'))
    return `blocked (${line.block_reason}): no service, no fee`;
  return null;
}

/**
 * Locks the line (FOR NO KEY UPDATE, like plan changes, so a tariff change and a fee queue) and its balance. SKIP
 * LOCKED: a line another worker is charging is left to it.
 */
export async function lockFeeLine(trx: Db, lineId: string): Promise<FeeLine | undefined> {
  const { rows } = await sql<FeeLine>`
    SELECT l.id, l.account_id, l.status, l.block_reason, l.tariff_id, t.code AS tariff_code,
      t.fee_period, l.next_fee_at, l.billing_anchor_day, a.ledger_account_id, l.suspended_until
    FROM lines l
    JOIN billing_accounts a ON a.id = l.account_id
    JOIN tariffs t ON t.id = l.tariff_id
    WHERE l.id = ${lineId}
    FOR NO KEY UPDATE OF l SKIP LOCKED`.execute(trx);
  return rows[0];
}

/** A line served again: active, or blocked only as a lost or stolen SIM (it keeps paying). */
const SERVED = sql`(l.status = 'active' OR (l.status = 'blocked' AND l.block_reason IN ('lost', 'stolen')))`;

/**
 * Lines with a tariff or option fee due at `now` (not closed), oldest due first; also lines served again during
 * a period that was skipped (unblocked after a top-up, resumed early): they pay a period from now on.
 */
export async function linesWithDueFees(db: Db, now: Date, limit: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM (
      SELECT id, next_fee_at AS due FROM lines WHERE next_fee_at <= ${now} AND status <> 'closed'
      UNION ALL
      SELECT line_id, next_fee_at FROM line_options WHERE next_fee_at <= ${now}
      UNION ALL
      SELECT pc.line_id, pc.period_start FROM periodic_charges pc JOIN lines l ON l.id = pc.line_id
      WHERE pc.outcome = 'skipped' AND pc.period_end > ${now} AND pc.period_start <= ${now}
        AND pc.item NOT IN ('suspension', 'inactivity') AND ${SERVED}
        AND NOT EXISTS (SELECT 1 FROM periodic_charges n
          WHERE n.line_id = pc.line_id AND n.item = pc.item AND n.period_start > pc.period_start)
    ) d GROUP BY id ORDER BY min(due), id LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

export interface ChargeItem {
  line: FeeLine;
  item: string;
  period: Period;
  fee: bigint;
  description: string;
  skip: string | null;
  /** Ledger kind of the transfer; default `periodic_fee`. */
  kind?: string;
  /** The tariff's or option's code, named in the subscriber's notice. */
  code?: string;
}

/** Records one period and charges it (when due); `done` when it was recorded already and nothing moves. */
export async function chargePeriod(
  trx: Db,
  c: ChargeItem,
  revenueFees: string,
): Promise<'charged' | 'recorded' | 'done'> {
  const outcome = c.skip ? 'skipped' : c.fee > 0n ? 'charged' : 'free';
  const inserted = await trx
    .insertInto('periodic_charges')
    .values({
      line_id: c.line.id,
      item: c.item,
      period_start: c.period.start,
      period_end: c.period.end,
      amount: outcome === 'charged' ? c.fee : 0n,
      outcome,
      note: c.skip ?? '',
      transfer_id: null,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('line_id')
    .executeTakeFirst();
  if (!inserted) return 'done';
  if (outcome !== 'charged') return 'recorded';
  // A fee the balance cannot cover is still due: the balance rules (RATE-04) then warn and block.
  const transfer = await postTransfer(trx, {
    debitAccountId: c.line.ledger_account_id,
    creditAccountId: revenueFees,
    amount: c.fee,
    kind: c.kind ?? 'periodic_fee',
    idempotencyKey: `periodic:${c.line.id}:${c.item}:${c.period.start.toISOString()}`,
    lineId: c.line.id,
    description: c.description,
    at: c.period.start,
  });
  await trx
    .updateTable('periodic_charges')
    .set({ transfer_id: transfer.id })
    .where('line_id', '=', c.line.id)
    .where('item', '=', c.item)
    .where('period_start', '=', c.period.start)
    .execute();
  // NOTIF-01 `charges`: in the app by default, SMS only if asked for; once, as the period row above is.
  // `fee` is the kind of item (`tariff`, `option`, `inactivity`, `suspension`): the text is chosen when read.
  await notify(trx, {
    lineId: c.line.id,
    event: 'charges',
    params: { amount: Number(c.fee), fee: c.item.split(':')[0] ?? c.item, code: c.code ?? '' },
  });
  return 'charged';
}

/**
 * Opens the buckets of `templates` for a period (renewal). An existing bucket for the same start is kept as it
 * is: a renewal must never refill what usage already took from.
 */
async function renewBuckets(
  trx: Db,
  lineId: string,
  templates: TemplateRow[],
  period: Period,
): Promise<void> {
  const renewing = templates.filter((t) => t.renew === 'fee_period');
  if (renewing.length === 0) return;
  await trx
    .insertInto('buckets')
    .values(
      renewing.map((t) => ({
        id: newId('bucket', period.start),
        line_id: lineId,
        package_template_id: t.id,
        kind: t.kind,
        total: t.amount,
        used: 0n,
        period_start: period.start,
        period_end: period.end,
      })),
    )
    .onConflict((oc) => oc.columns(['line_id', 'package_template_id', 'period_start']).doNothing())
    .execute();
}

/**
 * A line served again while its current period was skipped (blocked for debt or inactivity, suspended) pays a new
 * period from now: its next fee dates move back to `now`, and the loop below charges [now, period end). Without
 * this, a line unblocked on the 2nd of the month would use the rest of the month for free.
 */
async function restartSkippedPeriods(trx: Db, line: FeeLine, now: Date): Promise<void> {
  if (skipReason(line, { start: now, end: now })) return;
  const { rows } = await sql<{ item: string }>`
    SELECT pc.item FROM periodic_charges pc
    WHERE pc.line_id = ${line.id} AND pc.outcome = 'skipped' AND pc.period_start <= ${now} AND pc.period_end > ${now}
      AND pc.item NOT IN ('suspension', 'inactivity')
      AND NOT EXISTS (SELECT 1 FROM periodic_charges n
        WHERE n.line_id = pc.line_id AND n.item = pc.item AND n.period_start > pc.period_start)`.execute(trx);
  for (const { item } of rows) {
    if (item === `tariff:${line.tariff_id}`) {
      await trx.updateTable('lines').set({ next_fee_at: now }).where('id', '=', line.id).execute();
      line.next_fee_at = now;
    } else if (item.startsWith('option:')) {
      await trx
        .updateTable('line_options')
        .set({ next_fee_at: now })
        .where('line_id', '=', line.id)
        .where('option_id', '=', item.slice('option:'.length))
        .execute();
    }
  }
}

/**
 * Charges every due tariff and option period of one line up to `now` (catch-up: each missed period once, in
 * order), renews their packages and moves the next fee dates, in one transaction. A line locked by another
 * worker is skipped (it charges it).
 */
export async function chargeLineFees(
  db: Db,
  lineId: string,
  now: Date,
  timeZone: string,
): Promise<LineFeeResult> {
  return db.transaction().execute(async (trx) => {
    const result: LineFeeResult = { charged: 0, recorded: 0, accountId: null };
    const line = await lockFeeLine(trx, lineId);
    if (!line) return result;
    result.accountId = line.account_id;
    const { revenueFees } = OPERATOR_ACCOUNT_IDS;
    const tally = (r: 'charged' | 'recorded' | 'done') => {
      if (r === 'charged') result.charged += 1;
      if (r === 'recorded') result.recorded += 1;
    };
    await restartSkippedPeriods(trx, line, now);
    if (line.next_fee_at && line.next_fee_at <= now && line.status !== 'closed') {
      const periods = duePeriods(line.next_fee_at, now, line.fee_period, line.billing_anchor_day, timeZone);
      // A configurable tariff's packages are sized by the line's choice (PLAN-05), like a change opens them.
      const choice = await loadChoice(trx, line.id, line.tariff_id);
      const tariff = await loadTariff(trx, line.tariff_id);
      // Effective-dated prices and the chosen amounts, read once for all the periods (plans/tariff-price.ts).
      const pricer = await tariffPricer(trx, tariff ? [tariff] : [], timeZone);
      const templates = sizeTemplates(
        await loadTemplates(trx, 'tariff_id', [line.tariff_id]),
        new Map(choice ? [[line.tariff_id, choice]] : []),
      );
      for (const period of periods) {
        const fee = tariff ? pricer.feeAt(tariff, choice, period.start) : 0n;
        tally(
          await chargePeriod(
            trx,
            {
              line,
              item: `tariff:${line.tariff_id}`,
              period,
              fee,
              description: `Tariff ${line.tariff_code} fee`,
              code: line.tariff_code,
              skip: skipReason(line, period),
            },
            revenueFees,
          ),
        );
        if (!skipReason(line, period)) await renewBuckets(trx, line.id, templates, period);
      }
      const last = periods.at(-1);
      if (last)
        await trx.updateTable('lines').set({ next_fee_at: last.end }).where('id', '=', line.id).execute();
    }
    const options = await sql<DueOption>`
      SELECT lo.option_id, o.code, o.fee, o.fee_period, lo.next_fee_at, lo.connected_at
      FROM line_options lo JOIN options o ON o.id = lo.option_id
      WHERE lo.line_id = ${line.id} AND lo.next_fee_at <= ${now} AND o.fee_period IS NOT NULL
      ORDER BY o.code`.execute(trx);
    if (options.rows.length > 0) {
      const ids = options.rows.map((o) => o.option_id);
      const changes = await priceChangesOf(trx, ids);
      const templates = await loadTemplates(trx, 'option_id', ids);
      for (const o of options.rows) {
        // A monthly option's fee falls on the day of the month it was connected (services/attach-option.ts).
        const anchorDay = toWallClock(o.connected_at, timeZone).day;
        const periods = duePeriods(o.next_fee_at, now, o.fee_period, anchorDay, timeZone);
        for (const period of periods) {
          const fee = effectiveFee(
            { fee: o.fee, priceChanges: changes.get(o.option_id) ?? [] },
            period.start,
            timeZone,
          );
          tally(
            await chargePeriod(
              trx,
              {
                line,
                item: `option:${o.option_id}`,
                period,
                fee,
                description: `Option ${o.code} fee`,
                code: o.code,
                skip: skipReason(line, period),
              },
              revenueFees,
            ),
          );
          if (!skipReason(line, period))
            await renewBuckets(
              trx,
              line.id,
              templates.filter((t) => t.option_id === o.option_id),
              period,
            );
        }
        const last = periods.at(-1);
        if (last)
          await trx
            .updateTable('line_options')
            .set({ next_fee_at: last.end })
            .where('line_id', '=', line.id)
            .where('option_id', '=', o.option_id)
            .execute();
      }
    }
    return result;
  });
}
