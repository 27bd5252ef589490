import { newId } from '@kabinet/core';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password-hash.ts';
import { inbox } from '../test/access-helpers.ts';
import { buildSubscriber, uniqueMsisdn } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { handleIncomingSms } from './handle-incoming-sms.ts';
import { SmsCommandRegistry } from './registry.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

const ctx = () => ({ ...t.ctx, log: pino({ level: 'silent' }) });

async function smsJournal(lineId: string) {
  return t.db
    .selectFrom('journal')
    .select(['action', 'outcome', 'channel'])
    .where('line_id', '=', lineId)
    .where('action', 'like', 'sms_command.%')
    .orderBy('id')
    .execute();
}

/** A content subscription on its own short number, connected to the line. */
async function connectContent(lineId: string, shortNumber: string) {
  const id = newId('option');
  await t.db
    .insertInto('options')
    .values({
      id,
      code: `horoscope-${id}`,
      category: 'content',
      name_ru: 'Гороскоп',
      name_en: 'Horoscope',
      fee: 5_00n,
      fee_period: 'day',
      short_number: shortNumber,
    })
    .execute();
  await t.db.insertInto('line_options').values({ line_id: lineId, option_id: id }).execute();
  return id;
}

describe('SMS commands', () => {
  it('CHAN-04 an empty SMS to 000110 sends a new password that works', async () => {
    const sub = await buildSubscriber(t.db);
    expect(await handleIncomingSms(ctx(), { from: sub.msisdn, to: '000110', text: '  ' })).toBe('handled');
    const [sms] = await inbox(t, sub.msisdn);
    const password = /: (\S{10})\./.exec(sms ?? '')?.[1] ?? '';
    const login = await t.db
      .selectFrom('logins')
      .select('password_hash')
      .where('identifier', '=', sub.msisdn)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword(login.password_hash, password)).toBe(true);
    expect(await smsJournal(sub.lineId)).toEqual([
      { action: 'sms_command.new_password', outcome: 'ok', channel: 'sms' },
    ]);
  });

  it('CHAN-04 text to 000110 gets a reply explaining the command, and changes nothing', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    expect(await handleIncomingSms(ctx(), { from: sub.msisdn, to: '000110', text: 'пароль' })).toBe('help');
    expect((await inbox(t, sub.msisdn))[0]).toBe(
      'Чтобы получить новый пароль от Кабинета, отправьте пустое SMS на 000110.',
    );
    const login = await t.db
      .selectFrom('logins')
      .select('password_hash')
      .where('identifier', '=', sub.msisdn)
      .executeTakeFirstOrThrow();
    expect(login.password_hash).toBeNull();
  });

  it('CHAN-04 STOP to a content short number unsubscribes that subscription only', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    const horoscope = await connectContent(sub.lineId, '4441');
    const news = await connectContent(sub.lineId, '4442');
    expect(await handleIncomingSms(ctx(), { from: sub.msisdn, to: '4441', text: 'stop' })).toBe('handled');
    const left = await t.db
      .selectFrom('line_options')
      .select('option_id')
      .where('line_id', '=', sub.lineId)
      .execute();
    expect(left.map((o) => o.option_id)).toEqual([news]);
    expect(left.map((o) => o.option_id)).not.toContain(horoscope);
    expect((await inbox(t, sub.msisdn))[0]).toBe('Подписка «Гороскоп» отключена.');
    const journal = await t.db
      .selectFrom('journal')
      .select('action')
      .where('line_id', '=', sub.lineId)
      .orderBy('id')
      .execute();
    expect(journal.map((j) => j.action)).toEqual(['content.unsubscribed', 'sms_command.content_stop']);
    // Again: nothing left on that number, and the subscriber is told so.
    expect(await handleIncomingSms(ctx(), { from: sub.msisdn, to: '4441', text: 'СТОП' })).toBe('failed');
    expect((await inbox(t, sub.msisdn))[0]).toContain('нет подписок на номере 4441');
  });

  it('CHAN-04 other text to a content number explains STOP', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    await connectContent(sub.lineId, '4443');
    expect(await handleIncomingSms(ctx(), { from: sub.msisdn, to: '4443', text: 'хватит' })).toBe('help');
    expect((await inbox(t, sub.msisdn))[0]).toBe('Чтобы отписаться от подписки, отправьте STOP на 4443.');
    expect(
      await t.db.selectFrom('line_options').select('option_id').where('line_id', '=', sub.lineId).execute(),
    ).toHaveLength(1);
  });

  it('CHAN-04 unknown commands get a helpful reply in the subscriber’s language', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    await t.db.updateTable('logins').set({ locale: 'en' }).where('identifier', '=', sub.msisdn).execute();
    expect(await handleIncomingSms(ctx(), { from: sub.msisdn, to: '9999', text: 'BALANCE' })).toBe(
      'unknown_command',
    );
    expect((await inbox(t, sub.msisdn))[0]).toContain('Empty SMS to 000110');
    expect(await smsJournal(sub.lineId)).toEqual([
      { action: 'sms_command.unknown', outcome: 'failed', channel: 'sms' },
    ]);
  });

  it('CHAN-04 SMS from numbers that are no subscriber’s are dropped without a reply', async () => {
    const stranger = uniqueMsisdn();
    expect(await handleIncomingSms(ctx(), { from: stranger, to: '000110', text: '' })).toBe('unknown_sender');
    expect(await inbox(t, stranger)).toEqual([]);
  });

  it('CHAN-04 capabilities plug their own commands into a registry', async () => {
    const sub = await buildSubscriber(t.db);
    const seen: string[] = [];
    const registry = new SmsCommandRegistry().register({
      name: 'detalization_email',
      to: '1401',
      text: /^\S+@\S+$/,
      help: () => ({ ru: 'Отправьте адрес email на 1401.', en: 'Send an email address to 1401.' }),
      async handle(_ctx, sms) {
        seen.push(sms.text);
        return {
          outcome: 'ok',
          reply: { ru: 'Детализация будет отправлена.', en: 'Detalization will be sent.' },
        };
      },
    });
    expect(
      await handleIncomingSms(ctx(), { from: sub.msisdn, to: '1401', text: ' me@example.com ' }, registry),
    ).toBe('handled');
    expect(seen).toEqual([' me@example.com ']);
    expect(await handleIncomingSms(ctx(), { from: sub.msisdn, to: '1401', text: 'hello' }, registry)).toBe(
      'help',
    );
    expect((await inbox(t, sub.msisdn)).slice(0, 2)).toEqual([
      'Отправьте адрес email на 1401.',
      'Детализация будет отправлена.',
    ]);
  });
});
