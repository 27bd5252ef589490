import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { SmtpMailer } from '../email/smtp-mailer.ts';
import { renderEmail } from '../email/templates.ts';
import { DeliveryError } from '../errors.ts';
import type { DeliveryReceipt } from '../sms/receipt.ts';
import { type IncomingSms, SmppClient } from '../sms/smpp-client.ts';
import { TestSmsc } from './smsc-peer.ts';
import { TestSmtp } from './smtp-peer.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function pair(options: { window?: number; receiptAfterMs?: number | false } = {}) {
  const smsc = await TestSmsc.start({ receiptAfterMs: options.receiptAfterMs ?? 5 });
  const client = new SmppClient({
    url: smsc.url,
    window: options.window ?? 10,
    reconnectInitialMs: 50,
    bindWaitMs: 3000,
  });
  client.start();
  cleanups.push(
    () => smsc.stop(),
    () => client.stop(),
  );
  return { smsc, client };
}

function until(check: () => boolean, ms = 5000): Promise<void> {
  const start = Date.now();
  return new Promise((resolve, reject) => {
    const tick = () => {
      if (check()) return resolve();
      if (Date.now() - start > ms) return reject(new Error('condition not met in time'));
      setTimeout(tick, 10);
    };
    tick();
  });
}

describe('SMPP client against the test SMS centre', () => {
  it('NOTIF-02 binds as an SMPP 3.4 transceiver and submits a GSM text', async () => {
    const { smsc, client } = await pair();
    const ids = await client.submit({ from: 'Kabinet', to: '+79161234567', text: 'Code 123456 {ok} 5€' });
    expect(ids).toHaveLength(1);
    expect(smsc.binds).toEqual([0x34]);
    expect(smsc.messages()).toMatchObject([
      { from: 'Kabinet', to: '79161234567', text: 'Code 123456 {ok} 5€', dataCoding: 0 },
    ]);
  });

  it('NOTIF-02 a long Cyrillic SMS travels as concatenated UCS-2 parts with one reference', async () => {
    const { smsc, client } = await pair();
    const text = 'Ваш баланс пополнен на 500 ₽. '.repeat(6).trim();
    const ids = await client.submit({ from: '900', to: '+79161234567', text });
    expect(ids).toHaveLength(Math.ceil(text.length / 67));
    const [message] = smsc.messages();
    expect(message?.text).toBe(text);
    expect(message?.dataCoding).toBe(8);
    expect(new Set(message?.parts.map((p) => p.concat?.reference)).size).toBe(1);
    expect(message?.parts.map((p) => [p.concat?.sequence, p.concat?.total, p.esmClass & 0x40])).toEqual(
      ids.map((_, i) => [i + 1, ids.length, 0x40]),
    );
  });

  it('NOTIF-02 delivery receipts come back with the submitted message id', async () => {
    const { client } = await pair();
    const receipts: DeliveryReceipt[] = [];
    client.onReceipt((r) => receipts.push(r));
    const [id] = await client.submit({ from: 'Kabinet', to: '+79161234567', text: 'hi' });
    await until(() => receipts.length === 1);
    expect(receipts[0]).toEqual({ messageId: id, state: 'delivered' });
  });

  it('NOTIF-02 a mobile-originated SMS surfaces as an incoming event', async () => {
    const { smsc, client } = await pair();
    const incoming: IncomingSms[] = [];
    client.onIncoming((sms) => incoming.push(sms));
    await until(() => client.isBound);
    smsc.sendMo({ from: '+79161234567', to: '000110', text: 'Пароль' });
    await until(() => incoming.length === 1);
    expect(incoming[0]).toMatchObject({ from: '+79161234567', to: '000110', text: 'Пароль' });
    const long = `Детализация за октябрь, пожалуйста. ${'Спасибо! '.repeat(10)}`;
    expect(smsc.sendMo({ from: '+79161234567', to: '1401', text: long })).toBe(2);
    smsc.sendMo({ from: '+79161234567', to: '1401', text: 'Balance {please} 5€' });
    await until(() => incoming.length === 3);
    expect(incoming.slice(1).map((m) => m.text)).toEqual([long, 'Balance {please} 5€']);
  });

  it('NOTIF-02 a refused submit is permanent, a throttled one transient, a lost link an unknown outcome', async () => {
    const { smsc, client } = await pair();
    smsc.refuseWith = 0x0b;
    await expect(client.submit({ from: 'K', to: '+7916', text: 'x' })).rejects.toMatchObject({
      kind: 'permanent',
    });
    smsc.refuseWith = 0x58;
    await expect(client.submit({ from: 'K', to: '+7916', text: 'x' })).rejects.toMatchObject({
      kind: 'transient',
    });
    smsc.refuseWith = undefined;
    const before = smsc.parts.length;
    // The centre goes down while the submit_sm is on the wire: it never answers, the link closes.
    const outcome = client.submit({ from: 'K', to: '+7916', text: 'x' }).catch((e: unknown) => e);
    await smsc.down();
    const err = await outcome;
    expect(err).toBeInstanceOf(DeliveryError);
    expect((err as DeliveryError).kind).toBe('unknown');
    expect(smsc.parts.length).toBe(before);
  });

  it('NOTIF-02 a long message whose later part is throttled counts as an unknown outcome (partly sent)', async () => {
    const { smsc, client } = await pair();
    smsc.afterAccept = () => {
      smsc.refuseWith = 0x58;
    };
    const err = await client
      .submit({ from: 'K', to: '+7916', text: 'ж'.repeat(100) })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unknown', status: 0x58 });
    expect(smsc.parts).toHaveLength(1);
  });

  it('NOTIF-02 reconnects with backoff after the centre comes back, keeping the window', async () => {
    const { smsc, client } = await pair({ window: 3 });
    await client.submit({ from: 'K', to: '+79160000001', text: 'one' });
    await smsc.down();
    await until(() => !client.isBound);
    await smsc.up();
    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        client.submit({ from: 'K', to: `+7916000${String(i).padStart(4, '0')}`, text: `n${i}` }),
      ),
    );
    expect(sent).toHaveLength(20);
    expect(smsc.binds.length).toBeGreaterThanOrEqual(2);
    expect(smsc.parts).toHaveLength(21);
  });
});

