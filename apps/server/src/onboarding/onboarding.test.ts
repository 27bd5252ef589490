import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inbox } from '../test/access-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { TestClient } from '../test/http-client.ts';
import { seedNumberPool } from './number-pool.ts';

let t: TestApp;
let ipCounter = 0;
beforeAll(async () => {
  // Monday 23 November 2026, noon in Moscow: the earliest transfer date is 1 December.
  t = await createTestApp({ now: new Date('2026-11-23T09:00:00Z') });
  await seedNumberPool(t.db, 20);
});
afterAll(async () => {
  await t.close();
});

/** A visitor without a login, from an address of its own (so the per-IP limits of one test leave the others be). */
function visitor(ip?: string) {
  const client = new TestClient(t);
  ipCounter += 1;
  client.remoteAddress = ip ?? `198.51.100.${ipCounter}`;
  return client;
}

let numberCounter = 0;
/** A mobile number of another operator, unique per call. */
function foreignNumber() {
  numberCounter += 1;
  return `+7916${String(process.pid % 1000).padStart(3, '0')}${String(numberCounter).padStart(4, '0')}`;
}

const portIn = (number: string, overrides: Record<string, unknown> = {}) => ({
  number,
  donor: 'megafon',
  fullName: 'Мария Иванова',
  contact: 'maria@example.org',
  desiredDate: '2026-12-01',
  ...overrides,
});

async function codeSentTo(msisdn: string) {
  const message = (await inbox(t, msisdn)).find((body) => body.includes('переноса номера'));
  const code = /^(\d{6})/.exec(message ?? '')?.[1];
  if (!code) throw new Error(`no port-in code for ${msisdn}`);
  return code;
}

