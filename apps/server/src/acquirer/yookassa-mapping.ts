/**
 * YooKassa API v3 objects and how they map onto the acquirer interface (PAY-01/02/04): amounts as decimal strings
 * ↔ kopecks, payment statuses, cancellation reasons and the card. Pure functions, no network: the adapter
 * (`yookassa-acquirer.ts`) calls them on what the API answered. See docs/payments.md, section "YooKassa".
 */
import { BlockList, isIP } from 'node:net';
import type { AcquirerPaymentState, AcquirerPaymentStatus, SavedCardToken } from './acquirer.ts';

/** A YooKassa payment as `POST /payments` and `GET /payments/{id}` answer it (only the fields we read). */
export interface YooKassaPayment {
  id: string;
  status: 'pending' | 'waiting_for_capture' | 'succeeded' | 'canceled';
  amount: { value: string; currency: string };
  confirmation?: { type: string; confirmation_url?: string };
  payment_method?: {
    type: string;
    id: string;
    saved: boolean;
    card?: { last4?: string; expiry_month?: string; expiry_year?: string; card_type?: string };
  };
  cancellation_details?: { party?: string; reason?: string };
  metadata?: Record<string, unknown>;
}

/** What YooKassa answered does not have the documented shape (or is in another currency than RUB). */
export class YooKassaFormatError extends Error {
  constructor(message: string) {
    super(`Unexpected YooKassa answer: ${message}`);
    this.name = 'YooKassaFormatError';
  }
}

const STATUSES = new Set(['pending', 'waiting_for_capture', 'succeeded', 'canceled']);

/**
 * Kopecks as YooKassa's `amount` object: a decimal string with exactly two decimals (`"123.45"`), in RUB.
 * Integer arithmetic only: 12345n → "123.45", never through a float.
 */
export function toYooKassaAmount(kopecks: bigint): { value: string; currency: 'RUB' } {
  if (kopecks <= 0n) throw new RangeError(`a YooKassa amount must be positive, got ${kopecks}`);
  const rubles = kopecks / 100n;
  const rest = (kopecks % 100n).toString().padStart(2, '0');
  return { value: `${rubles}.${rest}`, currency: 'RUB' };
}

/**
 * YooKassa's `amount` object in kopecks, exactly: `"123.45"` → 12345n, `"100"` and `"100.0"` → 10000n. The
 * trap: `Math.round(parseFloat(v) * 100)` is right for most values and wrong for some (`"1.005"`-like ones and
 * anything past 2^53), so the string is split, never parsed as a number. More than two decimals, a sign, an
 * exponent or another currency than RUB is an error, not a rounding.
 */
