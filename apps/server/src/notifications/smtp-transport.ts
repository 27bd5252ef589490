import type { SmtpMailer } from '@kabinet/channels';
import type { Db } from '@kabinet/db';
import { readEmailPayload } from './email-payload.ts';
import type { OutgoingMessage, SendResult, Transport } from './transport.ts';

/**
 * Email through the SMTP relay of `SMTP_URL`. Attachments are read from `outbox_attachments` at send time; the
 * Message-ID is derived from the outbox id, so a re-send after an unknown outcome carries the same id and mail
 * clients that deduplicate by Message-ID show it once.
 */
export class SmtpTransport implements Transport {
  readonly name = 'smtp';
  constructor(
    private readonly db: Db,
    private readonly mailer: SmtpMailer,
    private readonly defaultFrom: string,
  ) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    const payload = readEmailPayload(message.payload);
    const ids = payload.attachments ?? [];
    const attachments =
      ids.length === 0
        ? []
        : await this.db
            .selectFrom('outbox_attachments')
            .select(['filename', 'content_type', 'content'])
            .where('message_id', '=', message.id)
            .where('id', 'in', ids)
            .orderBy('id')
            .execute();
    await this.mailer.send({
      from: message.sender || this.defaultFrom,
      to: message.recipient,
      subject: payload.subject,
      text: message.body,
      ...(payload.html ? { html: payload.html } : {}),
      messageId: `<${message.id}@kabinet>`,
      attachments: attachments.map((a) => ({
        filename: a.filename,
        contentType: a.content_type,
        content: a.content,
      })),
    });
    return { state: 'delivered' };
  }

  async stop(): Promise<void> {
    this.mailer.close();
  }
}