describe('port-in', () => {
  it('SVC-13 takes a port-in, texts a code to the number and accepts it once confirmed', async () => {
    const client = visitor();
    const number = foreignNumber();
    const res = await client.post('/api/v1/onboarding/port-in', portIn(number.replace('+7', '8 ')));
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toEqual({
      reference: expect.stringMatching(/^KB-[0-9A-Z]{4}-[0-9A-Z]{4}$/),
      status: 'awaiting_confirmation',
      codeSentTo: expect.stringContaining('***'),
      codeExpiresAt: new Date(t.clock.now.getTime() + 10 * 60_000).toISOString(),
    });
    const lookup = { reference: created.reference, phone: number };
    expect((await client.post('/api/v1/onboarding/orders/lookup', lookup)).json()).toMatchObject({
      kind: 'port_in',
      status: 'awaiting_confirmation',
      msisdn: number,
      donor: 'megafon',
      desiredDate: '2026-12-01',
      events: [{ status: 'awaiting_confirmation', note: 'code_sent' }],
    });
    const code = await codeSentTo(number);
    const wrong = code === '000000' ? '111111' : '000000';
    const confirmUrl = `/api/v1/onboarding/port-in/${created.reference}/confirm`;
    const bad = await client.post(confirmUrl, { code: wrong });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ attemptsLeft: 4, errors: [{ field: 'code', code: 'invalid_code' }] });

    const ok = await client.post(confirmUrl, { code });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toEqual({ reference: created.reference, status: 'accepted' });
    const order = (await client.post('/api/v1/onboarding/orders/lookup', lookup)).json();
    expect(order.events.map((e: { note: string }) => e.note)).toEqual(['code_sent', 'confirmed']);
    // A code works once; a second port-in of the number is refused while the first is under way.
    expect((await client.post(confirmUrl, { code })).statusCode).toBe(404);
    const again = await visitor().post('/api/v1/onboarding/port-in', portIn(number));
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'port_in_pending' });
    expect((await inbox(t, number))[0]).toContain('принята');
  });

  it('SVC-13 names every bad field of a port-in, including a date under the 8 days of the MNP rules', async () => {
    const client = visitor();
    const res = await client.post(
      '/api/v1/onboarding/port-in',
      portIn('+7 495 123-45-67', { donor: 'kabinet', fullName: '  ', desiredDate: '2026-11-30' }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
      'number:not_portable',
      'donor:unknown_donor',
      'fullName:too_short',
      'desiredDate:too_early',
    ]);
    const late = await client.post(
      '/api/v1/onboarding/port-in',
      portIn(foreignNumber(), { desiredDate: '2027-06-01' }),
    );
    expect(late.json().errors).toEqual([expect.objectContaining({ field: 'desiredDate', code: 'too_late' })]);
    const schema = await client.post('/api/v1/onboarding/port-in', {
      ...portIn(foreignNumber()),
      donor: undefined,
    });
    expect(schema.json().errors).toEqual([expect.objectContaining({ field: 'donor' })]);
    const ours = await buildSubscriber(t.db, { msisdn: foreignNumber() });
    const mine = await client.post('/api/v1/onboarding/port-in', portIn(ours.msisdn));
    expect(mine.statusCode).toBe(409);
    expect(mine.json()).toMatchObject({ code: 'already_ours' });
    const orders = await t.db
      .selectFrom('onboarding_orders')
      .select('id')
      .where('msisdn', '=', ours.msisdn)
      .execute();
    expect(orders).toEqual([]);
  });

  it('SVC-13 voids a port-in after five wrong codes, and an expired code cannot confirm', async () => {
    const number = foreignNumber();
    const created = (await visitor().post('/api/v1/onboarding/port-in', portIn(number))).json();
    const url = `/api/v1/onboarding/port-in/${created.reference}/confirm`;
    const code = await codeSentTo(number);
    const wrong = code === '000000' ? '111111' : '000000';
    const answers = [];
    for (let i = 0; i < 5; i += 1) answers.push((await visitor().post(url, { code: wrong })).statusCode);
    expect(answers).toEqual([400, 400, 400, 400, 409]);
    // Even the right code is too late now.
    expect((await visitor().post(url, { code })).statusCode).toBe(404);

    const second = foreignNumber();
    const late = (await visitor().post('/api/v1/onboarding/port-in', portIn(second))).json();
    const lateCode = await codeSentTo(second);
    t.clock.advance(10 * 60_000 + 1000);
    const expired = await visitor().post(`/api/v1/onboarding/port-in/${late.reference}/confirm`, {
      code: lateCode,
    });
    expect(expired.statusCode).toBe(409);
    expect(expired.json()).toMatchObject({ code: 'code_expired' });
    const order = await t.db
      .selectFrom('onboarding_orders')
      .select(['status', 'code_hmac'])
      .where('reference', '=', late.reference)
      .executeTakeFirstOrThrow();
    expect(order).toEqual({ status: 'rejected', code_hmac: null });
  });

  it('SVC-13 limits port-ins per number and per IP, counting refused attempts too', async () => {
    const number = foreignNumber();
    const statuses = [];
    for (let i = 0; i < 4; i += 1)
      statuses.push((await visitor().post('/api/v1/onboarding/port-in', portIn(number))).statusCode);
    // Three codes a day to one phone at most, from whatever addresses.
    expect(statuses).toEqual([201, 201, 201, 429]);
    const superseded = await t.db
      .selectFrom('onboarding_orders')
      .select('status')
      .where('msisdn', '=', number)
      .orderBy('created_at')
      .execute();
    expect(superseded.map((o) => o.status).sort()).toEqual(['awaiting_confirmation', 'rejected', 'rejected']);

    const client = visitor();
    const fromOneIp = [];
    for (let i = 0; i < 6; i += 1)
      fromOneIp.push((await client.post('/api/v1/onboarding/port-in', portIn(foreignNumber()))).statusCode);
    expect(fromOneIp).toEqual([201, 201, 201, 201, 201, 429]);
    const limited = await client.post('/api/v1/onboarding/port-in', portIn(foreignNumber()));
    expect(limited.json()).toMatchObject({ code: 'rate_limited', retryAfterSeconds: expect.any(Number) });
    expect(limited.headers['retry-after']).toBeDefined();
  });
});

