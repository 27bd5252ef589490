import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from '@simplewebauthn/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubscriber } from '../../test/factories.ts';
import { createTestApp, type TestApp } from '../../test/harness.ts';
import { TestClient as Client, loginWithCode, type TestClient } from '../../test/http-client.ts';
import { createSession } from '../sessions.ts';
import { SoftAuthenticator } from './test-authenticator.ts';

// Fastify's inject speaks to host `localhost:80`: that is this test browser's origin, and `localhost` its RP ID.
const ORIGIN = 'http://localhost:80';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A subscriber logged in by code, with a passkey added through the real endpoints. */
async function subscriberWithPasskey() {
  const sub = await buildSubscriber(t.db);
  const client = await loginWithCode(t, sub.msisdn);
  const authenticator = new SoftAuthenticator(ORIGIN);
  const options = await client.post('/api/v1/security/passkeys/options');
  expect(options.statusCode).toBe(200);
  const response = authenticator.register(options.json<PublicKeyCredentialCreationOptionsJSON>());
  const created = await client.post('/api/v1/security/passkeys', { response, name: 'Test phone' });
  expect(created.statusCode).toBe(201);
  return { sub, client, authenticator, passkeyId: created.json<{ id: string }>().id };
}

async function loginOptions(client: TestClient) {
  const res = await client.post('/api/v1/auth/passkey/options');
  expect(res.statusCode).toBe(200);
  return res.json<PublicKeyCredentialRequestOptionsJSON>();
}

async function journal(loginId: string, action: string) {
  return t.db
    .selectFrom('journal')
    .select(['outcome', 'details'])
    .where('login_id', '=', loginId)
    .where('action', '=', action)
    .orderBy('id')
    .execute();
}

