/**
 * RATE-04 contract: after anything moves an account's balance (rated usage, periodic fees, top-ups, transfers),
 * the caller runs the balance rules for the accounts it touched, after its transaction committed. Owned by the
 * charging capability; the signature is agreed with its callers.
 */
import { balanceRulesFrom, DEFAULT_TIME_ZONE, decideFunds } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { type RawBuilder, sql } from 'kysely';
import { applyLowBalanceNotices } from '../autopay/low-balance.ts';
import { blockActiveLines, unblockLines } from './line-status.ts';
import { notifyOnce, smsDate } from './notify.ts';
import { loadChargingRules } from './rules-store.ts';

export interface BalanceRuleOutcome {
  /** Lines blocked now because funds ran out (outgoing blocked, incoming kept). */
  blocked: string[];
  /** Lines unblocked now because the balance recovered. */
  unblocked: string[];
}

export interface BalanceRuleOptions {
  /** Operator time zone for the dates in SMS texts. */
  timeZone?: string;
  /**
   * The first look at every one of the accounts, when the statement that moved the money read it already
   * (`firstLookSql`); otherwise it is read here.
   */
  firstLook?: readonly FirstLook[];
}

interface AccountFacts {
  id: string;
  balance: bigint;
  credit_limit: bigint;
  out_of_funds_since: Date | null;
  non_positive_since: Date | null;
  has_active: boolean;
  has_debt_block: boolean;
}

export interface FirstLook extends AccountFacts {
  balance_rules: unknown;
  threshold: bigint | null;
  below: boolean | null;
}

/**
 * The accounts' facts. Unlocked, it is the first look every money movement asks for, so it also reads the
 * operator's balance rules and the PAY-09 low-balance facts in the same query; locked (the state rows, in id
 * order), it is what `applyToAccount` decides on.
 */
function factsSql(ids: readonly string[], lock: false): ReturnType<typeof sql<FirstLook>>;
function factsSql(ids: readonly string[], lock: true): ReturnType<typeof sql<AccountFacts>>;
function factsSql(ids: readonly string[], lock: boolean, balance?: RawBuilder<bigint>): RawBuilder<FirstLook>;
function factsSql(ids: readonly string[], lock: boolean, balance?: RawBuilder<bigint>) {
  return sql<FirstLook>`
  SELECT a.id, ${balance ?? sql`la.balance`} AS balance, a.credit_limit, s.out_of_funds_since, s.non_positive_since,
    EXISTS (SELECT 1 FROM lines l WHERE l.account_id = a.id AND l.status = 'active') AS has_active,
    EXISTS (SELECT 1 FROM lines l WHERE l.account_id = a.id AND l.block_reason = 'debt') AS has_debt_block
    ${
      lock
        ? sql``
        : sql`, (SELECT r.rules FROM charging_rules r WHERE r.key = 'balance') AS balance_rules,
    a.low_balance_threshold AS threshold, lb.below`
    }
  FROM billing_accounts a
  JOIN ledger_accounts la ON la.id = a.ledger_account_id
  ${lock ? sql`JOIN` : sql`LEFT JOIN`} account_funds_state s ON s.account_id = a.id
  ${lock ? sql`` : sql`LEFT JOIN low_balance_states lb ON lb.account_id = a.id`}
  WHERE ${
    // One account (the first look embedded in a money statement) by equality: with `= ANY` PostgreSQL plans such a
    // statement anew at every execution instead of reusing its generic plan (decisions/0031).
    ids.length === 1 && balance ? sql`a.id = ${ids[0]}` : sql`a.id = ANY(${ids as string[]}::text[])`
  }
  ORDER BY a.id
  ${lock ? sql`FOR NO KEY UPDATE OF s` : sql``}`;
}

/**
 * The first look at one account for embedding in the statement that moves its money, so that `applyBalanceRules`
 * needs no query of its own when nothing changes: `balance` is the balance that statement leaves (e.g. its
 * `UPDATE … RETURNING`), as its other reads see the one before it.
 */
export function firstLookSql(accountId: string, balance: RawBuilder<bigint>): RawBuilder<FirstLook> {
  return factsSql([accountId], false, balance);
}

/**
 * Blocks lines whose account fell below its floor (after the grace), unblocks those back above it. Idempotent
 * and cheap when nothing changes: one query over all the accounts, and a transaction only for those whose state
 * moves (funds ran out or recovered, the grace ended, the balance crossed zero). The subscriber is warned by SMS
 * when funds run out (with the block date), when the line is blocked and when it is unblocked.
 */
