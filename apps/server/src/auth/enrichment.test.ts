import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode, TestClient } from '../test/http-client.ts';
import { isTrustedGateway } from './trusted-gateway.ts';

let t: TestApp;
const GATEWAY = '10.20.30.40';
beforeAll(async () => {
  t = await createTestApp();
  t.ctx.enrichment = { trustedGateways: ['10.20.30.0/24', 'fd00:abcd::/32'], header: 'x-msisdn' };
});
afterAll(async () => {
  await t.close();
});

function fromAddress(address: string) {
  const client = new TestClient(t);
  client.remoteAddress = address;
  return client;
}

describe('automatic login by header enrichment', () => {
  it('ACCESS-08 matches the TCP peer against IPv4 and IPv6 CIDRs, including IPv4-mapped addresses', () => {
    const cidrs = ['10.20.30.0/24', 'fd00:abcd::/32', '192.0.2.7'];
    expect(isTrustedGateway(cidrs, '10.20.30.255')).toBe(true);
    expect(isTrustedGateway(cidrs, '10.20.31.1')).toBe(false);
    expect(isTrustedGateway(cidrs, '::ffff:10.20.30.9')).toBe(true);
    expect(isTrustedGateway(cidrs, 'fd00:abcd:1::5')).toBe(true);
    expect(isTrustedGateway(cidrs, 'fd00:abce::5')).toBe(false);
    expect(isTrustedGateway(cidrs, '192.0.2.7')).toBe(true);
    expect(isTrustedGateway(cidrs, '192.0.2.8')).toBe(false);
    expect(isTrustedGateway(cidrs, undefined)).toBe(false);
    expect(isTrustedGateway([], '10.20.30.9')).toBe(false);
  });

  it('ACCESS-09 logs in from a trusted gateway with partial access by default, enforced on the server', async () => {
    const sub = await buildSubscriber(t.db, { balance: -10_00n });
    const client = fromAddress(GATEWAY);
    const headers = { 'x-msisdn': sub.msisdn.slice(1) };
    const status = await client.request('GET', '/api/v1/auth/enrichment', undefined, headers);
    expect(status.json()).toEqual({ available: true, maskedPhone: expect.stringContaining('***') });
    const res = await client.post('/api/v1/auth/enrichment', { rememberDevice: true }, headers);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      session: { access: 'partial', method: 'enrichment' },
      lines: [expect.objectContaining({ id: sub.lineId, access: 'partial' })],
    });
    expect((await client.get(`/api/v1/lines/${sub.lineId}/dashboard`)).statusCode).toBe(200);
    for (const url of [
      `/api/v1/lines/${sub.lineId}/journal`,
      '/api/v1/security',
      '/api/v1/security/sessions',
    ]) {
      const refused = await client.get(url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json()).toMatchObject({
        code: 'forbidden',
        detail: expect.stringContaining('Full access'),
      });
    }
    const password = await client.post('/api/v1/auth/password', { newPassword: 'никак нельзя 1' });
    expect(password.statusCode).toBe(403);
    expect((await client.post('/api/v1/auth/step-up/code')).statusCode).toBe(403);
    const login = await t.db
      .selectFrom('logins')
      .select('password_hash')
      .where('identifier', '=', sub.msisdn)
      .executeTakeFirstOrThrow();
    expect(login.password_hash).toBeNull();
  });

  it('ACCESS-09 the owner chooses full access or turns automatic login off', async () => {
    const sub = await buildSubscriber(t.db);
    const owner = await loginWithCode(t, sub.msisdn);
    const headers = { 'x-msisdn': sub.msisdn };
    expect((await owner.patch('/api/v1/security', { autoLoginAccess: 'full' })).statusCode).toBe(200);
    const full = await fromAddress(GATEWAY).post(
      '/api/v1/auth/enrichment',
      { rememberDevice: true },
      headers,
    );
    expect(full.json().session.access).toBe('full');
    expect((await owner.patch('/api/v1/security', { autoLoginAccess: 'off' })).statusCode).toBe(200);
    const gateway = fromAddress(GATEWAY);
    expect((await gateway.request('GET', '/api/v1/auth/enrichment', undefined, headers)).json()).toEqual({
      available: false,
      maskedPhone: null,
    });
    const off = await gateway.post('/api/v1/auth/enrichment', { rememberDevice: true }, headers);
    expect(off.statusCode).toBe(404);
  });

  it('ACCESS-08 a forged header from an untrusted address (even with X-Forwarded-For) is refused and creates nothing', async () => {
    const sub = await buildSubscriber(t.db);
    const client = fromAddress('203.0.113.5');
    const headers = { 'x-msisdn': sub.msisdn, 'x-forwarded-for': GATEWAY };
    const status = await client.request('GET', '/api/v1/auth/enrichment', undefined, headers);
    expect(status.json()).toEqual({ available: false, maskedPhone: null });
    const res = await client.post('/api/v1/auth/enrichment', { rememberDevice: true }, headers);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'enrichment_untrusted' });
    const logins = await t.db
      .selectFrom('logins')
      .select('id')
      .where('identifier', '=', sub.msisdn)
      .execute();
    expect(logins).toEqual([]);
    const sessions = await t.db
      .selectFrom('journal')
      .select('id')
      .where('line_id', '=', sub.lineId)
      .where('action', '=', 'auth.login')
      .execute();
    expect(sessions).toEqual([]);
  });

  it('ACCESS-08 a trusted gateway naming no line, or a malformed number, gets 404', async () => {
    const client = fromAddress(GATEWAY);
    const none = await client.post(
      '/api/v1/auth/enrichment',
      { rememberDevice: true },
      { 'x-msisdn': '+79990000001' },
    );
    expect(none.statusCode).toBe(404);
    const junk = await client.post(
      '/api/v1/auth/enrichment',
      { rememberDevice: true },
      { 'x-msisdn': 'drop table' },
    );
    expect(junk.statusCode).toBe(404);
    const missing = await client.post('/api/v1/auth/enrichment', { rememberDevice: true });
    expect(missing.statusCode).toBe(404);
  });
});
