import { createTestDatabase, type TestDatabase } from '@kabinet/db/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestUsage, type UsageInput } from './ingest.ts';
import {
  balanceOf,
  bucketUsed,
  buildRatedSubscriber,
  expectLedgerVerifies,
  expectTransfersMatchRecords,
} from './test-helpers.ts';

let database: TestDatabase;
const NOW = new Date();
const now = () => NOW;
let seq = 0;

function call(msisdn: string, seconds: number, over: Partial<UsageInput> = {}): UsageInput {
  seq += 1;
  return {
    recordId: `t-${process.pid}-${seq}`,
    msisdn,
    startedAt: new Date(NOW.getTime() - 3_600_000 + seq * 1000),
    kind: 'voice_out',
    otherParty: '+79035550000',
    durationSec: seconds,
    ...over,
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await expectLedgerVerifies(database.db);
  await database.drop();
});

describe('RATE-02 ingestion rates records against packages and prices', () => {
  it('RATE-02 takes the package first, charges the rest, and keeps cost, consumption, balance after and transfer', async () => {
    const db = database.db;
    const s = await buildRatedSubscriber(db, { balance: 100_00n, voiceLeft: 30n });
    const record = call(s.msisdn, 90);
    const summary = await ingestUsage(db, [record], { now });
    expect(summary).toEqual({ accepted: 1, duplicated: 0, rejected: [] });
    // 90 s → 120 billable on a per-minute tariff: 30 s from the package, 90 s at 2.50 ₽/min = 3.75 ₽.
    const row = await db
      .selectFrom('usage_records')
      .selectAll()
      .where('id', '=', record.recordId)
      .executeTakeFirstOrThrow();
    expect(row.from_package).toBe(30n);
    expect(row.cost).toBe(375n);
    expect(row.balance_after).toBe(100_00n - 375n);
    expect(row.rated_at?.getTime()).toBe(NOW.getTime());
    const transfer = await db
      .selectFrom('ledger_transfers')
      .selectAll()
      .where('id', '=', row.transfer_id ?? '')
      .executeTakeFirstOrThrow();
    expect(transfer.amount).toBe(375n);
    expect(transfer.kind).toBe('usage');
    expect(transfer.line_id).toBe(s.lineId);
    expect(await balanceOf(db, s.ledgerAccountId)).toBe(100_00n - 375n);
    const voice = await db
      .selectFrom('buckets')
      .select(['total', 'used'])
      .where('line_id', '=', s.lineId)
      .where('kind', '=', 'voice')
      .executeTakeFirstOrThrow();
    expect(voice.used).toBe(voice.total);
    await expectLedgerVerifies(db);
  });

  it('RATE-02 keeps a running balance per account and one transfer per account per batch whose sum matches', async () => {
    const db = database.db;
    const a = await buildRatedSubscriber(db, { balance: 50_00n, voiceLeft: 0n });
    const b = await buildRatedSubscriber(db, { balance: 10_00n, voiceLeft: 0n });
    const records = [
      call(a.msisdn, 60),
      call(b.msisdn, 120),
      call(a.msisdn, 1),
      call(b.msisdn, 61),
      call(a.msisdn, 0),
    ];
    const summary = await ingestUsage(db, records, { now });
    expect(summary.accepted).toBe(5);
    const rows = await db
      .selectFrom('usage_records')
      .selectAll()
      .where(
        'id',
        'in',
        records.map((r) => r.recordId),
      )
      .orderBy('started_at')
      .execute();
    const ofA = rows.filter((r) => r.line_id === a.lineId);
    expect(ofA.map((r) => r.cost)).toEqual([250n, 250n, 0n]);
    expect(ofA.map((r) => r.balance_after)).toEqual([47_50n, 45_00n, 45_00n]);
    expect(ofA[2]?.transfer_id).toBeNull();
    expect(new Set(ofA.slice(0, 2).map((r) => r.transfer_id)).size).toBe(1);
    const ofB = rows.filter((r) => r.line_id === b.lineId);
    expect(ofB.map((r) => r.balance_after)).toEqual([5_00n, 0n]);
    expect(await balanceOf(db, b.ledgerAccountId)).toBe(0n);
    await expectTransfersMatchRecords(db);
  });

  it('RATE-02 rates SMS and data from their packages and roaming by the zone', async () => {
    const db = database.db;
    const s = await buildRatedSubscriber(db, { balance: 500_00n });
    const smsBefore = await bucketUsed(db, s.lineId, 'sms');
    const dataBefore = await bucketUsed(db, s.lineId, 'data');
    const summary = await ingestUsage(
      db,
      [
        call(s.msisdn, 0, { kind: 'sms_out', durationSec: undefined }),
        call(s.msisdn, 0, { kind: 'data', durationSec: undefined, bytes: 1000, otherParty: undefined }),
        call(s.msisdn, 30, { zone: 'europe' }),
        call(s.msisdn, 0, { kind: 'sms_in', durationSec: undefined }),
      ],
      { now },
    );
    expect(summary.accepted).toBe(4);
    expect(await bucketUsed(db, s.lineId, 'sms')).toBe(smsBefore + 1n);
    // Data is billed per started megabyte by default: 1000 bytes take a whole MB of the package.
    expect(await bucketUsed(db, s.lineId, 'data')).toBe(dataBefore + 1_048_576n);
    expect(await balanceOf(db, s.ledgerAccountId)).toBe(500_00n - 49_00n);
  });
});

