/**
 * PAY-03: the code hidden under a voucher's scratch layer. Sixteen digits — fifteen random and a Luhn check digit —
 * printed in groups of four. The check digit catches a mistyped digit before the server looks anything up, so a
 * typo is a format error that costs the subscriber none of their few attempts (and tells an attacker nothing:
 * any fifteen digits have exactly one valid check digit).
 */

export const VOUCHER_CODE_LENGTH = 16;

export type VoucherCode = string & { readonly __brand: 'VoucherCode' };

export type VoucherCodeCheck =
  | { ok: true; code: VoucherCode }
  | { ok: false; problem: 'required' | 'invalid_format' | 'checksum' };

/** The Luhn check digit of a string of digits (the one bank cards use). */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    // Doubling starts from the rightmost digit of the payload (the check digit will sit right of it).
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A code as typed — with spaces, dashes or dots between the groups, full-width digits pasted from a chat — becomes
 * the 16 bare digits the HMAC is computed over; anything else is a format problem.
 */
export function normaliseVoucherCode(text: string): VoucherCodeCheck {
  const halfWidth = text.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const cleaned = halfWidth.replace(/[\s\u00a0\-–—.]/g, '');
  if (cleaned === '') return { ok: false, problem: 'required' };
  if (!/^\d+$/.test(cleaned) || cleaned.length !== VOUCHER_CODE_LENGTH) {
    return { ok: false, problem: 'invalid_format' };
  }
  const payload = cleaned.slice(0, -1);
  if (luhnCheckDigit(payload) !== Number(cleaned.at(-1))) return { ok: false, problem: 'checksum' };
  return { ok: true, code: cleaned as VoucherCode };
}

/** `1234567890123452` → `1234-5678-9012-3452`, as printed on the card and shown once at issue. */
export function formatVoucherCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1-');
}

/** Fifteen uniformly random digits (rejection sampling: no modulo bias) and the check digit. */
export function generateVoucherCode(
  randomBytes: (n: number) => Uint8Array = (n) => globalThis.crypto.getRandomValues(new Uint8Array(n)),
): VoucherCode {
  let payload = '';
  while (payload.length < VOUCHER_CODE_LENGTH - 1) {
    for (const b of randomBytes(32)) {
      if (b < 250 && payload.length < VOUCHER_CODE_LENGTH - 1) payload += String(b % 10);
    }
  }
  return `${payload}${luhnCheckDigit(payload)}` as VoucherCode;
}
