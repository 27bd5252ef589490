import { toSafeNumber } from '@kabinet/core';
import type { Db } from '@kabinet/db';

/** A transfer as the API shows it to its sender (`TransferSchema`). */
export async function transferView(db: Db, transferId: string) {
  const t = await db
    .selectFrom('mobile_transfers')
    .select(['id', 'to_msisdn', 'amount', 'fee', 'status', 'code_expires_at', 'created_at', 'completed_at'])
    .where('id', '=', transferId)
    .executeTakeFirstOrThrow();
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
