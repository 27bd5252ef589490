import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode, readCodeFromVirtualPhone, TestClient } from '../test/http-client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('code login', () => {
  it('ACCESS-01 logs in with the code sent to the virtual phone, whatever format the number was typed in', async () => {
    const sub = await buildSubscriber(t.db, { balance: 300_00n });
    const client = new TestClient(t);
    const national = `8${sub.msisdn.slice(2)}`;
    const sent = await client.post('/api/v1/auth/code', { phone: national });
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toMatchObject({ phone: sub.msisdn, expiresInSeconds: 600, resendAfterSeconds: 60 });
    const code = await readCodeFromVirtualPhone(t, sub.msisdn);
    const res = await client.post('/api/v1/auth/code/verify', {
      phone: national,
      code,
      rememberDevice: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().lines).toEqual([
      expect.objectContaining({ id: sub.lineId, role: 'owner', access: 'full' }),
    ]);
    const cookie = res.cookies.find((c) => c.name === 'kabinet_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('ACCESS-01 a code works once, and a newer code replaces the older one', async () => {
    const sub = await buildSubscriber(t.db);
    const client = new TestClient(t);
    await client.post('/api/v1/auth/code', { phone: sub.msisdn });
    const first = await readCodeFromVirtualPhone(t, sub.msisdn);
    t.clock.advance(61_000);
    await client.post('/api/v1/auth/code', { phone: sub.msisdn });
    const second = await readCodeFromVirtualPhone(t, sub.msisdn);
    if (first !== second) {
      const old = await client.post('/api/v1/auth/code/verify', {
        phone: sub.msisdn,
        code: first,
        rememberDevice: true,
      });
      expect(old.json()).toMatchObject({ code: 'invalid_code' });
    }
    const ok = await client.post('/api/v1/auth/code/verify', {
      phone: sub.msisdn,
      code: second,
      rememberDevice: true,
    });
    expect(ok.statusCode).toBe(200);
    const again = await new TestClient(t).post('/api/v1/auth/code/verify', {
      phone: sub.msisdn,
      code: second,
      rememberDevice: true,
    });
    expect(again.statusCode).toBe(401);
  });

  it('ACCESS-01 an expired code is refused with code_expired', async () => {
    const sub = await buildSubscriber(t.db);
    const client = new TestClient(t);
    await client.post('/api/v1/auth/code', { phone: sub.msisdn });
    const code = await readCodeFromVirtualPhone(t, sub.msisdn);
    t.clock.advance(10 * 60_000 + 1000);
    const res = await client.post('/api/v1/auth/code/verify', {
      phone: sub.msisdn,
      code,
      rememberDevice: true,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'code_expired' });
  });

  it('ACCESS-01 "send again" waits for the cool-down and says how long', async () => {
    const sub = await buildSubscriber(t.db);
    const client = new TestClient(t);
    expect((await client.post('/api/v1/auth/code', { phone: sub.msisdn })).statusCode).toBe(202);
    const res = await client.post('/api/v1/auth/code', { phone: sub.msisdn });
    expect(res.statusCode).toBe(429);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 60 });
  });

  it('ACCESS-04 answers the same for a number that is not a subscriber, and sends it nothing', async () => {
    const client = new TestClient(t);
    const stranger = '+79990001122';
    const res = await client.post('/api/v1/auth/code', { phone: stranger });
    expect(res.statusCode).toBe(202);
    expect(Object.keys(res.json()).sort()).toEqual([
      'expiresInSeconds',
      'maskedPhone',
      'phone',
      'resendAfterSeconds',
    ]);
    await t.ctx.outbox.kick();
    const inbox = await client.get(`/api/v1/dev/phones/${encodeURIComponent(stranger)}/messages`);
    expect(inbox.json().messages).toEqual([]);
    const verify = await client.post('/api/v1/auth/code/verify', {
      phone: stranger,
      code: '123456',
      rememberDevice: true,
    });
    expect(verify.json()).toMatchObject({ code: 'invalid_code', attemptsLeft: 9 });
  });

  it('ACCESS-04 locks code login for an hour after ten wrong codes, and says until when', async () => {
    const sub = await buildSubscriber(t.db);
    const client = new TestClient(t);
    await client.post('/api/v1/auth/code', { phone: sub.msisdn });
    const code = await readCodeFromVirtualPhone(t, sub.msisdn);
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 9; i++) {
      const res = await client.post('/api/v1/auth/code/verify', {
        phone: sub.msisdn,
        code: wrong,
        rememberDevice: true,
      });
      expect(res.json()).toMatchObject({ code: 'invalid_code', attemptsLeft: 10 - i });
    }
    const tenth = await client.post('/api/v1/auth/code/verify', {
      phone: sub.msisdn,
      code: wrong,
      rememberDevice: true,
    });
    expect(tenth.statusCode).toBe(423);
    const lockedUntil = new Date(tenth.json().lockedUntil as string);
    expect(lockedUntil.getTime()).toBe(t.clock.now.getTime() + 3600_000);
    const right = await client.post('/api/v1/auth/code/verify', {
      phone: sub.msisdn,
      code,
      rememberDevice: true,
    });
    expect(right.statusCode).toBe(423);
    t.clock.advance(3600_000 + 1000);
    const after = await loginWithCode(t, sub.msisdn);
    expect((await after.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('ACCESS-01 malformed input gets field errors in problem+json', async () => {
    const client = new TestClient(t);
    const junk = await client.post('/api/v1/auth/code', { phone: 'not a phone' });
    expect(junk.statusCode).toBe(400);
    expect(junk.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'phone', code: 'invalid_phone' }],
    });
    const missing = await client.post('/api/v1/auth/code', {});
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'phone', code: 'required' })]);
    const long = await client.post('/api/v1/auth/code', { phone: '9'.repeat(100) });
    expect(long.json().errors).toEqual([expect.objectContaining({ field: 'phone', code: 'too_long' })]);
    const badCode = await client.post('/api/v1/auth/code/verify', {
      phone: '+79123456789',
      code: '12ab',
      rememberDevice: true,
    });
    expect(badCode.json().errors).toEqual([
      expect.objectContaining({ field: 'code', code: 'invalid_format' }),
    ]);
  });
});

