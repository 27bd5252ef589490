import { newId } from '@kabinet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode } from '../test/http-client.ts';
import { settingsSnapshot } from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('blacklist', () => {
  it('SVC-07 blacklists a number once, refuses duplicates and removes it', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/blacklist`;
    expect((await client.get(url)).json()).toEqual({ entries: [], limit: 100 });

    const added = await client.post(url, { number: '8 (912) 000-11-22', label: '  Спам  ' });
    expect(added.statusCode).toBe(201);
    const entry = added.json();
    expect(entry).toEqual({
      id: expect.stringMatching(/^blk_/),
      number: '+79120001122',
      label: 'Спам',
      createdAt: t.clock.now.toISOString(),
    });
    const duplicate = await client.post(url, { number: '+7 912 000 11 22' });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toMatchObject({ code: 'already_blacklisted' });
    t.clock.advance(1000);
    const second = await client.post(url, { number: '+44 20 7946 0958', label: '' });
    expect(second.json()).toMatchObject({ number: '+442079460958', label: null });
    expect((await client.get(url)).json().entries.map((e: { id: string }) => e.id)).toEqual([
      second.json().id,
      entry.id,
    ]);

    const removed = await client.delete(`${url}/${entry.id}`);
    expect(removed.statusCode).toBe(204);
    expect((await client.delete(`${url}/${entry.id}`)).statusCode).toBe(404);
    expect((await client.get(url)).json().entries).toEqual([second.json()]);

    const after = await settingsSnapshot(t.db, sub.lineId);
    expect(after.requests).toEqual(Array(3).fill({ kind: 'blacklist_change', status: 'done' }));
    expect(after.journal).toEqual([
      { action: 'blacklist.added', details: expect.objectContaining({ number: '+79120001122' }) },
      { action: 'blacklist.added', details: expect.objectContaining({ number: '+442079460958' }) },
      {
        action: 'blacklist.removed',
        details: expect.objectContaining({ entryId: entry.id, number: '+79120001122' }),
      },
    ]);
  });

  it('SVC-07 refuses a bad or own number, a long label and a full list', async () => {
    const sub = await buildSubscriber(t.db);
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/blacklist`;
    const refused: Array<[unknown, string, string]> = [
      [{ number: 'not a number' }, 'number', 'invalid_phone'],
      [{ number: sub.msisdn.replace('+7', '8') }, 'number', 'own_number'],
      [{ number: '+79120001122', label: 'x'.repeat(41) }, 'label', 'too_long'],
      [{}, 'number', 'required'],
    ];
    for (const [body, field, code] of refused) {
      const res = await client.post(url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'validation_failed', errors: [{ field, code }] });
    }
    await t.db
      .insertInto('line_blacklist')
      .values(
        Array.from({ length: 100 }, (_, i) => ({
          id: newId('blacklistEntry'),
          line_id: sub.lineId,
          number: `+7912100${String(i).padStart(4, '0')}`,
        })),
      )
      .execute();
    const full = await client.post(url, { number: '+79995554433' });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ code: 'blacklist_full', limit: 100 });
    const after = await settingsSnapshot(t.db, sub.lineId);
    expect(after.blacklist).toHaveLength(100);
    expect(after).toMatchObject({ requests: [], journal: [] });
  });

  it("SVC-07 another line's entry answers 404 and stays", async () => {
    const a = await buildSubscriber(t.db);
    const b = await buildSubscriber(t.db);
    const entryOfB = newId('blacklistEntry');
    await t.db
      .insertInto('line_blacklist')
      .values({ id: entryOfB, line_id: b.lineId, number: '+79120001122' })
      .execute();
    const client = await loginWithCode(t, a.msisdn);
    const res = await client.delete(`/api/v1/lines/${a.lineId}/blacklist/${entryOfB}`);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'not_found' });
    expect((await settingsSnapshot(t.db, b.lineId)).blacklist).toHaveLength(1);
    expect((await settingsSnapshot(t.db, a.lineId)).requests).toEqual([]);
  });
});
