/**
 * PAY-07/08/10: spending aggregated in SQL — a handful of rows per month (kind × roaming, transfer kind ×
 * counterpart), never one per record — and categorised by the pure rules of @kabinet/core. Usage is read from
 * `usage_records` on its (line_id, started_at) index and dated by when the service was used; other charges from
 * `ledger_transfers` on its (debit_account_id, created_at) index.
 */
import { categoryOfTransfer, categoryOfUsage, type SpendingCategory } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';

export interface SpendingScope {
  ledgerAccountId: string;
  /** Usage of these lines is counted. */
  lineIds: readonly string[];
  /**
   * Count only the transfers of `lineIds` (and the account's own, with no line): the expenses of one line.
   * Otherwise every transfer debiting the account: an invoice or the account's monthly summary.
   */
  onlyTheseLines: boolean;
}

export interface SpendingRow {
  /** `YYYY-MM` in the operator's zone. */
  month: string;
  category: SpendingCategory;
  amount: bigint;
}

/** Spending in [start, end) by month and category; months with nothing spent have no rows. */
export async function spendingByMonth(
  db: Db,
  scope: SpendingScope,
  range: { start: Date; end: Date },
  timeZone: string,
): Promise<SpendingRow[]> {
  const lines = [...scope.lineIds];
  const [usage, transfers] = await Promise.all([
    lines.length === 0
      ? Promise.resolve({ rows: [] })
      : sql<{ month: string; kind: string; roaming: boolean; amount: bigint }>`
        SELECT to_char(started_at AT TIME ZONE ${timeZone}, 'YYYY-MM') AS month, kind,
          roaming_zone IS NOT NULL AS roaming, sum(cost)::int8 AS amount
        FROM usage_records
        WHERE line_id = ANY(${lines}::text[]) AND started_at >= ${range.start} AND started_at < ${range.end}
          AND cost > 0
        GROUP BY 1, 2, 3`.execute(db),
    sql<{ month: string; kind: string; counterKind: string; counterCode: string; amount: bigint }>`
      SELECT to_char(t.created_at AT TIME ZONE ${timeZone}, 'YYYY-MM') AS month, t.kind,
        c.kind AS "counterKind", c.code AS "counterCode", sum(t.amount)::int8 AS amount
      FROM ledger_transfers t JOIN ledger_accounts c ON c.id = t.credit_account_id
      WHERE t.debit_account_id = ${scope.ledgerAccountId}
        AND t.created_at >= ${range.start} AND t.created_at < ${range.end} AND t.kind <> 'usage'
        ${scope.onlyTheseLines ? sql`AND (t.line_id = ANY(${lines}::text[]) OR t.line_id IS NULL)` : sql``}
      GROUP BY 1, 2, 3, 4`.execute(db),
  ]);
  const out: SpendingRow[] = usage.rows.map((r) => ({
    month: r.month,
    category: categoryOfUsage(r.kind, r.roaming ? 'abroad' : null),
    amount: r.amount,
  }));
  for (const r of transfers.rows) {
    const category = categoryOfTransfer(r.kind, { kind: r.counterKind, code: r.counterCode });
    if (category) out.push({ month: r.month, category, amount: r.amount });
  }
  return out;
}
