import { describe, expect, it } from 'vitest';
import { compareMonths, emptyAmounts, sumByCategory, withShares } from './breakdown.ts';
import { categoryOfTransfer, categoryOfUsage } from './categories.ts';
import {
  endOfDueDate,
  invoiceDueDate,
  invoiceMonthsDue,
  invoiceStatus,
  invoiceTotals,
} from './invoice-rules.ts';
import { addMonths, monthBounds, monthOf, monthsEndingWith } from './months.ts';
import { decideTrustPayment, TRUST_PAYMENT_RULES, trustPaymentAmount } from './trust-payment.ts';

const MSK = 'Europe/Moscow';
const revenue = (code: string) => ({ kind: 'revenue', code });

describe('spending categories', () => {
  it('PAY-08 puts usage in calls, messages and internet, and anything abroad in roaming', () => {
    expect(categoryOfUsage('voice_out', null)).toBe('calls');
    expect(categoryOfUsage('voice_in', null)).toBe('calls');
    expect(categoryOfUsage('sms_out', null)).toBe('messages');
    expect(categoryOfUsage('mms_out', null)).toBe('messages');
    expect(categoryOfUsage('data', null)).toBe('internet');
    expect(categoryOfUsage('data', 'cis')).toBe('roaming');
    expect(categoryOfUsage('voice_out', 'world')).toBe('roaming');
    expect(categoryOfUsage('fax', null)).toBe('other');
  });

  it('PAY-08 puts fees, content and unknown kinds in their categories and leaves loans and usage out', () => {
    expect(categoryOfTransfer('periodic_fee', revenue('revenue:fees'))).toBe('fees');
    expect(categoryOfTransfer('tariff_change', revenue('revenue:fees'))).toBe('fees');
    expect(categoryOfTransfer('suspension_fee', revenue('revenue:fees'))).toBe('fees');
    expect(categoryOfTransfer('promised_fee', revenue('revenue:services'))).toBe('fees');
    expect(categoryOfTransfer('content', revenue('revenue:content'))).toBe('content');
    expect(categoryOfTransfer('fee', revenue('revenue:content'))).toBe('content');
    expect(categoryOfTransfer('brand_new_kind', revenue('revenue:other'))).toBe('other');
    expect(categoryOfTransfer('mobile_transfer', { kind: 'subscriber', code: 'subscriber:acc_x' })).toBe(
      'other',
    );
    // Repaying a promised payment or a refund is not spending; usage is counted from its records.
    expect(categoryOfTransfer('promised_repay', { kind: 'credit', code: 'credit:promised' })).toBeNull();
    expect(categoryOfTransfer('refund', { kind: 'clearing', code: 'clearing:acquirer' })).toBeNull();
    expect(categoryOfTransfer('usage', revenue('revenue:usage'))).toBeNull();
  });
});

describe('breakdown and comparison', () => {
  it('PAY-08 gives shares that add up to exactly 100 % whatever the rounding', () => {
    const amounts = sumByCategory([
      { category: 'calls', amount: 1n },
      { category: 'messages', amount: 1n },
      { category: 'internet', amount: 1n },
    ]);
    const { total, categories } = withShares(amounts);
    expect(total).toBe(3n);
    expect(categories.reduce((s, c) => s + c.sharePermille, 0)).toBe(1000);
    expect(categories.find((c) => c.category === 'fees')?.sharePermille).toBe(0);
    expect(withShares(emptyAmounts()).categories.every((c) => c.sharePermille === 0)).toBe(true);
  });

  it('PAY-08 compares a month with the previous one per category and in total', () => {
    const current = { ...emptyAmounts(), calls: 150_00n, internet: 100_00n };
    const previous = { ...emptyAmounts(), calls: 100_00n, fees: 50_00n };
    const { categories, total } = compareMonths(current, previous);
    const calls = categories.find((c) => c.category === 'calls');
    expect(calls).toMatchObject({ delta: 50_00n, deltaPercent: 50 });
    expect(categories.find((c) => c.category === 'internet')).toMatchObject({
      delta: 100_00n,
      deltaPercent: null,
    });
    expect(categories.find((c) => c.category === 'fees')).toMatchObject({
      delta: -50_00n,
      deltaPercent: -100,
    });
    expect(total).toMatchObject({ current: 250_00n, previous: 150_00n, delta: 100_00n, deltaPercent: 66.6 });
  });
});

