import { newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { readEmailPayload } from './email-payload.ts';
import type { OutgoingMessage, SendResult, Transport } from './transport.ts';

/**
 * Demo mode without `SMTP_URL` (DEMO-02): emails are "delivered" into `captured_emails`, where the virtual phone
 * shows them; attachments stay in `outbox_attachments` and are referenced by id.
 */
export class EmailCaptureTransport implements Transport {
  readonly name = 'email-capture';
  constructor(
    private readonly db: Db,
    private readonly defaultFrom: string,
  ) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    const payload = readEmailPayload(message.payload);
    const attachments = await this.db
      .selectFrom('outbox_attachments')
      .select([
        'id',
        'filename',
        'content_type',
        (eb) => eb.fn<number>('octet_length', ['content']).as('size'),
      ])
      .where('message_id', '=', message.id)
      .orderBy('id')
      .execute();
    await this.db
      .insertInto('captured_emails')
      .values({
        id: newId('message'),
        message_id: message.id,
        recipient: message.recipient,
        sender: message.sender || this.defaultFrom,
        subject: payload.subject,
        text_body: message.body,
        html_body: payload.html ?? null,
        attachments: JSON.stringify(
          attachments.map((a) => ({
            id: a.id,
            filename: a.filename,
            contentType: a.content_type,
            size: Number(a.size),
          })),
        ),
      })
      .execute();
    return { state: 'delivered' };
  }
}

/** Emails captured for an address, newest first (the virtual phone's mailbox). */
export async function listCapturedEmails(db: Db, recipient: string, limit = 50) {
  return db
    .selectFrom('captured_emails')
    .select(['id', 'message_id', 'sender', 'subject', 'text_body', 'html_body', 'attachments', 'received_at'])
    .where('recipient', '=', recipient)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
