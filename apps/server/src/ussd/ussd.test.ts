import { USSD_MAX_CHARS } from '@kabinet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password-hash.ts';
import { promisedDueText } from '../promised/due-text.ts';
import { promisedSubscriber } from '../promised/promised-fixtures.ts';
import { inbox } from '../test/access-helpers.ts';
import { buildSubscriber, uniqueMsisdn } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { TestClient } from '../test/http-client.ts';

const SECRET = 'ussd-gateway-secret-0123456789-abcdef';
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  t.ctx.ussdGateway = { secret: SECRET, trustedGateways: [] };
});
afterAll(async () => {
  await t.close();
});

let sessions = 0;
/** One step as a gateway posts it: form-encoded unless `json`, with the shared secret. */
async function step(
  fields: { phoneNumber: string; serviceCode: string; text?: string; sessionId?: string },
  options: { json?: boolean; secret?: string | null } = {},
) {
  sessions += 1;
  const body = { sessionId: fields.sessionId ?? `ATUid_${sessions}`, ...fields };
  const headers: Record<string, string> = {};
  if (options.secret !== null) headers['x-ussd-secret'] = options.secret ?? SECRET;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/ussd',
    headers: {
      ...headers,
      'content-type': options.json ? 'application/json' : 'application/x-www-form-urlencoded',
    },
    payload: options.json ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  });
  return res;
}

/** The screen text without the CON/END prefix, checked against the 182-character limit. */
function screen(body: string) {
  const match = /^(CON|END) ([\s\S]*)$/.exec(body);
  if (!match) throw new Error(`not a USSD reply: ${body}`);
  expect(match[2]?.length).toBeLessThanOrEqual(USSD_MAX_CHARS);
  return { kind: match[1], text: match[2] ?? '' };
}

async function ussdJournal(lineId: string) {
  const rows = await t.db
    .selectFrom('journal')
    .select(['action', 'channel', 'details'])
    .where('line_id', '=', lineId)
    .where('channel', '=', 'ussd')
    .orderBy('id')
    .execute();
  return rows;
}

