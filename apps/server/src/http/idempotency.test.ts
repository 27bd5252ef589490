/**
 * runIdempotentWrites through its first user, the card top-up (POST /api/v1/payments/card): the key row and the
 * command's writes in one statement, on real PostgreSQL. A replay writes nothing and answers the stored result.
 */
import { newId } from '@kabinet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession, subscriberWithClient } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import type { TestClient } from '../test/http-client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const topUp = (client: TestClient, body: Record<string, unknown>, key: string) =>
  client.post('/api/v1/payments/card', body, { 'idempotency-key': key });

/** What a login's top-ups wrote: its payments, its `payment.started` journal rows and its idempotency keys. */
async function writtenBy(loginId: string) {
  const [payments, journal, keys] = await Promise.all([
    t.db
      .selectFrom('payments')
      .select(['id', 'amount', 'status', 'idempotency_key', 'line_id', 'msisdn'])
      .where('payer_login_id', '=', loginId)
      .execute(),
    t.db
      .selectFrom('journal')
      .select(['actor_kind', 'actor_id', 'channel', 'line_id', 'login_id', 'outcome', 'details', 'ip'])
      .where('login_id', '=', loginId)
      .where('action', '=', 'payment.started')
      .execute(),
    t.db
      .selectFrom('idempotency_keys')
      .select(['key', 'status_code', 'response', 'completed_at'])
      .where('login_id', '=', loginId)
      .execute(),
  ]);
  return { payments, journal, keys };
}

