import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContractCustomer, inbox } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode, readCodeFromVirtualPhone, TestClient } from '../test/http-client.ts';
import { checkNewPassword } from './password-policy.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const GOOD = 'ночной-трамвай 42';

/** A subscriber who logged in by code and set a first password; returns the logged-in client. */
async function subscriberWithPassword(password = GOOD, options: { balance?: bigint } = {}) {
  const sub = await buildSubscriber(t.db, { balance: options.balance ?? 100_00n });
  const client = await loginWithCode(t, sub.msisdn);
  const set = await client.post('/api/v1/auth/password', { newPassword: password });
  if (set.statusCode !== 204) throw new Error(`set password: ${set.statusCode} ${set.body}`);
  return { sub, client };
}

function passwordLogin(client: TestClient, body: Record<string, unknown>) {
  return client.post('/api/v1/auth/password/login', { rememberDevice: true, ...body });
}

describe('password policy', () => {
  it('ACCESS-02 accepts 8–128 code points of any printable characters and refuses common passwords', () => {
    expect(checkNewPassword('1234567')?.code).toBe('too_short');
    expect(checkNewPassword('😀😀😀😀😀😀😀')?.code).toBe('too_short');
    expect(checkNewPassword('😀😀😀😀😀😀😀😀')).toBeNull();
    expect(checkNewPassword('я'.repeat(128))).toBeNull();
    expect(checkNewPassword('я'.repeat(129))?.code).toBe('too_long');
    expect(checkNewPassword('pass\nword words')?.code).toBe('invalid_characters');
    for (const common of ['qwerty123', 'Password1', '1q2w3e4r', 'ЙЦУКЕНГШЩЗ', 'zaq12wsx'])
      expect(checkNewPassword(common)?.code).toBe('too_common');
    expect(checkNewPassword('correct horse battery staple')).toBeNull();
  });
});

