import { newId } from '@kabinet/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession, inbox } from '../test/access-helpers.ts';
import { buildSubscriber, uniqueMsisdn } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode, type TestClient } from '../test/http-client.ts';
import { simSnapshot } from './test-helpers.ts';
import { loadUnblockSettings, saveUnblockSettings } from './unblock-settings.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterEach(async () => {
  await t.db
    .updateTable('sim_unblock_settings')
    .set({ mode: 'self_service', max_attempts: 5, codes_per_day: 5 })
    .execute();
});
afterAll(async () => {
  await t.close();
});

/** A subscriber whose SIM is blocked as lost, with a recovery phone (or none), logged in with full access. */
async function lostSim(options: { recovery?: string | null } = {}) {
  const sub = await buildSubscriber(t.db, { balance: 100_00n });
  const cardId = newId('simCard');
  await t.db
    .insertInto('sim_cards')
    .values({
      id: cardId,
      line_id: sub.lineId,
      kind: 'physical',
      status: 'active',
      iccid: `8970199${Date.now()}5678`,
    })
    .execute();
  const client = await loginWithCode(t, sub.msisdn);
  const recovery = options.recovery === undefined ? uniqueMsisdn() : options.recovery;
  await t.db
    .updateTable('logins')
    .set({ recovery_phone: recovery })
    .where('identifier', '=', sub.msisdn)
    .execute();
  expect((await client.post(`/api/v1/lines/${sub.lineId}/sim/block`, { reason: 'lost' })).statusCode).toBe(
    200,
  );
  return { sub, client, recovery, cardId, url: `/api/v1/lines/${sub.lineId}/sim` };
}