describe('idempotent commands written in one statement (runIdempotentWrites)', () => {
  it('PAY-01 a replayed top-up answers the same body with Idempotent-Replayed and writes one payment and one journal row', async () => {
    const sub = await subscriberWithClient(t);
    const loginId = sub.loginId as string;
    const body = { lineId: sub.lineId, amount: 500_00 };
    const first = await topUp(sub.client, body, 'replay-key-0001');
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await topUp(sub.client, body, 'replay-key-0001');
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());

    const paymentId = first.json().payment.id;
    const written = await writtenBy(loginId);
    expect(written.payments).toEqual([
      {
        id: paymentId,
        amount: 500_00n,
        status: 'pending',
        idempotency_key: `card:${loginId}:replay-key-0001`,
        line_id: sub.lineId,
        msisdn: sub.msisdn,
      },
    ]);
    // The journal row recordJournal writes for it.
    expect(written.journal).toEqual([
      {
        actor_kind: 'subscriber',
        actor_id: loginId,
        channel: 'web',
        line_id: sub.lineId,
        login_id: loginId,
        outcome: 'ok',
        details: { paymentId, source: 'card', amount: 500_00 },
        ip: expect.any(String),
      },
    ]);
    expect(written.keys).toEqual([
      { key: 'replay-key-0001', status_code: 201, response: first.json(), completed_at: t.clock.now },
    ]);
    // The payment is real: its status page answers it.
    expect((await sub.client.get(`/api/v1/payments/${paymentId}`)).json()).toMatchObject({
      id: paymentId,
      status: 'pending',
      amount: 500_00,
    });
  });

  it('PAY-02 a replayed top-up of another number writes its one payment and journal row once', async () => {
    const payer = await subscriberWithClient(t);
    const other = await buildSubscriber(t.db);
    const body = { msisdn: other.msisdn, amount: 1_000_00 };
    const first = await topUp(payer.client, body, 'replay-key-0002');
    expect(first.statusCode, first.body).toBe(201);
    const again = await topUp(payer.client, body, 'replay-key-0002');
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const written = await writtenBy(payer.loginId as string);
    expect(written.payments).toEqual([
      expect.objectContaining({ line_id: other.lineId, msisdn: other.msisdn }),
    ]);
    expect(written.journal).toEqual([
      expect.objectContaining({
        line_id: null,
        details: {
          paymentId: first.json().payment.id,
          source: 'card',
          amount: 1_000_00,
          msisdn: other.msisdn,
        },
      }),
    ]);
  });

  it('PAY-01 the same key with another body is 409 idempotency_conflict and writes nothing', async () => {
    const sub = await subscriberWithClient(t);
    const first = await topUp(sub.client, { lineId: sub.lineId, amount: 500_00 }, 'conflict-key-0001');
    expect(first.statusCode, first.body).toBe(201);
    const before = await writtenBy(sub.loginId as string);
    for (const body of [
      { lineId: sub.lineId, amount: 600_00 },
      { lineId: sub.lineId, amount: 500_00, saveCard: true },
      { msisdn: sub.msisdn, amount: 500_00 },
    ]) {
      const other = await topUp(sub.client, body, 'conflict-key-0001');
      expect(other.statusCode, JSON.stringify(body)).toBe(409);
      expect(other.json().code).toBe('idempotency_conflict');
      expect(other.headers['idempotent-replayed']).toBeUndefined();
    }
    expect(await writtenBy(sub.loginId as string)).toEqual(before);
    expect(before.payments).toHaveLength(1);
    expect(before.journal).toHaveLength(1);
    // The key is per login: another login's same key is its own first use.
    const bob = await subscriberWithClient(t);
    const bobs = await topUp(bob.client, { lineId: bob.lineId, amount: 500_00 }, 'conflict-key-0001');
    expect(bobs.statusCode, bobs.body).toBe(201);
    expect(bobs.headers['idempotent-replayed']).toBeUndefined();
  });

  it('PAY-01 concurrent requests with one key make one payment; every answer is the first one', async () => {
    const sub = await subscriberWithClient(t);
    await sub.client.get('/api/v1/auth/csrf');
    const body = { lineId: sub.lineId, amount: 700_00 };
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => topUp(sub.client, body, 'concurrent-key-0001')),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(201));
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === undefined)).toHaveLength(1);
    const ids = new Set(answers.map((a) => a.json().payment.id));
    expect(ids.size).toBe(1);
    const written = await writtenBy(sub.loginId as string);
    expect(written.payments.map((p) => p.id)).toEqual([...ids]);
    expect(written.journal).toHaveLength(1);
    expect(written.keys).toHaveLength(1);
  });

  it('PAY-01 concurrent requests with one key and different bodies: one payment, the others 409', async () => {
    const sub = await subscriberWithClient(t);
    await sub.client.get('/api/v1/auth/csrf');
    const answers = await Promise.all(
      [500_00, 600_00, 700_00, 800_00].map((amount) =>
        topUp(sub.client, { lineId: sub.lineId, amount }, 'concurrent-key-0002'),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409, 409, 409]);
    const written = await writtenBy(sub.loginId as string);
    expect(written.payments).toHaveLength(1);
    expect(written.journal).toHaveLength(1);
  });

  it('PAY-01 a top-up of a line reached through a revoked or expired grant is 404; a live one pays', async () => {
    const payer = await subscriberWithClient(t);
    const loginId = payer.loginId as string;
    const grantOn = async (values: {
      revoked?: boolean;
      expiresInMs?: number;
      access?: 'full' | 'partial';
    }) => {
      const line = await buildSubscriber(t.db);
      await t.db
        .insertInto('grants')
        .values({
          id: newId('grant'),
          login_id: loginId,
          line_id: line.lineId,
          role: 'delegate',
          access: values.access ?? 'full',
          expires_at:
            values.expiresInMs === undefined ? null : new Date(t.clock.now.getTime() + values.expiresInMs),
          revoked_at: values.revoked ? t.clock.now : null,
        })
        .execute();
      return line.lineId;
    };
    const cases: Array<[Parameters<typeof grantOn>[0], number]> = [
      [{ revoked: true }, 404],
      [{ expiresInMs: -1 }, 404],
      [{ expiresInMs: 0 }, 404],
      [{ expiresInMs: 60_000 }, 201],
      [{ access: 'partial' }, 201],
    ];
    let n = 0;
    for (const [grant, status] of cases) {
      const lineId = await grantOn(grant);
      const res = await topUp(payer.client, { lineId, amount: 500_00 }, `grant-key-${++n}-000`);
      expect(res.statusCode, JSON.stringify(grant)).toBe(status);
      if (status === 404) expect(res.json().code).toBe('not_found');
    }
    const unknown = await topUp(
      payer.client,
      { lineId: 'line_doesnotexist', amount: 500_00 },
      'grant-key-x-000',
    );
    expect(unknown.statusCode).toBe(404);
    // A partial session reaches a partial grant's line too: money only comes in.
    const partial = await buildSubscriber(t.db, { withLogin: true });
    await t.db
      .updateTable('grants')
      .set({ access: 'partial' })
      .where('line_id', '=', partial.lineId)
      .execute();
    const { client } = await clientWithSession(t, partial.loginId as string, { access: 'partial' });
    expect(
      (await topUp(client, { lineId: partial.lineId, amount: 500_00 }, 'grant-key-p-000')).statusCode,
    ).toBe(201);
    expect((await writtenBy(loginId)).payments).toHaveLength(2);
  });
});
