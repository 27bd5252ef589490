/**
 * How a message leaves the system. The outbox dispatcher hands each message to the transport for its channel;
 * SMPP (SMS) and SMTP (email) transports arrive with the channels issue, the virtual phone serves demo mode.
 */
export interface OutgoingMessage {
  id: string;
  channel: 'sms' | 'email' | 'flash';
  recipient: string;
  sender: string;
  body: string;
}
export interface Transport {
  readonly name: string;
  send(message: OutgoingMessage): Promise<void>;
}
