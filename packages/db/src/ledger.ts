import { newId } from '@kabinet/core';
import { sql } from 'kysely';
import type { Db } from './connect.ts';

export interface TransferInput {
  debitAccountId: string;
  creditAccountId: string;
  /** Kopecks, > 0. */
  amount: bigint;
  kind: string;
  idempotencyKey?: string;
  lineId?: string | null;
  description?: string;
  at?: Date;
  /**
   * An operator account every concurrent caller shares (e.g. acquirer clearing): neither locked nor moved here.
   * The caller moves it with `moveHotBalance` as the last statement before commit, so its row lock — which
   * serialises every top-up — is held for one statement and the commit instead of the whole transaction.
   */
  deferred?: 'debit' | 'credit';
}

export interface PostedTransfer {
  id: string;
  /** False when the idempotency key had already been posted: nothing moved this time. */
  created: boolean;
}

/**
 * Posts one double-entry transfer and moves both cached balances, in the caller's transaction. A repeated
 * idempotency key returns the first transfer and moves nothing.
 */
export async function postTransfer(trx: Db, input: TransferInput): Promise<PostedTransfer> {
  if (typeof input.amount !== 'bigint' || input.amount <= 0n) {
    throw new RangeError(
      `A transfer amount must be a positive bigint of kopecks, got ${String(input.amount)}`,
    );
  }
  // Lock both balances first, in id order, so two transfers between the same accounts queue instead of
  // deadlocking. Trap: the transfer's foreign keys take KEY SHARE locks on these rows when it is inserted; a
  // FOR UPDATE taken after the insert then waits on the other transaction's KEY SHARE, and it on ours.
  // FOR NO KEY UPDATE (what the balance UPDATE needs anyway) does not conflict with KEY SHARE.
  const locked = [
    ...(input.deferred === 'debit' ? [] : [input.debitAccountId]),
    ...(input.deferred === 'credit' ? [] : [input.creditAccountId]),
  ].sort();
  // With one side deferred, the other is the only row locked before the commit: its balance UPDATE below takes
  // the lock, and there is no order to keep.
  if (locked.length > 1) {
    await sql`SELECT id FROM ledger_accounts WHERE id = ANY(${locked}::text[]) ORDER BY id FOR NO KEY UPDATE`.execute(
      trx,
    );
  }
  const id = newId('transfer', input.at);
  // The transfer and the balances it moves in one statement: the update runs only when the insert did (a repeated
  // key inserts nothing, so moves nothing). `locked` is exactly the sides that move now.
  const { rows } = await sql<{ id: string }>`
    WITH transfer AS (
      INSERT INTO ledger_transfers (id, debit_account_id, credit_account_id, amount, kind, idempotency_key, line_id,
        description, created_at)
      VALUES (${id}, ${input.debitAccountId}, ${input.creditAccountId}, ${input.amount}, ${input.kind},
        ${input.idempotencyKey ?? null}, ${input.lineId ?? null}, ${input.description ?? ''},
        ${input.at ?? sql`now()`})
      ON CONFLICT (idempotency_key) DO NOTHING
      RETURNING id)
    UPDATE ledger_accounts a
    SET balance = a.balance + CASE WHEN a.id = ${input.debitAccountId} THEN ${-input.amount}::bigint ELSE ${input.amount}::bigint END
    FROM transfer
    WHERE a.id = ANY(${locked}::text[])
    RETURNING transfer.id`.execute(trx);
  if (rows.length === 0) {
    const existing = await trx
      .selectFrom('ledger_transfers')
      .select('id')
      .where('idempotency_key', '=', input.idempotencyKey ?? '')
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }
  return { id, created: true };
}

/**
 * Moves one cached balance by `delta` kopecks. For the deferred side of `postTransfer`, call it last before the
 * commit (one statement, so the shared row is locked only for the commit's duration).
 */
export async function moveHotBalance(trx: Db, accountId: string, delta: bigint): Promise<void> {
  await trx
    .updateTable('ledger_accounts')
    .set({ balance: sql`balance + ${delta}` })
    .where('id', '=', accountId)
    .execute();
}

export interface LedgerMismatch {
  accountId: string;
  cached: bigint;
  computed: bigint;
}

/** Proves the books: every cached balance equals credits − debits of its transfers, and all balances sum to 0. */
export async function verifyLedger(
  db: Db,
): Promise<{ accounts: number; mismatches: LedgerMismatch[]; total: bigint }> {
  const rows = await sql<{ id: string; cached: bigint; computed: bigint }>`
    SELECT a.id, a.balance AS cached,
      COALESCE((SELECT sum(amount) FROM ledger_transfers WHERE credit_account_id = a.id), 0)::bigint
      - COALESCE((SELECT sum(amount) FROM ledger_transfers WHERE debit_account_id = a.id), 0)::bigint AS computed
    FROM ledger_accounts a`.execute(db);
  const mismatches = rows.rows
    .filter((r) => r.cached !== r.computed)
    .map((r) => ({ accountId: r.id, cached: r.cached, computed: r.computed }));
  const total = rows.rows.reduce((sum, r) => sum + r.cached, 0n);
  return { accounts: rows.rows.length, mismatches, total };
}

/** Operator ledger accounts every installation has; migration 0020 creates them with the ids of `OPERATOR_ACCOUNT_IDS`. */
export const OPERATOR_ACCOUNTS = {
  acquirer: { code: 'clearing:acquirer', kind: 'clearing', name: 'Acquirer clearing' },
  vouchers: { code: 'clearing:vouchers', kind: 'clearing', name: 'Prepaid vouchers' },
  cash: { code: 'clearing:cash', kind: 'clearing', name: 'Cash desks and banks' },
  promised: { code: 'credit:promised', kind: 'credit', name: 'Promised-payment credit' },
  revenueUsage: { code: 'revenue:usage', kind: 'revenue', name: 'Usage revenue' },
  revenueFees: { code: 'revenue:fees', kind: 'revenue', name: 'Subscription fees' },
  revenueContent: { code: 'revenue:content', kind: 'revenue', name: 'Content services' },
  revenueServices: {
    code: 'revenue:services',
    kind: 'revenue',
    name: 'Service fees (transfers, promised payments)',
  },
  bonusRewards: { code: 'bonus:rewards', kind: 'bonus', name: 'Loyalty rewards paid in money' },
} as const;

export type OperatorAccount = keyof typeof OPERATOR_ACCOUNTS;

/** The id of an operator account: fixed, from its code (`clearing:acquirer` → `la_clearing_acquirer`). */
function operatorAccountId(code: string): string {
  return `la_${code.replace(':', '_')}`;
}

/** The operator's ledger account ids by name. Migration 0020 creates the accounts in every database. */
export const OPERATOR_ACCOUNT_IDS = Object.fromEntries(
  Object.entries(OPERATOR_ACCOUNTS).map(([key, a]) => [key, operatorAccountId(a.code)]),
) as Record<OperatorAccount, string>;
