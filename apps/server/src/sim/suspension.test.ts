import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode } from '../test/http-client.ts';
import { setSuspensionRule, simSnapshot } from './test-helpers.ts';

const RULE = { fee_per_day: 100, free_days: 30, max_days: 180 };
// 12:00 in Moscow, the operator time zone of the tests.
const NOW = new Date('2026-03-10T09:00:00.000Z');

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ now: NOW });
});
afterAll(async () => {
  await t.close();
});

describe('voluntary suspension', () => {
  it('PLAN-06 suspends the line for N days and resumes it', async () => {
    const sub = await buildSubscriber(t.db, { balance: 300_00n });
    await setSuspensionRule(t.db, sub.tariffId, RULE);
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/suspension`;

    expect((await client.get(url)).json()).toEqual({
      available: true,
      rules: { feePerDay: 100, freeDays: 30, maxDays: 180 },
      current: null,
      status: 'active',
    });

    const res = await client.post(url, { days: 3 });
    expect(res.statusCode).toBe(201);
    // The start of the day after the third day, midnight in Moscow.
    const current = { from: NOW.toISOString(), until: '2026-03-12T21:00:00.000Z' };
    expect(res.json()).toEqual({
      request: { id: expect.stringMatching(/^req_/), kind: 'suspension', status: 'done' },
      current,
    });
    expect((await client.get(url)).json()).toMatchObject({ status: 'suspended', current });
    const suspended = await simSnapshot(t.db, sub.lineId);
    expect(suspended.line).toMatchObject({
      status: 'suspended',
      block_reason: 'voluntary',
      suspended_until: new Date(current.until),
      balance: 300_00n,
    });

    const again = await client.post(url, { days: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'line_not_active' });

    t.clock.advance(60_000);
    const resumed = await client.delete(url);
    expect(resumed.statusCode).toBe(200);
    expect(resumed.json()).toEqual({
      request: { id: expect.stringMatching(/^req_/), kind: 'resumption', status: 'done' },
    });
    expect((await client.get(url)).json()).toMatchObject({ status: 'active', current: null });
    const after = await simSnapshot(t.db, sub.lineId);
    expect(after.line).toEqual({
      status: 'active',
      block_reason: null,
      blocked_at: null,
      suspended_until: null,
      balance: 300_00n,
    });
    expect(after.requests).toEqual([
      { kind: 'suspension', status: 'done' },
      { kind: 'resumption', status: 'done' },
    ]);
    expect(after.journal).toEqual([
      { action: 'line.suspended', details: expect.objectContaining({ days: 3, until: current.until }) },
      {
        action: 'line.resumed',
        details: expect.objectContaining({ requestId: expect.stringMatching(/^req_/) }),
      },
    ]);

    const notSuspended = await client.delete(url);
    expect(notSuspended.statusCode).toBe(409);
    expect(notSuspended.json()).toMatchObject({ code: 'not_suspended' });
  });

  it('PLAN-06 refuses more than max days and tariffs without suspension', async () => {
    const sub = await buildSubscriber(t.db);
    await setSuspensionRule(t.db, sub.tariffId, { ...RULE, max_days: 30 });
    const client = await loginWithCode(t, sub.msisdn);
    const url = `/api/v1/lines/${sub.lineId}/suspension`;
    const before = await simSnapshot(t.db, sub.lineId);

    const tooLarge = await client.post(url, { days: 31 });
    expect(tooLarge.statusCode).toBe(400);
    expect(tooLarge.json()).toMatchObject({ errors: [{ field: 'days', code: 'too_large' }] });
    const tooSmall = await client.post(url, { days: 0 });
    expect(tooSmall.statusCode).toBe(400);
    expect(tooSmall.json()).toMatchObject({ errors: [{ field: 'days', code: 'too_small' }] });
    expect((await client.post(url, { days: 'many' })).statusCode).toBe(400);
    expect(await simSnapshot(t.db, sub.lineId)).toEqual(before);

    await setSuspensionRule(t.db, sub.tariffId, null);
    expect((await client.get(url)).json()).toEqual({
      available: false,
      rules: null,
      current: null,
      status: 'active',
    });
    const unavailable = await client.post(url, { days: 1 });
    expect(unavailable.statusCode).toBe(409);
    expect(unavailable.json()).toMatchObject({ code: 'not_available' });
    expect(await simSnapshot(t.db, sub.lineId)).toEqual(before);
  });
});
