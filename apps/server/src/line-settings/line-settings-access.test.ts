import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { buildBan, settingsSnapshot } from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('line settings access', () => {
  it('SVC-04 SVC-06 SVC-07 a partial session reads the settings but every change is refused, the DB unchanged', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    const code = await buildBan(t.db);
    const entryId = 'blk_0000000000000000000';
    await t.db
      .insertInto('line_blacklist')
      .values({ id: entryId, line_id: sub.lineId, number: '+79120001122' })
      .execute();
    const { client } = await clientWithSession(t, sub.loginId ?? '', {
      access: 'partial',
      method: 'enrichment',
    });
    const base = `/api/v1/lines/${sub.lineId}`;
    for (const read of ['bans', 'forwarding', 'blacklist']) {
      expect((await client.get(`${base}/${read}`)).statusCode, read).toBe(200);
    }
    const before = await settingsSnapshot(t.db, sub.lineId);
    const refused = [
      await client.request('PUT', `${base}/bans/${code}`, { enabled: true }),
      await client.request('PUT', `${base}/bans/no-such-ban`, { enabled: 'not even valid' }),
      await client.request('PUT', `${base}/forwarding/busy`, { enabled: true, target: '+79123456789' }),
      await client.request('PUT', `${base}/forwarding/busy`, {}),
      await client.post(`${base}/blacklist`, { number: '+79123456789' }),
      await client.post(`${base}/blacklist`, { nonsense: true }),
      await client.delete(`${base}/blacklist/${entryId}`),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'forbidden' });
    }
    expect(await settingsSnapshot(t.db, sub.lineId)).toEqual(before);
  });
});
