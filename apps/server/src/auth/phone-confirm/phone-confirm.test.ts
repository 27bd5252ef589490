import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubscriber, uniqueMsisdn } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { TestClient } from '../../test/http-client.ts';

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

interface PhoneMessage {
  body: string;
  kind: 'sms' | 'flash';
  replyable: boolean;
}

async function phoneInbox(msisdn: string): Promise<PhoneMessage[]> {
  await t.ctx.outbox.kick();
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/v1/dev/phones/${encodeURIComponent(msisdn)}/messages`,
  });
  return res.json<{ messages: PhoneMessage[] }>().messages;
}

/** The virtual phone answering, as its reply box does (a CSRF-carrying demo client). */
async function phoneReplies(msisdn: string, text: string) {
  return new TestClient(t).post(`/api/v1/dev/phones/${encodeURIComponent(msisdn)}/reply`, { text });
}

async function askPhone(browser: TestClient, phone: string) {
  const res = await browser.post('/api/v1/auth/phone-confirm', { phone }, { 'user-agent': CHROME_LINUX });
  expect(res.statusCode).toBe(202);
  return res.json<{ requestId: string; expiresInSeconds: number; maskedPhone: string }>();
}

const poll = (browser: TestClient, requestId: string, query = '') =>
  browser.get(`/api/v1/auth/phone-confirm/${requestId}${query}`);

async function journalActions(lineId: string) {
  const rows = await t.db
    .selectFrom('journal')
    .select(['action', 'outcome'])
    .where('line_id', '=', lineId)
    .where('action', 'like', 'auth.%')
    .orderBy('id')
    .execute();
  return rows.map((r) => `${r.action}:${r.outcome}`);
}

describe('login confirmed from the phone', () => {
  it('ACCESS-07 confirms a login when the phone replies 1 within 20 seconds', async () => {
    const sub = await buildSubscriber(t.db);
    const browser = new TestClient(t);
    const started = await askPhone(browser, `8${sub.msisdn.slice(2)}`);
    expect(started).toEqual({
      requestId: expect.stringMatching(/^pcf_/),
      expiresInSeconds: 20,
      maskedPhone: expect.any(String),
    });
    expect((await poll(browser, started.requestId)).json()).toEqual({ status: 'pending' });

    const [prompt] = await phoneInbox(sub.msisdn);
    expect(prompt).toMatchObject({ kind: 'flash', replyable: true });
    expect(prompt?.body).toContain('Вход в Кабинет с Chrome, Linux. Ответьте 1, чтобы подтвердить');
    expect(prompt?.body).toContain('Reply 1 to confirm');

    t.clock.advance(19_000);
    expect((await phoneReplies(sub.msisdn, ' 1 ')).json()).toEqual({
      requestId: started.requestId,
      status: 'confirmed',
    });
    expect((await phoneInbox(sub.msisdn))[0]?.replyable).toBe(false);

    const done = await poll(browser, started.requestId, '?rememberDevice=true');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'confirmed',
      me: { lines: [expect.objectContaining({ id: sub.lineId })] },
    });
    expect(done.cookies.find((c) => c.name === 'kabinet_sid')).toMatchObject({
      httpOnly: true,
      maxAge: expect.any(Number),
    });
    expect((await browser.get('/api/v1/me')).statusCode).toBe(200);
    // The session opens once: a further poll shows the status only.
    expect((await poll(browser, started.requestId)).json()).toEqual({ status: 'confirmed' });

    const login = await t.db
      .selectFrom('logins')
      .select('id')
      .where('identifier', '=', sub.msisdn)
      .executeTakeFirstOrThrow();
    const sessions = await t.db
      .selectFrom('sessions')
      .select(['method', 'access'])
      .where('login_id', '=', login.id)
      .execute();
    expect(sessions).toEqual([{ method: 'phone_confirm', access: 'full' }]);
    expect(await journalActions(sub.lineId)).toEqual([
      'auth.phone_confirm_requested:ok',
      'auth.phone_confirm_confirmed:ok',
      'auth.registered:ok',
      'auth.login:ok',
    ]);
  });

  it('ACCESS-07 a reply after 20 seconds is refused', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    const browser = new TestClient(t);
    const { requestId } = await askPhone(browser, sub.msisdn);
    await phoneInbox(sub.msisdn);
    t.clock.advance(20_000);
    expect((await phoneInbox(sub.msisdn))[0]).toMatchObject({ kind: 'flash', replyable: false });
    expect((await poll(browser, requestId)).json()).toEqual({ status: 'expired' });
    const late = await phoneReplies(sub.msisdn, '1');
    expect(late.json()).toEqual({ requestId, status: 'expired' });
    const res = await poll(browser, requestId);
    expect(res.json()).toEqual({ status: 'expired' });
    expect(res.cookies.find((c) => c.name === 'kabinet_sid')).toBeUndefined();
    expect((await browser.get('/api/v1/me')).statusCode).toBe(401);
    expect(await journalActions(sub.lineId)).toContain('auth.phone_confirm_expired:failed');
  });

  it('ACCESS-07 another browser cannot take over a confirmed login', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    const victim = new TestClient(t);
    const { requestId } = await askPhone(victim, sub.msisdn);
    const attacker = new TestClient(t);
    // The attacker even started a request of its own, so it holds a binding cookie — for another request.
    t.clock.advance(20_000);
    await askPhone(attacker, uniqueMsisdn());
    const { requestId: second } = await askPhone(victim, sub.msisdn);
    expect((await phoneReplies(sub.msisdn, '1')).json()).toMatchObject({
      requestId: second,
      status: 'confirmed',
    });
    for (const id of [second, requestId]) {
      const res = await poll(attacker, id);
      expect(res.statusCode).toBe(200);
      expect(res.json().me).toBeUndefined();
      expect(res.cookies.find((c) => c.name === 'kabinet_sid')).toBeUndefined();
    }
    expect((await poll(attacker, second)).json()).toEqual({ status: 'confirmed' });
    expect((await attacker.get('/api/v1/me')).statusCode).toBe(401);
    const mine = await poll(victim, second);
    expect(mine.json()).toMatchObject({ status: 'confirmed', me: { login: { id: sub.loginId } } });
  });

  it('ACCESS-07 any other reply declines, and a declined request never logs in', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    const browser = new TestClient(t);
    const { requestId } = await askPhone(browser, sub.msisdn);
    expect((await phoneReplies(sub.msisdn, 'нет')).json()).toEqual({ requestId, status: 'declined' });
    expect((await phoneReplies(sub.msisdn, '1')).statusCode).toBe(404); // nothing waits any more
    const res = await poll(browser, requestId);
    expect(res.json()).toEqual({ status: 'declined' });
    expect(res.cookies.find((c) => c.name === 'kabinet_sid')).toBeUndefined();
    expect(await journalActions(sub.lineId)).toEqual([
      'auth.phone_confirm_requested:ok',
      'auth.phone_confirm_declined:failed',
    ]);
  });

  it('ACCESS-07 answers an unknown number exactly like a subscriber, and prompts nobody', async () => {
    const stranger = uniqueMsisdn();
    const browser = new TestClient(t);
    const started = await askPhone(browser, stranger);
    expect(Object.keys(started).sort()).toEqual(['expiresInSeconds', 'maskedPhone', 'requestId']);
    expect(await phoneInbox(stranger)).toEqual([]);
    expect((await phoneReplies(stranger, '1')).statusCode).toBe(404);
    expect((await poll(browser, started.requestId)).json()).toEqual({ status: 'pending' });
    t.clock.advance(20_000);
    expect((await poll(browser, started.requestId)).json()).toEqual({ status: 'expired' });
  });

  it('ACCESS-07 prompts a number at most once per 20 seconds, known or not', async () => {
    for (const msisdn of [(await buildSubscriber(t.db)).msisdn, uniqueMsisdn()]) {
      const browser = new TestClient(t);
      await askPhone(browser, msisdn);
      t.clock.advance(10_000);
      const again = await browser.post('/api/v1/auth/phone-confirm', { phone: msisdn });
      expect(again.statusCode).toBe(429);
      expect(again.json()).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 10 });
      t.clock.advance(10_000);
      await askPhone(browser, msisdn);
    }
  });

  it('ACCESS-07 limits prompts per client address', async () => {
    const fromAddress = async (phone: string) => {
      const csrf = await t.app.inject({ method: 'GET', url: '/api/v1/auth/csrf', remoteAddress: '10.7.7.7' });
      const token = csrf.json<{ token: string }>().token;
      return t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/phone-confirm',
        remoteAddress: '10.7.7.7',
        headers: { cookie: `kabinet_csrf=${token}`, 'x-csrf-token': token },
        payload: { phone },
      });
    };
    for (let i = 0; i < 30; i += 1) expect((await fromAddress(uniqueMsisdn())).statusCode).toBe(202);
    const refused = await fromAddress(uniqueMsisdn());
    expect(refused.statusCode).toBe(429);
  });

  it('ACCESS-07 answers bad input with a clear problem and creates nothing', async () => {
    const before = await t.db.selectFrom('phone_confirmations').select('id').execute();
    const browser = new TestClient(t);
    const badPhone = await browser.post('/api/v1/auth/phone-confirm', { phone: '12' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'phone', code: 'invalid_phone' }],
    });
    expect((await browser.post('/api/v1/auth/phone-confirm', { phone: '9'.repeat(40) })).statusCode).toBe(
      400,
    );
    expect((await browser.post('/api/v1/auth/phone-confirm', {})).statusCode).toBe(400);
    expect((await browser.post('/api/v1/auth/phone-confirm', { phone: '9'.repeat(70_000) })).statusCode).toBe(
      413,
    );
    expect((await poll(browser, 'pcf_../../etc')).statusCode).toBe(400);
    expect((await poll(browser, 'pcf_0000000000000000000')).json()).toMatchObject({ code: 'not_found' });
    expect((await phoneReplies('not-a-number', '1')).json()).toMatchObject({ code: 'validation_failed' });
    expect((await phoneReplies(uniqueMsisdn(), 'x'.repeat(161))).statusCode).toBe(400);
    expect(await t.db.selectFrom('phone_confirmations').select('id').execute()).toHaveLength(before.length);
  });
});