describe('password login', () => {
  it('ACCESS-02 sets a first password right after a code login, then ACCESS-03 logs in with it by number in any format', async () => {
    const { sub, client } = await subscriberWithPassword();
    const me = await client.get('/api/v1/me');
    expect(me.json().login).toMatchObject({ hasPassword: true, kind: 'phone' });
    const browser = new TestClient(t);
    const res = await passwordLogin(browser, {
      kind: 'phone',
      identifier: `8 (${sub.msisdn.slice(2, 5)}) ${sub.msisdn.slice(5)}`,
      password: GOOD,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      login: { hasPassword: true, kind: 'phone' },
      session: { access: 'full', method: 'password' },
      lines: [expect.objectContaining({ id: sub.lineId, access: 'full' })],
    });
    expect(res.cookies.find((c) => c.name === 'kabinet_sid')).toMatchObject({ httpOnly: true });
    const stored = await t.db
      .selectFrom('logins')
      .select('password_hash')
      .where('identifier', '=', sub.msisdn)
      .executeTakeFirstOrThrow();
    expect(stored.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('ACCESS-13 password login works with a negative balance', async () => {
    const { sub } = await subscriberWithPassword(GOOD, { balance: -250_00n });
    const res = await passwordLogin(new TestClient(t), {
      kind: 'phone',
      identifier: sub.msisdn,
      password: GOOD,
    });
    expect(res.statusCode).toBe(200);
  });

  it('ACCESS-10 logs in by contract number and the password the installer issued', async () => {
    const home = await buildContractCustomer(t.db, { password: 'выдан-в-офисе-7' });
    const res = await passwordLogin(new TestClient(t), {
      kind: 'contract',
      identifier: home.contractNumber.toLowerCase(),
      password: 'выдан-в-офисе-7',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      login: { kind: 'contract', hasPassword: true },
      lines: [
        expect.objectContaining({
          id: home.lineId,
          contractNumber: home.contractNumber,
          kind: 'home_internet',
        }),
      ],
    });
  });

  it('ACCESS-04 answers a wrong password, an unknown number and a login without a password alike', async () => {
    const { sub } = await subscriberWithPassword();
    const noPassword = await buildSubscriber(t.db, { withLogin: true });
    const client = new TestClient(t);
    const answers = [
      await passwordLogin(client, { kind: 'phone', identifier: sub.msisdn, password: 'wrong password' }),
      await passwordLogin(client, { kind: 'phone', identifier: '+79990009988', password: GOOD }),
      await passwordLogin(client, { kind: 'phone', identifier: noPassword.msisdn, password: GOOD }),
      await passwordLogin(client, { kind: 'contract', identifier: 'NO-SUCH-1', password: GOOD }),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ code: 'invalid_credentials', attemptsLeft: 9 });
    }
    const failures = await t.db
      .selectFrom('journal')
      .select(['action', 'outcome', 'details'])
      .where('line_id', '=', sub.lineId)
      .where('outcome', '=', 'failed')
      .execute();
    expect(failures).toEqual([
      expect.objectContaining({ action: 'auth.login', details: { method: 'password', kind: 'phone' } }),
    ]);
    expect(JSON.stringify(failures)).not.toContain('wrong password');
  });

  it('ACCESS-04 wrong codes and wrong passwords share one counter: ten lock both for an hour', async () => {
    const { sub } = await subscriberWithPassword();
    const client = new TestClient(t);
    t.clock.advance(61_000);
    await client.post('/api/v1/auth/code', { phone: sub.msisdn });
    const code = await readCodeFromVirtualPhone(t, sub.msisdn);
    const wrongCode = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++)
      await client.post('/api/v1/auth/code/verify', {
        phone: sub.msisdn,
        code: wrongCode,
        rememberDevice: true,
      });
    for (let i = 0; i < 4; i++) {
      const res = await passwordLogin(client, {
        kind: 'phone',
        identifier: sub.msisdn,
        password: 'not it at all',
      });
      expect(res.json()).toMatchObject({ code: 'invalid_credentials', attemptsLeft: 4 - i });
    }
    const tenth = await passwordLogin(client, {
      kind: 'phone',
      identifier: sub.msisdn,
      password: 'not it at all',
    });
    expect(tenth.statusCode).toBe(423);
    expect(tenth.json().lockedUntil).toBe(new Date(t.clock.now.getTime() + 3600_000).toISOString());
    const right = await passwordLogin(client, { kind: 'phone', identifier: sub.msisdn, password: GOOD });
    expect(right.statusCode).toBe(423);
    const locked = await t.db
      .selectFrom('journal')
      .select('action')
      .where('line_id', '=', sub.lineId)
      .where('action', '=', 'auth.locked')
      .execute();
    expect(locked).toHaveLength(1);
    t.clock.advance(3600_000 + 1000);
    expect(
      (await passwordLogin(client, { kind: 'phone', identifier: sub.msisdn, password: GOOD })).statusCode,
    ).toBe(200);
  });

  it('ACCESS-10 a contract is locked under its own key after ten wrong passwords', async () => {
    const home = await buildContractCustomer(t.db, { password: 'выдан-в-офисе-8' });
    const client = new TestClient(t);
    for (let i = 0; i < 9; i++)
      await passwordLogin(client, {
        kind: 'contract',
        identifier: home.contractNumber,
        password: 'nope nope',
      });
    const tenth = await passwordLogin(client, {
      kind: 'contract',
      identifier: home.contractNumber,
      password: 'nope nope',
    });
    expect(tenth.statusCode).toBe(423);
    const lock = await t.db
      .selectFrom('auth_lockouts')
      .select('locked_until')
      .where('identifier', '=', `contract:${home.contractNumber}`)
      .executeTakeFirstOrThrow();
    expect(lock.locked_until).not.toBeNull();
  });

  it('ACCESS-03 malformed login input gets field errors and counts nothing', async () => {
    const client = new TestClient(t);
    const badPhone = await passwordLogin(client, { kind: 'phone', identifier: '12', password: GOOD });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().errors).toEqual([
      expect.objectContaining({ field: 'identifier', code: 'invalid_phone' }),
    ]);
    const badContract = await passwordLogin(client, {
      kind: 'contract',
      identifier: '<script>',
      password: GOOD,
    });
    expect(badContract.json().errors).toEqual([
      expect.objectContaining({ field: 'identifier', code: 'invalid_contract' }),
    ]);
    const empty = await passwordLogin(client, { kind: 'phone', identifier: '+79001112233', password: '' });
    expect(empty.json().errors).toEqual([expect.objectContaining({ field: 'password', code: 'required' })]);
    const huge = await passwordLogin(client, {
      kind: 'phone',
      identifier: '+79001112233',
      password: 'x'.repeat(5000),
    });
    expect(huge.statusCode).toBe(400);
    const wrongKind = await passwordLogin(client, { kind: 'email', identifier: 'a@b.c', password: GOOD });
    expect(wrongKind.statusCode).toBe(400);
    const counted = await t.db
      .selectFrom('auth_lockouts')
      .select('identifier')
      .where('identifier', '=', '+79001112233')
      .execute();
    expect(counted).toEqual([]);
  });
});