describe('USSD gateway interface', () => {
  it('CHAN-03 *100# answers the balance as END text/plain, form-encoded and JSON alike', async () => {
    const sub = await buildSubscriber(t.db, { balance: 1234_56n });
    const form = await step({ phoneNumber: sub.msisdn, serviceCode: '*100#', text: '' });
    expect(form.statusCode).toBe(200);
    expect(form.headers['content-type']).toMatch(/^text\/plain/);
    expect(form.body).toBe('END Баланс: 1 234,56 руб.');
    const json = await step({ phoneNumber: `8${sub.msisdn.slice(2)}`, serviceCode: '*100#' }, { json: true });
    expect(json.body).toBe('END Баланс: 1 234,56 руб.');
    const journal = await ussdJournal(sub.lineId);
    expect(journal).toHaveLength(2);
    expect(journal[0]).toMatchObject({
      action: 'ussd.request',
      details: { serviceCode: '*100#', screen: 'balance' },
    });
  });

  it('CHAN-03 refuses callers without the gateway secret', async () => {
    const sub = await buildSubscriber(t.db, { balance: 100n });
    expect((await step({ phoneNumber: sub.msisdn, serviceCode: '*100#' }, { secret: null })).statusCode).toBe(
      401,
    );
    const wrong = await step(
      { phoneNumber: sub.msisdn, serviceCode: '*100#' },
      { secret: `${SECRET.slice(1)}x` },
    );
    expect(wrong.statusCode).toBe(401);
    expect(await ussdJournal(sub.lineId)).toHaveLength(0);
  });

  it('CHAN-03 a gateway on a trusted address reaches *100# over real HTTP without the secret', async () => {
    const sub = await buildSubscriber(t.db, { balance: 42_00n });
    t.ctx.ussdGateway = { secret: SECRET, trustedGateways: ['127.0.0.1/32'] };
    try {
      const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
      const res = await fetch(`${address}/api/v1/ussd`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          sessionId: 'real-1',
          serviceCode: '*100#',
          phoneNumber: sub.msisdn,
          text: '',
        }),
      });
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toBe('END Баланс: 42,00 руб.');
    } finally {
      t.ctx.ussdGateway = { secret: SECRET, trustedGateways: [] };
    }
  });

  it('CHAN-03 *105# walks the menu over several steps: packages, back, tariff', async () => {
    const sub = await buildSubscriber(t.db, { balance: 50_00n });
    const sessionId = 'multi-step-1';
    const menu = screen(
      (await step({ sessionId, phoneNumber: sub.msisdn, serviceCode: '*105#', text: '' })).body,
    );
    expect(menu.kind).toBe('CON');
    expect(menu.text).toContain('2 Остатки пакетов');
    const packages = screen(
      (await step({ sessionId, phoneNumber: sub.msisdn, serviceCode: '*105#', text: '2' })).body,
    );
    expect(packages).toEqual({
      kind: 'CON',
      text: 'Остатки:\nМинуты: 375 мин\nSMS: 75 SMS\nИнтернет: 15360 МБ\n0 Меню',
    });
    const back = screen(
      (await step({ sessionId, phoneNumber: sub.msisdn, serviceCode: '*105#', text: '2*0' })).body,
    );
    expect(back.text).toBe(menu.text);
    const tariff = screen(
      (await step({ sessionId, phoneNumber: sub.msisdn, serviceCode: '*105#', text: '2*0*3' })).body,
    );
    expect(tariff.text).toBe('Тариф «Тестовый»\nАбонентская плата: 450,00 руб./мес.\n0 Меню');
    const balance = screen(
      (await step({ sessionId, phoneNumber: sub.msisdn, serviceCode: '*105#', text: '1' })).body,
    );
    expect(balance).toEqual({ kind: 'END', text: 'Баланс: 50,00 руб.' });
    const promised = screen(
      (await step({ sessionId, phoneNumber: sub.msisdn, serviceCode: '*105#', text: '4' })).body,
    );
    // PAY-05: a line activated today with no top-ups is told why it has no promised payment.
    expect(promised).toEqual({
      kind: 'END',
      text: 'Обещанный платёж недоступен:\nномер обслуживается меньше 60 дн.\nмало пополнений за 3 месяца.',
    });
    const wrong = screen(
      (await step({ sessionId, phoneNumber: sub.msisdn, serviceCode: '*105#', text: '8' })).body,
    );
    expect(wrong.text.startsWith('Нет такого пункта.')).toBe(true);
  });

  it('PAY-05 CHAN-03 *106# offers amounts, takes the chosen one once per session, then shows it with its due date', async () => {
    const sub = await promisedSubscriber(t.db, { now: t.clock.now, balance: 5_00n });
    const sessionId = 'promised-106-1';
    const ask = (text: string, id = sessionId) =>
      step({ sessionId: id, phoneNumber: sub.msisdn, serviceCode: '*106#', text }).then((r) =>
        screen(r.body),
      );
    const due = promisedDueText(new Date(t.clock.now.getTime() + 3 * 86_400_000), t.ctx.timeZone, true);
    expect(await ask('')).toEqual({
      kind: 'CON',
      text: 'Обещанный платёж на 3 дн.:\n1 50 руб.\n2 100 руб.\n3 200 руб. +10 комиссия\n4 300 руб. +10 комиссия',
    });
    expect((await ask('7')).text.startsWith('Нет такого пункта.')).toBe(true);
    expect(await ask('3')).toEqual({
      kind: 'CON',
      text: `Зачислим 200 руб., комиссия 10 руб. Спишем 200 руб. ${due}.\n1 Взять\n2 Отмена`,
    });
    expect(await ask('3*2')).toEqual({ kind: 'END', text: 'Отменено.' });
    expect(
      await t.db.selectFrom('promised_payments').select('id').where('line_id', '=', sub.lineId).execute(),
    ).toEqual([]);
    const taken = await ask('3*1');
    expect(taken).toEqual({ kind: 'END', text: `Зачислено 200 руб. Обещанный платёж спишется ${due}.` });
    // The gateway repeats the step: the same answer, nothing moves again.
    expect(await ask('3*1')).toEqual(taken);
    const rows = await t.db
      .selectFrom('promised_payments')
      .select(['amount', 'fee', 'channel', 'status'])
      .where('line_id', '=', sub.lineId)
      .execute();
    expect(rows).toEqual([{ amount: 200_00n, fee: 10_00n, channel: 'ussd', status: 'active' }]);
    const balance = await t.db
      .selectFrom('ledger_accounts')
      .select('balance')
      .where('id', '=', sub.ledgerAccountId)
      .executeTakeFirstOrThrow();
    expect(balance.balance).toBe(195_00n);
    const journal = await t.db
      .selectFrom('journal')
      .select(['action', 'channel'])
      .where('line_id', '=', sub.lineId)
      .where('action', '=', 'promised_payment.taken')
      .execute();
    expect(journal).toEqual([{ action: 'promised_payment.taken', channel: 'ussd' }]);
    // A new session sees the unpaid one; the menu's item 4 too.
    expect(await ask('', 'promised-106-2')).toEqual({
      kind: 'END',
      text: `Обещанный платёж 200 руб. спишется ${due}.`,
    });
    expect(await ask('1*1', 'promised-106-3')).toEqual({
      kind: 'END',
      text: `Обещанный платёж 200 руб. спишется ${due}.`,
    });
    const menu = screen((await step({ phoneNumber: sub.msisdn, serviceCode: '*105#', text: '4' })).body);
    expect(menu.text).toBe(`Обещанный платёж 200 руб. спишется ${due}.`);
  });

  it('PAY-05 CHAN-03 *106# speaks the subscriber’s language and says why not', async () => {
    const sub = await promisedSubscriber(t.db, { now: t.clock.now, topUps: 700_00n });
    await t.db.updateTable('logins').set({ locale: 'en' }).where('identifier', '=', sub.msisdn).execute();
    expect(screen((await step({ phoneNumber: sub.msisdn, serviceCode: '*106#' })).body)).toEqual({
      kind: 'CON',
      text: 'Promised payment for 3 days:\n1 50 RUB\n2 100 RUB',
    });
    expect(screen((await step({ phoneNumber: sub.msisdn, serviceCode: '*105#', text: '4' })).body)).toEqual({
      kind: 'END',
      text: 'Promised payment up to 100 RUB. Dial *106#.',
    });
    const young = await promisedSubscriber(t.db, { now: t.clock.now, tenureDays: 10 });
    expect(screen((await step({ phoneNumber: young.msisdn, serviceCode: '*106#' })).body)).toEqual({
      kind: 'END',
      text: 'Обещанный платёж недоступен:\nномер обслуживается меньше 60 дн.',
    });
  });

  it('CHAN-03 *122# lists the 5 newest charges, and the menu shows them with the way back', async () => {
    const sub = await buildSubscriber(t.db, { balance: 100_00n });
    const accounts = await t.db.selectFrom('ledger_accounts').select(['id', 'code']).execute();
    const revenue = accounts.find((a) => a.code.startsWith('revenue'))?.id ?? '';
    for (let i = 1; i <= 7; i += 1) {
      await t.db
        .insertInto('ledger_transfers')
        .values({
          id: `tr_ussdtest${sub.lineId.slice(-8)}${i}`,
          debit_account_id: sub.ledgerAccountId,
          credit_account_id: revenue,
          amount: BigInt(i * 100),
          kind: 'fee',
          line_id: sub.lineId,
          created_at: new Date(Date.UTC(2026, 10, 20, 9, i)),
        })
        .execute();
    }
    const direct = screen((await step({ phoneNumber: sub.msisdn, serviceCode: '*122#' })).body);
    expect(direct.kind).toBe('END');
    expect(direct.text.split('\n')).toEqual([
      'Последние списания:',
      '20.11 12:07 -7,00',
      '20.11 12:06 -6,00',
      '20.11 12:05 -5,00',
      '20.11 12:04 -4,00',
      '20.11 12:03 -3,00',
    ]);
    const inMenu = screen((await step({ phoneNumber: sub.msisdn, serviceCode: '*105#', text: '5' })).body);
    expect(inMenu.kind).toBe('CON');
    expect(inMenu.text.endsWith('0 Меню')).toBe(true);
  });

  it('CHAN-03 *110*9# asks, then sends a new password by SMS that logs in', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    const ask = screen((await step({ phoneNumber: sub.msisdn, serviceCode: '*110*9#' })).body);
    expect(ask.kind).toBe('CON');
    const cancel = screen((await step({ phoneNumber: sub.msisdn, serviceCode: '*110*9#', text: '2' })).body);
    expect(cancel).toEqual({ kind: 'END', text: 'Отменено.' });
    const done = screen((await step({ phoneNumber: sub.msisdn, serviceCode: '*110*9#', text: '1' })).body);
    expect(done).toEqual({ kind: 'END', text: 'Новый пароль отправлен по SMS.' });
    const [sms] = await inbox(t, sub.msisdn);
    const password = /: (\S{10})\./.exec(sms ?? '')?.[1] ?? '';
    expect(password).toHaveLength(10);
    const login = await t.db
      .selectFrom('logins')
      .select('password_hash')
      .where('identifier', '=', sub.msisdn)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(login.password_hash, password)).toBe(true);
    const res = await new TestClient(t).post('/api/v1/auth/password/login', {
      kind: 'phone',
      identifier: sub.msisdn,
      password,
      rememberDevice: false,
    });
    expect(res.statusCode).toBe(200);
    // A second request within a minute is refused politely: each one costs an SMS and replaces the password.
    const again = screen((await step({ phoneNumber: sub.msisdn, serviceCode: '*110*9#', text: '1' })).body);
    expect(again.kind).toBe('END');
    expect(again.text).toContain('недоступен');
    const issued = (await ussdJournal(sub.lineId)).filter((r) => r.action === 'auth.password_issued');
    expect(issued).toHaveLength(2);
  });

  it('CHAN-03 *110*0221# bans detalization by email once, as a request and a journal entry', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    const first = screen((await step({ phoneNumber: sub.msisdn, serviceCode: '*110*0221#' })).body);
    expect(first.text).toContain('запрещён');
    const second = screen((await step({ phoneNumber: sub.msisdn, serviceCode: '*110*0221#' })).body);
    expect(second.text).toContain('уже');
    const flag = await t.db
      .selectFrom('line_channel_settings')
      .select('email_detalization_banned')
      .where('line_id', '=', sub.lineId)
      .executeTakeFirst();
    expect(flag?.email_detalization_banned).toBe(true);
    const requests = await t.db
      .selectFrom('requests')
      .select('kind')
      .where('line_id', '=', sub.lineId)
      .execute();
    expect(requests).toEqual([{ kind: 'email_detalization_ban' }]);
    expect((await ussdJournal(sub.lineId)).map((r) => r.action)).toEqual([
      'channels.email_detalization_banned',
    ]);
  });

  it('CHAN-03 unknown codes get the menu', async () => {
    const sub = await buildSubscriber(t.db);
    const reply = screen((await step({ phoneNumber: sub.msisdn, serviceCode: '*777#' })).body);
    expect(reply.kind).toBe('CON');
    expect(reply.text).toContain('1 Баланс');
  });

  it('CHAN-03 malformed requests get a polite END, never an error page', async () => {
    const sub = await buildSubscriber(t.db);
    const cases = [
      { phoneNumber: 'not a number', serviceCode: '*100#' },
      { phoneNumber: sub.msisdn, serviceCode: 'DROP TABLE' },
      { phoneNumber: sub.msisdn, serviceCode: '*105#', text: '1*<script>' },
      { phoneNumber: sub.msisdn, serviceCode: '*105#', text: 'x'.repeat(500) },
    ];
    for (const fields of cases) {
      const res = await step(fields);
      expect(res.statusCode).toBe(200);
      expect(res.body).toBe('END Запрос не понят. Попробуйте ещё раз.');
    }
    const missing = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ussd',
      headers: { 'x-ussd-secret': SECRET, 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'serviceCode=*100%23',
    });
    expect(missing.body).toBe('END Запрос не понят. Попробуйте ещё раз.');
    const brokenJson = await t.app.inject({
      method: 'POST',
      url: '/api/v1/ussd',
      headers: { 'x-ussd-secret': SECRET, 'content-type': 'application/json' },
      payload: '{"sessionId": "x", ',
    });
    expect(brokenJson.statusCode).toBe(200);
    expect(brokenJson.body).toBe('END Запрос не понят. Попробуйте ещё раз.');
    const unknown = await step({ phoneNumber: uniqueMsisdn(), serviceCode: '*100#' });
    expect(screen(unknown.body)).toEqual({ kind: 'END', text: 'Номер не обслуживается в Кабинете.' });
    expect(await ussdJournal(sub.lineId)).toHaveLength(0);
  });

  it('CHAN-03 answers in the subscriber’s language and keeps every screen within 182 characters', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true, balance: 9_00n });
    await t.db.updateTable('logins').set({ locale: 'en' }).where('identifier', '=', sub.msisdn).execute();
    expect((await step({ phoneNumber: sub.msisdn, serviceCode: '*100#' })).body).toBe(
      'END Balance: 9,00 RUB',
    );
    await t.db
      .updateTable('package_templates')
      .set({ name_en: 'Internet package '.repeat(10) })
      .where('kind', '=', 'data')
      .execute();
    for (const text of ['', '1', '2', '3', '4', '5', '9']) {
      screen((await step({ phoneNumber: sub.msisdn, serviceCode: '*105#', text })).body);
    }
    const packages = screen((await step({ phoneNumber: sub.msisdn, serviceCode: '*105#', text: '2' })).body);
    expect(packages.text.startsWith('Left:')).toBe(true);
    expect(packages.text.endsWith('0 Menu')).toBe(true);
  });

  it('CHAN-03 ACCESS-07 a waiting login prompt opens the session and "1" confirms it', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true, balance: 10_00n });
    const browser = new TestClient(t);
    const asked = await browser.post('/api/v1/auth/phone-confirm', { phone: sub.msisdn });
    expect(asked.statusCode).toBe(202);
    const { requestId } = asked.json<{ requestId: string }>();
    const sessionId = 'prompt-session-1';
    const prompt = screen((await step({ sessionId, phoneNumber: sub.msisdn, serviceCode: '*100#' })).body);
    expect(prompt).toEqual({
      kind: 'CON',
      text: 'Вход в Кабинет с другого устройства.\n1 Подтвердить\n2 Отклонить',
    });
    // Another session meanwhile is an ordinary one: its "1" is the menu's balance, not an answer.
    const other = screen(
      (await step({ sessionId: 'menu-2', phoneNumber: sub.msisdn, serviceCode: '*105#', text: '1' })).body,
    );
    expect(other.text).toBe('Баланс: 10,00 руб.');
    t.clock.advance(5_000);
    const answer = screen(
      (await step({ sessionId, phoneNumber: sub.msisdn, serviceCode: '*100#', text: '1' })).body,
    );
    expect(answer).toEqual({ kind: 'END', text: 'Вход подтверждён.' });
    const row = await t.db
      .selectFrom('phone_confirmations')
      .select('status')
      .where('id', '=', requestId)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
    const journal = await ussdJournal(sub.lineId);
    expect(journal.map((r) => r.action)).toContain('auth.phone_confirm_confirmed');
    const done = await browser.get(`/api/v1/auth/phone-confirm/${requestId}`);
    expect(done.json()).toMatchObject({ status: 'confirmed' });
  });

  it('CHAN-03 ACCESS-07 an answer after 20 seconds only expires the prompt', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    t.clock.advance(60_000);
    const asked = await new TestClient(t).post('/api/v1/auth/phone-confirm', { phone: sub.msisdn });
    expect(asked.statusCode).toBe(202);
    const sessionId = 'prompt-late-1';
    expect(screen((await step({ sessionId, phoneNumber: sub.msisdn, serviceCode: '*105#' })).body).kind).toBe(
      'CON',
    );
    t.clock.advance(21_000);
    const late = screen(
      (await step({ sessionId, phoneNumber: sub.msisdn, serviceCode: '*105#', text: '1' })).body,
    );
    expect(late.text).toBe('Время на ответ истекло. Запросите вход ещё раз.');
  });
});