describe('RATE-01 exactly once, and bad input rejected', () => {
  it('RATE-01 ingesting the same record twice changes nothing', async () => {
    const db = database.db;
    const s = await buildRatedSubscriber(db, { balance: 100_00n, voiceLeft: 0n });
    const record = call(s.msisdn, 60);
    expect(await ingestUsage(db, [record, record], { now })).toEqual({
      accepted: 1,
      duplicated: 1,
      rejected: [],
    });
    const after = await balanceOf(db, s.ledgerAccountId);
    expect(await ingestUsage(db, [record], { now })).toEqual({ accepted: 0, duplicated: 1, rejected: [] });
    expect(await balanceOf(db, s.ledgerAccountId)).toBe(after);
    expect(after).toBe(100_00n - 250n);
    await expectLedgerVerifies(db);
  });

  it('RATE-01 counts a repeated id and time in one batch once, and the same id at another time as another record', async () => {
    const db = database.db;
    const s = await buildRatedSubscriber(db, { balance: 100_00n, voiceLeft: 0n });
    const first = call(s.msisdn, 60);
    const later = { ...first, startedAt: new Date(first.startedAt.getTime() + 1000) };
    expect(await ingestUsage(db, [first, later, later, first], { now })).toEqual({
      accepted: 2,
      duplicated: 2,
      rejected: [],
    });
    expect(await balanceOf(db, s.ledgerAccountId)).toBe(100_00n - 2n * 250n);
  });

  it('RATE-01 stores record ids and other parties with backslashes and tabs exactly as sent', async () => {
    const db = database.db;
    const s = await buildRatedSubscriber(db, { balance: 100_00n, voiceLeft: 0n });
    const record = call(s.msisdn, 60, {
      recordId: `t\\N-${process.pid}-${seq}`,
      otherParty: 'a\tb\\N\nc',
    });
    expect((await ingestUsage(db, [record], { now })).accepted).toBe(1);
    const row = await db
      .selectFrom('usage_records')
      .select(['id', 'other_party'])
      .where('line_id', '=', s.lineId)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ id: record.recordId, other_party: record.otherParty });
    // Sent again, it is a duplicate: the stored key is the one sent.
    expect(await ingestUsage(db, [record], { now })).toEqual({ accepted: 0, duplicated: 1, rejected: [] });
  });

  it('RATE-01 rejects an unknown number and malformed records with their index, and rates the rest', async () => {
    const db = database.db;
    const s = await buildRatedSubscriber(db, { balance: 100_00n, voiceLeft: 0n });
    const good = call(s.msisdn, 60);
    const summary = await ingestUsage(
      db,
      [
        call('+79999999999', 60),
        good,
        call(s.msisdn, -5),
        call('8916', 60),
        call(s.msisdn, 60, { startedAt: new Date(Number.NaN) }),
        call(s.msisdn, 60, { zone: 'mars' }),
        call(s.msisdn, 0, { kind: 'data', durationSec: undefined }),
      ],
      { now, firstIndex: 2 },
    );
    expect(summary.accepted).toBe(1);
    expect(summary.rejected.map((r) => [r.index, r.reason.split(':')[0]])).toEqual([
      [2, 'unknown_number'],
      [4, 'bad_duration'],
      [5, 'bad_number'],
      [6, 'bad_time'],
      [7, 'zone_not_priced'],
      [8, 'bad_bytes'],
    ]);
    expect(await balanceOf(db, s.ledgerAccountId)).toBe(100_00n - 250n);
    const stored = await db
      .selectFrom('usage_records')
      .select('id')
      .where('line_id', '=', s.lineId)
      .execute();
    expect(stored.map((r) => r.id)).toEqual([good.recordId]);
  });

  it('RATE-01 rejects a record from the future, one for a closed line and a kind the tariff does not sell', async () => {
    const db = database.db;
    const s = await buildRatedSubscriber(db, { balance: 100_00n });
    const closed = await buildRatedSubscriber(db, { balance: 100_00n });
    await db.updateTable('lines').set({ status: 'closed' }).where('id', '=', closed.lineId).execute();
    const summary = await ingestUsage(
      db,
      [
        call(s.msisdn, 60, { startedAt: new Date(NOW.getTime() + 2 * 3_600_000) }),
        call(closed.msisdn, 60),
        call(s.msisdn, 0, { kind: 'mms_out', durationSec: undefined }),
      ],
      { now },
    );
    expect(summary.accepted).toBe(0);
    expect(summary.rejected.map((r) => r.reason.split(':')[0])).toEqual([
      'in_future',
      'line_closed',
      'not_priced',
    ]);
    expect(await balanceOf(db, s.ledgerAccountId)).toBe(100_00n);
    expect(await balanceOf(db, closed.ledgerAccountId)).toBe(100_00n);
  });

  it('RATE-01 several workers ingesting overlapping batches at once charge each record exactly once', async () => {
    const db = database.db;
    const subs = await Promise.all(
      [1, 2, 3].map(() => buildRatedSubscriber(db, { balance: 1000_00n, voiceLeft: 0n })),
    );
    const records = Array.from({ length: 90 }, (_, i) => call(subs[i % 3]?.msisdn ?? '', 60));
    const workers = [0, 1, 2, 3].map((w) => {
      const mine = records.filter((_, i) => (i + w) % 2 === 0).reverse();
      return ingestUsage(db, mine, { now });
    });
    const results = await Promise.all(workers);
    expect(results.reduce((s, r) => s + r.accepted, 0)).toBe(90);
    for (const s of subs) expect(await balanceOf(db, s.ledgerAccountId)).toBe(1000_00n - 30n * 250n);
    await expectTransfersMatchRecords(db);
    await expectLedgerVerifies(db);
  });
});
