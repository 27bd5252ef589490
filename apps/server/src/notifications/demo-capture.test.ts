import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { listCapturedEmails } from './email-capture.ts';
import { enqueueEmail } from './enqueue-email.ts';
import { enqueueMessage } from './outbox.ts';
import { listVirtualPhoneMessages } from './virtual-phone.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('demo mode without SMPP_URL and SMTP_URL', () => {
  it('NOTIF-02 SMS land in the virtual phone and are marked delivered', async () => {
    const id = await enqueueMessage(t.db, {
      channel: 'sms',
      recipient: '+79160000301',
      sender: 'Kabinet',
      body: 'Код 123456',
      kind: 'auth.code',
    });
    await t.ctx.outbox.kick();
    expect((await listVirtualPhoneMessages(t.db, '+79160000301')).map((m) => m.body)).toEqual(['Код 123456']);
    const row = await t.db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'delivered', attempts: 1, lease_owner: null });
    expect(row.delivered_at).toBeInstanceOf(Date);
  });

  it('NOTIF-02 emails are captured with subject, HTML and attachment references for the virtual phone', async () => {
    const id = await enqueueEmail(t.db, {
      to: 'demo@example.test',
      template: 'report.ready',
      language: 'en',
      vars: { name: 'Demo', period: 'October 2026', filename: 'report.csv' },
      attachments: [{ filename: 'report.csv', contentType: 'text/csv', content: Buffer.from('a;b\n1;2\n') }],
    });
    await t.ctx.outbox.kick();
    const [mail] = await listCapturedEmails(t.db, 'demo@example.test');
    expect(mail).toMatchObject({
      message_id: id,
      subject: 'Usage report for October 2026',
      sender: 'Kabinet <noreply@kabinet.localhost>',
    });
    expect(mail?.html_body).toContain('<p>Hello Demo,</p>');
    expect(mail?.attachments).toEqual([
      expect.objectContaining({ filename: 'report.csv', contentType: 'text/csv', size: 8 }),
    ]);
    expect(
      await t.db.selectFrom('outbox').select('status').where('id', '=', id).executeTakeFirstOrThrow(),
    ).toEqual({
      status: 'delivered',
    });
  });

  it('NOTIF-02 an email without a subject is refused when queued, so nothing half-written is sent', async () => {
    await expect(
      enqueueMessage(t.db, {
        channel: 'email',
        recipient: 'x@example.test',
        sender: '',
        body: 'b',
        kind: 'test',
      }),
    ).rejects.toThrow(/subject/);
  });
});
