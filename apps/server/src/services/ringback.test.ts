import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOption } from '../plans/test-fixtures.ts';
import { clientWithSession } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode } from '../test/http-client.ts';

let t: TestApp;
let ringbackId: string;
beforeAll(async () => {
  t = await createTestApp();
  const option = await buildOption(t.db, { category: 'extra', fee: 233n, feePeriod: 'day' });
  await t.db.updateTable('options').set({ code: 'ringback' }).where('id', '=', option.id).execute();
  ringbackId = option.id;
});
afterAll(async () => {
  await t.close();
});

let keys = 0;
const key = () => ({ 'idempotency-key': `ringback-test-${++keys}` });

describe('SVC-08 ringback tone melody', () => {
  it('SVC-08 chooses a melody of the catalog only while the ringback option is connected', async () => {
    const sub = await buildSubscriber(t.db, { balance: 100_00n });
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/ringback`;
    const first = (await client.get(url)).json();
    expect(first).toMatchObject({
      option: { id: ringbackId },
      connected: false,
      current: null,
      changedAt: null,
    });
    expect(first.melodies.length).toBeGreaterThanOrEqual(5);
    expect(first.melodies[0]).toEqual({
      id: 'mel_classic_bells',
      name: { ru: 'Колокольчики', en: 'Little bells' },
      artist: 'Kabinet Studio',
      durationSeconds: 30,
    });

    const refused = await client.request('PUT', url, { melodyId: 'mel_kalinka' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'not_connected' });

    expect(
      (await client.post(`/api/v1/lines/${sub.lineId}/options`, { optionId: ringbackId }, key())).statusCode,
    ).toBe(201);
    const chosen = await client.request('PUT', url, { melodyId: 'mel_kalinka' });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toMatchObject({
      request: { kind: 'ringback_melody', status: 'done' },
      current: { id: 'mel_kalinka', name: { en: 'Kalinka' } },
    });
    expect((await client.get(url)).json()).toMatchObject({
      connected: true,
      current: { id: 'mel_kalinka' },
      changedAt: t.clock.now.toISOString(),
    });
    const same = await client.request('PUT', url, { melodyId: 'mel_kalinka' });
    expect(same.json()).toMatchObject({ code: 'already_chosen' });
    expect((await client.request('PUT', url, { melodyId: 'mel_nope' })).statusCode).toBe(404);
    expect((await client.request('PUT', url, { melodyId: 'Kalinka!' })).json()).toMatchObject({
      errors: [{ field: 'melodyId' }],
    });
    expect((await client.request('PUT', url, { melodyId: 'mel_spring' })).statusCode).toBe(200);

    const journal = await t.db
      .selectFrom('journal')
      .select(['action', 'details'])
      .where('line_id', '=', sub.lineId)
      .where('action', '=', 'ringback.melody_changed')
      .orderBy('id')
      .execute();
    expect(journal.map((j) => j.details)).toEqual([
      expect.objectContaining({ melody: 'mel_kalinka', previous: null }),
      expect.objectContaining({ melody: 'mel_spring', previous: 'mel_kalinka' }),
    ]);
    const requests = await t.db
      .selectFrom('requests')
      .select('kind')
      .where('line_id', '=', sub.lineId)
      .where('kind', '=', 'ringback_melody')
      .execute();
    expect(requests).toHaveLength(2);

    // Disconnected: the choice is kept for later but cannot be changed.
    await client.request('DELETE', `/api/v1/lines/${sub.lineId}/options/${ringbackId}`, undefined, key());
    expect((await client.get(url)).json()).toMatchObject({ connected: false, current: { id: 'mel_spring' } });
    expect((await client.request('PUT', url, { melodyId: 'mel_kalinka' })).statusCode).toBe(409);
  });

  it('SVC-08 lets a partial session see the melody but not change it, and hides other lines', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    await t.db.insertInto('line_options').values({ line_id: sub.lineId, option_id: ringbackId }).execute();
    const url = `/api/v1/lines/${sub.lineId}/ringback`;
    const { client: partial } = await clientWithSession(t, sub.loginId as string, { access: 'partial' });
    expect((await partial.get(url)).json()).toMatchObject({ connected: true });
    expect((await partial.request('PUT', url, { melodyId: 'mel_kalinka' })).statusCode).toBe(403);
    const stranger = await loginWithCode(t, (await buildSubscriber(t.db)).msisdn);
    expect((await stranger.get(url)).statusCode).toBe(404);
    expect((await stranger.request('PUT', url, { melodyId: 'mel_kalinka' })).statusCode).toBe(404);
    const stored = await t.db
      .selectFrom('line_ringback')
      .selectAll()
      .where('line_id', '=', sub.lineId)
      .execute();
    expect(stored).toEqual([]);
  });
});
