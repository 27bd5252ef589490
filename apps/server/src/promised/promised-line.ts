import { type PromisedFacts, type PromisedRules, topUpWindowStart } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { problems } from '../http/problem.ts';

/** A line's account and the facts PAY-05 decides on, with the account's unpaid promised payment if any. */
export interface PromisedLine {
  lineId: string;
  accountId: string;
  ledgerAccountId: string;
  balance: bigint;
  facts: PromisedFacts;
  active: ActivePromised | null;
}

export interface ActivePromised {
  id: string;
  amount: bigint;
  fee: bigint;
  takenAt: Date;
  dueAt: Date;
  channel: 'web' | 'ussd';
}

/**
 * Loads what PAY-05 needs of a line, in one statement plus the active promised payment. `lock` takes the billing
 * account row FOR NO KEY UPDATE first, so two takes on one account (web and USSD, two tabs) queue and the second
 * sees the first one's unpaid promised payment. Real top-ups only: promised payments do not earn more of them.
 */
export async function loadPromisedLine(
  db: Db,
  lineId: string,
  rules: PromisedRules,
  now: Date,
  lock = false,
): Promise<PromisedLine> {
  const since = topUpWindowStart(rules, now);
  const row = await sql<{
    account_id: string;
    ledger_account_id: string;
    payment_type: 'prepaid' | 'postpaid';
    status: PromisedFacts['lineStatus'];
    block_reason: string | null;
    activated_at: Date;
    balance: bigint;
    top_ups: bigint;
  }>`
    SELECT a.id AS account_id, a.ledger_account_id, a.payment_type, l.status, l.block_reason, l.activated_at,
      la.balance,
      COALESCE((SELECT sum(p.amount) FROM payments p
        WHERE p.account_id = a.id AND p.status = 'succeeded' AND p.source <> 'promised'
          AND p.completed_at >= ${since} AND p.completed_at <= ${now}), 0)::bigint AS top_ups
    FROM lines l
    JOIN billing_accounts a ON a.id = l.account_id
    JOIN ledger_accounts la ON la.id = a.ledger_account_id
    WHERE l.id = ${lineId}
    ${lock ? sql`FOR NO KEY UPDATE OF a` : sql``}`
    .execute(db)
    .then((r) => r.rows[0]);
  if (!row) throw problems.notFound('line');
  const active = await db
    .selectFrom('promised_payments')
    .select(['id', 'amount', 'fee', 'taken_at', 'due_at', 'channel'])
    .where('account_id', '=', row.account_id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return {
    lineId,
    accountId: row.account_id,
    ledgerAccountId: row.ledger_account_id,
    balance: row.balance,
    facts: {
      paymentType: row.payment_type,
      lineStatus: row.status,
      blockReason: row.block_reason,
      activatedAt: row.activated_at,
      topUpsInWindow: row.top_ups,
      hasUnpaid: active !== undefined,
    },
    active: active
      ? {
          id: active.id,
          amount: active.amount,
          fee: active.fee,
          takenAt: active.taken_at,
          dueAt: active.due_at,
          channel: active.channel,
        }
      : null,
  };
}
