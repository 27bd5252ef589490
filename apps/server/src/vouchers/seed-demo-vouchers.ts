import { formatVoucherCode, luhnCheckDigit, newId, VOUCHER_RULES } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { sql } from 'kysely';
import { hmac } from '../auth/secrets.ts';
import { voucherDigest } from './voucher-digest.ts';

const DEMO_NOMINALS = [100_00n, 100_00n, 300_00n, 300_00n, 500_00n, 500_00n, 1_000_00n, 1_000_00n];

export interface DemoVoucher {
  serial: string;
  code: string;
  amount: bigint;
  /** False once someone redeemed it. */
  active: boolean;
}

/** Demo code number `i`: fifteen digits derived from the secret (stable across reseeds) and the check digit. */
function demoCode(secret: string, i: number): string {
  let payload = '';
  for (const b of hmac(secret, 'demo-voucher', String(i))) {
    if (b < 250 && payload.length < 15) payload += String(b % 10);
  }
  return `${payload}${luhnCheckDigit(payload)}`;
}

/**
 * PAY-03 demo: a batch `demo` of vouchers whose codes derive from the server secret, so seeding twice adds
 * nothing and the codes can be shown again (the demo page, the seeder's summary, journeys). Real batches come
 * from `kabinet vouchers issue`, whose codes are random and never stored.
 */
export async function seedDemoVouchers(
  db: Db,
  secret: string,
  now: Date = new Date(),
): Promise<DemoVoucher[]> {
  const codes = DEMO_NOMINALS.map((amount, i) => ({ amount, code: demoCode(secret, i) }));
  const present = async () =>
    db.selectFrom('vouchers').select(['serial', 'status', 'code_hmac']).where('batch', '=', 'demo').execute();
  let rows = await present();
  // Only the missing ones: an INSERT that conflicts would still draw a serial from the sequence.
  const missing = codes.filter(
    ({ code }) => !rows.some((r) => r.code_hmac.equals(voucherDigest(secret, code))),
  );
  for (const { amount, code } of missing) {
    await db
      .insertInto('vouchers')
      .values({
        id: newId('voucher', now),
        serial: sql<string>`'V' || lpad(nextval('voucher_serial_seq')::text, 9, '0')`,
        code_hmac: voucherDigest(secret, code),
        amount,
        batch: 'demo',
        expires_at: new Date(now.getTime() + VOUCHER_RULES.validityDays * 86_400_000),
        created_at: now,
      })
      .onConflict((oc) => oc.column('code_hmac').doNothing())
      .execute();
  }
  if (missing.length > 0) rows = await present();
  return codes.flatMap(({ amount, code }) => {
    const row = rows.find((r) => r.code_hmac.equals(voucherDigest(secret, code)));
    return row
      ? [{ serial: row.serial, code: formatVoucherCode(code), amount, active: row.status === 'active' }]
      : [];
  });
}
