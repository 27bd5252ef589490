import { createTestDatabase } from '@kabinet/db/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runKabinet } from '../test/cli.ts';
import { registerBonusCommands } from './bonus-rules-cli.ts';
import { loadBonusRules } from './points-ledger.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

const kabinet = (...args: string[]) => runKabinet(registerBonusCommands, database.db, ...args);

describe('kabinet bonus rules', () => {
  it('BONUS-01 shows the rules and changes only what it is given, journaled', async () => {
    const shown = await kabinet('bonus', 'rules', 'show');
    expect(shown.out).toEqual([
      'top-up-rubles-per-point: 10.00',
      'top-up-sources: card,autopay,voucher,cash,bank',
      'spending-rubles-per-point: 20.00',
      'spending-accounts: revenue:usage,revenue:fees,revenue:content',
      'expiry-months: 12',
      'expiring-soon-days: 30',
    ]);
    const set = await kabinet(
      'bonus',
      'rules',
      'set',
      '--top-up-rubles-per-point',
      '25,50',
      '--top-up-sources',
      'card, voucher',
      '--expiry-months',
      '6',
    );
    expect(set.code).toBe(0);
    expect(await loadBonusRules(database.db)).toEqual({
      topUpKopecksPerPoint: 25_50n,
      topUpSources: ['card', 'voucher'],
      spendingKopecksPerPoint: 20_00n,
      spendingAccountCodes: ['revenue:usage', 'revenue:fees', 'revenue:content'],
      expiryMonths: 6,
      expiringSoonDays: 30,
    });
    expect(set.out[0]).toBe('top-up-rubles-per-point: 25.50');
    const journal = await database.db
      .selectFrom('journal')
      .select(['actor_kind', 'channel', 'details'])
      .where('action', '=', 'bonus.rules_changed')
      .execute();
    expect(journal).toHaveLength(1);
    expect(journal[0]).toMatchObject({
      actor_kind: 'admin',
      channel: 'console',
      details: {
        before: { topUpKopecksPerPoint: 10_00, expiryMonths: 12 },
        after: { topUpKopecksPerPoint: 25_50, topUpSources: ['card', 'voucher'], expiryMonths: 6 },
      },
    });
  });

  it('BONUS-01 names every bad option and changes nothing', async () => {
    const before = await loadBonusRules(database.db);
    const bad = await kabinet(
      'bonus',
      'rules',
      'set',
      '--spending-rubles-per-point',
      'ten',
      '--expiry-months',
      '0',
    );
    expect(bad.code).toBe(1);
    expect(bad.err).toEqual([
      '--spending-rubles-per-point: not an amount of roubles: ten',
      '--expiry-months: must be a whole number of months, 1–120',
      'Nothing was changed.',
    ]);
    const out = await kabinet(
      'bonus',
      'rules',
      'set',
      '--top-up-sources',
      'card,transfer',
      '--expiry-months',
      '0',
    );
    expect(out.code).toBe(1);
    expect(out.err[0]).toMatch(/^--top-up-sources: .*transfer/);
    expect(out.err[1]).toBe('--expiry-months: must be a whole number of months, 1–120');
    expect(await loadBonusRules(database.db)).toEqual(before);
  });
});