export async function applyBalanceRules(
  db: Db,
  accountIds: readonly string[],
  now: Date,
  options: BalanceRuleOptions = {},
): Promise<BalanceRuleOutcome> {
  const outcome: BalanceRuleOutcome = { blocked: [], unblocked: [] };
  const ids = [...new Set(accountIds)].sort();
  if (ids.length === 0) return outcome;
  const facts = options.firstLook ?? (await factsSql(ids, false).execute(db)).rows;
  const rules = balanceRulesFrom(facts[0]?.balance_rules);
  // The zero-balance clock (PLAN-07) is kept in one statement for all the accounts that crossed zero.
  const crossed = facts.filter((f) => f.balance <= 0n !== (f.non_positive_since !== null)).map((f) => f.id);
  if (crossed.length > 0) await syncNonPositive(db, crossed, now);
  const changing = facts.filter((f) => needsWork(f, now, rules.graceHours)).map((f) => f.id);
  // A few hundred accounts per transaction: a batch of rating that emptied thousands of accounts costs a few
  // transactions, not thousands. Rows are locked in id order, as every caller does, so callers never deadlock.
  for (let i = 0; i < changing.length; i += 200) {
    const chunk = changing.slice(i, i + 200);
    await db.transaction().execute(async (trx) => {
      await trx
        .insertInto('account_funds_state')
        .values(chunk.map((id) => ({ account_id: id })))
        .onConflict((oc) => oc.doNothing())
        .execute();
      for (const f of (await factsSql(chunk, true).execute(trx)).rows) {
        await applyToAccount(trx, f, now, rules.graceHours, options.timeZone ?? DEFAULT_TIME_ZONE, outcome);
      }
    });
  }
  // PAY-09: the subscriber's own low-balance threshold (one query; a transaction only on a crossing).
  await applyLowBalanceNotices(db, ids, now, facts);
  return outcome;
}

/** The rules for one account, its state row locked: record the state, warn, block or unblock. */
async function applyToAccount(
  trx: Db,
  f: AccountFacts,
  now: Date,
  graceHours: number,
  timeZone: string,
  outcome: BalanceRuleOutcome,
): Promise<void> {
  const accountId = f.id;
  const decision = decideFunds({
    balance: f.balance,
    creditLimit: f.credit_limit,
    outOfFundsSince: f.out_of_funds_since,
    now,
    graceHours,
  });
  await trx
    .updateTable('account_funds_state')
    .set({
      out_of_funds_since: decision.since,
      non_positive_since: f.balance <= 0n ? (f.non_positive_since ?? now) : null,
      updated_at: now,
    })
    .where('account_id', '=', accountId)
    .execute();
  if (decision.justRanOut && !decision.block && decision.since && decision.blockAt) {
    const lines = await trx
      .selectFrom('lines')
      .select(['id', 'msisdn'])
      .where('account_id', '=', accountId)
      .where('status', '=', 'active')
      .execute();
    for (const line of lines) {
      await notifyOnce(trx, {
        lineId: line.id,
        step: 'funds.out',
        kind: 'warning',
        since: decision.since,
        now,
        notice: 'funds_out',
        params: { balance: Number(f.balance), date: smsDate(decision.blockAt, timeZone) },
      });
    }
  }
  if (decision.block && decision.since) {
    const since = decision.since;
    const blocked = await blockActiveLines(trx, { accountId }, 'debt', now);
    for (const line of blocked) {
      outcome.blocked.push(line.id);
      await notifyOnce(trx, {
        lineId: line.id,
        step: 'funds.blocked',
        kind: 'applied',
        since,
        now,
        notice: 'funds_blocked',
        params: { balance: Number(f.balance) },
      });
    }
  }
  if (decision.unblock) {
    const unblocked = await unblockLines(trx, { accountId }, 'debt', now);
    for (const line of unblocked) {
      outcome.unblocked.push(line.id);
      await notifyOnce(trx, {
        lineId: line.id,
        step: 'funds.unblocked',
        kind: 'applied',
        since: now,
        now,
        notice: 'funds_unblocked',
        params: { balance: Number(f.balance) },
      });
    }
  }
}

/** Whether the account's recorded state differs from what its balance says (the fast path skips the rest). */
function needsWork(f: AccountFacts, now: Date, graceHours: number): boolean {
  const d = decideFunds({
    balance: f.balance,
    creditLimit: f.credit_limit,
    outOfFundsSince: f.out_of_funds_since,
    now,
    graceHours,
  });
  if (d.outOfFunds !== (f.out_of_funds_since !== null)) return true;
  if (d.block && f.has_active) return true;
  return d.unblock && f.has_debt_block;
}

/** Sets `non_positive_since` (kept if already set) for accounts at zero or below, clears it for the others. */
async function syncNonPositive(db: Db, accountIds: readonly string[], now: Date): Promise<void> {
  await sql`
    INSERT INTO account_funds_state (account_id, non_positive_since, updated_at)
    SELECT a.id, CASE WHEN la.balance <= 0 THEN ${now}::timestamptz END, ${now}::timestamptz
    FROM billing_accounts a JOIN ledger_accounts la ON la.id = a.ledger_account_id
    WHERE a.id = ANY(${accountIds as string[]}::text[])
    ORDER BY a.id
    ON CONFLICT (account_id) DO UPDATE SET
      non_positive_since = CASE WHEN excluded.non_positive_since IS NULL THEN NULL
        ELSE COALESCE(account_funds_state.non_positive_since, excluded.non_positive_since) END,
      updated_at = excluded.updated_at`.execute(db);
}

/**
 * The grace sweep of the periodic job: accounts whose grace has ended since the last movement get their rules
 * applied (nothing else would call them: no money moved). Returns what changed.
 */
export async function applyEndedGraces(db: Db, now: Date, timeZone: string): Promise<BalanceRuleOutcome> {
  const { balance: rules } = await loadChargingRules(db);
  const due = await db
    .selectFrom('account_funds_state')
    .select('account_id')
    .where('out_of_funds_since', '<=', new Date(now.getTime() - rules.graceHours * 3_600_000))
    .execute();
  return applyBalanceRules(
    db,
    due.map((r) => r.account_id),
    now,
    { timeZone },
  );
}