describe('setting and changing the password', () => {
  it('ACCESS-02 a first password without proof only within 10 minutes of a code login', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    t.clock.advance(10 * 60_000 + 1000);
    await client.get('/api/v1/me');
    const late = await client.post('/api/v1/auth/password', { newPassword: GOOD });
    expect(late.statusCode).toBe(403);
    expect(late.json()).toMatchObject({ code: 'step_up_required' });
    const login = await t.db
      .selectFrom('logins')
      .select('password_hash')
      .where('identifier', '=', sub.msisdn)
      .executeTakeFirstOrThrow();
    expect(login.password_hash).toBeNull();
  });

  it('ACCESS-02 changing needs the current password; a wrong one counts towards the lock', async () => {
    const { sub, client } = await subscriberWithPassword();
    const without = await client.post('/api/v1/auth/password', { newPassword: 'другой пароль 1' });
    expect(without.json()).toMatchObject({ code: 'step_up_required' });
    const wrong = await client.post('/api/v1/auth/password', {
      newPassword: 'другой пароль 1',
      currentPassword: 'not the one',
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'invalid_credentials', attemptsLeft: 9 });
    const ok = await client.post('/api/v1/auth/password', {
      newPassword: 'другой пароль 1',
      currentPassword: GOOD,
    });
    expect(ok.statusCode).toBe(204);
    const old = await passwordLogin(new TestClient(t), {
      kind: 'phone',
      identifier: sub.msisdn,
      password: GOOD,
    });
    expect(old.statusCode).toBe(401);
    const fresh = await passwordLogin(new TestClient(t), {
      kind: 'phone',
      identifier: sub.msisdn,
      password: 'другой пароль 1',
    });
    expect(fresh.statusCode).toBe(200);
  });

  it('ACCESS-02 a change ends the other sessions (not this one), is journaled and sends an SMS notice', async () => {
    const { sub, client } = await subscriberWithPassword();
    const other = new TestClient(t);
    expect(
      (await passwordLogin(other, { kind: 'phone', identifier: sub.msisdn, password: GOOD })).statusCode,
    ).toBe(200);
    const res = await client.post('/api/v1/auth/password', {
      newPassword: 'сменил пароль 2',
      currentPassword: GOOD,
    });
    expect(res.statusCode).toBe(204);
    expect((await other.get('/api/v1/me')).statusCode).toBe(401);
    expect((await client.get('/api/v1/me')).statusCode).toBe(200);
    expect((await inbox(t, sub.msisdn))[0]).toContain('Пароль от Кабинета изменён');
    const journal = await t.db
      .selectFrom('journal')
      .select(['details'])
      .where('action', '=', 'auth.password_changed')
      .where('actor_id', '=', (await client.get('/api/v1/me')).json().login.id)
      .where('outcome', '=', 'ok')
      .orderBy('id')
      .execute();
    expect(journal.map((j) => j.details)).toEqual([{ via: 'fresh_login' }, { via: 'current_password' }]);
  });

  it('ACCESS-02 a step-up code replaces the current password, once', async () => {
    const { sub, client } = await subscriberWithPassword();
    t.clock.advance(61_000);
    const sent = await client.post('/api/v1/auth/step-up/code');
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toMatchObject({ expiresInSeconds: 600, resendAfterSeconds: 60 });
    const code = await readCodeFromVirtualPhone(t, sub.msisdn);
    const ok = await client.post('/api/v1/auth/password', { newPassword: 'по коду из смс 3', code });
    expect(ok.statusCode).toBe(204);
    const replay = await client.post('/api/v1/auth/password', { newPassword: 'по коду из смс 4', code });
    expect(replay.statusCode).toBe(401);
    expect(replay.json()).toMatchObject({ code: 'invalid_code' });
    // A login code is not a step-up code: codes are bound to their purpose.
    await new TestClient(t).post('/api/v1/auth/code', { phone: sub.msisdn });
    const loginCode = await readCodeFromVirtualPhone(t, sub.msisdn);
    const crossed = await client.post('/api/v1/auth/password', {
      newPassword: 'по коду из смс 5',
      code: loginCode,
    });
    expect(crossed.json()).toMatchObject({ code: 'invalid_code' });
  });

  it('ACCESS-02 a new password that breaks the policy is refused with a field error and changes nothing', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    for (const [newPassword, code] of [
      ['short', 'too_short'],
      ['x'.repeat(129), 'too_long'],
      ['qwerty123', 'too_common'],
    ]) {
      const res = await client.post('/api/v1/auth/password', { newPassword });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'newPassword', code })]);
    }
    expect((await client.get('/api/v1/me')).json().login.hasPassword).toBe(false);
  });
});

