import { newId } from '@kabinet/core';
import { createTestDatabase, type TestDatabase } from '@kabinet/db/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordOptionOn, recordTariffOn } from '../history/record-period.ts';
import { buildTariff } from '../test/factories.ts';
import { ingestUsage, type UsageInput } from './ingest.ts';
import { balanceOf, buildRatedSubscriber, expectLedgerVerifies } from './test-helpers.ts';

let database: TestDatabase;
const NOW = new Date();
const now = () => NOW;
const MIN = 60_000;
let seq = 0;

function callAt(msisdn: string, minutesAgo: number, seconds: number): UsageInput {
  seq += 1;
  return {
    recordId: `h-${process.pid}-${seq}`,
    msisdn,
    startedAt: new Date(NOW.getTime() - minutesAgo * MIN),
    kind: 'voice_out',
    otherParty: '+79035550000',
    durationSec: seconds,
  };
}

/** A subscriber on TEST_RATES (2.50 ₽/min), no minutes left, whose line has been active for a month. */
async function longStandingSubscriber() {
  const db = database.db;
  const s = await buildRatedSubscriber(db, { balance: 100_00n, voiceLeft: 0n });
  await db
    .updateTable('lines')
    .set({ activated_at: new Date(NOW.getTime() - 30 * 86_400_000) })
    .where('id', '=', s.lineId)
    .execute();
  return s;
}

async function rowsOf(ids: string[]) {
  return database.db
    .selectFrom('usage_records')
    .select(['id', 'cost', 'from_package'])
    .where('id', 'in', ids)
    .orderBy('started_at')
    .execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database.drop();
});

describe('RATE-02 records are rated on what the line had at their time', () => {
  it('RATE-02 a call made before a tariff change is rated on the old tariff', async () => {
    const db = database.db;
    const s = await longStandingSubscriber();
    const next = await buildTariff(db);
    await db
      .updateTable('tariffs')
      .set({ rates: JSON.stringify({ voice_out_per_min: 900 }) })
      .where('id', '=', next.id)
      .execute();
    // The switch, as the tariff command writes it: history first, then the line.
    await db.transaction().execute(async (trx) => {
      await recordTariffOn(trx, s.lineId, next.id, new Date(NOW.getTime() - 30 * MIN));
      await trx.updateTable('lines').set({ tariff_id: next.id }).where('id', '=', s.lineId).execute();
    });
    const before = callAt(s.msisdn, 60, 60);
    const alsoBefore = callAt(s.msisdn, 31, 60);
    const atChange = callAt(s.msisdn, 30, 60);
    const after = callAt(s.msisdn, 10, 60);
    // All in one batch, arriving after the change: the old ones still cost the old price; the change's own instant
    // is on the new tariff.
    expect((await ingestUsage(db, [after, atChange, before, alsoBefore], { now })).accepted).toBe(4);
    const rows = await rowsOf([before.recordId, alsoBefore.recordId, atChange.recordId, after.recordId]);
    expect(rows.map((r) => [r.id, r.cost])).toEqual([
      [before.recordId, 250n],
      [alsoBefore.recordId, 250n],
      [atChange.recordId, 900n],
      [after.recordId, 900n],
    ]);
    expect(await balanceOf(db, s.ledgerAccountId)).toBe(100_00n - 2n * 250n - 2n * 900n);
    await expectLedgerVerifies(db);
  });

  it('RATE-02 a package connected only after a record does not pay for it', async () => {
    const db = database.db;
    const s = await longStandingSubscriber();
    const optionId = newId('option');
    await db
      .insertInto('options')
      .values({
        id: optionId,
        code: `min-${optionId}`,
        category: 'calls',
        name_ru: 'Минуты',
        name_en: 'Minutes',
      })
      .execute();
    const templateId = newId('package');
    await db
      .insertInto('package_templates')
      .values({
        id: templateId,
        option_id: optionId,
        kind: 'voice',
        amount: 6000n,
        renew: 'fee_period',
        name_ru: 'Минуты',
        name_en: 'Minutes',
      })
      .execute();
    const connectedAt = new Date(NOW.getTime() - 30 * MIN);
    await db.transaction().execute(async (trx) => {
      await recordOptionOn(trx, s.lineId, optionId, connectedAt);
      await trx
        .insertInto('line_options')
        .values({ line_id: s.lineId, option_id: optionId, connected_at: connectedAt })
        .execute();
      // The bucket's period is the line's fee period (as a bucket reused on reconnection keeps): it starts days
      // before the option came on, so only the history can tell that the earlier call may not use it.
      await trx
        .insertInto('buckets')
        .values({
          id: newId('bucket'),
          line_id: s.lineId,
          package_template_id: templateId,
          kind: 'voice',
          total: 6000n,
          used: 0n,
          period_start: new Date(NOW.getTime() - 10 * 86_400_000),
          period_end: new Date(NOW.getTime() + 20 * 86_400_000),
        })
        .execute();
    });
    const before = callAt(s.msisdn, 60, 60);
    const after = callAt(s.msisdn, 10, 60);
    expect((await ingestUsage(db, [before, after], { now })).accepted).toBe(2);
    const rows = await rowsOf([before.recordId, after.recordId]);
    expect(rows.map((r) => [r.id, r.from_package, r.cost])).toEqual([
      [before.recordId, 0n, 250n],
      [after.recordId, 60n, 0n],
    ]);
    const bucket = await db
      .selectFrom('buckets')
      .select('used')
      .where('package_template_id', '=', templateId)
      .executeTakeFirstOrThrow();
    expect(bucket.used).toBe(60n);
    await expectLedgerVerifies(db);
  });
});
