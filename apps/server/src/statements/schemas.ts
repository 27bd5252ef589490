/** TypeBox schemas of PAY-07 history, PAY-08 expenses and PAY-10 invoices and trust payments. */
import { SPENDING_CATEGORIES } from '@kabinet/core';
import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';
import { PAYMENT_SOURCES, PAYMENT_STATUSES } from './payment-history-query.ts';

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const MONTH = '^\\d{4}-(0[1-9]|1[0-2])$';
const Kopecks = (description: string) => Type.Integer({ description: `${description} Kopecks.` });
const Category = StringEnum(SPENDING_CATEGORIES, {
  description:
    '`calls`, `messages` (SMS/MMS), `internet`, `fees` (subscription, options, tariff changes, service fees), ' +
    '`content`, `roaming` (anything used abroad), `other` (money sent to other numbers, kinds not yet known).',
});

export const HistoryQuery = Type.Object({
  from: Type.Optional(
    Type.String({ pattern: DATE, description: 'First day (`YYYY-MM-DD`, operator zone).' }),
  ),
  to: Type.Optional(Type.String({ pattern: DATE, description: 'Last day, inclusive (`YYYY-MM-DD`).' })),
  source: Type.Optional(
    Type.Array(StringEnum(PAYMENT_SOURCES), {
      description: 'Only these sources (repeat the parameter for several).',
      maxItems: PAYMENT_SOURCES.length,
    }),
  ),
  page: Type.Integer({ minimum: 1, maximum: 10_000, default: 1, description: 'Page number, from 1.' }),
  pageSize: Type.Integer({
    minimum: 1,
    maximum: 100,
    default: 20,
    description: 'Payments per page (≤ 100).',
  }),
});

export const PaymentHistory = Type.Object({
  page: Type.Integer({ description: 'This page’s number.' }),
  pageSize: Type.Integer({ description: 'Page size asked for.' }),
  total: Type.Integer({ description: 'Payments matching the filter, on all pages.' }),
  payments: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Payment id (`pay_…`).' }),
      at: Type.String({ format: 'date-time', description: 'When the payment was made.' }),
      completedAt: Nullable(Type.String({ format: 'date-time' }), {
        description: 'When it succeeded or failed; null while pending.',
      }),
      source: StringEnum(PAYMENT_SOURCES, {
        description:
          '`card` (acquirer), `voucher`, `transfer` (from another number), `promised`, `cash`, `bank`, `autopay`.',
      }),
      amount: Kopecks('Amount.'),
      status: StringEnum(PAYMENT_STATUSES, { description: '`pending`, `succeeded`, `failed`, `refunded`.' }),
      lineId: Nullable(Type.String(), { description: 'The line it was made for, if one.' }),
      number: Nullable(Type.String(), { description: 'That line’s number or contract number.' }),
    }),
    { description: 'Newest first.' },
  ),
});

export const SummaryQuery = Type.Object({
  months: Type.Integer({
    minimum: 1,
    maximum: 12,
    default: 6,
    description: 'How many months, this one included.',
  }),
});

export const MonthlySummary = Type.Object({
  months: Type.Array(
    Type.Object({
      month: Type.String({ description: '`YYYY-MM`, operator zone.' }),
      topUps: Kopecks('Succeeded payments made in the month.'),
      topUpCount: Type.Integer({ description: 'How many.' }),
      spending: Kopecks('Everything spent in the month, all categories, all the account’s lines.'),
    }),
    { description: 'Oldest first, the current month last.' },
  ),
});

export const ExpensesQuery = Type.Object({
  month: Type.Optional(
    Type.String({ pattern: MONTH, description: 'A month (`YYYY-MM`); the default is this one.' }),
  ),
  from: Type.Optional(
    Type.String({ pattern: DATE, description: 'Or a first day (`YYYY-MM-DD`), with `to`.' }),
  ),
  to: Type.Optional(
    Type.String({ pattern: DATE, description: 'Last day, inclusive; at most 366 days after `from`.' }),
  ),
});

const PeriodLabel = Type.Object({
  month: Nullable(Type.String(), { description: '`YYYY-MM` when the period is a month.' }),
  from: Type.String({ description: 'First day (`YYYY-MM-DD`).' }),
  to: Type.String({ description: 'Last day, inclusive.' }),
});

const Change = {
  current: Kopecks('This period.'),
  previous: Kopecks('The period before.'),
  delta: Kopecks('current − previous (positive: more spent).'),
  deltaPercent: Type.Unsafe<number | null>({
    type: ['number', 'null'],
    description: 'Change in per cent of the previous period, one decimal; null when nothing was spent then.',
  }),
};

