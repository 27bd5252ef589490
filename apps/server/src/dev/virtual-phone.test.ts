import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildRatedSubscriber } from '../rating/test-helpers.ts';
import { buildSubscriber } from '../test/factories.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { TestClient } from '../test/http-client.ts';

let t: TestApp;
let phone: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  phone = new TestClient(t);
});
afterAll(async () => {
  await t.close();
});

const url = (msisdn: string, path: string) => `/api/v1/dev/phones/${encodeURIComponent(msisdn)}/${path}`;

describe('the virtual phone', () => {
  it('DEMO-02 dials *100# and *105# through the USSD application', async () => {
    const sub = await buildSubscriber(t.db, { balance: 77_00n });
    const balance = await phone.post(url(sub.msisdn, 'ussd'), { serviceCode: '*100#', sessionId: 's1' });
    expect(balance.json()).toEqual({ end: true, text: 'Баланс: 77,00 руб.', wire: 'END Баланс: 77,00 руб.' });
    const menu = await phone.post(url(sub.msisdn, 'ussd'), {
      serviceCode: '*105#',
      sessionId: 's2',
      text: '',
    });
    expect(menu.json()).toMatchObject({ end: false });
    const item = await phone.post(url(sub.msisdn, 'ussd'), {
      serviceCode: '*105#',
      sessionId: 's2',
      text: '1',
    });
    expect(item.json()).toMatchObject({ end: true, text: 'Баланс: 77,00 руб.' });
    const journal = await t.db
      .selectFrom('journal')
      .select('channel')
      .where('line_id', '=', sub.lineId)
      .execute();
    expect(journal.map((j) => j.channel)).toEqual(['ussd', 'ussd', 'ussd']);
  });

  it('DEMO-02 sends SMS commands, keeps them in its outbox and gets the reply in its inbox', async () => {
    const sub = await buildSubscriber(t.db);
    const sent = await phone.post(url(sub.msisdn, 'sms'), { to: '5555', text: 'HELP' });
    expect(sent.json()).toMatchObject({ id: expect.stringMatching(/^msg_/), outcome: 'unknown_command' });
    expect((await phone.get(url(sub.msisdn, 'sent'))).json().messages).toEqual([
      expect.objectContaining({ to: '5555', body: 'HELP' }),
    ]);
    const inbox = (await phone.get(url(sub.msisdn, 'messages'))).json().messages;
    expect(inbox[0]).toMatchObject({ from: '5555', kind: 'sms' });
    expect(inbox[0].body).toContain('000110');
    const bad = await phone.post(url(sub.msisdn, 'sms'), { to: 'abc', text: '' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ field: 'to' }] });
  });

  it('DEMO-02 generates a call, an SMS and data usage through the rating engine', async () => {
    const sub = await buildRatedSubscriber(t.db, { balance: 500_00n });
    for (const kind of ['call', 'sms', 'data'] as const) {
      const res = await phone.post(url(sub.msisdn, 'usage'), { kind });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ recordId: expect.stringMatching(/^vp-/) });
    }
    const records = await t.db
      .selectFrom('usage_records')
      .select('kind')
      .where('line_id', '=', sub.lineId)
      .execute();
    expect(records.map((r) => r.kind).sort()).toEqual(['data', 'sms_out', 'voice_out']);
  });

  it('DEMO-02 shows the emails captured for the owner', async () => {
    const sub = await buildSubscriber(t.db, { withLogin: true });
    const address = `vp.${sub.lineId.slice(-6)}@example.com`;
    await t.db
      .updateTable('logins')
      .set({ recovery_email: address })
      .where('id', '=', sub.loginId ?? '')
      .execute();
    const { enqueueMessage } = await import('../notifications/outbox.ts');
    await t.db.transaction().execute((trx) =>
      enqueueMessage(trx, {
        channel: 'email',
        recipient: address,
        sender: '',
        body: 'Привет',
        kind: 'test',
        email: { subject: 'Тема' },
      }),
    );
    await t.ctx.outbox.kick();
    const emails = (await phone.get(url(sub.msisdn, 'emails'))).json().emails;
    expect(emails).toEqual([
      expect.objectContaining({ to: address, subject: 'Тема', text: 'Привет', attachments: [] }),
    ]);
  });
});
