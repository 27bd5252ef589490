import { TestSmsc, TestSmtp } from '@kabinet/channels/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSubscriber } from '../test/factories.ts';
import type { TestApp } from '../test/harness.ts';
import { TestClient } from '../test/http-client.ts';
import { REDACTED } from './delivery-writer.ts';
import { enqueueEmail } from './enqueue-email.ts';
import type { IncomingSms } from './incoming.ts';
import { enqueueMessage } from './outbox.ts';
import { createChannelTestApp, eventually } from './testing/channel-test-app.ts';

let smsc: TestSmsc;
let relay: TestSmtp;
let t: TestApp;

beforeAll(async () => {
  smsc = await TestSmsc.start();
  relay = await TestSmtp.start();
  t = await createChannelTestApp({
    channels: { smppUrl: smsc.url, smtpUrl: relay.url, mailFrom: 'Kabinet <noreply@kabinet.test>' },
    outbox: { backoffBaseMs: 50, backoffMaxMs: 200 },
  });
});
afterAll(async () => {
  await t?.close();
  await smsc?.stop();
  await relay?.stop();
});

async function row(id: string) {
  return t.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

describe('delivery through real protocol peers', () => {
  it('ACCESS-01 a login code travels as an SMS through SMPP and logs the subscriber in', async () => {
    const sub = await buildSubscriber(t.db);
    const client = new TestClient(t);
    expect((await client.post('/api/v1/auth/code', { phone: sub.msisdn })).statusCode).toBe(202);
    await t.ctx.outbox.kick();
    const sms = smsc.messages().find((m) => m.to === sub.msisdn.slice(1));
    expect(sms).toMatchObject({ from: 'Kabinet' });
    const code = /\b(\d{6})\b/.exec(sms?.text ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    const res = await client.post('/api/v1/auth/code/verify', {
      phone: sub.msisdn,
      code,
      rememberDevice: false,
    });
    expect(res.statusCode).toBe(200);
    expect(smsc.binds.every((v) => v === 0x34)).toBe(true);
    const message = await t.db
      .selectFrom('outbox')
      .select('id')
      .where('recipient', '=', sub.msisdn)
      .executeTakeFirstOrThrow();
    const delivered = await eventually(async () => {
      const r = await row(message.id);
      return r.status === 'delivered' ? r : undefined;
    });
    // The code is not kept in the outbox once it has left.
    expect(delivered).toMatchObject({ attempts: 1, uncertain_sends: 0, sensitive: true, body: REDACTED });
    expect(delivered.submitted_at).toBeInstanceOf(Date);
  });

  it('NOTIF-02 a long Cyrillic SMS goes out as UCS-2 parts that each get a receipt', async () => {
    const text = 'Баланс пополнен на 500 ₽. Спасибо, что пользуетесь нашими услугами! '.repeat(3).trim();
    const id = await enqueueMessage(t.db, {
      channel: 'sms',
      recipient: '+79160000101',
      sender: '900',
      body: text,
      kind: 'payment.receipt',
    });
    await t.ctx.outbox.kick();
    const received = smsc.messages().find((m) => m.to === '79160000101');
    expect(received?.text).toBe(text);
    expect(received?.dataCoding).toBe(8);
    expect(received?.parts).toHaveLength(Math.ceil(text.length / 67));
    await eventually(async () => (await row(id)).status === 'delivered');
    const parts = await t.db
      .selectFrom('outbox_parts')
      .selectAll()
      .where('message_id', '=', id)
      .orderBy('part')
      .execute();
    expect(parts.map((p) => [p.provider_id, p.state])).toEqual(
      received?.parts.map((p) => [p.messageId, 'delivered']),
    );
  });

  it('NOTIF-02 an undeliverable receipt marks the message failed with the reason', async () => {
    const quiet = await TestSmsc.start({ receiptAfterMs: false });
    const app = await createChannelTestApp({ channels: { smppUrl: quiet.url } });
    try {
      const id = await enqueueMessage(app.db, {
        channel: 'sms',
        recipient: '+79160000102',
        sender: 'Kabinet',
        body: 'hi',
        kind: 'test',
      });
      await app.ctx.outbox.kick();
      expect(
        (await app.db.selectFrom('outbox').select('status').where('id', '=', id).executeTakeFirstOrThrow())
          .status,
      ).toBe('submitted');
      quiet.sendReceipt(quiet.parts[0]?.messageId as string, 'undeliverable');
      const failed = await eventually(async () => {
        const r = await app.db
          .selectFrom('outbox')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        return r.status === 'failed' ? r : undefined;
      });
      expect(failed.last_error).toBe('receipt: undeliverable');
    } finally {
      await app.close();
      await quiet.stop();
    }
  });

  it('NOTIF-02 an email with an attachment goes through SMTP and parses back with text, HTML and the file', async () => {
    const pdf = Buffer.from('%PDF-1.4 fake report bytes \u0000\u00ff', 'latin1');
    const id = await t.db.transaction().execute((trx) =>
      enqueueEmail(trx, {
        to: 'anna@example.test',
        template: 'report.ready',
        language: 'ru',
        vars: { name: 'Анна', period: 'октябрь 2026', filename: 'detalization.pdf' },
        attachments: [{ filename: 'detalization.pdf', contentType: 'application/pdf', content: pdf }],
      }),
    );
    await t.ctx.outbox.kick();
    const mail = relay.received.find((m) => m.to.includes('anna@example.test'));
    expect(mail?.parsed.subject).toBe('Детализация за октябрь 2026');
    expect(mail?.parsed.from?.text).toContain('noreply@kabinet.test');
    expect(mail?.parsed.text).toContain('Детализация за октябрь 2026 во вложении');
    expect(mail?.parsed.html).toContain('<p>Здравствуйте, Анна!</p>');
    expect(mail?.parsed.messageId).toBe(`<${id}@kabinet>`);
    expect(mail?.parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['detalization.pdf', 'application/pdf'],
    ]);
    expect(mail?.parsed.attachments[0]?.content.equals(pdf)).toBe(true);
    expect(await row(id)).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('NOTIF-02 the SMTP relay refuses with 451 twice, then accepts: the email is delivered once', async () => {
    relay.refuseNext(2, 451);
    const before = relay.received.length;
    const id = await enqueueEmail(t.db, {
      to: 'retry@example.test',
      template: 'payment.receipt',
      language: 'en',
      vars: { name: 'Ann', amount: '500 ₽', phone: '+7 916 000-01-03', date: '23.11.2026' },
    });
    const done = await eventually(async () => {
      await t.ctx.outbox.kick();
      const r = await row(id);
      return r.status === 'delivered' ? r : undefined;
    });
    expect(relay.refused).toBeGreaterThanOrEqual(2);
    expect(relay.received.slice(before).filter((m) => m.to.includes('retry@example.test'))).toHaveLength(1);
    expect(done).toMatchObject({ attempts: 3 });
    expect(done.last_error).toMatch(/451/);
  });

  it('NOTIF-02 a 5xx refusal fails the email at once, without retries', async () => {
    relay.refuseNext(1, 550);
    const id = await enqueueEmail(t.db, {
      to: 'nobody@example.test',
      template: 'password.changed',
      language: 'ru',
      vars: { name: 'Ира', date: '23.11.2026' },
    });
    await t.ctx.outbox.kick();
    expect(await row(id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(relay.received.some((m) => m.to.includes('nobody@example.test'))).toBe(false);
  });

  it('NOTIF-02 a mobile-originated SMS from the centre reaches the incoming SMS listeners', async () => {
    const got: IncomingSms[] = [];
    const off = t.ctx.incomingSms.on((sms) => {
      got.push(sms);
    });
    await eventually(async () => smsc.binds.length > 0);
    smsc.sendMo({ from: '+79160000104', to: '000110', text: 'STOP' });
    await eventually(async () => got.length === 1);
    off();
    expect(got[0]).toMatchObject({ from: '+79160000104', to: '000110', text: 'STOP' });
  });
});