describe('sessions and CSRF', () => {
  it('ACCESS-05 logout invalidates the session on the server: the old cookie is refused afterwards', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const token = client.cookie('kabinet_sid');
    expect(token).toBeTruthy();
    expect((await client.post('/api/v1/auth/logout')).statusCode).toBe(204);
    client.setCookie('kabinet_sid', token ?? '');
    const replay = await client.get('/api/v1/me');
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'unauthenticated' });
  });

  it('ACCESS-05 "someone else\'s computer" gets a browser-session cookie with no lifetime', async () => {
    const sub = await buildSubscriber(t.db);
    const client = new TestClient(t);
    await client.post('/api/v1/auth/code', { phone: sub.msisdn });
    const code = await readCodeFromVirtualPhone(t, sub.msisdn);
    const res = await client.post('/api/v1/auth/code/verify', {
      phone: sub.msisdn,
      code,
      rememberDevice: false,
    });
    const cookie = res.cookies.find((c) => c.name === 'kabinet_sid');
    expect(cookie?.maxAge).toBeUndefined();
    expect(cookie?.expires).toBeUndefined();
  });

  it('ACCESS-05 a session expires after 30 idle minutes', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    t.clock.advance(31 * 60_000);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
  });

  it('ACCESS-05 a state-changing request without the CSRF token, or from another origin, is refused', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const noToken = await client.post('/api/v1/auth/logout', {}, { 'x-csrf-token': '' });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json()).toMatchObject({ code: 'csrf_failed' });
    const forged = await client.post('/api/v1/auth/logout', {}, { 'x-csrf-token': 'abc.def' });
    expect(forged.json()).toMatchObject({ code: 'csrf_failed' });
    const crossSite = await client.post('/api/v1/auth/logout', {}, { origin: 'https://evil.example' });
    expect(crossSite.json()).toMatchObject({ code: 'csrf_failed' });
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
  });

  it('ACCESS-12 logins, failures and logouts are written to the journal, never with the code', async () => {
    const sub = await buildSubscriber(t.db);
    const client = new TestClient(t);
    await client.post('/api/v1/auth/code', { phone: sub.msisdn });
    const code = await readCodeFromVirtualPhone(t, sub.msisdn);
    const wrong = code === '000000' ? '111111' : '000000';
    await client.post('/api/v1/auth/code/verify', { phone: sub.msisdn, code: wrong, rememberDevice: true });
    await client.post('/api/v1/auth/code/verify', { phone: sub.msisdn, code, rememberDevice: true });
    await client.post('/api/v1/auth/logout');
    const rows = await t.db
      .selectFrom('journal')
      .select(['action', 'outcome', 'details', 'channel'])
      .where((eb) => eb.or([eb('line_id', '=', sub.lineId), eb('action', '=', 'auth.logout')]))
      .orderBy('id')
      .execute();
    const mine = rows.filter((r) => r.action !== 'auth.logout' || JSON.stringify(r.details).includes('ses_'));
    expect(mine.map((r) => `${r.action}:${r.outcome}`)).toEqual(
      expect.arrayContaining([
        'auth.code_sent:ok',
        'auth.login:failed',
        'auth.registered:ok',
        'auth.login:ok',
        'auth.logout:ok',
      ]),
    );
    for (const r of rows) expect(JSON.stringify(r.details)).not.toContain(code);
  });
});
