import { newId } from '@kabinet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inbox } from '../test/access-helpers.ts';
import { buildSubscriber, uniqueMsisdn } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode } from '../test/http-client.ts';
import { simSnapshot } from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** An active physical SIM of the line, as issued at the shop. */
async function activeCard(lineId: string) {
  const id = newId('simCard');
  await t.db
    .insertInto('sim_cards')
    .values({ id, line_id: lineId, kind: 'physical', status: 'active', iccid: `8970199${Date.now()}1234` })
    .execute();
  return id;
}

describe('lost SIM, replacement and eSIM', () => {
  it('SVC-09 blocks a lost SIM at once and keeps the balance', async () => {
    const sub = await buildSubscriber(t.db, { balance: 250_00n });
    const cardId = await activeCard(sub.lineId);
    const client = await loginWithCode(t, sub.msisdn);
    const recovery = uniqueMsisdn();
    await t.db
      .updateTable('logins')
      .set({ recovery_phone: recovery })
      .where('identifier', '=', sub.msisdn)
      .execute();
    const url = `/api/v1/lines/${sub.lineId}/sim`;

    expect((await client.get(url)).json()).toEqual({
      status: 'active',
      blockReason: null,
      blockedAt: null,
      cards: [
        expect.objectContaining({
          id: cardId,
          kind: 'physical',
          status: 'active',
          iccidLast4: '1234',
          pickupOffice: null,
        }),
      ],
      unblock: 'self_service',
      unblockContact: `+7 ••• •••-••-${recovery.slice(-2)}`,
    });

    const res = await client.post(`${url}/block`, { reason: 'lost' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      request: { id: expect.stringMatching(/^req_/), kind: 'sim_block', status: 'done' },
    });
    expect((await client.get(url)).json()).toMatchObject({
      status: 'blocked',
      blockReason: 'lost',
      blockedAt: t.clock.now.toISOString(),
      cards: [{ id: cardId, status: 'blocked' }],
    });
    const after = await simSnapshot(t.db, sub.lineId);
    expect(after.line).toMatchObject({ status: 'blocked', block_reason: 'lost', balance: 250_00n });
    expect(after.cards.map((c) => c.status)).toEqual(['blocked']);
    expect(after.requests).toEqual([{ kind: 'sim_block', status: 'done' }]);
    expect(after.journal).toEqual([
      { action: 'sim.blocked', details: expect.objectContaining({ reason: 'lost', cards: [cardId] }) },
    ]);
    const transfers = await t.db
      .selectFrom('ledger_transfers')
      .select('kind')
      .where((eb) =>
        eb.or([
          eb('debit_account_id', '=', sub.ledgerAccountId),
          eb('credit_account_id', '=', sub.ledgerAccountId),
        ]),
      )
      .execute();
    expect(transfers).toEqual([{ kind: 'topup' }]);
    expect((await inbox(t, recovery))[0]).toContain('заблокирована');

    const again = await client.post(`${url}/block`, { reason: 'stolen' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_blocked' });
    expect((await client.post(`${url}/block`, { reason: 'misplaced' })).statusCode).toBe(400);
  });

  it('SVC-09 orders a replacement SIM with a pickup office', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/sim`;
    await client.post(`${url}/block`, { reason: 'stolen' });
    t.clock.advance(1000);

    const short = await client.post(`${url}/replacement`, { pickupOffice: 'ab' });
    expect(short.statusCode).toBe(400);
    const blank = await client.post(`${url}/replacement`, { pickupOffice: '  a  ' });
    expect(blank.json()).toMatchObject({ errors: [{ field: 'pickupOffice', code: 'too_short' }] });
    const res = await client.post(`${url}/replacement`, { pickupOffice: 'Москва, Тверская, 7' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      request: { id: expect.stringMatching(/^req_/), kind: 'sim_replacement', status: 'accepted' },
      card: {
        id: expect.stringMatching(/^sim_/),
        kind: 'physical',
        status: 'pending',
        iccidLast4: null,
        createdAt: t.clock.now.toISOString(),
        pickupOffice: 'Москва, Тверская, 7',
      },
    });
    const twice = await client.post(`${url}/replacement`, { pickupOffice: 'Москва, Арбат, 1' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ code: 'replacement_pending' });

    const after = await simSnapshot(t.db, sub.lineId);
    expect(after.requests).toEqual([
      { kind: 'sim_block', status: 'done' },
      { kind: 'sim_replacement', status: 'accepted' },
    ]);
    expect(after.journal.map((j) => j.action)).toEqual(['sim.blocked', 'sim.replacement_ordered']);
    expect((await client.get(url)).json()).toMatchObject({
      blockReason: 'stolen',
      cards: [{ kind: 'physical', status: 'pending', pickupOffice: 'Москва, Тверская, 7' }],
    });
  });

  it('SVC-09 issues an eSIM activation code with a QR', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/sim/esim`;

    const res = await client.post(url);
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({
      request: { kind: 'esim_issue', status: 'done' },
      card: { kind: 'esim', status: 'pending', iccidLast4: null, pickupOffice: null },
    });
    expect(body.activationCode).toMatch(/^LPA:1\$[^$]+\$[A-Z0-9-]{20,}$/);
    expect(body.activationCode).toContain('$smdp.kabinet.example$');
    expect(body.qrSvg).toContain('<svg');

    const shown = await client.get(`${url}/${body.card.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual({ card: body.card, activationCode: body.activationCode, qrSvg: body.qrSvg });
    t.clock.advance(1000);
    const second = (await client.post(url)).json();
    expect(second.activationCode).not.toBe(body.activationCode);

    const after = await simSnapshot(t.db, sub.lineId);
    expect(after.journal).toEqual([
      { action: 'sim.esim_issued', details: { cardId: body.card.id, requestId: body.request.id } },
      { action: 'sim.esim_issued', details: { cardId: second.card.id, requestId: second.request.id } },
    ]);
    expect(JSON.stringify(after.journal)).not.toContain('LPA:');
    expect((await client.get(`${url}/sim_0000000000000000`)).statusCode).toBe(404);
  });

  it('SVC-09 eSIM refused while blocked', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/sim`;
    await client.post(`${url}/block`, { reason: 'lost' });
    const before = await simSnapshot(t.db, sub.lineId);
    const res = await client.post(`${url}/esim`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'line_blocked' });
    expect(await simSnapshot(t.db, sub.lineId)).toEqual(before);
  });
});
