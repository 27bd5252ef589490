/** PAY-07 "Последние пополнения": the account's payments, newest first, one page at a time. */
import { toSafeNumber } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import type { StatementAccount } from './statement-account.ts';

export const PAYMENT_SOURCES = [
  'card',
  'voucher',
  'transfer',
  'promised',
  'cash',
  'bank',
  'autopay',
] as const;
export const PAYMENT_STATUSES = ['pending', 'succeeded', 'failed', 'refunded'] as const;

export interface HistoryFilter {
  /** [start, end) of the chosen days, operator's zone; none: all time. */
  range: { start: Date; end: Date } | null;
  sources: ReadonlyArray<(typeof PAYMENT_SOURCES)[number]>;
  page: number;
  pageSize: number;
}

/** One page of payments plus the count of all that match, on the (account_id, created_at) index. */
export async function loadPaymentHistory(db: Db, account: StatementAccount, filter: HistoryFilter) {
  let query = db.selectFrom('payments as p').where('p.account_id', '=', account.accountId);
  if (filter.range)
    query = query
      .where('p.created_at', '>=', filter.range.start)
      .where('p.created_at', '<', filter.range.end);
  if (filter.sources.length > 0) query = query.where('p.source', 'in', [...filter.sources]);
  const [rows, count] = await Promise.all([
    query
      .leftJoin('lines as l', 'l.id', 'p.line_id')
      .select([
        'p.id',
        'p.source',
        'p.amount',
        'p.status',
        'p.created_at',
        'p.completed_at',
        'p.line_id',
        'l.msisdn',
        'l.contract_number',
      ])
      .orderBy('p.created_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    page: filter.page,
    pageSize: filter.pageSize,
    total: Number(count.n),
    payments: rows.map((r) => ({
      id: r.id,
      at: r.created_at.toISOString(),
      completedAt: r.completed_at ? r.completed_at.toISOString() : null,
      source: r.source,
      amount: toSafeNumber(r.amount),
      status: r.status,
      lineId: r.line_id,
      number: r.msisdn ?? r.contract_number ?? null,
    })),
  };
}
