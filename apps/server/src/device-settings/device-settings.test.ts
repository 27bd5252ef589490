import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession, inbox } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode } from '../test/http-client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

async function records(lineId: string) {
  const [requests, journal, outbox] = await Promise.all([
    t.db
      .selectFrom('requests')
      .select(['kind', 'status'])
      .where('line_id', '=', lineId)
      .where('kind', '=', 'device_settings')
      .execute(),
    t.db
      .selectFrom('journal')
      .select(['action', 'details'])
      .where('line_id', '=', lineId)
      .where('action', '=', 'device_settings.sent')
      .execute(),
    t.db
      .selectFrom('outbox')
      .select(['recipient', 'kind', 'body'])
      .where('kind', '=', 'device.settings')
      .execute(),
  ]);
  return { requests, journal, outbox };
}

describe('device settings', () => {
  it('SVC-12 sends internet and MMS settings by SMS to the line, with a request and a journal entry', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/device-settings`;
    expect((await client.get(url)).json()).toEqual({
      devices: ['android', 'iphone', 'other'],
      items: ['internet', 'mms'],
      limitPerHour: 3,
      sentInLastHour: 0,
      nextAllowedAt: null,
      msisdn: sub.msisdn,
    });
    const res = await client.post(url, { device: 'android', items: ['mms', 'internet'] });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({
      request: { id: expect.stringMatching(/^req_/), kind: 'device_settings', status: 'done' },
      messages: [{ item: 'internet' }, { item: 'mms' }],
      sentInLastHour: 1,
    });
    const phone = await inbox(t, sub.msisdn);
    expect(phone.filter((body) => body.startsWith('Настройки'))).toEqual([
      expect.stringContaining('MMS'),
      expect.stringContaining('APN internet.kabinet'),
    ]);
    const { requests, journal } = await records(sub.lineId);
    expect(requests).toEqual([{ kind: 'device_settings', status: 'done' }]);
    expect(journal).toEqual([
      {
        action: 'device_settings.sent',
        details: expect.objectContaining({ device: 'android', items: ['internet', 'mms'] }),
      },
    ]);
  });

  it('SVC-12 allows three sends an hour per line, then refuses with when to come back, nothing queued', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/device-settings`;
    for (let i = 0; i < 3; i += 1) {
      expect((await client.post(url, { device: 'iphone', items: ['internet'] })).statusCode).toBe(202);
      t.clock.advance(60_000);
    }
    const refused = await client.post(url, { device: 'iphone', items: ['internet'] });
    expect(refused.statusCode).toBe(429);
    // The first send leaves the window an hour after it was made: 57 minutes from now.
    expect(refused.json()).toMatchObject({ code: 'rate_limited', retryAfterSeconds: 57 * 60 });
    expect(refused.headers['retry-after']).toBe(String(57 * 60));
    expect((await client.get(url)).json()).toMatchObject({
      sentInLastHour: 3,
      nextAllowedAt: expect.any(String),
    });
    const before = await records(sub.lineId);
    expect(before.requests).toHaveLength(3);
    expect(before.outbox.filter((m) => m.recipient === sub.msisdn)).toHaveLength(3);
    // Two steps with a read between them, or the session's 30-minute idle timeout would end it.
    t.clock.advance(29 * 60_000);
    expect((await client.get(url)).json()).toMatchObject({ sentInLastHour: 3 });
    t.clock.advance(28 * 60_000);
    expect((await client.post(url, { device: 'other', items: ['mms'] })).statusCode).toBe(202);
  });

  it('SVC-12 names the bad field, refuses partial sessions, blocked lines and other subscribers’ lines', async () => {
    const sub = await buildSubscriber(t.db);
    const other = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/device-settings`;
    const noItems = await client.post(url, { device: 'android', items: [] });
    expect(noItems.statusCode).toBe(400);
    expect(noItems.json().errors).toEqual([expect.objectContaining({ field: 'items' })]);
    const badDevice = await client.post(url, { device: 'nokia-3310', items: ['internet'] });
    expect(badDevice.json().errors).toEqual([expect.objectContaining({ field: 'device' })]);
    const foreign = await client.post(`/api/v1/lines/${other.lineId}/device-settings`, {
      device: 'android',
      items: ['internet'],
    });
    expect(foreign.statusCode).toBe(404);
    expect((await client.get(`/api/v1/lines/${other.lineId}/device-settings`)).statusCode).toBe(404);

    const withLogin = await buildSubscriber(t.db, { withLogin: true });
    const { client: partial } = await clientWithSession(t, withLogin.loginId ?? '', {
      access: 'partial',
      method: 'enrichment',
    });
    const partialUrl = `/api/v1/lines/${withLogin.lineId}/device-settings`;
    expect((await partial.get(partialUrl)).statusCode).toBe(200);
    expect((await partial.post(partialUrl, { device: 'android', items: ['internet'] })).statusCode).toBe(403);

    await t.db.updateTable('lines').set({ status: 'blocked' }).where('id', '=', sub.lineId).execute();
    const blocked = await client.post(url, { device: 'android', items: ['internet'] });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json()).toMatchObject({ code: 'line_not_active' });
    for (const lineId of [sub.lineId, other.lineId, withLogin.lineId]) {
      expect((await records(lineId)).requests).toEqual([]);
    }
  });
});
