import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { RETENTION, runRetention } from './retention-job.ts';

const DAY = 86_400_000;
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const ago = (days: number) => new Date(t.clock.now.getTime() - days * DAY);

async function message(id: string, status: 'queued' | 'delivered' | 'failed', createdDaysAgo: number) {
  await t.db
    .insertInto('outbox')
    .values({
      id,
      channel: 'sms',
      recipient: '79990000000',
      sender: 'Kabinet',
      body: 'x',
      kind: 'test',
      status,
      created_at: ago(createdDaysAgo),
    })
    .execute();
}

describe('retention of tables that only grow', () => {
  it('NOTIF-02 PAY-06 removes finished messages, old idempotency keys and webhook events, fails expired transfer codes, once an hour', async () => {
    const from = await buildSubscriber(t.db, { withLogin: true, now: t.clock.now });
    const to = await buildSubscriber(t.db, { now: t.clock.now });
    const loginId = from.loginId as string;

    await message('msg_old_delivered', 'delivered', RETENTION.finishedMessagesDays + 1);
    await message('msg_old_failed', 'failed', RETENTION.finishedMessagesDays + 1);
    await message('msg_old_queued', 'queued', RETENTION.finishedMessagesDays + 1);
    await message('msg_recent_delivered', 'delivered', 1);
    await t.db
      .insertInto('idempotency_keys')
      .values([
        { key: 'old-key-0001', login_id: loginId, request_hash: Buffer.alloc(32), created_at: ago(8) },
        { key: 'new-key-0001', login_id: loginId, request_hash: Buffer.alloc(32), created_at: ago(1) },
      ])
      .execute();
    await t.db
      .insertInto('acquirer_webhook_events')
      .values([
        { acquirer: 'sandbox', event_id: 'evt_old', type: 'payment.succeeded', received_at: ago(31) },
        { acquirer: 'sandbox', event_id: 'evt_new', type: 'payment.succeeded', received_at: ago(1) },
      ])
      .execute();
    const transfer = (id: string, codeExpiresAt: Date) => ({
      id,
      login_id: loginId,
      from_line_id: from.lineId,
      from_account_id: from.accountId,
      to_line_id: to.lineId,
      to_account_id: to.accountId,
      to_msisdn: to.msisdn,
      amount: 100_00n,
      fee: 6_00n,
      code_hmac: Buffer.alloc(32),
      code_expires_at: codeExpiresAt,
      created_at: t.clock.now,
    });
    await t.db
      .insertInto('mobile_transfers')
      .values([
        transfer('mt_expired', new Date(t.clock.now.getTime() - 60_000)),
        transfer('mt_waiting', new Date(t.clock.now.getTime() + 60_000)),
      ])
      .execute();

    const first = await runRetention(t.db, t.clock.now);
    expect(first).toEqual({ idempotencyKeys: 1, webhookEvents: 1, messages: 2, expiredTransfers: 1 });
    const left = async () => ({
      messages: (
        await t.db.selectFrom('outbox').select('id').where('id', 'like', 'msg_%').orderBy('id').execute()
      ).map((r) => r.id),
      keys: (
        await t.db.selectFrom('idempotency_keys').select('key').where('login_id', '=', loginId).execute()
      ).map((r) => r.key),
      events: (await t.db.selectFrom('acquirer_webhook_events').select('event_id').execute()).map(
        (r) => r.event_id,
      ),
      transfers: await t.db
        .selectFrom('mobile_transfers')
        .select(['id', 'status'])
        .where('login_id', '=', loginId)
        .orderBy('id')
        .execute(),
    });
    expect(await left()).toEqual({
      messages: ['msg_old_queued', 'msg_recent_delivered'],
      keys: ['new-key-0001'],
      events: ['evt_new'],
      transfers: [
        { id: 'mt_expired', status: 'failed' },
        { id: 'mt_waiting', status: 'awaiting_code' },
      ],
    });

    // Another worker in the same hour does nothing; the next hour runs again.
    expect(await runRetention(t.db, new Date(t.clock.now.getTime() + 30 * 60_000))).toBeNull();
    t.clock.advance(RETENTION.everyMs + 1);
    expect(await runRetention(t.db, t.clock.now)).toEqual({
      idempotencyKeys: 0,
      webhookEvents: 0,
      messages: 0,
      expiredTransfers: 1,
    });
  });
});
