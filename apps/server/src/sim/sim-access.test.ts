import { newId } from '@kabinet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientWithSession } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { setSuspensionRule, simSnapshot } from './test-helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('suspension and SIM access', () => {
  it('PLAN-06 SVC-09 a partial session reads the state but every change is refused, the DB unchanged', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    await setSuspensionRule(t.db, sub.tariffId, { fee_per_day: 100, free_days: 30, max_days: 180 });
    const cardId = newId('simCard');
    await t.db
      .insertInto('sim_cards')
      .values({
        id: cardId,
        line_id: sub.lineId,
        kind: 'esim',
        status: 'pending',
        activation_code: 'LPA:1$x$Y',
      })
      .execute();
    const { client } = await clientWithSession(t, sub.loginId ?? '', {
      access: 'partial',
      method: 'enrichment',
    });
    const base = `/api/v1/lines/${sub.lineId}`;
    for (const read of ['suspension', 'sim']) {
      expect((await client.get(`${base}/${read}`)).statusCode, read).toBe(200);
    }
    const before = await simSnapshot(t.db, sub.lineId);
    const refused = [
      await client.post(`${base}/suspension`, { days: 3 }),
      await client.post(`${base}/suspension`, { days: 'not even valid' }),
      await client.delete(`${base}/suspension`),
      await client.post(`${base}/sim/block`, { reason: 'lost' }),
      await client.post(`${base}/sim/block`, {}),
      await client.post(`${base}/sim/replacement`, { pickupOffice: 'Москва, Тверская, 7' }),
      await client.post(`${base}/sim/esim`),
      // The activation code installs the line on a phone: full access only.
      await client.get(`${base}/sim/esim/${cardId}`),
    ];
    for (const res of refused) {
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'forbidden' });
    }
    expect(await simSnapshot(t.db, sub.lineId)).toEqual(before);
  });
});
