import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { loginWithCode } from '../test/http-client.ts';
import { buildConfigurableTariff, buildOfferTariff } from './test-fixtures.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

interface Proposal {
  offer: { id: string };
  choice: unknown;
  monthlyFee: number;
  covers: string[];
  short: string[];
  fits: boolean;
}

describe('tariff picker', () => {
  it('PLAN-04 proposes the offered tariffs that fit the survey, cheapest first, with what each covers', async () => {
    const sub = await buildSubscriber(t.db, { now: t.clock.now });
    // Daily 15 ₽ with 1 GB a day: 450 ₽ and 30 GB over 30 days.
    const daily = await buildOfferTariff(t.db, {
      fee: 15_00n,
      feePeriod: 'day',
      packages: [{ kind: 'data', amount: 1024 }],
    });
    const talk = await buildOfferTariff(t.db, {
      fee: 400_00n,
      packages: [
        { kind: 'voice', amount: 1000 },
        { kind: 'data', amount: 5 * 1024 },
      ],
    });
    const all = await buildOfferTariff(t.db, {
      fee: 900_00n,
      packages: [
        { kind: 'voice', amount: 2000 },
        { kind: 'data', amount: 50 * 1024 },
        { kind: 'sms', amount: 500 },
      ],
    });
    const builder = await buildConfigurableTariff(t.db);
    const archived = await buildOfferTariff(t.db, { fee: 1_00n, archived: true, packages: [] });
    const client = await loginWithCode(t, sub.msisdn);

    const url = `/api/v1/lines/${sub.lineId}/tariffs/picker?focus=gigabytes&minutes=300&gigabytes=20&messages=0`;
    const res = await client.get(url);
    expect(res.statusCode).toBe(200);
    const proposals: Proposal[] = res.json().proposals;
    // Covering 300 min and 20 GB: the builder set to 300 min / 20 GB (150 + 120 + 300 = 570 ₽), then 900 ₽.
    // The daily tariff has the data but no minutes: short, after every tariff that fits.
    expect(proposals.map((p) => p.offer.id)).toEqual([builder.id, all.id, daily.id]);
    expect(proposals[0]).toMatchObject({
      choice: { minutes: 300, gigabytes: 20, messages: 0 },
      monthlyFee: 570_00,
      covers: ['minutes', 'gigabytes'],
      short: [],
      fits: true,
    });
    expect(proposals[1]).toMatchObject({ choice: null, monthlyFee: 900_00, fits: true });
    expect(proposals[2]).toMatchObject({ covers: ['gigabytes'], short: ['minutes'], fits: false });
    const ids = proposals.map((p) => p.offer.id);
    for (const absent of [sub.tariffId, archived.id]) expect(ids).not.toContain(absent);

    // Mostly calls, more than anything offers: the one with the most minutes leads.
    const calls = await client.get(
      `/api/v1/lines/${sub.lineId}/tariffs/picker?focus=minutes&minutes=5000&gigabytes=60&messages=0`,
    );
    expect(calls.json().proposals[0].offer.id).toBe(all.id);
    expect(calls.json().proposals.map((p: Proposal) => p.fits)).toEqual([false, false, false]);
    expect(talk.id).toBeTruthy();
  });

  it('PLAN-04 refuses a survey with a bad or missing field, naming it', async () => {
    const sub = await buildSubscriber(t.db, { now: t.clock.now });
    const client = await loginWithCode(t, sub.msisdn);
    const bad = await client.get(
      `/api/v1/lines/${sub.lineId}/tariffs/picker?focus=tv&minutes=-5&gigabytes=20&messages=0`,
    );
    expect(bad.statusCode).toBe(400);
    const fields = bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .join(' ');
    expect(fields).toMatch(/focus|minutes/);
    const missing = await client.get(`/api/v1/lines/${sub.lineId}/tariffs/picker?focus=minutes`);
    expect(missing.statusCode).toBe(400);
  });

  it('PLAN-04 another subscriber’s line is not found', async () => {
    const owner = await buildSubscriber(t.db, { now: t.clock.now });
    const stranger = await buildSubscriber(t.db, { now: t.clock.now });
    const client = await loginWithCode(t, stranger.msisdn);
    const res = await client.get(
      `/api/v1/lines/${owner.lineId}/tariffs/picker?focus=minutes&minutes=10&gigabytes=1&messages=0`,
    );
    expect(res.statusCode).toBe(404);
  });
});
