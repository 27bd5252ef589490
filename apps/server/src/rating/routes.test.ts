import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordTariffOn } from '../history/record-period.ts';
import { buildTariff } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { createApiKey } from './api-keys.ts';
import { balanceOf, buildRatedSubscriber, expectLedgerVerifies } from './test-helpers.ts';

let t: TestApp;
let key: string;

beforeAll(async () => {
  t = await createTestApp();
  key = (await createApiKey(t.db, 'mediation', ['usage:write'])).key;
});
afterAll(async () => {
  await expectLedgerVerifies(t.db);
  await t.close();
});

function post(body: unknown, authorization: string | null = `Bearer ${key}`) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/integration/usage',
    headers: authorization ? { authorization } : {},
    payload: body as Record<string, unknown>,
  });
}

function item(
  id: string,
  msisdn: string,
  usageType: string,
  extra: Record<string, string | number> = {},
  agoMs = 600_000,
) {
  return {
    id,
    usageDate: new Date(t.clock.now.getTime() - agoMs).toISOString().replace('Z', '+00:00'),
    usageType,
    usageCharacteristic: [
      { name: 'msisdn', value: msisdn },
      ...Object.entries(extra).map(([name, value]) => ({ name, value })),
    ],
  };
}

describe('RATE-01 HTTP batch endpoint for the mediation', () => {
  it('RATE-01 rates a TMF635-style batch and answers accepted, duplicated and rejected with reasons', async () => {
    const s = await buildRatedSubscriber(t.db, { balance: 100_00n, voiceLeft: 0n });
    const batch = {
      usage: [
        item('m-1', s.msisdn, 'voice_out', { durationSec: 61, otherParty: '+79035550000' }),
        item('m-2', '+79990000001', 'sms_out'),
        item('m-3', s.msisdn, 'fax'),
        item('m-4', s.msisdn, 'data', { bytes: 'lots' }),
        { ...item('m-5', s.msisdn, 'sms_out'), usageDate: '2026-03-01T10:00:00' },
      ],
    };
    const res = await post(batch);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      accepted: 1,
      duplicated: 0,
      rejected: [
        { index: 1, id: 'm-2', reason: expect.stringMatching(/^unknown_number:/) },
        { index: 2, id: 'm-3', reason: expect.stringMatching(/^bad_kind:/) },
        { index: 3, id: 'm-4', reason: expect.stringMatching(/^bad_bytes:/) },
        { index: 4, id: 'm-5', reason: expect.stringMatching(/^bad_time:/) },
      ],
    });
    // 61 s on a per-minute tariff at 2.50 ₽: two started minutes.
    expect(await balanceOf(t.db, s.ledgerAccountId)).toBe(100_00n - 500n);

    const again = await post({ usage: [batch.usage[0]] });
    expect(again.json()).toEqual({ accepted: 0, duplicated: 1, rejected: [] });
    expect(await balanceOf(t.db, s.ledgerAccountId)).toBe(100_00n - 500n);
  });

  it('RATE-01 refuses a missing, unknown or revoked key and a key without the scope, charging nothing', async () => {
    const s = await buildRatedSubscriber(t.db, { balance: 100_00n, voiceLeft: 0n });
    const batch = { usage: [item('k-1', s.msisdn, 'voice_out', { durationSec: 60 })] };
    const missing = await post(batch, null);
    expect(missing.statusCode).toBe(401);
    expect(missing.json()).toMatchObject({ code: 'api_key_required' });
    expect((await post(batch, 'Bearer kab_not-a-key')).json()).toMatchObject({ code: 'api_key_invalid' });
    const revoked = await createApiKey(t.db, 'old', ['usage:write']);
    await t.db
      .updateTable('api_keys')
      .set({ revoked_at: t.clock.now })
      .where('id', '=', revoked.id)
      .execute();
    expect((await post(batch, `Bearer ${revoked.key}`)).statusCode).toBe(401);
    await t.db
      .updateTable('api_keys')
      .set({ scopes: ['other:read'] })
      .where('name', '=', 'old')
      .execute();
    await t.db.updateTable('api_keys').set({ revoked_at: null }).where('name', '=', 'old').execute();
    const scoped = await post(batch, `Bearer ${revoked.key}`);
    expect(scoped.statusCode).toBe(403);
    expect(scoped.json()).toMatchObject({ code: 'api_key_scope' });
    expect(await balanceOf(t.db, s.ledgerAccountId)).toBe(100_00n);
    const stored = await t.db
      .selectFrom('api_keys')
      .select(['key_hash', 'prefix'])
      .where('id', '=', revoked.id)
      .executeTakeFirstOrThrow();
    expect(stored.key_hash.toString('utf8')).not.toContain(revoked.key);
    expect(revoked.key.startsWith(stored.prefix)).toBe(true);
  });

  it('RATE-01 answers a malformed envelope with a problem naming the field, and needs no CSRF token', async () => {
    const res = await post({ usage: [] });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.json())).toContain('usage');
    const wrong = await post({ records: [] });
    expect(wrong.statusCode).toBe(400);
  });

  it('RATE-02 over HTTP a call made before a tariff change is rated on the old tariff', async () => {
    const s = await buildRatedSubscriber(t.db, { balance: 100_00n, voiceLeft: 0n });
    const at = t.clock.now.getTime();
    await t.db
      .updateTable('lines')
      .set({ activated_at: new Date(at - 30 * 86_400_000) })
      .where('id', '=', s.lineId)
      .execute();
    const next = await buildTariff(t.db);
    await t.db
      .updateTable('tariffs')
      .set({ rates: JSON.stringify({ voice_out_per_min: 900 }) })
      .where('id', '=', next.id)
      .execute();
    await t.db.transaction().execute(async (trx) => {
      await recordTariffOn(trx, s.lineId, next.id, new Date(at - 1_800_000));
      await trx.updateTable('lines').set({ tariff_id: next.id }).where('id', '=', s.lineId).execute();
    });
    const call = (id: string, agoMs: number) =>
      item(id, s.msisdn, 'voice_out', { durationSec: 60, otherParty: '+79035550000' }, agoMs);
    const res = await post({ usage: [call('h-old', 3_600_000), call('h-new', 600_000)] });
    expect(res.json()).toEqual({ accepted: 2, duplicated: 0, rejected: [] });
    // One minute at 2.50 ₽ before the change, one at 9.00 ₽ after it.
    expect(await balanceOf(t.db, s.ledgerAccountId)).toBe(100_00n - 250n - 900n);
  });
});