describe('SMTP mailer against the test relay', () => {
  it('NOTIF-02 sends text, HTML and an attachment, parsed back by mailparser', async () => {
    const relay = await TestSmtp.start();
    const mailer = new SmtpMailer({ url: relay.url });
    cleanups.push(
      () => relay.stop(),
      () => mailer.close(),
    );
    const rendered = renderEmail('report.ready', 'ru', {
      name: 'Анна <b>',
      period: 'октябрь 2026',
      filename: 'report.csv',
    });
    await mailer.send({
      from: 'Kabinet <noreply@kabinet.test>',
      to: 'anna@example.test',
      ...rendered,
      attachments: [
        { filename: 'report.csv', contentType: 'text/csv', content: Buffer.from('date;sum\n1;2\n') },
      ],
    });
    const [mail] = relay.received;
    const parsed = await simpleParser(mail?.raw as Buffer);
    expect(parsed.subject).toBe('Детализация за октябрь 2026');
    expect(parsed.text).toContain('Здравствуйте, Анна <b>!');
    expect(parsed.html).toContain('Анна &#60;b&#62;');
    expect(parsed.attachments[0]?.filename).toBe('report.csv');
    expect(parsed.attachments[0]?.content.toString()).toBe('date;sum\n1;2\n');
  });

  it('NOTIF-02 a 4xx refusal is transient and a 5xx permanent', async () => {
    const relay = await TestSmtp.start();
    const mailer = new SmtpMailer({ url: relay.url });
    cleanups.push(
      () => relay.stop(),
      () => mailer.close(),
    );
    const email = { from: 'a@kabinet.test', to: 'b@example.test', subject: 's', text: 't' };
    relay.refuseNext(1, 451);
    await expect(mailer.send(email)).rejects.toMatchObject({ kind: 'transient', status: 451 });
    relay.refuseNext(1, 554);
    await expect(mailer.send(email)).rejects.toMatchObject({ kind: 'permanent', status: 554 });
    await mailer.send(email);
    expect(relay.received).toHaveLength(1);
  });

  it('NOTIF-02 English templates render too', () => {
    const r = renderEmail('payment.receipt', 'en', {
      name: 'Ann',
      amount: '500 ₽',
      phone: '+7 916 123-45-67',
      date: '23.11.2026',
    });
    expect(r.subject).toBe('Payment received');
    expect(r.text).toContain('500 ₽ was credited to +7 916 123-45-67');
  });
});
