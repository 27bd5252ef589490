import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inbox } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode, TestClient } from '../test/http-client.ts';
import { deviceName } from './device-name.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const CHROME_LINUX =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const SAFARI_IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

describe('security settings', () => {
  it('ACCESS-11 names devices from their user agents', () => {
    expect(deviceName(CHROME_LINUX)).toBe('Chrome, Linux');
    expect(deviceName(SAFARI_IPHONE)).toBe('Safari, iOS');
    expect(
      deviceName(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0',
      ),
    ).toBe('Edge, Windows');
    expect(deviceName('Mozilla/5.0 (Android 14; Mobile; rv:132.0) Gecko/132.0 Firefox/132.0')).toBe(
      'Firefox, Android',
    );
    expect(
      deviceName(
        'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 YaBrowser/24.10 Mobile Safari/537.36',
      ),
    ).toBe('Yandex Browser, Android');
    expect(deviceName(null)).toBe('Unknown device');
    expect(deviceName('something odd')).toBe('Unknown device');
  });

  it('ACCESS-11 reads and changes settings; recovery contacts are validated and normalised', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    expect((await client.get('/api/v1/security')).json()).toEqual({
      hasPassword: false,
      passwordChangedAt: null,
      loginAlerts: false,
      autoLoginAccess: 'partial',
      recoveryEmail: null,
      recoveryPhone: null,
    });
    const res = await client.patch('/api/v1/security', {
      loginAlerts: true,
      recoveryEmail: ' ivan@example.ru ',
      recoveryPhone: '8 (916) 123-45-67',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      loginAlerts: true,
      recoveryEmail: 'ivan@example.ru',
      recoveryPhone: '+79161234567',
    });
    expect((await inbox(t, sub.msisdn))[0]).toContain('Резервный номер в Кабинете изменён');
    const cleared = await client.patch('/api/v1/security', { recoveryEmail: null, recoveryPhone: '' });
    expect(cleared.json()).toMatchObject({ recoveryEmail: null, recoveryPhone: null, loginAlerts: true });
  });

  it('ACCESS-11 an invalid field changes nothing and is named in the answer', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const res = await client.patch('/api/v1/security', {
      loginAlerts: true,
      recoveryEmail: 'not-an-email',
      recoveryPhone: '12345',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'recoveryEmail', code: 'invalid_email' }),
      expect.objectContaining({ field: 'recoveryPhone', code: 'invalid_phone' }),
    ]);
    expect((await client.get('/api/v1/security')).json()).toMatchObject({
      loginAlerts: false,
      recoveryEmail: null,
    });
    for (const body of [
      { autoLoginAccess: 'sometimes' },
      { recoveryEmail: `${'a'.repeat(250)}@x.ru` },
      { admin: true },
    ]) {
      expect((await client.patch('/api/v1/security', body)).statusCode).toBe(400);
    }
  });

  it('ACCESS-11 with login alerts on, a new login sends an SMS naming the method and the browser', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    await client.patch('/api/v1/security', { loginAlerts: true });
    t.clock.advance(61_000);
    const other = new TestClient(t);
    await other.post('/api/v1/auth/code', { phone: sub.msisdn });
    const code = (await inbox(t, sub.msisdn))[0]?.match(/\d{6}/)?.[0] ?? '';
    await other.request(
      'POST',
      '/api/v1/auth/code/verify',
      { phone: sub.msisdn, code, rememberDevice: true },
      { 'user-agent': SAFARI_IPHONE },
    );
    const alert = (await inbox(t, sub.msisdn))[0];
    expect(alert).toMatch(/^Вход в Кабинет: .+, код из SMS, Safari, iOS\./);
  });

  it('ACCESS-11 lists live sessions with devices, signs out one, and ends all others', async () => {
    const sub = await buildSubscriber(t.db);
    const first = await loginWithCode(t, sub.msisdn);
    t.clock.advance(61_000);
    const second = new TestClient(t);
    await second.post('/api/v1/auth/code', { phone: sub.msisdn });
    const code = (await inbox(t, sub.msisdn))[0]?.match(/\d{6}/)?.[0] ?? '';
    await second.request(
      'POST',
      '/api/v1/auth/code/verify',
      { phone: sub.msisdn, code, rememberDevice: false },
      { 'user-agent': CHROME_LINUX },
    );
    const list = (await first.get('/api/v1/security/sessions')).json().sessions;
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({
      current: false,
      device: 'Chrome, Linux',
      persistent: false,
      method: 'sms_code',
    });
    expect(list[1]).toMatchObject({ current: true, persistent: true, access: 'full' });
    expect((await first.delete(`/api/v1/security/sessions/${list[0].id}`)).statusCode).toBe(204);
    expect((await second.get('/api/v1/me')).statusCode).toBe(401);
    expect((await first.delete(`/api/v1/security/sessions/${list[0].id}`)).statusCode).toBe(404);

    t.clock.advance(61_000);
    const third = await loginWithCode(t, sub.msisdn);
    expect((await third.post('/api/v1/security/sessions/end-others')).statusCode).toBe(204);
    expect((await first.get('/api/v1/me')).statusCode).toBe(401);
    expect((await third.get('/api/v1/security/sessions')).json().sessions).toHaveLength(1);
  });

  it('ACCESS-05 a replayed cookie after logout is refused by security endpoints', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const sid = client.cookie('kabinet_sid') ?? '';
    await client.post('/api/v1/auth/logout');
    const replay = new TestClient(t);
    replay.setCookie('kabinet_sid', sid);
    expect((await replay.get('/api/v1/security')).statusCode).toBe(401);
    expect((await replay.patch('/api/v1/security', { loginAlerts: true })).statusCode).toBe(401);
  });

  it('ACCESS-11 a change without the CSRF token is refused and changes nothing', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/security',
      headers: { cookie: `kabinet_sid=${client.cookie('kabinet_sid')}` },
      payload: { loginAlerts: true },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'csrf_failed' });
    const ended = await t.app.inject({
      method: 'POST',
      url: '/api/v1/security/sessions/end-others',
      headers: { cookie: `kabinet_sid=${client.cookie('kabinet_sid')}`, origin: 'https://evil.example' },
    });
    expect(ended.statusCode).toBe(403);
    expect((await client.get('/api/v1/security')).json().loginAlerts).toBe(false);
  });
});
