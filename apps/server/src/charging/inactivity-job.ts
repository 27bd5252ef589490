/**
 * PLAN-07 for the periodic job: reads each line's inactivity clocks, asks the pure rules (core/charging) what is
 * due, and does it: warnings by SMS (once each), the block, the daily fee (once per day), the closure, and the
 * release of the number to the pool for recycling. A top-up unblocks a line blocked for inactivity.
 */
import {
  decideInactivity,
  type InactivityPlan,
  type InactivityRules,
  type InactivityStep,
  type LineNotice,
  startOfNextDay,
} from '@kabinet/core';
import { type Db, OPERATOR_ACCOUNT_IDS } from '@kabinet/db';
import { sql } from 'kysely';
import { blockActiveLines, recordSystemChange, unblockLines } from './line-status.ts';
import { notifyOnce, smsDate } from './notify.ts';
import { chargePeriod, lockFeeLine } from './periodic-fees.ts';
import { loadChargingRules } from './rules-store.ts';

interface LineClocks {
  id: string;
  account_id: string;
  msisdn: string | null;
  status: 'active' | 'blocked' | 'suspended' | 'closed';
  block_reason: string | null;
  blocked_at: Date | null;
  balance: bigint;
  activity_since: Date;
  top_up_since: Date;
  non_positive_since: Date | null;
  closed_at: Date | null;
  released_at: Date | null;
  last_fee_day: Date | null;
}

/** The steps already warned about for the line's current clocks (a notice names its clock's start). */
async function warnedSteps(trx: Db, line: LineClocks): Promise<Set<InactivityStep>> {
  const notices = await trx
    .selectFrom('charging_notices')
    .select(['step', 'since'])
    .where('line_id', '=', line.id)
    .where('kind', '=', 'warning')
    .execute();
  const clock: Record<InactivityStep, Date | null> = {
    block: line.activity_since,
    fee: line.top_up_since,
    close: line.non_positive_since,
    release: line.closed_at,
  };
  const warned = new Set<InactivityStep>();
  for (const n of notices) {
    const step = n.step as InactivityStep;
    if (clock[step]?.getTime() === n.since.getTime()) warned.add(step);
  }
  return warned;
}

/**
 * The clocks of one line. Paid activity: usage that took from a package, or any charge of the line to revenue
 * (usage, fees, content) but the inactivity and suspension fees; a top-up: money credited from a clearing account (card, voucher, cash desk), not a promised payment.
 */
const CLOCKS_SQL = (lineIds: readonly string[]) => sql<LineClocks>`
  SELECT l.id, l.account_id, l.msisdn, l.status, l.block_reason, l.blocked_at, la.balance,
    GREATEST(l.activated_at, li.activity_reset_at,
      (SELECT u.started_at FROM usage_records u WHERE u.line_id = l.id AND (u.cost > 0 OR u.from_package > 0)
        ORDER BY u.started_at DESC LIMIT 1),
      (SELECT max(t.created_at) FROM ledger_transfers t JOIN ledger_accounts dst ON dst.id = t.credit_account_id
        WHERE t.debit_account_id = la.id AND t.line_id = l.id AND dst.kind = 'revenue'
          AND t.kind NOT IN ('inactivity_fee', 'suspension_fee'))
    ) AS activity_since,
    GREATEST(l.activated_at,
      (SELECT max(t.created_at) FROM ledger_transfers t JOIN ledger_accounts src ON src.id = t.debit_account_id
        WHERE t.credit_account_id = la.id AND src.kind = 'clearing')
    ) AS top_up_since,
    s.non_positive_since, li.closed_at, li.released_at,
    (SELECT max(pc.period_start) FROM periodic_charges pc WHERE pc.line_id = l.id AND pc.item = 'inactivity')
      AS last_fee_day
  FROM lines l
  JOIN billing_accounts a ON a.id = l.account_id
  JOIN ledger_accounts la ON la.id = a.ledger_account_id
  LEFT JOIN account_funds_state s ON s.account_id = a.id
  LEFT JOIN line_inactivity li ON li.line_id = l.id
  WHERE l.id = ANY(${lineIds as string[]}::text[])`;

/**
 * Lines the inactivity rules have something to do for at `now`: every line whose number was not released yet,
 * read in one query, kept when one of its clocks has reached its warning window (or a top-up came after an
 * inactivity block). The rest, nearly all lines on a normal day, cost no transaction.
 */
