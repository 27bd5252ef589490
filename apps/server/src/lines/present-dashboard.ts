import { presentBucket, toSafeNumber } from '@kabinet/core';
import type { DashboardRow } from './dashboard-query.ts';

/** Below this balance (kopecks) the dashboard warns, unless the account sets its own threshold (PAY-09). */
export const DEFAULT_LOW_BALANCE = 100_00n;

/** Shapes the dashboard row for the API: money as integer kopecks, packages in the units people buy. */
export function presentDashboard(row: DashboardRow) {
  const warnings: Array<{ code: 'low_balance' | 'blocked' | 'negative_balance' }> = [];
  if (row.status === 'blocked') warnings.push({ code: 'blocked' });
  if (row.balance < 0n) warnings.push({ code: 'negative_balance' });
  else if (row.balance < (row.low_balance_threshold ?? DEFAULT_LOW_BALANCE))
    warnings.push({ code: 'low_balance' });
  return {
    line: {
      id: row.id,
      kind: row.kind,
      msisdn: row.msisdn,
      contractNumber: row.contract_number,
      status: row.status,
      ownerName: row.owner_name,
    },
    balance: {
      amount: toSafeNumber(row.balance),
      currency: 'RUB' as const,
      creditLimit: toSafeNumber(row.credit_limit),
    },
    tariff: {
      id: row.tariff_id,
      code: row.tariff_code,
      name: { ru: row.tariff_name_ru, en: row.tariff_name_en },
      fee: toSafeNumber(row.tariff_fee),
      feePeriod: row.tariff_fee_period,
    },
    packages: row.buckets.map((b) => ({
      id: b.id,
      kind: b.kind,
      name: { ru: b.name_ru, en: b.name_en },
      ...presentBucket(b.kind, { total: BigInt(b.total), used: BigInt(b.used) }),
      renewsAt: b.period_end ? new Date(b.period_end).toISOString() : null,
    })),
    nextCharge: row.next_fee_at
      ? { at: row.next_fee_at.toISOString(), amount: toSafeNumber(row.tariff_fee + row.options_fee) }
      : null,
    warnings,
  };
}
