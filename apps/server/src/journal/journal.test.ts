import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode, TestClient } from '../test/http-client.ts';
import { recordJournal } from './record.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A subscriber with a session and a journal of a code login plus `extra` entries from other channels. */
async function subscriberWithHistory(extra: number) {
  const sub = await buildSubscriber(t.db);
  const client = await loginWithCode(t, sub.msisdn);
  for (let i = 0; i < extra; i++) {
    await recordJournal(t.db, {
      actorKind: i % 2 === 0 ? 'system' : 'agent',
      channel: i % 2 === 0 ? 'system' : 'console',
      lineId: sub.lineId,
      action: i % 2 === 0 ? 'fee.charged' : 'tariff.changed',
      outcome: i % 3 === 0 ? 'failed' : 'ok',
      details: { n: i },
    });
  }
  return { sub, client };
}

describe('operations journal', () => {
  it('ACCESS-12 shows every channel and actor, newest first, with the owner named', async () => {
    const { sub, client } = await subscriberWithHistory(2);
    const res = await client.get(`/api/v1/lines/${sub.lineId}/journal`);
    expect(res.statusCode).toBe(200);
    const entries = res.json().entries;
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      'tariff.changed',
      'fee.charged',
      'auth.login',
      'auth.registered',
      'auth.code_sent',
    ]);
    expect(entries[2]).toMatchObject({
      channel: 'web',
      actor: { kind: 'subscriber', name: sub.name },
      outcome: 'ok',
      details: { method: 'sms_code' },
    });
    expect(entries[0]).toMatchObject({ channel: 'console', actor: { kind: 'agent', name: null } });
    expect(res.json().nextBefore).toBeNull();
  });

  it('ACCESS-12 pages by keyset without gaps or repeats, even while entries are added', async () => {
    const { sub, client } = await subscriberWithHistory(12);
    const seen: string[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const res = await client.get(
        `/api/v1/lines/${sub.lineId}/journal?limit=5${before ? `&before=${before}` : ''}`,
      );
      const body: { entries: Array<{ id: string }>; nextBefore: string | null } = res.json();
      seen.push(...body.entries.map((e) => e.id));
      before = body.nextBefore;
      pages += 1;
      if (pages === 1)
        await recordJournal(t.db, {
          actorKind: 'system',
          channel: 'system',
          lineId: sub.lineId,
          action: 'fee.charged',
        });
    } while (before);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(15);
    expect(new Set(seen).size).toBe(15);
    expect([...seen].sort((a, b) => Number(b) - Number(a))).toEqual(seen);
  });

  it('ACCESS-12 orders by time even when entries were written out of order, and pages across them', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    // An import writes history late: ids ascend while times go back and forth.
    for (const day of [20, 5, 12, 1, 28]) {
      await t.db
        .insertInto('journal')
        .values({
          at: new Date(Date.UTC(2026, 9, day, 12)),
          actor_kind: 'system',
          channel: 'system',
          line_id: sub.lineId,
          action: 'option.connected',
          details: JSON.stringify({ day }),
        })
        .execute();
    }
    const days: number[] = [];
    let before: string | null = null;
    do {
      const url = `/api/v1/lines/${sub.lineId}/journal?action=option.&limit=2${before ? `&before=${before}` : ''}`;
      const body: { entries: Array<{ details: { day: number } }>; nextBefore: string | null } = (
        await client.get(url)
      ).json();
      days.push(...body.entries.map((e) => e.details.day));
      before = body.nextBefore;
    } while (before);
    expect(days).toEqual([28, 20, 12, 5, 1]);
  });

  it('ACCESS-12 the action filter takes several prefixes', async () => {
    const { sub, client } = await subscriberWithHistory(4);
    const entries = (await client.get(`/api/v1/lines/${sub.lineId}/journal?action=fee.,tariff.`)).json()
      .entries;
    expect(entries.map((e: { action: string }) => e.action).sort()).toEqual([
      'fee.charged',
      'fee.charged',
      'tariff.changed',
      'tariff.changed',
    ]);
  });

  it('ACCESS-12 filters by channel, action prefix, outcome and time', async () => {
    const { sub, client } = await subscriberWithHistory(6);
    const url = `/api/v1/lines/${sub.lineId}/journal`;
    const console = (await client.get(`${url}?channel=console`)).json().entries;
    expect(console).toHaveLength(3);
    expect(console.every((e: { channel: string }) => e.channel === 'console')).toBe(true);
    const auth = (await client.get(`${url}?action=auth.`)).json().entries;
    expect(auth.map((e: { action: string }) => e.action).sort()).toEqual([
      'auth.code_sent',
      'auth.login',
      'auth.registered',
    ]);
    const failed = (await client.get(`${url}?outcome=failed`)).json().entries;
    expect(failed.map((e: { details: { n: number } }) => e.details.n).sort()).toEqual([0, 3]);
    const all = (await client.get(url)).json().entries;
    const newest = new Date(all[0].at);
    const future = new Date(newest.getTime() + 60_000).toISOString();
    expect((await client.get(`${url}?from=${encodeURIComponent(future)}`)).json().entries).toEqual([]);
    const past = new Date(newest.getTime() - 3600_000).toISOString();
    expect((await client.get(`${url}?to=${encodeURIComponent(past)}`)).json().entries).toEqual([]);
    const yesterday = new Date(newest.getTime() - 86_400_000 * 2).toISOString().slice(0, 10);
    expect((await client.get(`${url}?from=${yesterday}`)).json().entries).toHaveLength(all.length);
  });

  it('ACCESS-12 refuses bad filters with field errors', async () => {
    const { sub, client } = await subscriberWithHistory(0);
    const url = `/api/v1/lines/${sub.lineId}/journal`;
    for (const query of [
      'limit=0',
      'limit=101',
      'channel=fax',
      'outcome=maybe',
      'from=yesterday',
      'before=-1',
      "action=a'b",
    ]) {
      const res = await client.get(`${url}?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
  });

  it("ACCESS-12 another subscriber's journal is not found, and the refusal is journaled as denied", async () => {
    const { sub } = await subscriberWithHistory(1);
    const other = await buildSubscriber(t.db);
    const stranger = await loginWithCode(t, other.msisdn);
    const res = await stranger.get(`/api/v1/lines/${sub.lineId}/journal`);
    expect(res.statusCode).toBe(404);
    const me = (await stranger.get('/api/v1/me')).json();
    const denied = await t.db
      .selectFrom('journal')
      .select(['action', 'outcome', 'details', 'line_id'])
      .where('login_id', '=', me.login.id)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toEqual([
      expect.objectContaining({
        action: 'access.denied',
        line_id: null,
        details: expect.objectContaining({ route: '/api/v1/lines/:lineId/journal', code: 'not_found' }),
      }),
    ]);
    expect((await new TestClient(t).get(`/api/v1/lines/${sub.lineId}/journal`)).statusCode).toBe(401);
  });
});
