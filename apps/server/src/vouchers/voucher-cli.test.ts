import { normaliseVoucherCode } from '@kabinet/core';
import { createTestDatabase } from '@kabinet/db/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKabinet } from '../test/cli.ts';
import { TEST_SECRET } from '../test/harness.ts';
import { registerVoucherCommands } from './voucher-cli.ts';
import { voucherDigest } from './voucher-digest.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

/** Runs `kabinet …` against the test database and returns what it printed. */
async function kabinet(...args: string[]): Promise<string[]> {
  return (await runKabinet(registerVoucherCommands, database.db, ...args)).out;
}

describe('kabinet vouchers issue', () => {
  it('PAY-03 prints each code once as CSV and stores only its HMAC', async () => {
    const lines = await kabinet('vouchers', 'issue', '--count', '3', '--amount', '500', '--batch', 'shop-1');
    expect(lines[0]).toBe('serial,code,amount_rub,expires_at');
    const cards = lines.slice(1).map((line) => line.split(','));
    expect(cards).toHaveLength(3);
    const stored = await database.db
      .selectFrom('vouchers')
      .selectAll()
      .where('batch', '=', 'shop-1')
      .execute();
    expect(stored).toHaveLength(3);
    for (const [serial, code, amount] of cards) {
      expect(amount).toBe('500.00');
      const normal = normaliseVoucherCode(code ?? '');
      if (!normal.ok) throw new Error(`printed code ${code} is not valid`);
      const row = stored.find((r) => r.serial === serial);
      expect(row?.code_hmac.equals(voucherDigest(TEST_SECRET, normal.code))).toBe(true);
      expect(row).toMatchObject({ amount: 500_00n, status: 'active' });
    }
  });

  it('PAY-03 refuses an amount that is not roubles and a nominal out of range, issuing nothing', async () => {
    await kabinet('vouchers', 'issue', '--count', '1', '--amount', '5.005', '--batch', 'bad-1');
    await kabinet('vouchers', 'issue', '--count', '1', '--amount', '20000', '--batch', 'bad-2');
    const stored = await database.db
      .selectFrom('vouchers')
      .select('id')
      .where('batch', 'in', ['bad-1', 'bad-2'])
      .execute();
    expect(stored).toEqual([]);
    process.exitCode = undefined;
  });
});
