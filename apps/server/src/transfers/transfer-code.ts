import { randomInt } from 'node:crypto';
import { formatRubles, maskPhone } from '@kabinet/core';
import { hmac } from '../auth/secrets.ts';

/** A fresh 6-digit confirmation code. */
export function newTransferCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The stored form of a transfer's code: an HMAC bound to that transfer, so it confirms nothing else. */
export function transferCodeDigest(secret: string, transferId: string, code: string): Buffer {
  return hmac(secret, 'otp', 'mobile_transfer', transferId, code);
}

/** The SMS: what is confirmed (amount, fee, masked recipient) so a phished code is recognisable as such. */
export function transferCodeSms(code: string, input: { amount: bigint; fee: bigint; to: string }): string {
  const amount = formatRubles(input.amount);
  const fee = formatRubles(input.fee);
  const to = maskPhone(input.to);
  return (
    `Код ${code} — перевод ${amount} ₽ на ${to}, комиссия ${fee} ₽. Никому не сообщайте код. / ` +
    `Code ${code}: transfer of ${amount} RUB to ${to}, fee ${fee} RUB. Do not share it.`
  );
}
