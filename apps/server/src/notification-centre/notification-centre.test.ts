import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession, inbox } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode } from '../test/http-client.ts';
import { notify } from './notify.ts';
import { seedDemoNotifications } from './seed-demo-notifications.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function subscriberWithClient(balance = 0n) {
  const sub = await buildSubscriber(t.db, { balance });
  const client = await loginWithCode(t, sub.msisdn);
  // The login itself leaves a `logins` notice (ACCESS-11, notify-capabilities.test.ts); these tests count their own.
  await t.db
    .deleteFrom('notifications')
    .where('login_id', 'in', (eb) =>
      eb.selectFrom('logins').select('id').where('identifier', '=', sub.msisdn),
    )
    .execute();
  return { sub, client };
}

const tell = (input: Parameters<typeof notify>[1]) => t.db.transaction().execute((trx) => notify(trx, input));

async function capturedEmails(address: string) {
  await t.ctx.outbox.kick();
  return t.db
    .selectFrom('captured_emails')
    .select(['subject', 'text_body'])
    .where('recipient', '=', address)
    .execute();
}

describe('notification preferences', () => {
  it('NOTIF-01 shows the defaults for every event and saves only the choices given', async () => {
    const { client } = await subscriberWithClient();
    const initial = (await client.get('/api/v1/notification-preferences')).json();
    expect(initial.events).toHaveLength(7);
    expect(initial.events).toContainEqual({ event: 'low_balance', sms: true, email: false, inApp: true });
    expect(initial.events).toContainEqual({ event: 'charges', sms: false, email: false, inApp: true });
    expect(initial).toMatchObject({ language: 'ru', email: null });
    const saved = await client.request('PUT', '/api/v1/notification-preferences', {
      events: [
        { event: 'charges', sms: true },
        { event: 'logins', inApp: false },
      ],
      language: 'en',
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().events).toContainEqual({ event: 'charges', sms: true, email: false, inApp: true });
    // `logins` × SMS is the ACCESS-11 switch, off by default (decision 0019).
    expect(saved.json().events).toContainEqual({ event: 'logins', sms: false, email: false, inApp: false });
    expect(saved.json().language).toBe('en');
  });

  it('NOTIF-01 notify() follows the choices: in-app, SMS in the owner’s language, nothing when off', async () => {
    const { sub, client } = await subscriberWithClient();
    await client.request('PUT', '/api/v1/notification-preferences', {
      events: [
        { event: 'top_ups', sms: true, inApp: true },
        { event: 'charges', inApp: false, sms: false },
      ],
      language: 'en',
    });
    expect(await tell({ lineId: sub.lineId, event: 'top_ups', params: { amount: 300_00 } })).toEqual({
      sms: 1,
      email: 0,
      in_app: 1,
    });
    expect(await tell({ lineId: sub.lineId, event: 'charges', params: { amount: 10_00 } })).toEqual({
      sms: 0,
      email: 0,
      in_app: 0,
    });
    expect((await inbox(t, sub.msisdn))[0]).toBe('Top-up: Your balance was topped up by 300,00 ₽.');
    const list = (await client.get('/api/v1/notifications?lang=ru')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      event: 'top_ups',
      title: 'Пополнение',
      read: false,
      lineId: sub.lineId,
    });
  });

  it('NOTIF-01 a line whose owner never logged in still gets the default SMS', async () => {
    const sub = await buildSubscriber(t.db);
    expect(await tell({ lineId: sub.lineId, event: 'low_balance', params: { balance: 5_00 } })).toEqual({
      sms: 1,
      email: 0,
      in_app: 0,
    });
    expect((await inbox(t, sub.msisdn))[0]).toBe('Баланс на исходе: На счёте 5,00 ₽. Пополните баланс.');
  });

  it('NOTIF-01 the email channel needs an address confirmed by the mailed code', async () => {
    const { sub, client } = await subscriberWithClient();
    const early = await client.request('PUT', '/api/v1/notification-preferences', {
      events: [{ event: 'report_ready', email: true }],
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ errors: [{ field: 'email', code: 'email_not_confirmed' }] });

    expect(
      (
        await client.request('PUT', '/api/v1/notification-preferences/email', { email: 'not-an-email' })
      ).json(),
    ).toMatchObject({
      errors: [{ field: 'email', code: 'invalid_email' }],
    });
    const address = `ivan.${sub.lineId.slice(-6)}@example.com`;
    const set = await client.request('PUT', '/api/v1/notification-preferences/email', { email: address });
    expect(set.statusCode).toBe(202);
    const [mail] = await capturedEmails(address);
    const code = /(\d{6})/.exec(mail?.text_body ?? '')?.[1] ?? '';
    expect(code).toHaveLength(6);
    const wrong = await client.post('/api/v1/notification-preferences/email/confirm', {
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.json()).toMatchObject({ errors: [{ field: 'code', code: 'wrong_code' }] });
    const ok = await client.post('/api/v1/notification-preferences/email/confirm', { code });
    expect(ok.json()).toEqual({ address, confirmed: true });

    const saved = await client.request('PUT', '/api/v1/notification-preferences', {
      events: [{ event: 'report_ready', email: true }],
    });
    expect(saved.statusCode).toBe(200);
    expect(
      await tell({ lineId: sub.lineId, event: 'report_ready', params: { report: 'Октябрь' } }),
    ).toMatchObject({ email: 1 });
    const mails = await capturedEmails(address);
    expect(mails[0]).toMatchObject({ subject: 'Отчёт готов', text_body: 'Отчёт «Октябрь» готов.' });
    const login = await t.db
      .selectFrom('logins')
      .select('id')
      .where('identifier', '=', sub.msisdn)
      .executeTakeFirstOrThrow();
    const journal = await t.db
      .selectFrom('journal')
      .select('action')
      .where('action', 'like', 'notifications.%')
      .where('login_id', '=', login.id)
      .orderBy('id')
      .execute();
    expect(journal.map((j) => j.action)).toEqual([
      'notifications.email_added',
      'notifications.email_confirmed',
      'notifications.preferences_changed',
    ]);
  });

  it('NOTIF-01 partial sessions may read preferences but not change them', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    const { client } = await clientWithSession(t, sub.loginId ?? '', { access: 'partial' });
    expect((await client.get('/api/v1/notification-preferences')).statusCode).toBe(200);
    const refused = await client.request('PUT', '/api/v1/notification-preferences', {
      events: [{ event: 'charges', sms: true }],
    });
    expect(refused.statusCode).toBe(403);
    const stored = await t.db
      .selectFrom('notification_preferences')
      .selectAll()
      .where('login_id', '=', sub.loginId ?? '')
      .execute();
    expect(stored).toEqual([]);
  });

  it('NOTIF-01 bad input is a problem naming the field', async () => {
    const { client } = await subscriberWithClient();
    const res = await client.request('PUT', '/api/v1/notification-preferences', {
      events: [{ event: 'weather', sms: true }],
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.json())).toContain('event');
  });
});