export async function inactivityCandidates(
  db: Db,
  now: Date,
  timeZone: string,
  rules: InactivityRules,
): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT l.id FROM lines l LEFT JOIN line_inactivity li ON li.line_id = l.id
    WHERE li.released_at IS NULL AND (l.status <> 'closed' OR li.closed_at IS NOT NULL)
    ORDER BY l.id`.execute(db);
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const clocks = (await CLOCKS_SQL(rows.slice(i, i + 1000).map((r) => r.id)).execute(db)).rows;
    for (const line of clocks) {
      const unblock =
        line.block_reason === 'inactivity' && line.blocked_at && line.top_up_since > line.blocked_at;
      const nonPositiveSince = line.non_positive_since ?? (line.balance <= 0n ? now : null);
      // With no warning recorded, any clock in or past its window shows up as a warning.
      const plan = decideInactivity(
        {
          now,
          status: line.status,
          activitySince: line.activity_since,
          topUpSince: line.top_up_since,
          nonPositiveSince,
          closedAt: line.closed_at,
          released: line.released_at !== null,
          warned: new Set(),
        },
        rules,
        timeZone,
      );
      const fresh = line.balance <= 0n && !line.non_positive_since;
      if (unblock || fresh || plan.warnings.length > 0) out.push(line.id);
    }
  }
  return out.sort();
}

/** The notice (core/notifications/render.ts) warning of each step before it is taken. */
const WARNING_NOTICE: Record<InactivityStep, LineNotice> = {
  block: 'inactivity_block_soon',
  fee: 'inactivity_fee_soon',
  close: 'inactivity_close_soon',
  release: 'inactivity_release_soon',
};

/** What one line's run did. */
export interface InactivityResult {
  warned: InactivityStep[];
  plan: InactivityPlan | null;
  feeDays: number;
  unblocked: boolean;
}

/** Applies the inactivity rules to one line at `now`, in one transaction under the line's lock. */
export async function runInactivity(
  db: Db,
  lineId: string,
  now: Date,
  timeZone: string,
  rules?: InactivityRules,
): Promise<InactivityResult> {
  const inactivity = rules ?? (await loadChargingRules(db)).inactivity;
  return db.transaction().execute(async (trx) => {
    const result: InactivityResult = { warned: [], plan: null, feeDays: 0, unblocked: false };
    const locked = await lockFeeLine(trx, lineId);
    if (!locked) return result;
    let [line] = (await CLOCKS_SQL([lineId]).execute(trx)).rows;
    if (!line) return result;
    // A top-up after the block lifts it; the paid-activity clock restarts then.
    if (line.block_reason === 'inactivity' && line.blocked_at && line.top_up_since > line.blocked_at) {
      await unblockLines(trx, { lineId }, 'inactivity', now);
      await trx
        .insertInto('line_inactivity')
        .values({ line_id: lineId, activity_reset_at: now })
        .onConflict((oc) => oc.column('line_id').doUpdateSet({ activity_reset_at: now }))
        .execute();
      result.unblocked = true;
      [line] = (await CLOCKS_SQL([lineId]).execute(trx)).rows;
      if (!line) return result;
    }
    // The zero-balance clock starts when the rules first see it (the balance rules keep it afterwards).
    if (line.balance <= 0n && !line.non_positive_since) {
      await trx
        .insertInto('account_funds_state')
        .values({ account_id: line.account_id, non_positive_since: now })
        .onConflict((oc) => oc.column('account_id').doUpdateSet({ non_positive_since: now }))
        .execute();
      line = { ...line, non_positive_since: now };
    }
    const plan = decideInactivity(
      {
        now,
        status: line.status,
        activitySince: line.activity_since,
        topUpSince: line.top_up_since,
        nonPositiveSince: line.non_positive_since,
        closedAt: line.closed_at,
        released: line.released_at !== null,
        warned: await warnedSteps(trx, line),
      },
      inactivity,
      timeZone,
    );
    result.plan = plan;
    for (const w of plan.warnings) {
      const sent = await notifyOnce(trx, {
        lineId,
        step: w.step,
        kind: 'warning',
        since: w.since,
        now,
        notice: WARNING_NOTICE[w.step],
        params: { date: smsDate(w.at, timeZone), fee: Number(inactivity.feePerDay) },
      });
      if (sent) result.warned.push(w.step);
    }
    if (plan.block) {
      const blocked = await blockActiveLines(trx, { lineId }, 'inactivity', now);
      if (blocked.length > 0)
        await notifyOnce(trx, {
          lineId,
          step: 'block',
          kind: 'applied',
          since: line.activity_since,
          now,
          notice: 'inactivity_blocked',
        });
    }
    if (plan.feeFrom)
      result.feeDays = await chargeFeeDays(trx, locked, line, plan.feeFrom, now, timeZone, inactivity);
    if (plan.close) await closeLine(trx, line, now);
    if (plan.release) await releaseNumber(trx, line, now);
    return result;
  });
}

/**
 * The inactivity fee, one period per calendar day from `feeFrom` to today, each once. Taken only from a positive
 * balance and never beyond it: the fee writes off what is left, it does not create debt.
 */
async function chargeFeeDays(
  trx: Db,
  locked: NonNullable<Awaited<ReturnType<typeof lockFeeLine>>>,
  line: LineClocks,
  feeFrom: Date,
  now: Date,
  timeZone: string,
  rules: InactivityRules,
): Promise<number> {
  const { revenueFees } = OPERATOR_ACCOUNT_IDS;
  let balance = line.balance;
  let day =
    line.last_fee_day && line.last_fee_day >= feeFrom ? startOfNextDay(line.last_fee_day, timeZone) : feeFrom;
  let charged = 0;
  while (day <= now) {
    const end = startOfNextDay(day, timeZone);
    const fee = balance > 0n ? (balance < rules.feePerDay ? balance : rules.feePerDay) : 0n;
    const result = await chargePeriod(
      trx,
      {
        line: locked,
        item: 'inactivity',
        period: { start: day, end },
        fee,
        description: 'Inactivity fee',
        kind: 'inactivity_fee',
        skip: fee > 0n ? null : 'balance not positive',
      },
      revenueFees,
    );
    if (result === 'charged') {
      charged += 1;
      balance -= fee;
    }
    day = end;
  }
  return charged;
}

async function closeLine(trx: Db, line: LineClocks, now: Date): Promise<void> {
  await trx
    .updateTable('lines')
    .set({ status: 'closed', closed_at: now, next_fee_at: null, suspended_until: null })
    .where('id', '=', line.id)
    .execute();
  await trx
    .insertInto('line_inactivity')
    .values({ line_id: line.id, closed_at: now })
    .onConflict((oc) => oc.column('line_id').doUpdateSet({ closed_at: now }))
    .execute();
  await recordSystemChange(trx, {
    lineId: line.id,
    kind: 'line_closed',
    title: { ru: 'Договор расторгнут из-за неактивности', en: 'Line closed for inactivity' },
    action: 'line.closed_for_inactivity',
    details: { nonPositiveSince: line.non_positive_since?.toISOString() ?? null },
    now,
  });
  await notifyOnce(trx, {
    lineId: line.id,
    step: 'close',
    kind: 'applied',
    since: line.non_positive_since ?? now,
    now,
    notice: 'contract_closed',
  });
}

/** Frees the number: kept on record with the line, returned to the pool for recycling. */
async function releaseNumber(trx: Db, line: LineClocks, now: Date): Promise<void> {
  await trx
    .updateTable('line_inactivity')
    .set({ released_msisdn: line.msisdn, released_at: now })
    .where('line_id', '=', line.id)
    .execute();
  if (line.msisdn) {
    await trx.updateTable('lines').set({ msisdn: null }).where('id', '=', line.id).execute();
    if (/^\+7\d{10}$/.test(line.msisdn)) {
      await trx
        .insertInto('number_pool')
        .values({ msisdn: line.msisdn, category: 'regular' })
        .onConflict((oc) => oc.column('msisdn').doNothing())
        .execute();
    }
  }
  await recordSystemChange(trx, {
    lineId: line.id,
    kind: 'number_released',
    title: { ru: 'Номер освобождён', en: 'Number released' },
    action: 'line.number_released',
    details: { msisdn: line.msisdn },
    now,
  });
}

/**
 * Restores a line closed for inactivity within the restore window (an office action): active again, its
 * fees resume with a period starting now. False when the line is not closed for inactivity or its number is gone.
 */
export async function restoreClosedLine(db: Db, lineId: string, now: Date): Promise<boolean> {
  const rules = (await loadChargingRules(db)).inactivity;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('lines')
      .innerJoin('line_inactivity', 'line_inactivity.line_id', 'lines.id')
      .select(['lines.status', 'line_inactivity.closed_at', 'line_inactivity.released_at'])
      .where('lines.id', '=', lineId)
      .forUpdate()
      .executeTakeFirst();
    if (row?.status !== 'closed' || !row.closed_at || row.released_at) return false;
    if (now.getTime() >= row.closed_at.getTime() + rules.restoreDays * 86_400_000) return false;
    await trx
      .updateTable('lines')
      .set({ status: 'active', closed_at: null, block_reason: null, blocked_at: null, next_fee_at: now })
      .where('id', '=', lineId)
      .execute();
    await trx
      .updateTable('line_inactivity')
      .set({ closed_at: null, activity_reset_at: now })
      .where('line_id', '=', lineId)
      .execute();
    await recordSystemChange(trx, {
      lineId,
      kind: 'line_restored',
      title: { ru: 'Договор восстановлен', en: 'Line restored' },
      action: 'line.restored',
      details: {},
      now,
    });
    return true;
  });
}
