import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pass, smsTo } from '../charging/test-helpers.ts';
import { clientWithSession, inbox } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode, TestClient } from '../test/http-client.ts';

const NOW = new Date('2026-03-10T09:00:00.000Z');
const HOUR = 3_600_000;
const MIDNIGHT = new Date('2026-03-10T21:00:00.000Z');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

/** A subscriber with a login whose tariff fee falls due at MIDNIGHT, and a full session. */
async function subscriberWithFeeDue(balance: bigint) {
  t.clock.now = NOW;
  const sub = await buildSubscriber(t.db, { balance, withLogin: true, now: NOW });
  await t.db.updateTable('lines').set({ next_fee_at: MIDNIGHT }).where('id', '=', sub.lineId).execute();
  return sub;
}

async function centre(loginId: string, lang: 'ru' | 'en' = 'ru') {
  const { client } = await clientWithSession(t, loginId);
  const items: Array<{ event: string; title: string; body: string }> = (
    await client.get(`/api/v1/notifications?lang=${lang}`)
  ).json().items;
  return { client, items };
}

describe('capabilities tell subscribers through notify()', () => {
  it('NOTIF-01 a subscriber who turned SMS off for charges gets the fee notice in the app only', async () => {
    const quiet = await subscriberWithFeeDue(10_000_00n);
    const loud = await subscriberWithFeeDue(10_000_00n);
    const { client: quietClient } = await clientWithSession(t, quiet.loginId ?? '');
    await quietClient.request('PUT', '/api/v1/notification-preferences', {
      events: [{ event: 'charges', sms: false, inApp: true }],
    });
    const { client: loudClient } = await clientWithSession(t, loud.loginId ?? '');
    await loudClient.request('PUT', '/api/v1/notification-preferences', {
      events: [{ event: 'charges', sms: true }],
    });
    t.clock.now = new Date(MIDNIGHT.getTime() + 60_000);
    await pass(t, { inactivity: false });
    await pass(t, { inactivity: false });

    const quietCentre = await centre(quiet.loginId ?? '');
    const fees = quietCentre.items.filter((i) => i.event === 'charges');
    expect(fees).toHaveLength(1);
    expect(fees[0]?.body).toMatch(/^Списано \d[\d\s]*,\d\d ₽\. Абонентская плата по тарифу \S+\.$/);
    expect((await smsTo(t.db, quiet.msisdn)).filter((b) => b.startsWith('Списание'))).toEqual([]);
    // The same fee, the other choice: an SMS too — the preference, not the capability, decides.
    expect((await smsTo(t.db, loud.msisdn)).filter((b) => b.startsWith('Списание: Списано'))).toHaveLength(1);
  });

  it('NOTIF-01 a debt block warning follows the low-balance choice: SMS by default, in the app only when SMS is off', async () => {
    const byDefault = await subscriberWithFeeDue(100_00n);
    const appOnly = await subscriberWithFeeDue(100_00n);
    const { client } = await clientWithSession(t, appOnly.loginId ?? '');
    await client.request('PUT', '/api/v1/notification-preferences', {
      events: [{ event: 'low_balance', sms: false }],
    });
    t.clock.now = new Date(MIDNIGHT.getTime() + 60_000);
    await pass(t, { inactivity: false });
    t.clock.advance(24 * HOUR);
    await pass(t, { inactivity: false });
    await pass(t, { inactivity: false });

    const defaultSms = await smsTo(t.db, byDefault.msisdn);
    expect(defaultSms.filter((b) => b.startsWith('Средства закончились:'))).toHaveLength(1);
    expect(defaultSms.filter((b) => b.startsWith('Связь приостановлена:'))).toHaveLength(1);
    expect(await smsTo(t.db, appOnly.msisdn)).toEqual([]);
    const { items } = await centre(appOnly.loginId ?? '', 'en');
    const notices = items.filter((i) => i.event === 'low_balance').map((i) => i.title);
    // Newest first; each once although the pass ran again.
    expect(notices).toEqual(['Service suspended', 'Out of funds']);
  });

  it('ACCESS-11 a login alert appears in the centre; its SMS is the security switch, the same on both screens', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const first = (await client.get('/api/v1/notifications?lang=en')).json().items;
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({ event: 'logins', title: 'Kabinet login' });
    expect(first[0].body).toContain('SMS code');
    // Off by default: no SMS beyond the login code itself.
    expect((await inbox(t, sub.msisdn)).filter((b) => b.startsWith('Вход в Кабинет'))).toEqual([]);

    await client.request('PUT', '/api/v1/notification-preferences', {
      events: [{ event: 'logins', sms: true }],
    });
    expect((await client.get('/api/v1/security')).json().loginAlerts).toBe(true);
    await client.patch('/api/v1/security', { loginAlerts: false });
    const prefs = (await client.get('/api/v1/notification-preferences')).json();
    expect(prefs.events).toContainEqual({ event: 'logins', sms: false, email: false, inApp: true });
    await client.patch('/api/v1/security', { loginAlerts: true });
    const stored = await t.db
      .selectFrom('notification_preferences')
      .select('channel')
      .where('event', '=', 'logins')
      .where('channel', '=', 'sms')
      .execute();
    expect(stored).toEqual([]);

    t.clock.advance(61_000);
    const other = new TestClient(t);
    await other.post('/api/v1/auth/code', { phone: sub.msisdn });
    const code = (await inbox(t, sub.msisdn))[0]?.match(/\d{6}/)?.[0] ?? '';
    await other.post('/api/v1/auth/code/verify', { phone: sub.msisdn, code, rememberDevice: false });
    expect((await inbox(t, sub.msisdn))[0]).toMatch(/^Вход в Кабинет: Выполнен вход: .+, код из SMS, /);
    const after = (await client.get('/api/v1/notifications?lang=ru')).json();
    expect(after.items.filter((i: { event: string }) => i.event === 'logins')).toHaveLength(2);
  });
});
