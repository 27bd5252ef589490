import { randomBytes } from 'node:crypto';
import { jetstream } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UsageInput } from '../rating/ingest.ts';
import { buildRatedSubscriber, expectLedgerVerifies } from '../rating/test-helpers.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { decodeUsageMessage, encodeUsageMessage, UndecodableMessage } from './decode-usage.ts';
import { ensureUsageStream, UsageConsumer, type UsageStreamNames } from './usage-consumer.ts';

const NOW = new Date('2026-03-10T09:00:00.000Z');

let t: TestApp;
let ncs: NatsConnection[] = [];
let names: UsageStreamNames;

beforeAll(async () => {
  t = await createTestApp({ now: NOW });
  const tag = randomBytes(4).toString('hex');
  names = { stream: `TEST_USAGE_${tag}`, subject: `test.usage.${tag}`, durable: `rating_${tag}` };
  ncs = await Promise.all([1, 2, 3].map(() => connect({ servers: '127.0.0.1:4222' })));
});
afterAll(async () => {
  const [admin] = ncs;
  if (admin) {
    const jsm = await ensureUsageStream(admin, names);
    await jsm.streams.delete(names.stream);
  }
  await Promise.all(ncs.map((nc) => nc.close()));
  await t.close();
});

function calls(msisdn: string, prefix: string, n: number): UsageInput[] {
  return Array.from({ length: n }, (_, i) => ({
    recordId: `${prefix}-${i}`,
    msisdn,
    startedAt: new Date(NOW.getTime() - (i + 1) * 60_000),
    kind: 'sms_out' as const,
    otherParty: '+79160000000',
  }));
}

describe('RATE-01 NATS JetStream consumer', () => {
  it('RATE-01 decodes one record or a batch and names the bad field', () => {
    const [r] = calls('+79001234567', 'd', 1);
    expect(decodeUsageMessage(encodeUsageMessage(r ? [r] : []))).toEqual([r]);
    expect(() =>
      decodeUsageMessage(new TextEncoder().encode('{"recordId":"x","msisdn":"+7","kind":"fax"}')),
    ).toThrow(UndecodableMessage);
    expect(() =>
      decodeUsageMessage(
        new TextEncoder().encode(
          '{"recordId":"x","msisdn":"+7","kind":"data","startedAt":"2026-03-10T10:00"}',
        ),
      ),
    ).toThrow(/startedAt/);
  });

  it('RATE-01 two workers share one stream: each record is rated once, redelivery after a crash changes nothing', async () => {
    const [a, b, publisher] = ncs;
    if (!a || !b || !publisher) throw new Error('no NATS connections');
    await ensureUsageStream(publisher, names, 2_000);
    const subs = await Promise.all(
      [1, 2].map(() => buildRatedSubscriber(t.db, { balance: 1000_00n, now: NOW })),
    );
    const records = subs.flatMap((s, i) => calls(s.msisdn, `nats-${names.durable}-${i}`, 60));
    // Messages of 3 records each, one record sent twice (mediation retries happen).
    const js = jetstream(publisher);
    for (let i = 0; i < records.length; i += 3)
      await js.publish(names.subject, encodeUsageMessage(records.slice(i, i + 3)));
    await js.publish(names.subject, encodeUsageMessage(records.slice(0, 1)));
    await js.publish(names.subject, new TextEncoder().encode('not json'));

    let crashed = false;
    const crashing = new UsageConsumer({
      db: t.db,
      nc: a,
      names,
      batchSize: 5,
      fetchWaitMs: 1000,
      now: () => NOW,
      // The first batch commits, then the worker "dies" before acknowledging it.
      beforeAck: () => {
        if (!crashed) {
          crashed = true;
          throw new Error('killed before ack');
        }
      },
    });
    const steady = new UsageConsumer({
      db: t.db,
      nc: b,
      names,
      batchSize: 5,
      fetchWaitMs: 1000,
      now: () => NOW,
    });
    const [s1, s2] = await Promise.all([crashing.run(4), steady.run(4)]);

    expect(s1.failed).toBe(1);
    expect(s1.messages).toBeGreaterThan(0);
    expect(s2.messages).toBeGreaterThan(0);
    // The crashed batch (5 messages, 15 records) committed but was never acknowledged: redelivered, its records
    // come back as duplicates, like the record the mediation sent twice. Nothing is rated twice.
    expect(s1.accepted + s2.accepted).toBe(120 - 15);
    expect(s1.duplicated + s2.duplicated).toBe(15 + 1);
    expect(s1.undecodable + s2.undecodable).toBe(1);
    const { rows } = await sql<{ n: string; cost: string }>`
      SELECT count(*) AS n, sum(cost) AS cost FROM usage_records
      WHERE line_id = ANY(${subs.map((s) => s.lineId)}::text[])`.execute(t.db);
    expect(Number(rows[0]?.n)).toBe(120);
    const balances = await t.db
      .selectFrom('ledger_accounts')
      .select('balance')
      .where(
        'id',
        'in',
        subs.map((s) => s.ledgerAccountId),
      )
      .execute();
    const spent = balances.reduce((sum, r) => sum + (1000_00n - r.balance), 0n);
    expect(spent).toBe(BigInt(rows[0]?.cost ?? '0'));
    await expectLedgerVerifies(t.db);
    const info = await (await ensureUsageStream(publisher, names)).consumers.info(
      names.stream,
      names.durable,
    );
    expect(info.num_pending + info.num_ack_pending).toBe(0);
  });
});
