import type { IncomingSms } from '@kabinet/channels';

export type { IncomingSms };

/**
 * Mobile-originated SMS (CHAN-04): the SMPP transport emits each reassembled `deliver_sm` here, and the SMS
 * commands registry subscribes. A listener that throws is logged and does not stop the others.
 */
export class IncomingSmsHub {
  private readonly listeners = new Set<(sms: IncomingSms) => Promise<void> | void>();

  constructor(private readonly onError: (err: unknown, sms: IncomingSms) => void = () => {}) {}

  /** Subscribes; returns the unsubscribe function. */
  on(listener: (sms: IncomingSms) => Promise<void> | void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Hands one incoming SMS to every listener; resolves when all of them have finished. */
  async emit(sms: IncomingSms): Promise<void> {
    await Promise.all(
      [...this.listeners].map(async (listener) => {
        try {
          await listener(sms);
        } catch (err) {
          this.onError(err, sms);
        }
      }),
    );
  }
}