describe('new SIM and order status', () => {
  it('SVC-13 orders a new SIM with a beautiful number at a price, reserved once, status by reference and phone', async () => {
    const client = visitor();
    const list = (await client.get('/api/v1/onboarding/numbers')).json().numbers;
    const beautiful = list.filter((n: { category: string }) => n.category === 'beautiful');
    expect(beautiful[0]).toEqual({ msisdn: '+79589091909', category: 'beautiful', price: 500_00 });
    expect(list.filter((n: { category: string }) => n.category === 'regular')).toHaveLength(8);

    const contactPhone = foreignNumber();
    const body = { number: '+79589091909', office: 'msk-arbat', fullName: 'Пётр Сидоров', contactPhone };
    const res = await client.post('/api/v1/onboarding/new-sim', body);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toEqual({
      reference: expect.stringMatching(/^KB-/),
      status: 'accepted',
      msisdn: '+79589091909',
      price: 500_00,
    });
    const taken = await visitor().post('/api/v1/onboarding/new-sim', {
      ...body,
      contactPhone: foreignNumber(),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'number_taken' });
    const after = (await client.get('/api/v1/onboarding/numbers')).json().numbers;
    expect(after.map((n: { msisdn: string }) => n.msisdn)).not.toContain('+79589091909');
    expect((await inbox(t, contactPhone))[0]).toContain(created.reference);

    const view = await client.post('/api/v1/onboarding/orders/lookup', {
      reference: created.reference.toLowerCase(),
      phone: contactPhone,
    });
    expect(view.json()).toMatchObject({
      kind: 'new_sim',
      status: 'accepted',
      msisdn: '+79589091909',
      price: 500_00,
      office: { code: 'msk-arbat' },
      events: [{ status: 'accepted', note: 'number_reserved' }],
    });
    // The right reference with another phone looks exactly like a reference that does not exist.
    const otherPhone = await client.post('/api/v1/onboarding/orders/lookup', {
      reference: created.reference,
      phone: foreignNumber(),
    });
    const unknown = await client.post('/api/v1/onboarding/orders/lookup', {
      reference: 'KB-0000-0000',
      phone: contactPhone,
    });
    expect(otherPhone.statusCode).toBe(404);
    expect(otherPhone.json()).toEqual(unknown.json());
  });

  it('SVC-13 names the bad fields of a new SIM order and reserves nothing', async () => {
    const client = visitor();
    const res = await client.post('/api/v1/onboarding/new-sim', {
      number: '+79583130001',
      office: 'mars-base',
      fullName: 'Я ',
      contactPhone: 'not a phone',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'office',
      'fullName',
      'contactPhone',
    ]);
    const pattern = await client.post('/api/v1/onboarding/new-sim', {
      number: '12345',
      office: 'msk-arbat',
      fullName: 'Пётр Сидоров',
      contactPhone: foreignNumber(),
    });
    expect(pattern.json().errors).toEqual([expect.objectContaining({ field: 'number' })]);
    const reserved = await t.db
      .selectFrom('number_pool')
      .select('msisdn')
      .where('reserved_by', 'is not', null)
      .execute();
    expect(reserved.map((r) => r.msisdn)).not.toContain('+79583130001');
  });

  it('SVC-13 limits status lookups per IP, so references cannot be enumerated', async () => {
    const client = visitor();
    const statuses = new Set<number>();
    for (let i = 0; i < 20; i += 1) {
      const res = await client.post('/api/v1/onboarding/orders/lookup', {
        reference: `KB-0000-00${String(i).padStart(2, '0')}`,
        phone: foreignNumber(),
      });
      statuses.add(res.statusCode);
    }
    expect([...statuses]).toEqual([404]);
    const limited = await client.post('/api/v1/onboarding/orders/lookup', {
      reference: 'KB-0000-0100',
      phone: foreignNumber(),
    });
    expect(limited.statusCode).toBe(429);
  });
});
