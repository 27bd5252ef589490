import { TestSmsc } from '@kabinet/channels/testing';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChannelTestApp, eventually } from '../notifications/testing/channel-test-app.ts';
import { buildSubscriber } from '../test/factories.ts';
import type { TestApp } from '../test/harness.ts';
import { subscribeSmsCommands } from './subscribe.ts';

let smsc: TestSmsc;
let t: TestApp;
beforeAll(async () => {
  smsc = await TestSmsc.start();
  t = await createChannelTestApp({ channels: { smppUrl: smsc.url }, outbox: { pollMs: 50 } });
  subscribeSmsCommands(t.ctx, pino({ level: 'silent' }));
  t.ctx.outbox.start();
});
afterAll(async () => {
  await t.close();
  await smsc.stop();
});

describe('SMS commands over SMPP', () => {
  it('CHAN-04 a mobile-originated SMS from the SMS centre runs the command and the reply goes back over SMPP', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    // The dispatcher's start binds the ESME (transceiver), which then receives deliver_sm.
    await eventually(async () => smsc.binds.length > 0, 10_000);
    smsc.sendMo({ from: sub.msisdn, to: '000110', text: '' });
    const reply = await eventually(async () =>
      smsc.messages().find((m) => m.text.startsWith('Новый пароль от Кабинета')),
    );
    expect(reply.text).toMatch(/^Новый пароль от Кабинета: \S{10}\./);
    smsc.sendMo({ from: sub.msisdn, to: '9090', text: 'Привет' });
    const help = await eventually(async () =>
      smsc.messages().find((m) => m.text.startsWith('Команда не распознана')),
    );
    expect(help.text).toContain('000110');
    const journal = await t.db
      .selectFrom('journal')
      .select(['action', 'channel'])
      .where('line_id', '=', sub.lineId)
      .where('action', 'like', 'sms_command.%')
      .orderBy('id')
      .execute();
    expect(journal).toEqual([
      { action: 'sms_command.new_password', channel: 'sms' },
      { action: 'sms_command.unknown', channel: 'sms' },
    ]);
  }, 30_000);
});
