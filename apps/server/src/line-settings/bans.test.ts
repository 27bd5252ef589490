import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode } from '../test/http-client.ts';
import { buildBan, settingsSnapshot } from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('service bans', () => {
  it('SVC-04 enables and disables a ban, journaled and recorded as a request', async () => {
    const sub = await buildSubscriber(t.db);
    const code = await buildBan(t.db);
    const archived = await buildBan(t.db, { archived: true });
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/bans`;

    const before = (await client.get(url)).json();
    const codes = before.bans.map((b: { code: string }) => b.code);
    expect(codes).toContain(code);
    expect(codes).not.toContain(archived);
    expect(before.bans.find((b: { code: string }) => b.code === code)).toEqual({
      code,
      name: { ru: 'Запрет международных звонков', en: 'International calls barred' },
      description: {
        ru: 'Исходящие международные вызовы запрещены.',
        en: 'Outgoing international calls are barred.',
      },
      bars: ['voice_intl'],
      enabled: false,
      enabledAt: null,
    });

    const on = await client.request('PUT', `${url}/${code}`, { enabled: true });
    expect(on.statusCode).toBe(200);
    expect(on.json()).toMatchObject({ code, enabled: true, enabledAt: t.clock.now.toISOString() });
    const again = await client.request('PUT', `${url}/${code}`, { enabled: true });
    expect(again.json()).toMatchObject({ enabled: true, enabledAt: t.clock.now.toISOString() });
    const listed = (await client.get(url)).json().bans.find((b: { code: string }) => b.code === code);
    expect(listed).toMatchObject({ enabled: true });

    t.clock.advance(1000);
    const off = await client.request('PUT', `${url}/${code}`, { enabled: false });
    expect(off.json()).toMatchObject({ code, enabled: false, enabledAt: null });

    const after = await settingsSnapshot(t.db, sub.lineId);
    expect(after.bans).toEqual([]);
    expect(after.requests).toEqual([
      { kind: 'ban_change', status: 'done' },
      { kind: 'ban_change', status: 'done' },
    ]);
    expect(after.journal).toEqual([
      { action: 'ban.enabled', details: expect.objectContaining({ ban: code, enabled: true }) },
      { action: 'ban.disabled', details: expect.objectContaining({ ban: code, enabled: false }) },
    ]);
    const requests = (await client.get(`/api/v1/lines/${sub.lineId}/requests`)).json();
    expect(requests.requests[0]).toMatchObject({
      kind: 'ban_change',
      status: 'done',
      title: { en: 'Ban “International calls barred” off' },
    });
  });

  it('SVC-04 answers 404 for an unknown or archived ban and 400 for a bad body', async () => {
    const sub = await buildSubscriber(t.db);
    const archived = await buildBan(t.db, { archived: true });
    const code = await buildBan(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/bans`;
    for (const unknown of ['no-such-ban', archived]) {
      const res = await client.request('PUT', `${url}/${unknown}`, { enabled: true });
      expect(res.statusCode).toBe(404);
      expect(res.json()).toMatchObject({ code: 'not_found' });
    }
    const bad = await client.request('PUT', `${url}/${code}`, { enabled: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'validation_failed', errors: [{ field: 'enabled' }] });
    expect((await settingsSnapshot(t.db, sub.lineId)).requests).toEqual([]);
  });
});
