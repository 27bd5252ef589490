import type { Db } from '@kabinet/db';
import type { OutgoingMessage, Transport } from './transport.ts';
/**
 * Demo transport (DEMO-02): "delivers" SMS to the virtual phone's inbox — a table the cabinet's side panel and
 * the dev endpoint read. Only ever installed in demo mode.
 */
export declare class VirtualPhoneTransport implements Transport {
  private readonly db;
  readonly name = 'virtual-phone';
  constructor(db: Db);
  send(message: OutgoingMessage): Promise<void>;
}
export declare function listVirtualPhoneMessages(
  db: Db,
  msisdn: string,
  limit?: number,
): Promise<
  {
    id: string;
    channel: string;
    sender: string;
    body: string;
    received_at: Date;
  }[]
>;
