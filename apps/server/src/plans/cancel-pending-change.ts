import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import { recordJournal } from '../journal/record.ts';
import { rejectPendingChanges } from './change-tariff.ts';
import { lockLine } from './line-lock.ts';

/** PLAN-03: cancels the line's planned tariff change (its request → `rejected`); 404 when there is none. */
export async function cancelPendingChange(
  trx: Db,
  input: { lineId: string; loginId: string; now: Date; ip: string | null },
): Promise<void> {
  await lockLine(trx, input.lineId);
  const cancelled = await rejectPendingChanges(trx, input.lineId, 'Cancelled by the subscriber.', input.now);
  if (cancelled.length === 0) throw problems.notFound('pending tariff change');
  await recordJournal(trx, {
    actorKind: 'subscriber',
    actorId: input.loginId,
    loginId: input.loginId,
    channel: 'web',
    lineId: input.lineId,
    action: 'tariff.change_cancelled',
    details: { requestIds: cancelled },
    ip: input.ip,
  });
}
