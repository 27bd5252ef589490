import { newId } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import type { OutgoingMessage, SendResult, Transport } from './transport.ts';

/**
 * Demo transport (DEMO-02): "delivers" SMS and flash messages (the login prompts of ACCESS-07) to the virtual
 * phone's inbox — a table the cabinet's side panel and the dev endpoint read, each row marked with its channel.
 * Only ever installed in demo mode without `SMPP_URL`; emails go to `EmailCaptureTransport` instead.
 */
export class VirtualPhoneTransport implements Transport {
  readonly name = 'virtual-phone';
  constructor(private readonly db: Db) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    if (message.channel === 'email') throw new Error('the virtual phone receives no email');
    await this.db
      .insertInto('virtual_phone_messages')
      .values({
        id: newId('message'),
        msisdn: message.recipient,
        channel: message.channel,
        sender: message.sender,
        body: message.body,
      })
      .execute();
    return { state: 'delivered' };
  }
}

/** The virtual phone's inbox, newest first; `channel` is `sms` or `flash`. */
export async function listVirtualPhoneMessages(db: Db, msisdn: string, limit = 50) {
  return db
    .selectFrom('virtual_phone_messages')
    .select(['id', 'sender', 'body', 'received_at', 'channel'])
    .where('msisdn', '=', msisdn)
    .orderBy('received_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}