export const Expenses = Type.Object({
  period: PeriodLabel,
  previousPeriod: { ...PeriodLabel, description: 'The previous month, or as many days just before.' },
  total: Kopecks('Spent in the period.'),
  categories: Type.Array(
    Type.Object({
      category: Category,
      amount: Kopecks('Spent on it.'),
      sharePermille: Type.Integer({
        description: 'Share of the total, per mille; the shares add up to 1000.',
      }),
    }),
    { description: 'Every category, in a fixed order.' },
  ),
  comparison: Type.Object({
    total: Type.Object(Change),
    categories: Type.Array(Type.Object({ category: Category, ...Change })),
  }),
});

const InvoiceStatus = StringEnum(['nothing_due', 'paid', 'unpaid', 'overdue'] as const, {
  description: '`nothing_due`; `paid` (top-ups since cover it); `unpaid`; `overdue` (past the due date).',
});

export const Invoice = Type.Object({
  id: Type.String({ description: 'Invoice id (`inv_…`); the PDF is at `…/invoices/{id}.pdf`.' }),
  number: Type.String({ description: 'Printed number.' }),
  month: Type.String({ description: '`YYYY-MM` it covers.' }),
  periodStart: Type.String({ format: 'date-time' }),
  periodEnd: Type.String({ format: 'date-time', description: 'Exclusive.' }),
  openingBalance: Kopecks('Balance at the start (negative: debt).'),
  charges: Type.Array(Type.Object({ category: Category, amount: Kopecks('Charged.') })),
  chargesTotal: Kopecks('All charges.'),
  paymentsTotal: Kopecks('Top-ups received in the month.'),
  otherMovements: Kopecks('Promised payments, transfers, corrections: what reconciles the balances.'),
  closingBalance: Kopecks('Balance at the end.'),
  amountDue: Kopecks('To pay: the debt at the end of the month.'),
  creditLimit: Kopecks('The credit limit when issued.'),
  dueDate: Type.String({ description: 'Pay by (`YYYY-MM-DD`).' }),
  issuedAt: Type.String({ format: 'date-time' }),
  status: InvoiceStatus,
});

const TrustOffer = Type.Object({
  allowed: Type.Boolean({ description: 'Whether one may be taken now.' }),
  amount: Type.Unsafe<number | null>({
    type: ['integer', 'null'],
    description: 'The raise, kopecks, if allowed.',
  }),
  expiresAt: Nullable(Type.String({ format: 'date-time' }), { description: 'Until when, if taken now.' }),
  reason: Nullable(
    Type.String({ enum: ['not_postpaid', 'already_active', 'used_this_month', 'overdue_invoice'] }),
    { description: '`not_postpaid`, `already_active`, `used_this_month`, `overdue_invoice`: why not.' },
  ),
});

export const PostpaidState = Type.Object({
  paymentType: StringEnum(['prepaid', 'postpaid'] as const, {
    description: 'Invoices are for postpaid accounts.',
  }),
  accountNumber: Type.String({ description: 'Account number.' }),
  balance: Kopecks('Balance now (negative: used credit).'),
  creditLimit: Kopecks('Credit limit now, a trust payment included.'),
  used: Kopecks('Credit used: the debt now.'),
  available: Kopecks('balance + credit limit.'),
  trustPayment: Type.Object({
    active: Nullable(
      Type.Object({
        id: Type.String(),
        amount: Kopecks('The raise.'),
        takenAt: Type.String({ format: 'date-time' }),
        expiresAt: Type.String({ format: 'date-time' }),
      }),
      { description: 'The raise in force.' },
    ),
    offer: TrustOffer,
    durationDays: Type.Integer({ description: 'How long a raise lasts.' }),
    history: Type.Array(
      Type.Object({
        id: Type.String(),
        amount: Kopecks('The raise.'),
        takenAt: Type.String({ format: 'date-time' }),
        expiresAt: Type.String({ format: 'date-time' }),
        status: StringEnum(['active', 'expired'] as const),
      }),
    ),
  }),
  invoices: Type.Array(Invoice, { description: 'Newest first (up to 24).' }),
});

export const InvoiceParams = Type.Object({
  lineId: Type.String({ pattern: '^line_[0-9a-z]{6,40}$', description: 'Line id (`line_…`).' }),
  invoiceId: Type.String({ pattern: '^inv_[0-9a-z]{6,40}$', description: 'Invoice id (`inv_…`).' }),
});

export const PdfQuery = Type.Object({
  lang: Type.Optional(
    StringEnum(['ru', 'en'] as const, { description: 'Language; the login’s own by default.' }),
  ),
});

export const TrustPaymentTaken = Type.Object({
  id: Type.String({ description: 'Trust payment id (`tp_…`).' }),
  amount: Kopecks('The raise.'),
  expiresAt: Type.String({ format: 'date-time', description: 'When the raise ends.' }),
  creditLimit: Kopecks('The credit limit with the raise.'),
  available: Kopecks('balance + the new limit.'),
});

/** The PDF bytes; Fastify sends a Buffer as it is, the schema only documents it. */
export const InvoicePdf = Type.Unsafe<Buffer>({
  type: 'string',
  format: 'binary',
  description: 'The invoice (`application/pdf`, an attachment).',
});