describe('password reset', () => {
  it('ACCESS-02 resets by an SMS code and logs in, ending the old sessions', async () => {
    const { sub, client } = await subscriberWithPassword();
    const browser = new TestClient(t);
    const sent = await browser.post('/api/v1/auth/password/reset/code', {
      kind: 'phone',
      identifier: sub.msisdn,
    });
    expect(sent.statusCode).toBe(202);
    expect(sent.json().maskedPhone).toMatch(/\*\*\*-\*\*-/);
    const code = await readCodeFromVirtualPhone(t, sub.msisdn);
    const res = await browser.post('/api/v1/auth/password/reset', {
      kind: 'phone',
      identifier: sub.msisdn,
      code,
      newPassword: 'восстановил 2026',
      rememberDevice: false,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().login.hasPassword).toBe(true);
    expect((await client.get('/api/v1/me')).statusCode).toBe(401);
    expect((await browser.get('/api/v1/me')).statusCode).toBe(200);
    const again = await new TestClient(t).post('/api/v1/auth/password/reset', {
      kind: 'phone',
      identifier: sub.msisdn,
      code,
      newPassword: 'ещё разок 2026',
      rememberDevice: false,
    });
    expect(again.json()).toMatchObject({ code: 'invalid_code' });
  });

  it('ACCESS-02 an expired reset code is refused and the password stays', async () => {
    const { sub } = await subscriberWithPassword();
    const browser = new TestClient(t);
    await browser.post('/api/v1/auth/password/reset/code', { kind: 'phone', identifier: sub.msisdn });
    const code = await readCodeFromVirtualPhone(t, sub.msisdn);
    t.clock.advance(10 * 60_000 + 1000);
    const res = await browser.post('/api/v1/auth/password/reset', {
      kind: 'phone',
      identifier: sub.msisdn,
      code,
      newPassword: 'слишком поздно 1',
      rememberDevice: true,
    });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ code: 'code_expired' });
    expect(
      (await passwordLogin(browser, { kind: 'phone', identifier: sub.msisdn, password: GOOD })).statusCode,
    ).toBe(200);
  });

  it("ACCESS-10 a contract's reset code goes to its recovery phone; unknown contracts get the same answer", async () => {
    const recovery = '+79161234567';
    const home = await buildContractCustomer(t.db, { password: 'выдан-в-офисе-9', recoveryPhone: recovery });
    const browser = new TestClient(t);
    const sent = await browser.post('/api/v1/auth/password/reset/code', {
      kind: 'contract',
      identifier: home.contractNumber,
    });
    expect(sent.json()).toMatchObject({ maskedPhone: '+7 916 ***-**-67', expiresInSeconds: 600 });
    const code = await readCodeFromVirtualPhone(t, recovery);
    const res = await browser.post('/api/v1/auth/password/reset', {
      kind: 'contract',
      identifier: home.contractNumber,
      code,
      newPassword: 'свой пароль 10',
      rememberDevice: true,
    });
    expect(res.statusCode).toBe(200);
    const unknown = await new TestClient(t).post('/api/v1/auth/password/reset/code', {
      kind: 'contract',
      identifier: 'NO-SUCH-77',
    });
    expect(unknown.statusCode).toBe(202);
    expect(Object.keys(unknown.json()).sort()).toEqual(Object.keys(sent.json()).sort());
    expect(unknown.json().maskedPhone).toMatch(/^\+7 9\d\d \*\*\*-\*\*-\d\d$/);
  });
});
