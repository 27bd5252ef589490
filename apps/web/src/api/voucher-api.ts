import { ApiError, call } from './api-client';

/** Answer to POST /vouchers/redeem (PAY-03). */
export interface VoucherRedeemed {
  paymentId: string;
  serial: string;
  /** Kopecks credited. */
  amount: number;
  phone: string;
  ownLine: boolean;
  /** Kopecks on the topped-up account afterwards; null for someone else's number. */
  balance: number | null;
}

/**
 * POST /vouchers/redeem: tops up a number with a voucher code. `idempotencyKey` is one per attempt (code and
 * number): a double click redeems once, a corrected code is a new attempt.
 */
export function redeemVoucher(
  input: { code: string; phone: string },
  idempotencyKey: string,
): Promise<VoucherRedeemed> {
  return call('POST', '/vouchers/redeem', { body: input, idempotencyKey });
}

/** A demo card to try (demo mode only). */
export interface DemoVoucher {
  serial: string;
  code: string;
  amount: number;
}

/** GET /vouchers/demo: demo cards not redeemed yet; an empty list outside demo mode (the server answers 404). */
export async function getDemoVouchers(signal?: AbortSignal): Promise<DemoVoucher[]> {
  try {
    return (await call<{ vouchers: DemoVoucher[] }>('GET', '/vouchers/demo', { signal })).vouchers;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
}
