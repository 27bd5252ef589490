import { call } from './api-client';

export type PaymentSource = 'card' | 'voucher' | 'transfer' | 'promised' | 'cash' | 'bank' | 'autopay';
export type PaymentStatus = 'pending' | 'succeeded' | 'failed' | 'refunded';
export type SpendingCategory = 'calls' | 'messages' | 'internet' | 'fees' | 'content' | 'roaming' | 'other';

export const PAYMENT_SOURCES: PaymentSource[] = [
  'card',
  'autopay',
  'voucher',
  'bank',
  'cash',
  'transfer',
  'promised',
];
export const SPENDING_CATEGORIES: SpendingCategory[] = [
  'calls',
  'messages',
  'internet',
  'fees',
  'content',
  'roaming',
  'other',
];

/** GET /lines/{id}/payments/history (PAY-07); amounts in kopecks. */
export interface PaymentHistory {
  page: number;
  pageSize: number;
  total: number;
  payments: Array<{
    id: string;
    at: string;
    completedAt: string | null;
    source: PaymentSource;
    amount: number;
    status: PaymentStatus;
    lineId: string | null;
    number: string | null;
  }>;
}

/** GET /lines/{id}/payments/summary: oldest month first. */
export interface MonthlySummary {
  months: Array<{ month: string; topUps: number; topUpCount: number; spending: number }>;
}

export interface PeriodLabel {
  month: string | null;
  from: string;
  to: string;
}

export interface Change {
  current: number;
  previous: number;
  delta: number;
  deltaPercent: number | null;
}

/** GET /lines/{id}/expenses (PAY-08). */
export interface Expenses {
  period: PeriodLabel;
  previousPeriod: PeriodLabel;
  total: number;
  categories: Array<{ category: SpendingCategory; amount: number; sharePermille: number }>;
  comparison: { total: Change; categories: Array<Change & { category: SpendingCategory }> };
}

export type InvoiceStatus = 'nothing_due' | 'paid' | 'unpaid' | 'overdue';

export interface Invoice {
  id: string;
  number: string;
  month: string;
  periodStart: string;
  periodEnd: string;
  openingBalance: number;
  charges: Array<{ category: SpendingCategory; amount: number }>;
  chargesTotal: number;
  paymentsTotal: number;
  otherMovements: number;
  closingBalance: number;
  amountDue: number;
  creditLimit: number;
  dueDate: string;
  issuedAt: string;
  status: InvoiceStatus;
}

export type TrustRefusal = 'not_postpaid' | 'already_active' | 'used_this_month' | 'overdue_invoice';

/** GET /lines/{id}/invoices (PAY-10). */
export interface PostpaidState {
  paymentType: 'prepaid' | 'postpaid';
  accountNumber: string;
  balance: number;
  creditLimit: number;
  used: number;
  available: number;
  trustPayment: {
    active: { id: string; amount: number; takenAt: string; expiresAt: string } | null;
    offer: { allowed: boolean; amount: number | null; expiresAt: string | null; reason: TrustRefusal | null };
    durationDays: number;
    history: Array<{
      id: string;
      amount: number;
      takenAt: string;
      expiresAt: string;
      status: 'active' | 'expired';
    }>;
  };
  invoices: Invoice[];
}

export interface HistoryFilter {
  from?: string;
  to?: string;
  source?: PaymentSource | '';
  page: number;
}

const line = (lineId: string) => `/lines/${encodeURIComponent(lineId)}`;

/** GET /lines/{id}/payments/history: one page of payments of the line's account. */
export function getPaymentHistory(
  lineId: string,
  filter: HistoryFilter,
  signal?: AbortSignal,
): Promise<PaymentHistory> {
  const q = new URLSearchParams({ page: String(filter.page), pageSize: '20' });
  if (filter.from && filter.to) {
    q.set('from', filter.from);
    q.set('to', filter.to);
  }
  if (filter.source) q.set('source', filter.source);
  return call('GET', `${line(lineId)}/payments/history?${q}`, { signal });
}

/** GET /lines/{id}/payments/summary: top-ups and spending of the last `months` months. */
export function getMonthlySummary(
  lineId: string,
  months: number,
  signal?: AbortSignal,
): Promise<MonthlySummary> {
  return call('GET', `${line(lineId)}/payments/summary?months=${months}`, { signal });
}

/** GET /lines/{id}/expenses: a month (`YYYY-MM`) or days (`from`, `to`). */
export function getExpenses(
  lineId: string,
  period: { month: string } | { from: string; to: string },
  signal?: AbortSignal,
): Promise<Expenses> {
  const q = new URLSearchParams(period);
  return call('GET', `${line(lineId)}/expenses?${q}`, { signal });
}

/** GET /lines/{id}/invoices: credit limit, trust payment and the invoices. */
export function getPostpaidState(lineId: string, signal?: AbortSignal): Promise<PostpaidState> {
  return call('GET', `${line(lineId)}/invoices`, { signal });
}

/** The PDF's address, for a plain download link (the session cookie goes along). */
export function invoicePdfUrl(lineId: string, invoiceId: string, lang: 'ru' | 'en'): string {
  return `/api/v1${line(lineId)}/invoices/${encodeURIComponent(invoiceId)}.pdf?lang=${lang}`;
}

/** POST /lines/{id}/trust-payment: raises the credit limit; one Idempotency-Key per intent. */
export function takeTrustPayment(
  lineId: string,
  idempotencyKey: string,
): Promise<{ id: string; amount: number; expiresAt: string; creditLimit: number; available: number }> {
  return call('POST', `${line(lineId)}/trust-payment`, { idempotencyKey });
}