describe('months in the operator zone', () => {
  it('PAY-07 counts 01:00 Moscow time on 1 March as March although UTC still says February', () => {
    expect(monthOf(new Date('2027-02-28T22:00:00Z'), MSK)).toBe('2027-03');
    expect(monthBounds('2027-03', MSK)).toEqual({
      start: new Date('2027-02-28T21:00:00Z'),
      end: new Date('2027-03-31T21:00:00Z'),
    });
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(monthsEndingWith('2027-02', 3)).toEqual(['2026-12', '2027-01', '2027-02']);
  });
});

describe('invoices', () => {
  it('PAY-10 issues the previous month from the 1st, back-filling at most three months since the account opened', () => {
    const now = new Date('2026-12-01T00:30:00+03:00');
    expect(invoiceMonthsDue(now, MSK, new Date('2020-01-01T00:00:00Z'))).toEqual([
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
    expect(invoiceMonthsDue(now, MSK, new Date('2026-11-15T00:00:00Z'))).toEqual(['2026-11']);
    expect(
      invoiceMonthsDue(new Date('2026-11-30T23:59:00+03:00'), MSK, new Date('2026-11-15T00:00:00Z')),
    ).toEqual([]);
  });

  it('PAY-10 reconciles opening balance, charges, payments and closing balance, and asks for the debt', () => {
    const charges = { ...emptyAmounts(), calls: 300_00n, fees: 500_00n };
    const totals = invoiceTotals({
      openingBalance: -200_00n,
      charges,
      payments: 200_00n,
      closingBalance: -850_00n,
    });
    expect(totals).toEqual({ chargesTotal: 800_00n, otherMovements: -50_00n, amountDue: 850_00n });
    expect(
      invoiceTotals({ openingBalance: 100_00n, charges, payments: 1000_00n, closingBalance: 300_00n })
        .amountDue,
    ).toBe(0n);
  });

  it('PAY-10 sets the due date 20 days after the 1st and tells paid, unpaid and overdue apart', () => {
    expect(invoiceDueDate('2026-11', MSK)).toBe('2026-12-21');
    expect(invoiceDueDate('2026-12', MSK)).toBe('2027-01-21');
    const end = endOfDueDate('2026-12-21', MSK);
    expect(end).toEqual(new Date('2026-12-21T21:00:00Z'));
    expect(invoiceStatus(0n, 0n, end, new Date('2027-01-01'))).toBe('nothing_due');
    expect(invoiceStatus(100n, 100n, end, new Date('2027-01-01'))).toBe('paid');
    expect(invoiceStatus(100n, 99n, end, new Date('2026-12-21T20:59:59Z'))).toBe('unpaid');
    expect(invoiceStatus(100n, 99n, end, end)).toBe('overdue');
  });
});

describe('trust payment', () => {
  const base = {
    paymentType: 'postpaid' as const,
    creditLimit: 3000_00n,
    active: false,
    takenInMonths: [] as string[],
    month: '2026-12',
    overdueInvoice: false,
    now: new Date('2026-12-04T12:00:00Z'),
  };

  it('PAY-10 raises the limit by half of it within the bounds, for seven days', () => {
    const decision = decideTrustPayment(base);
    expect(decision).toEqual({
      allowed: true,
      amount: 1500_00n,
      expiresAt: new Date('2026-12-11T12:00:00Z'),
    });
    expect(trustPaymentAmount(0n)).toBe(TRUST_PAYMENT_RULES.minAmount);
    expect(trustPaymentAmount(100_000_00n)).toBe(TRUST_PAYMENT_RULES.maxAmount);
    expect(trustPaymentAmount(1234_56n)).toBe(617_00n);
  });

  it('PAY-10 refuses prepaid accounts, a second one in a month, one while active and one with an overdue invoice', () => {
    expect(decideTrustPayment({ ...base, paymentType: 'prepaid' })).toEqual({
      allowed: false,
      reason: 'not_postpaid',
    });
    expect(decideTrustPayment({ ...base, active: true })).toEqual({
      allowed: false,
      reason: 'already_active',
    });
    expect(decideTrustPayment({ ...base, takenInMonths: ['2026-12'] })).toEqual({
      allowed: false,
      reason: 'used_this_month',
    });
    expect(decideTrustPayment({ ...base, takenInMonths: ['2026-11'] }).allowed).toBe(true);
    expect(decideTrustPayment({ ...base, overdueInvoice: true })).toEqual({
      allowed: false,
      reason: 'overdue_invoice',
    });
  });
});
