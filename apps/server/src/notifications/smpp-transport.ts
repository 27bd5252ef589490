import type { DeliveryReceipt, SmppClient } from '@kabinet/channels';
import type { OutgoingMessage, SendResult, Transport } from './transport.ts';

/** SMS and flash messages through an SMS centre (SMPP 3.4); the result waits for receipts. */
export class SmppTransport implements Transport {
  readonly name = 'smpp';
  constructor(private readonly client: SmppClient) {}

  async send(message: OutgoingMessage): Promise<SendResult> {
    const providerIds = await this.client.submit({
      from: message.sender,
      to: message.recipient,
      text: message.body,
      flash: message.channel === 'flash',
    });
    return { state: 'submitted', providerIds };
  }

  start(): void {
    this.client.start();
  }

  stop(): Promise<void> {
    return this.client.stop();
  }

  onReceipt(listener: (receipt: DeliveryReceipt) => void): () => void {
    return this.client.onReceipt(listener);
  }
}
