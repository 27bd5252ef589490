import { newId } from '@kabinet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode } from '../test/http-client.ts';
import { routeTable } from '../test/route-table.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

/** Path parameters naming something a subscriber owns; a route with any of them is walked. */
const OWNED_PARAMS = ['lineId', 'sessionId', 'passkeyId'];

describe('authorisation', () => {
  it("ACCESS-09 every line endpoint refuses another subscriber's line, session and passkey", async () => {
    const a = await buildSubscriber(t.db);
    const b = await buildSubscriber(t.db);
    const clientA = await loginWithCode(t, a.msisdn);
    const clientB = await loginWithCode(t, b.msisdn);
    const meB = (await clientB.get('/api/v1/me')).json();
    const passkeyId = newId('passkey');
    await t.db
      .insertInto('passkeys')
      .values({
        id: passkeyId,
        login_id: meB.login.id,
        credential_id: `cred-${passkeyId}`,
        public_key: Buffer.from('not a real key'),
        name: 'B phone',
      })
      .execute();
    // An option connected to B's line and a request of B's (SVC-02/03, SVC-11).
    const optionId = newId('option');
    await t.db
      .insertInto('options')
      .values({ id: optionId, code: `walker-${optionId}`, category: 'content', name_ru: 'B', name_en: 'B' })
      .execute();
    await t.db.insertInto('line_options').values({ line_id: b.lineId, option_id: optionId }).execute();
    const requestId = newId('request');
    await t.db
      .insertInto('requests')
      .values({ id: requestId, line_id: b.lineId, kind: 'option_connect', status: 'done', payload: '{}' })
      .execute();
    // A blacklist entry of B's, and a ban of the catalog (SVC-04/07).
    const entryId = newId('blacklistEntry');
    await t.db
      .insertInto('line_blacklist')
      .values({ id: entryId, line_id: b.lineId, number: '+74951234567' })
      .execute();
    const banCode = `walker-ban-${entryId}`;
    await t.db
      .insertInto('service_bans')
      .values({ code: banCode, name_ru: 'Запрет', name_en: 'Ban', bars: ['voice_intl'] })
      .execute();
    // A pending eSIM of B's (SVC-09).
    const cardId = newId('simCard');
    await t.db
      .insertInto('sim_cards')
      .values({
        id: cardId,
        line_id: b.lineId,
        kind: 'esim',
        status: 'pending',
        activation_code: 'LPA:1$x$Y',
      })
      .execute();
    const idsOfB: Record<string, string> = {
      lineId: b.lineId,
      sessionId: meB.session.id,
      passkeyId,
      optionId,
      requestId,
      entryId,
      banCode,
      cardId,
      autopayId: newId('autopay'),
      invoiceId: newId('invoice'),
      condition: 'unconditional',
    };

    const routes = routeTable(t.app.printRoutes({ commonPrefix: false })).filter((r) =>
      OWNED_PARAMS.some((p) => r.path.includes(`:${p}`)),
    );
    // Not vacuous: at least the dashboard, the journal, signing out a session and removing a passkey.
    expect(routes.map((r) => r.path)).toEqual(
      expect.arrayContaining([
        '/api/v1/lines/:lineId/dashboard',
        '/api/v1/lines/:lineId/journal',
        '/api/v1/security/sessions/:sessionId',
      ]),
    );
    let calls = 0;
    for (const route of routes) {
      const url = route.path.replace(/:(\w+)/g, (_, name: string) => {
        const id = idsOfB[name];
        if (!id) throw new Error(`${route.path}: add an id of subscriber B for :${name} to this walker`);
        return id;
      });
      for (const method of route.methods.filter((m) => m !== 'HEAD')) {
        const res = await clientA.request(
          method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
          url,
          method === 'GET' || method === 'DELETE' ? undefined : {},
        );
        expect([403, 404], `${method} ${route.path} answered ${res.statusCode}`).toContain(res.statusCode);
        expect(res.headers['content-type']).toContain('application/problem+json');
        calls += 1;
      }
    }
    expect(calls).toBeGreaterThanOrEqual(3);
    // Nothing of B's changed: B is still logged in, the passkey is still there.
    expect((await clientB.get('/api/v1/me')).statusCode).toBe(200);
    const key = await t.db
      .selectFrom('passkeys')
      .select('revoked_at')
      .where('id', '=', passkeyId)
      .executeTakeFirst();
    expect(key?.revoked_at ?? null).toBeNull();
    const stillConnected = await t.db
      .selectFrom('line_options')
      .select('option_id')
      .where('line_id', '=', b.lineId)
      .execute();
    expect(stillConnected).toEqual([{ option_id: optionId }]);
    const settingsOfB = await Promise.all([
      t.db.selectFrom('line_blacklist').select('id').where('line_id', '=', b.lineId).execute(),
      t.db.selectFrom('line_bans').select('ban_code').where('line_id', '=', b.lineId).execute(),
      t.db.selectFrom('line_forwarding').select('condition').where('line_id', '=', b.lineId).execute(),
    ]);
    expect(settingsOfB).toEqual([[{ id: entryId }], [], []]);
  });

  it('ACCESS-09 a partial session gets 403 on the journal, security settings, sessions and password change', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    const { client } = await clientWithSession(t, sub.loginId ?? '', {
      access: 'partial',
      method: 'enrichment',
    });
    const me = await client.get('/api/v1/me');
    expect(me.json()).toMatchObject({
      session: { access: 'partial' },
      lines: [expect.objectContaining({ id: sub.lineId, access: 'partial' })],
    });
    expect((await client.get(`/api/v1/lines/${sub.lineId}/dashboard`)).statusCode).toBe(200);
    const refused = [
      await client.get(`/api/v1/lines/${sub.lineId}/journal`),
      await client.get('/api/v1/security'),
      await client.patch('/api/v1/security', { autoLoginAccess: 'full' }),
      await client.get('/api/v1/security/sessions'),
      await client.post('/api/v1/security/sessions/end-others'),
      await client.post('/api/v1/auth/password', { newPassword: 'частичный доступ 1' }),
      await client.post('/api/v1/auth/step-up/code'),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'forbidden' });
    }
    const login = await t.db
      .selectFrom('logins')
      .select(['auto_login_access', 'password_hash'])
      .where('id', '=', sub.loginId ?? '')
      .executeTakeFirstOrThrow();
    expect(login).toEqual({ auto_login_access: 'partial', password_hash: null });
    const denied = await t.db
      .selectFrom('journal')
      .select('id')
      .where('login_id', '=', sub.loginId ?? '')
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied).toHaveLength(refused.length);
  });
});