describe('passkeys', () => {
  it('ACCESS-06 adds a passkey and logs in with it, verified for real, moving the signature counter', async () => {
    const { sub, authenticator, passkeyId } = await subscriberWithPasskey();
    const browser = new Client(t);
    const options = await loginOptions(browser);
    expect(options.rpId).toBe('localhost');
    expect(options.allowCredentials ?? []).toEqual([]);
    const res = await browser.post('/api/v1/auth/passkey/verify', {
      response: authenticator.authenticate(options),
      rememberDevice: false,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ lines: [expect.objectContaining({ id: sub.lineId })] });
    expect((await browser.get('/api/v1/me')).statusCode).toBe(200);

    const stored = await t.db
      .selectFrom('passkeys')
      .select(['counter', 'last_used_at', 'login_id'])
      .where('id', '=', passkeyId)
      .executeTakeFirstOrThrow();
    expect(stored.counter).toBe(1n);
    expect(stored.last_used_at).toEqual(t.clock.now);
    const sessions = await t.db
      .selectFrom('sessions')
      .select(['method', 'access', 'persistent'])
      .where('login_id', '=', stored.login_id)
      .where('method', '=', 'passkey')
      .execute();
    expect(sessions).toEqual([{ method: 'passkey', access: 'full', persistent: false }]);
    expect(await journal(stored.login_id, 'auth.passkey_registered')).toHaveLength(1);
    expect((await journal(stored.login_id, 'auth.login')).at(-1)).toMatchObject({
      outcome: 'ok',
      details: expect.objectContaining({ method: 'passkey' }),
    });

    // A second login: the counter keeps growing.
    const again = await new Client(t).post('/api/v1/auth/passkey/verify', {
      response: authenticator.authenticate(await loginOptions(browser)),
      rememberDevice: true,
    });
    expect(again.statusCode).toBe(401); // the other client holds no binding cookie for this challenge
    const third = await browser.post('/api/v1/auth/passkey/verify', {
      response: authenticator.authenticate(await loginOptions(browser)),
      rememberDevice: true,
    });
    expect(third.statusCode).toBe(200);
    const after = await t.db
      .selectFrom('passkeys')
      .select('counter')
      .where('id', '=', passkeyId)
      .executeTakeFirstOrThrow();
    expect(after.counter).toBe(3n);
  });

  it('ACCESS-06 lists the passkeys and tells the owner by SMS that one was added', async () => {
    const { sub, client, passkeyId } = await subscriberWithPasskey();
    const list = await client.get('/api/v1/security/passkeys');
    expect(list.json()).toEqual({
      passkeys: [{ id: passkeyId, name: 'Test phone', createdAt: expect.any(String), lastUsedAt: null }],
    });
    await t.ctx.outbox.kick();
    const inbox = await client.get(`/api/v1/dev/phones/${encodeURIComponent(sub.msisdn)}/messages`);
    expect(inbox.json().messages[0].body).toContain('Test phone');
  });

  it('ACCESS-06 refuses an assertion written for another origin, and the challenge is spent by the attempt', async () => {
    const { authenticator, passkeyId } = await subscriberWithPasskey();
    const browser = new Client(t);
    const options = await loginOptions(browser);
    const phishing = await browser.post('/api/v1/auth/passkey/verify', {
      response: authenticator.authenticate(options, { origin: 'http://evil.example' }),
      rememberDevice: false,
    });
    expect(phishing.statusCode).toBe(401);
    expect(phishing.json()).toMatchObject({ code: 'passkey_invalid' });
    expect(phishing.cookies.find((c) => c.name === 'kabinet_sid')).toBeUndefined();
    const row = await t.db
      .selectFrom('passkeys')
      .select(['counter', 'login_id'])
      .where('id', '=', passkeyId)
      .executeTakeFirstOrThrow();
    expect(row.counter).toBe(0n);
    expect((await journal(row.login_id, 'auth.login')).at(-1)).toMatchObject({
      outcome: 'failed',
      details: { method: 'passkey', reason: 'verification' },
    });
    // The same challenge, now answered correctly, is no longer accepted.
    const retry = await browser.post('/api/v1/auth/passkey/verify', {
      response: authenticator.authenticate(options),
      rememberDevice: false,
    });
    expect(retry.statusCode).toBe(401);
  });

  it('ACCESS-06 refuses a replayed assertion: a challenge opens one session only', async () => {
    const { authenticator } = await subscriberWithPasskey();
    const browser = new Client(t);
    const binding = await browser.post('/api/v1/auth/passkey/options');
    const response = authenticator.authenticate(binding.json());
    const cookie = binding.cookies.find((c) => c.name === 'kabinet_passkey_login');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    const first = await browser.post('/api/v1/auth/passkey/verify', { response, rememberDevice: false });
    expect(first.statusCode).toBe(200);
    // An attacker who captured both the assertion and the binding cookie still gets nothing.
    const attacker = new Client(t);
    attacker.setCookie('kabinet_passkey_login', cookie?.value ?? '');
    const replay = await attacker.post('/api/v1/auth/passkey/verify', { response, rememberDevice: false });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'passkey_invalid' });
  });

  it('ACCESS-06 refuses a challenge after 5 minutes', async () => {
    const { authenticator } = await subscriberWithPasskey();
    const browser = new Client(t);
    const options = await loginOptions(browser);
    t.clock.advance(5 * 60_000 + 1000);
    const late = await browser.post('/api/v1/auth/passkey/verify', {
      response: authenticator.authenticate(options),
      rememberDevice: false,
    });
    expect(late.statusCode).toBe(401);
    expect(late.json().detail).toMatch(/expired/);
  });

  it('ACCESS-06 a removed passkey no longer logs in, and another login cannot remove one', async () => {
    const { client, authenticator, passkeyId } = await subscriberWithPasskey();
    const stranger = await loginWithCode(t, (await buildSubscriber(t.db)).msisdn);
    expect((await stranger.request('DELETE', `/api/v1/security/passkeys/${passkeyId}`)).statusCode).toBe(404);
    expect((await client.request('DELETE', `/api/v1/security/passkeys/${passkeyId}`)).statusCode).toBe(204);
    expect((await client.request('DELETE', `/api/v1/security/passkeys/${passkeyId}`)).statusCode).toBe(404);
    expect((await client.get('/api/v1/security/passkeys')).json()).toEqual({ passkeys: [] });
    const browser = new Client(t);
    const res = await browser.post('/api/v1/auth/passkey/verify', {
      response: authenticator.authenticate(await loginOptions(browser)),
      rememberDevice: false,
    });
    expect(res.statusCode).toBe(401);
  });

  it('ACCESS-06 excludes the passkeys already added, and registration is not replayable either', async () => {
    const { client, authenticator } = await subscriberWithPasskey();
    const res = await client.post('/api/v1/security/passkeys/options');
    const options = res.json<PublicKeyCredentialCreationOptionsJSON>();
    expect(options.authenticatorSelection).toMatchObject({
      residentKey: 'required',
      userVerification: 'preferred',
    });
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual([
      authenticator.credentials[0]?.id.toString('base64url'),
    ]);
    const response = authenticator.register(options);
    expect((await client.post('/api/v1/security/passkeys', { response })).statusCode).toBe(201);
    const replay = await client.post('/api/v1/security/passkeys', { response });
    expect(replay.statusCode).toBe(400);
    expect(replay.json()).toMatchObject({ code: 'passkey_invalid' });
    expect((await client.get('/api/v1/security/passkeys')).json().passkeys).toHaveLength(2);
  });

  it('ACCESS-06 passkey management needs a full-access session', async () => {
    const anonymous = new Client(t);
    expect((await anonymous.get('/api/v1/security/passkeys')).statusCode).toBe(401);
    expect((await anonymous.post('/api/v1/security/passkeys/options')).statusCode).toBe(401);
    const sub = await buildSubscriber(t.db, { withLogin: true });
    const partial = await createSession(t.db, {
      loginId: sub.loginId ?? '',
      access: 'partial',
      method: 'enrichment',
      persistent: false,
      ip: null,
      userAgent: null,
      now: t.clock.now,
    });
    const client = new Client(t);
    client.setCookie('kabinet_sid', partial.token);
    const res = await client.post('/api/v1/security/passkeys/options');
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'forbidden' });
    expect(
      await t.db.selectFrom('webauthn_challenges').select('id').where('login_id', '=', sub.loginId).execute(),
    ).toEqual([]);
  });

  it('ACCESS-06 answers malformed input with a clear problem and creates nothing', async () => {
    const { client, authenticator } = await subscriberWithPasskey();
    const before = await t.db.selectFrom('passkeys').select('id').execute();
    const options = (await client.post('/api/v1/security/passkeys/options')).json();
    const good = authenticator.register(options);
    const cases = [
      { response: { ...good, type: 'password' } },
      { response: { ...good, response: { ...good.response, attestationObject: 'not base64url!' } } },
      { response: good, name: 'x'.repeat(65) },
      { response: { ...good, id: 'a'.repeat(2000) } },
    ];
    for (const body of cases) {
      const res = await client.post('/api/v1/security/passkeys', body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed' });
    }
    const garbage = await client.post('/api/v1/security/passkeys', {
      response: { ...good, response: { ...good.response, clientDataJSON: 'bm90IGpzb24' } },
    });
    expect(garbage.json()).toMatchObject({ code: 'passkey_invalid' });
    expect((await client.request('DELETE', '/api/v1/security/passkeys/not-an-id')).statusCode).toBe(400);
    const huge = await client.post('/api/v1/auth/passkey/verify', { response: 'x'.repeat(70_000) });
    expect(huge.statusCode).toBe(413);
    expect(await t.db.selectFrom('passkeys').select('id').execute()).toHaveLength(before.length);
  });
});
