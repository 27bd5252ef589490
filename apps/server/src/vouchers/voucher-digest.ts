import { hmac } from '../auth/secrets.ts';

/**
 * PAY-03: what is stored of a voucher code — its HMAC with the server secret. A leaked table cannot be turned
 * back into codes (sixteen digits are few enough to enumerate against a plain hash, not against a keyed one).
 */
export function voucherDigest(secret: string, code: string): Buffer {
  return hmac(secret, 'voucher', code);
}
