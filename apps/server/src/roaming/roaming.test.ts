import { newId } from '@kabinet/core';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode } from '../test/http-client.ts';

let t: TestApp;
let optionId: string;
beforeAll(async () => {
  t = await createTestApp();
  await t.db
    .insertInto('roaming_zones')
    .values([
      { code: 'cis', name_ru: 'СНГ', name_en: 'CIS', countries: ['KZ', 'BY'] },
      { code: 'world', name_ru: 'Остальной мир', name_en: 'Rest of the world', rest_of_world: true },
    ])
    .execute();
  await t.db
    .insertInto('service_bans')
    .values({
      code: 'roaming-data',
      name_ru: 'Запрет интернета в роуминге',
      name_en: 'No data',
      bars: ['roaming_data'],
    })
    .execute();
  optionId = newId('option');
  await t.db
    .insertInto('options')
    .values({
      id: optionId,
      code: 'roaming-cis',
      category: 'roaming',
      name_ru: 'Выгодное СНГ',
      name_en: 'CIS Saver',
      fee: 199_00n,
      fee_period: 'month',
      roaming_zones: ['cis'],
    })
    .execute();
});
afterAll(async () => {
  await t.close();
});

/** A subscriber whose tariff prices the CIS zone only. */
async function roamer() {
  const sub = await buildSubscriber(t.db, { balance: 500_00n });
  const cis = { voice_out_per_min: 1900, voice_in_per_min: 0, sms_out: 900, data_per_mb: 4900 };
  await t.db
    .updateTable('tariffs')
    .set({
      rates: sql`rates || jsonb_build_object('roaming', jsonb_build_object('cis', ${JSON.stringify(cis)}::jsonb))`,
    })
    .where('id', '=', sub.tariffId)
    .execute();
  return sub;
}

async function records(lineId: string) {
  const [requests, journal] = await Promise.all([
    t.db.selectFrom('requests').select(['kind', 'status']).where('line_id', '=', lineId).execute(),
    t.db
      .selectFrom('journal')
      .select(['action', 'details'])
      .where('line_id', '=', lineId)
      .where('action', 'like', 'roaming.%')
      .orderBy('at')
      .execute(),
  ]);
  return { requests, journal };
}

describe('roaming', () => {
  it('SVC-05 shows roaming on by default with zone prices from the tariff and the roaming packages', async () => {
    const sub = await roamer();
    const client = await loginWithCode(t, sub.msisdn);
    const res = await client.get(`/api/v1/lines/${sub.lineId}/roaming`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      enabled: true,
      updatedAt: null,
      access: { voice: 'available', sms: 'available', data: 'available' },
      bans: [
        {
          code: 'roaming-data',
          name: { ru: 'Запрет интернета в роуминге', en: 'No data' },
          bars: ['roaming_data'],
          enabled: false,
        },
      ],
      zones: [
        {
          code: 'cis',
          name: { ru: 'СНГ', en: 'CIS' },
          countries: ['KZ', 'BY'],
          restOfWorld: false,
          prices: { voiceOutPerMin: 1900, voiceInPerMin: 0, smsOut: 900, dataPerMb: 4900 },
        },
        {
          code: 'world',
          name: { ru: 'Остальной мир', en: 'Rest of the world' },
          countries: [],
          restOfWorld: true,
          prices: null,
        },
      ],
      packages: [{ optionId, code: 'roaming-cis', zones: ['cis'], connected: false }],
    });
  });

  it('SVC-05 turns roaming off and on with a request and a journal entry each, a repeat records nothing', async () => {
    const sub = await roamer();
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/roaming`;
    const off = await client.request('PUT', url, { enabled: false });
    expect(off.statusCode).toBe(200);
    expect(off.json()).toEqual({
      request: { id: expect.stringMatching(/^req_/), kind: 'roaming_change', status: 'done' },
      enabled: false,
      access: { voice: 'roaming_off', sms: 'roaming_off', data: 'roaming_off' },
    });
    expect((await client.get(url)).json()).toMatchObject({
      enabled: false,
      updatedAt: t.clock.now.toISOString(),
    });
    const repeat = await client.request('PUT', url, { enabled: false });
    expect(repeat.json()).toMatchObject({ request: null, enabled: false });
    t.clock.advance(1000);
    expect((await client.request('PUT', url, { enabled: true })).json()).toMatchObject({ enabled: true });
    const { requests, journal } = await records(sub.lineId);
    expect(requests).toEqual([
      { kind: 'roaming_change', status: 'done' },
      { kind: 'roaming_change', status: 'done' },
    ]);
    expect(journal.map((j) => j.action)).toEqual(['roaming.disabled', 'roaming.enabled']);
    expect(journal[0]?.details).toMatchObject({ enabled: false, requestId: expect.stringMatching(/^req_/) });
  });

  it('SVC-05 blocks data in roaming when the data ban is on and keeps the ban when roaming is switched', async () => {
    const sub = await roamer();
    await t.db.insertInto('line_bans').values({ line_id: sub.lineId, ban_code: 'roaming-data' }).execute();
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/roaming`;
    expect((await client.get(url)).json()).toMatchObject({
      access: { voice: 'available', sms: 'available', data: 'barred' },
      bans: [{ code: 'roaming-data', enabled: true }],
    });
    await client.request('PUT', url, { enabled: false });
    await client.request('PUT', url, { enabled: true });
    expect((await client.get(url)).json()).toMatchObject({ access: { data: 'barred' } });
    const bans = await t.db
      .selectFrom('line_bans')
      .select('ban_code')
      .where('line_id', '=', sub.lineId)
      .execute();
    expect(bans).toEqual([{ ban_code: 'roaming-data' }]);
  });

  it('SVC-05 names the bad field, refuses partial sessions and answers 404 for other lines', async () => {
    const sub = await roamer();
    const other = await roamer();
    const client = await loginWithCode(t, sub.msisdn);
    const bad = await client.request('PUT', `/api/v1/lines/${sub.lineId}/roaming`, { enabled: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      code: 'validation_failed',
      errors: [expect.objectContaining({ field: 'enabled' })],
    });
    for (const res of [
      await client.get(`/api/v1/lines/${other.lineId}/roaming`),
      await client.request('PUT', `/api/v1/lines/${other.lineId}/roaming`, { enabled: false }),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    const withLogin = await buildSubscriber(t.db, { withLogin: true });
    const { client: partial } = await clientWithSession(t, withLogin.loginId ?? '', {
      access: 'partial',
      method: 'enrichment',
    });
    expect((await partial.get(`/api/v1/lines/${withLogin.lineId}/roaming`)).statusCode).toBe(200);
    const refused = await partial.request('PUT', `/api/v1/lines/${withLogin.lineId}/roaming`, {
      enabled: false,
    });
    expect(refused.statusCode).toBe(403);
    expect(await records(withLogin.lineId)).toEqual({ requests: [], journal: [] });
    expect(await records(other.lineId)).toEqual({ requests: [], journal: [] });
  });

  it('SVC-05 answers 409 not_mobile for a home-internet line, which has no roaming', async () => {
    const sub = await roamer();
    const client = await loginWithCode(t, sub.msisdn);
    await t.db.updateTable('lines').set({ kind: 'home_internet' }).where('id', '=', sub.lineId).execute();
    const url = `/api/v1/lines/${sub.lineId}/roaming`;
    expect((await client.get(url)).json()).toMatchObject({ code: 'not_mobile' });
    const res = await client.request('PUT', url, { enabled: false });
    expect(res.statusCode).toBe(409);
    expect(await records(sub.lineId)).toEqual({ requests: [], journal: [] });
  });
});
