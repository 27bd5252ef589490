import { SmppClient, type SmppClientOptions, SmtpMailer } from '@kabinet/channels';
import type { Db } from '@kabinet/db';
import type { FastifyBaseLogger } from 'fastify';
import { EmailCaptureTransport } from './email-capture.ts';
import type { IncomingSmsHub } from './incoming.ts';
import { SmppTransport } from './smpp-transport.ts';
import { SmtpTransport } from './smtp-transport.ts';
import type { Channel, Transport } from './transport.ts';
import { VirtualPhoneTransport } from './virtual-phone.ts';

export interface ChannelSettings {
  /** `smpp://system_id:password@host:port`: SMS and flash messages through this SMS centre. */
  smppUrl?: string | undefined;
  /** Most unacknowledged submit_sm (default 10). */
  smppWindow?: number | undefined;
  /** `smtp://…`: email through this relay. */
  smtpUrl?: string | undefined;
  /** From address of emails whose row names none. */
  mailFrom?: string | undefined;
  /** SMPP timing (keep-alive, reconnect backoff, bind wait); tests shorten it. */
  smppTiming?: Omit<SmppClientOptions, 'url' | 'window' | 'log'>;
}

/**
 * The transport of each channel: real peers when their URL is set; otherwise, in demo mode, the virtual phone
 * (SMS, flash) and the email capture; otherwise none — messages wait in the outbox until a transport exists.
 */
export function createTransports(
  db: Db,
  settings: ChannelSettings & { demo: boolean; log: FastifyBaseLogger; incoming: IncomingSmsHub },
): Partial<Record<Channel, Transport>> {
  const transports: Partial<Record<Channel, Transport>> = {};
  const mailFrom = settings.mailFrom ?? 'Kabinet <noreply@kabinet.localhost>';
  if (settings.smppUrl) {
    const log = settings.log.child({ transport: 'smpp' });
    const client = new SmppClient({
      ...settings.smppTiming,
      url: settings.smppUrl,
      window: settings.smppWindow ?? 10,
      log: (level, message, data) => log[level](data ?? {}, message),
    });
    client.onIncoming((sms) => void settings.incoming.emit(sms));
    const smpp = new SmppTransport(client);
    transports.sms = smpp;
    transports.flash = smpp;
  } else if (settings.demo) {
    const phone = new VirtualPhoneTransport(db);
    transports.sms = phone;
    transports.flash = phone;
  }
  if (settings.smtpUrl)
    transports.email = new SmtpTransport(db, new SmtpMailer({ url: settings.smtpUrl }), mailFrom);
  else if (settings.demo) transports.email = new EmailCaptureTransport(db, mailFrom);
  return transports;
}
