import { toSafeNumber } from '@kabinet/core';
import type { Database, Db } from '@kabinet/db';
import type { Selectable } from 'kysely';

const COLUMNS = [
  'id',
  'to_msisdn',
  'amount',
  'fee',
  'status',
  'code_expires_at',
  'created_at',
  'completed_at',
] as const;

type TransferRow = Selectable<Database['mobile_transfers']>;

/** A transfer as the API shows it to its sender (`TransferSchema`). */
export async function transferView(db: Db, transferId: string) {
  const t = await db
    .selectFrom('mobile_transfers')
    .select(COLUMNS)
    .where('id', '=', transferId)
    .executeTakeFirstOrThrow();
  return viewOf(t);
}

/**
 * PAY-06 the transfers a line sent, newest first. One whose code expired unconfirmed is shown failed (the
 * hourly retention job records that too; confirming it would fail).
 */
export async function sentTransfers(db: Db, lineId: string, now: Date, limit = 20) {
  const rows = await db
    .selectFrom('mobile_transfers')
    .select(COLUMNS)
    .where('from_line_id', '=', lineId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => {
    const view = viewOf(row);
    return row.status === 'awaiting_code' && row.code_expires_at <= now
      ? { ...view, status: 'failed' as const }
      : view;
  });
}

function viewOf(t: Pick<TransferRow, (typeof COLUMNS)[number]>) {
  return {
    id: t.id,
    phone: t.to_msisdn,
    amount: toSafeNumber(t.amount),
    fee: toSafeNumber(t.fee),
    total: toSafeNumber(t.amount + t.fee),
    status: t.status,
    codeExpiresAt: t.code_expires_at.toISOString(),
    createdAt: t.created_at.toISOString(),
    completedAt: t.completed_at ? t.completed_at.toISOString() : null,
  };
}