describe('notification centre', () => {
  it('NOTIF-03 counts unread, marks one and then all read', async () => {
    const { sub, client } = await subscriberWithClient();
    for (const amount of [100_00, 200_00, 300_00]) {
      await tell({ lineId: sub.lineId, event: 'top_ups', params: { amount } });
    }
    expect((await client.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 3 });
    const list = (await client.get('/api/v1/notifications?lang=en')).json();
    expect(list.items.map((i: { body: string }) => i.body)).toEqual([
      'Your balance was topped up by 300,00 ₽.',
      'Your balance was topped up by 200,00 ₽.',
      'Your balance was topped up by 100,00 ₽.',
    ]);
    const first = list.items[0].id;
    expect((await client.post(`/api/v1/notifications/${first}/read`, {})).json()).toEqual({ unread: 2 });
    expect((await client.post(`/api/v1/notifications/${first}/read`, {})).json()).toEqual({ unread: 2 });
    expect((await client.post('/api/v1/notifications/read-all', {})).json()).toEqual({
      marked: 2,
      unread: 0,
    });
    const after = (await client.get('/api/v1/notifications')).json();
    expect(after.unread).toBe(0);
    expect(after.items.every((i: { read: boolean }) => i.read)).toBe(true);
  });

  it('NOTIF-03 pages through the list', async () => {
    const { sub, client } = await subscriberWithClient();
    for (let i = 0; i < 5; i += 1)
      await tell({ lineId: sub.lineId, event: 'charges', params: { amount: i } });
    const page1 = (await client.get('/api/v1/notifications?limit=3')).json();
    expect(page1.items).toHaveLength(3);
    const page2 = (await client.get(`/api/v1/notifications?limit=3&before=${page1.nextBefore}`)).json();
    expect(page2.items).toHaveLength(2);
    expect(page2.nextBefore).toBeNull();
  });

  it('NOTIF-03 another subscriber’s notification is answered 404 and stays unread', async () => {
    const a = await subscriberWithClient();
    const b = await subscriberWithClient();
    await tell({ lineId: b.sub.lineId, event: 'top_ups', params: { amount: 1 } });
    const [ofB] = (await b.client.get('/api/v1/notifications')).json().items;
    const res = await a.client.post(`/api/v1/notifications/${ofB.id}/read`, {});
    expect(res.statusCode).toBe(404);
    expect((await a.client.get('/api/v1/notifications')).json().items).toEqual([]);
    expect((await b.client.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 1 });
    expect((await a.client.get('/api/v1/notifications/unread-count')).json()).toEqual({ unread: 0 });
  });

  it('NOTIF-03 the demo login starts with notifications drawn from its own history', async () => {
    const { sub, client } = await subscriberWithClient(-120_00n);
    expect(
      await t.db
        .transaction()
        .execute((trx) => seedDemoNotifications(trx, { msisdn: sub.msisdn, now: t.clock.now })),
    ).toBe(2);
    const list = (await client.get('/api/v1/notifications?lang=ru')).json();
    expect(list.unread).toBe(2);
    expect(list.items.map((i: { event: string }) => i.event).sort()).toEqual(['charges', 'logins']);
    expect(list.items.find((i: { event: string }) => i.event === 'charges').body).toContain(
      'Списано 120,00 ₽.',
    );
  });

  it('NOTIF-03 needs a session', async () => {
    const { TestClient } = await import('../test/http-client.ts');
    expect((await new TestClient(t).get('/api/v1/notifications')).statusCode).toBe(401);
  });
});
