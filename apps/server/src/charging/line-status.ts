/**
 * Status changes the charging jobs make on their own (no subscriber asked): each is a done request in the line's
 * history (SVC-11) and a `system` journal entry, like every other line change.
 */
import type { Db } from '@kabinet/db';
import { recordJournal } from '../journal/record.ts';
import { recordRequest } from '../requests/record-request.ts';

export interface SystemChange {
  lineId: string;
  /** Request kind: `debt_block`, `debt_unblock`, `inactivity_block`, `resumption`, `line_closed` … */
  kind: string;
  title: { ru: string; en: string };
  /** Journal action, e.g. `line.blocked_for_debt`. */
  action: string;
  details: Record<string, unknown>;
  now: Date;
}

/** Records a change the system made to a line: a done request and a journal entry naming it. */
export async function recordSystemChange(trx: Db, change: SystemChange): Promise<string> {
  const requestId = await recordRequest(trx, {
    lineId: change.lineId,
    loginId: null,
    kind: change.kind,
    statuses: ['accepted', 'done'],
    title: change.title,
    payload: change.details,
    now: change.now,
  });
  await recordJournal(trx, {
    actorKind: 'system',
    channel: 'system',
    lineId: change.lineId,
    action: change.action,
    details: { ...change.details, requestId },
  });
  return requestId;
}

/** Lines whose status a charging rule changed, with their numbers for the SMS. */
export interface ChangedLine {
  id: string;
  msisdn: string | null;
}

/**
 * Blocks the account's active lines for `reason` (outgoing barred, incoming kept: the network reads
 * `block_reason`), recording each. Lines suspended, lost or closed are left as they are.
 */
export async function blockActiveLines(
  trx: Db,
  where: { accountId?: string; lineId?: string },
  reason: 'debt' | 'inactivity',
  now: Date,
): Promise<ChangedLine[]> {
  let query = trx
    .updateTable('lines')
    .set({ status: 'blocked', block_reason: reason, blocked_at: now })
    .where('status', '=', 'active');
  if (where.accountId) query = query.where('account_id', '=', where.accountId);
  if (where.lineId) query = query.where('id', '=', where.lineId);
  const lines = await query.returning(['id', 'msisdn']).execute();
  for (const line of lines) {
    await recordSystemChange(trx, {
      lineId: line.id,
      kind: reason === 'debt' ? 'debt_block' : 'inactivity_block',
      title:
        reason === 'debt'
          ? { ru: 'Блокировка: недостаточно средств', en: 'Blocked: out of funds' }
          : { ru: 'Блокировка за неактивность', en: 'Blocked for inactivity' },
      action: reason === 'debt' ? 'line.blocked_for_debt' : 'line.blocked_for_inactivity',
      details: { reason },
      now,
    });
  }
  return lines;
}

/** Unblocks lines blocked for `reason` (the account's, or one line), recording each. */
export async function unblockLines(
  trx: Db,
  where: { accountId?: string; lineId?: string },
  reason: 'debt' | 'inactivity',
  now: Date,
): Promise<ChangedLine[]> {
  let query = trx
    .updateTable('lines')
    .set({ status: 'active', block_reason: null, blocked_at: null })
    .where('status', '=', 'blocked')
    .where('block_reason', '=', reason);
  if (where.accountId) query = query.where('account_id', '=', where.accountId);
  if (where.lineId) query = query.where('id', '=', where.lineId);
  const lines = await query.returning(['id', 'msisdn']).execute();
  for (const line of lines) {
    await recordSystemChange(trx, {
      lineId: line.id,
      kind: reason === 'debt' ? 'debt_unblock' : 'inactivity_unblock',
      title: { ru: 'Номер разблокирован', en: 'Line unblocked' },
      action: reason === 'debt' ? 'line.unblocked_funds_recovered' : 'line.unblocked_after_top_up',
      details: { reason },
      now,
    });
  }
  return lines;
}