export function kopecksOf(amount: unknown): bigint {
  const a = amount as { value?: unknown; currency?: unknown } | null;
  if (typeof a?.value !== 'string' || typeof a.currency !== 'string') {
    throw new YooKassaFormatError('amount is not { value, currency }');
  }
  if (a.currency !== 'RUB') throw new YooKassaFormatError(`amount in ${a.currency}, not RUB`);
  const match = /^(\d{1,15})(?:\.(\d{1,2}))?$/.exec(a.value);
  if (!match) throw new YooKassaFormatError(`amount.value ${JSON.stringify(a.value)} is not a decimal`);
  return BigInt(match[1] as string) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

/** Checks the fields the adapter relies on; anything else in the object is left as it came. */
export function parsePayment(json: unknown): YooKassaPayment {
  const p = json as Partial<YooKassaPayment> | null;
  if (typeof p?.id !== 'string' || p.id === '') throw new YooKassaFormatError('payment without an id');
  if (typeof p.status !== 'string' || !STATUSES.has(p.status)) {
    throw new YooKassaFormatError(`payment ${p.id} has status ${JSON.stringify(p.status)}`);
  }
  kopecksOf(p.amount);
  return p as YooKassaPayment;
}

/**
 * YooKassa's cancellation reasons in the cabinet's words where they mean the same thing (the result page and the
 * autopay notices have texts for these); any other reason (`fraud_suspected`, `card_expired`,
 * `permission_revoked` …) is passed through as YooKassa says it.
 */
const REASONS: Record<string, string> = {
  '3d_secure_failed': '3ds_failed',
  insufficient_funds: 'insufficient_funds',
  general_decline: 'card_declined',
  expired_on_confirmation: 'expired',
  canceled_by_merchant: 'canceled',
};

export function failureReasonOf(details: YooKassaPayment['cancellation_details']): string {
  const reason = details?.reason;
  if (typeof reason !== 'string' || reason === '') return 'canceled';
  return REASONS[reason] ?? reason;
}

/**
 * Our status for YooKassa's. `waiting_for_capture` is money held, not taken: we always create with
 * `capture: true`, so it only happens on a misconfigured shop; it stays pending (never credited) and YooKassa
 * cancels it when the hold expires.
 */
export function statusOf(status: YooKassaPayment['status']): AcquirerPaymentStatus {
  if (status === 'succeeded') return 'succeeded';
  if (status === 'canceled') return 'failed';
  return 'pending';
}

/** `"Visa"`, `"MasterCard"`, `"Mir"` → `visa`, `mastercard`, `mir` (the sandbox's spelling); unknown → `card`. */
export function brandOf(cardType: unknown): string {
  if (typeof cardType !== 'string' || cardType === '' || cardType === 'Unknown') return 'card';
  return cardType.toLowerCase();
}

/** `"08"`, `"2031"` → `08/31`; empty when YooKassa did not say. */
export function expiresOf(month: unknown, year: unknown): string {
  if (typeof month !== 'string' || typeof year !== 'string') return '';
  if (!/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return '';
  return `${month.padStart(2, '0')}/${year.slice(2)}`;
}

/**
 * The acquirer's view of a YooKassa payment. The card is `paidWith` whenever YooKassa shows one; it is also a
 * saved `card` (PAY-04) only when YooKassa saved the payment method (`saved: true`), its token being the payment
 * method's id, which `chargeToken` later passes as `payment_method_id`.
 */
export function stateOf(payment: YooKassaPayment): AcquirerPaymentState {
  const status = statusOf(payment.status);
  const method = payment.payment_method;
  const card = method?.type === 'bank_card' ? method.card : undefined;
  const last4 = typeof card?.last4 === 'string' && /^\d{4}$/.test(card.last4) ? card.last4 : null;
  const brand = brandOf(card?.card_type);
  let saved: SavedCardToken | null = null;
  if (last4 && method?.saved === true && typeof method.id === 'string' && method.id !== '') {
    saved = { token: method.id, last4, brand, expires: expiresOf(card?.expiry_month, card?.expiry_year) };
  }
  return {
    externalId: payment.id,
    status,
    amount: kopecksOf(payment.amount),
    ...(status === 'failed' ? { failureReason: failureReasonOf(payment.cancellation_details) } : {}),
    ...(saved && status === 'succeeded' ? { card: saved } : {}),
    ...(last4 ? { paidWith: { last4, brand } } : {}),
  };
}

/** Our payment id, as we put it in `metadata.payment_id` when creating the payment; null when absent. */
export function ourPaymentIdOf(payment: YooKassaPayment): string | null {
  const id = payment.metadata?.payment_id;
  return typeof id === 'string' && id !== '' ? id : null;
}

/** YooKassa's description limit is 128 characters; cut by code points so a Cyrillic letter is never split. */
export function descriptionFor(text: string): string {
  return Array.from(text).slice(0, 128).join('');
}

/**
 * The addresses YooKassa sends notifications from, as its documentation lists them ("Входящие уведомления",
 * the authenticity check). Kept here so one review updates them; they change rarely.
 */
export const YOOKASSA_NOTIFICATION_RANGES = [
  '185.71.76.0/27',
  '185.71.77.0/27',
  '77.75.153.0/25',
  '77.75.156.11/32',
  '77.75.156.35/32',
  '77.75.154.128/25',
  '2a02:5180::/32',
] as const;

const senders = new BlockList();
for (const range of YOOKASSA_NOTIFICATION_RANGES) {
  const [address = '', prefix = ''] = range.split('/');
  senders.addSubnet(address, Number(prefix), isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** Whether an address is one YooKassa sends notifications from (an IPv4-mapped IPv6 address counts as IPv4). */
export function isYooKassaSender(ip: string): boolean {
  const plain = ip.startsWith('::ffff:') && isIP(ip.slice(7)) === 4 ? ip.slice(7) : ip;
  const family = isIP(plain);
  if (family === 0) return false;
  return senders.check(plain, family === 6 ? 'ipv6' : 'ipv4');
}
