import { presentBucket, toSafeNumber } from '@kabinet/core';
import { dashboardFees } from '../plans/dashboard-fees.ts';
import type { DashboardRow } from './dashboard-query.ts';

/** Below this balance (kopecks) the dashboard warns, unless the account sets its own threshold (PAY-09). */
export const DEFAULT_LOW_BALANCE = 100_00n;

/** Dashboard warning codes: a block says why (RATE-04 debt, PLAN-07 inactivity; else the generic one). */
export type DashboardWarning =
  | 'low_balance'
  | 'blocked'
  | 'blocked_debt'
  | 'blocked_inactivity'
  | 'out_of_funds'
  | 'negative_balance';

function blockWarning(reason: string | null): DashboardWarning {
  if (reason === 'debt') return 'blocked_debt';
  if (reason === 'inactivity') return 'blocked_inactivity';
  return 'blocked';
}

/**
 * Shapes the dashboard row for the API: money as integer kopecks, packages in the units people buy. Fees are
 * priced at `clock.now` (price changes, a configurable tariff's choice: plans/dashboard-fees.ts).
 */
export function presentDashboard(row: DashboardRow, clock: { now: Date; timeZone: string }) {
  const fees = dashboardFees(row, clock.now, clock.timeZone);
  const warnings: Array<{ code: DashboardWarning }> = [];
  if (row.status === 'blocked') warnings.push({ code: blockWarning(row.block_reason) });
  else if (row.out_of_funds_since && row.status === 'active') warnings.push({ code: 'out_of_funds' });
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
      fee: toSafeNumber(fees.tariffFee),
      feePeriod: row.tariff_fee_period,
    },
    packages: row.buckets.map((b) => ({
      id: b.id,
      kind: b.kind,
      name: { ru: b.name_ru, en: b.name_en },
      ...presentBucket(b.kind, { total: BigInt(b.total), used: BigInt(b.used) }),
      renewsAt: b.period_end ? new Date(b.period_end).toISOString() : null,
    })),
    nextCharge:
      row.next_fee_at && fees.nextCharge !== null
        ? { at: row.next_fee_at.toISOString(), amount: toSafeNumber(fees.nextCharge) }
        : null,
    ...(row.promised_payment
      ? {
          promisedPayment: {
            amount: toSafeNumber(BigInt(row.promised_payment.amount)),
            fee: toSafeNumber(BigInt(row.promised_payment.fee)),
            dueAt: new Date(row.promised_payment.due_at).toISOString(),
          },
        }
      : {}),
    warnings,
  };
}
