import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode, TestClient } from '../test/http-client.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('dashboard', () => {
  it('HOME-01 shows the real balance, tariff, remaining packages and next charge after a code login', async () => {
    const sub = await buildSubscriber(t.db, { balance: 512_34n, name: 'Анна Смирнова' });
    const client = await loginWithCode(t, sub.msisdn);
    const res = await client.get(`/api/v1/lines/${sub.lineId}/dashboard`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.line).toMatchObject({ id: sub.lineId, msisdn: sub.msisdn, ownerName: 'Анна Смирнова' });
    expect(body.balance).toEqual({ amount: 51234, currency: 'RUB', creditLimit: 0 });
    expect(body.tariff).toMatchObject({
      fee: 45000,
      feePeriod: 'month',
      name: { ru: 'Тестовый', en: 'Test plan' },
    });
    const byKind = Object.fromEntries(body.packages.map((p: { kind: string }) => [p.kind, p]));
    expect(byKind.voice).toMatchObject({ unit: 'min', total: 500, used: 125, remaining: 375 });
    expect(byKind.sms).toMatchObject({ unit: 'sms', total: 100, used: 25, remaining: 75 });
    expect(byKind.data).toMatchObject({ unit: 'mb', total: 20480, used: 5120, remaining: 15360 });
    expect(body.nextCharge).toMatchObject({ amount: 45000 });
    expect(body.warnings).toEqual([]);
  });

  it('ACCESS-13 HOME-01 a negative balance still logs in and is shown with a warning', async () => {
    const sub = await buildSubscriber(t.db, { balance: -42_00n, status: 'blocked' });
    const client = await loginWithCode(t, sub.msisdn);
    const body = (await client.get(`/api/v1/lines/${sub.lineId}/dashboard`)).json();
    expect(body.balance.amount).toBe(-4200);
    expect(body.warnings).toEqual([{ code: 'blocked' }, { code: 'negative_balance' }]);
  });

  it('HOME-01 warns about a low balance below 100 ₽', async () => {
    const sub = await buildSubscriber(t.db, { balance: 99_99n });
    const client = await loginWithCode(t, sub.msisdn);
    const body = (await client.get(`/api/v1/lines/${sub.lineId}/dashboard`)).json();
    expect(body.warnings).toEqual([{ code: 'low_balance' }]);
  });

  it("HOME-01 another subscriber's line answers 404, and so does a line that does not exist", async () => {
    const mine = await buildSubscriber(t.db);
    const theirs = await buildSubscriber(t.db);
    const client = await loginWithCode(t, mine.msisdn);
    const foreign = await client.get(`/api/v1/lines/${theirs.lineId}/dashboard`);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json()).toMatchObject({ code: 'not_found' });
    const missing = await client.get('/api/v1/lines/line_doesnotexist00/dashboard');
    expect(missing.statusCode).toBe(404);
    const malformed = await client.get('/api/v1/lines/DROP%20TABLE/dashboard');
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0]).toMatchObject({ field: 'lineId' });
  });

  it('HOME-01 without a session the dashboard answers 401', async () => {
    const sub = await buildSubscriber(t.db);
    const res = await new TestClient(t).get(`/api/v1/lines/${sub.lineId}/dashboard`);
    expect(res.statusCode).toBe(401);
  });
});