/** The newest unblock code the virtual phone got; the outbox delivers after the commit, so wait a little. */
async function codeSentTo(phone: string, not?: string): Promise<string> {
  for (let i = 0; i < 40; i++) {
    const [last] = (await inbox(t, phone)).filter((body) => body.includes('разблокировки'));
    const code = /: (\d{6})\./.exec(last ?? '')?.[1];
    if (code && code !== not) return code;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no new unblock code for ${phone}`);
}

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');
const send = (client: TestClient, url: string) => client.post(`${url}/unblock/code`);
const unblock = (client: TestClient, url: string, code: string) => client.post(`${url}/unblock`, { code });

describe('SVC-09 unblocking a lost SIM', () => {
  it('SVC-09 unblocks a lost SIM with a code sent to the recovery phone, never to the blocked number', async () => {
    const { sub, client, recovery, cardId, url } = await lostSim();
    expect((await client.get(url)).json()).toMatchObject({
      unblock: 'self_service',
      unblockContact: `+7 ••• •••-••-${(recovery as string).slice(-2)}`,
    });
    // Journal entries of one instant have no order: each step gets its own second.
    t.clock.advance(1000);
    const sent = await send(client, url);
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toEqual({
      sentTo: expect.stringMatching(/^\+7 ••• /),
      expiresAt: new Date(t.clock.now.getTime() + 600_000).toISOString(),
      attemptsLeft: 5,
    });
    const code = await codeSentTo(recovery as string);
    expect((await inbox(t, sub.msisdn)).join('\n')).not.toContain(code);
    const stored = await t.db
      .selectFrom('sim_unblock_codes')
      .select('code_hmac')
      .where('line_id', '=', sub.lineId)
      .execute();
    expect(stored[0]?.code_hmac.toString('utf8')).not.toContain(code);

    t.clock.advance(1000);
    const res = await unblock(client, url, code);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      request: { id: expect.stringMatching(/^req_/), kind: 'sim_unblock', status: 'done' },
    });
    const after = await simSnapshot(t.db, sub.lineId);
    expect(after.line).toMatchObject({
      status: 'active',
      block_reason: null,
      blocked_at: null,
      balance: 100_00n,
    });
    expect(after.cards.find((c) => c.id === cardId)?.status).toBe('active');
    expect(after.requests).toEqual([
      { kind: 'sim_block', status: 'done' },
      { kind: 'sim_unblock', status: 'done' },
    ]);
    expect(after.journal.map((j) => j.action)).toEqual([
      'sim.blocked',
      'sim.unblock_code_sent',
      'sim.unblocked',
    ]);
    // Single use: the same code again finds the line active.
    expect((await unblock(client, url, code)).json()).toMatchObject({ code: 'not_blocked' });
  });

  it('SVC-09 counts wrong codes and burns the code at the limit, then a new code works', async () => {
    await t.db.updateTable('sim_unblock_settings').set({ max_attempts: 3 }).execute();
    const { sub, client, recovery, url } = await lostSim();
    await send(client, url);
    const code = await codeSentTo(recovery as string);
    const first = await unblock(client, url, wrong(code));
    expect(first.statusCode).toBe(400);
    expect(first.json()).toMatchObject({
      code: 'invalid_code',
      attemptsLeft: 2,
      errors: [{ field: 'code' }],
    });
    expect((await unblock(client, url, wrong(code))).json()).toMatchObject({ attemptsLeft: 1 });
    const third = await unblock(client, url, wrong(code));
    expect(third.json()).toMatchObject({ code: 'too_many_attempts', attemptsLeft: 0 });
    // Burnt: even the right code no longer works.
    expect((await unblock(client, url, code)).json()).toMatchObject({ code: 'no_code' });
    expect((await simSnapshot(t.db, sub.lineId)).line.status).toBe('blocked');

    t.clock.advance(1000);
    await send(client, url);
    const fresh = await codeSentTo(recovery as string, code);
    expect((await unblock(client, url, fresh)).statusCode).toBe(200);
  });

  it('SVC-09 refuses an expired code, a replaced code and more codes than the daily limit', async () => {
    await t.db.updateTable('sim_unblock_settings').set({ codes_per_day: 2 }).execute();
    const { client, recovery, url } = await lostSim();
    await send(client, url);
    const old = await codeSentTo(recovery as string);
    t.clock.advance(61_000);
    await send(client, url);
    const current = await codeSentTo(recovery as string, old);
    const replaced = await unblock(client, url, old);
    expect(replaced.json()).toMatchObject({ code: 'invalid_code' });
    const limited = await send(client, url);
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'too_many_codes' });
    t.clock.advance(601_000);
    const expired = await unblock(client, url, current);
    expect(expired.statusCode).toBe(400);
    expect(expired.json()).toMatchObject({ code: 'code_expired' });
    t.clock.advance(86_400_000);
    const relogged = await loginWithCode(
      t,
      (
        await t.db
          .selectFrom('logins')
          .select('identifier')
          .where('recovery_phone', '=', recovery)
          .executeTakeFirstOrThrow()
      ).identifier,
    );
    expect((await send(relogged, url)).statusCode).toBe(201);
  });

  it('SVC-09 keeps unblocking in the office when the operator says so or there is no other contact', async () => {
    const none = await lostSim({ recovery: null });
    expect((await none.client.get(none.url)).json()).toMatchObject({
      unblock: 'self_service',
      unblockContact: null,
    });
    expect((await send(none.client, none.url)).json()).toMatchObject({ code: 'no_contact' });
    const same = await lostSim({ recovery: null });
    await t.db
      .updateTable('logins')
      .set({ recovery_phone: same.sub.msisdn })
      .where('identifier', '=', same.sub.msisdn)
      .execute();
    expect((await send(same.client, same.url)).json()).toMatchObject({ code: 'no_contact' });

    await t.db.updateTable('sim_unblock_settings').set({ mode: 'office' }).execute();
    const office = await lostSim();
    expect((await office.client.get(office.url)).json()).toMatchObject({
      unblock: 'office',
      unblockContact: null,
    });
    const refused = await send(office.client, office.url);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'office_only' });
    expect((await inbox(t, office.recovery as string)).filter((b) => b.includes('разблокировки'))).toEqual(
      [],
    );
    expect((await unblock(office.client, office.url, '123456')).json()).toMatchObject({
      code: 'office_only',
    });
  });

  it('SVC-09 the operator changes the unblock setting, and an out-of-range value changes nothing', async () => {
    const office = await saveUnblockSettings(t.db, { mode: 'office', maxAttempts: 3 });
    expect(office).toEqual({ mode: 'office', codeTtlSeconds: 600, maxAttempts: 3, codesPerDay: 5 });
    await expect(saveUnblockSettings(t.db, { mode: 'phone', codesPerDay: 99 })).rejects.toThrow(
      /mode must be self_service or office; codesPerDay must be an integer 1\.\.20/,
    );
    expect(await loadUnblockSettings(t.db)).toEqual(office);
    const { client, url } = await lostSim();
    expect((await client.get(url)).json()).toMatchObject({ unblock: 'office' });
    await saveUnblockSettings(t.db, { mode: 'self_service' });
    expect((await client.get(url)).json()).toMatchObject({ unblock: 'self_service' });
  });

  it('SVC-09 refuses unblocking to a partial session, for another line, and for a line not lost', async () => {
    const { sub, url } = await lostSim();
    const stranger = await buildSubscriber(t.db);
    const other = await loginWithCode(t, stranger.msisdn);
    expect((await send(other, url)).statusCode).toBe(404);
    expect((await unblock(other, url, '123456')).statusCode).toBe(404);
    const { client: partial } = await clientWithSession(
      t,
      (
        await t.db
          .selectFrom('logins')
          .select('id')
          .where('identifier', '=', sub.msisdn)
          .executeTakeFirstOrThrow()
      ).id,
      { access: 'partial' },
    );
    expect((await send(partial, url)).statusCode).toBe(403);
    const active = await send(other, `/api/v1/lines/${stranger.lineId}/sim`);
    expect(active.json()).toMatchObject({ code: 'not_blocked' });
    expect((await unblock(other, `/api/v1/lines/${stranger.lineId}/sim`, '12345')).statusCode).toBe(400);
  });
});
