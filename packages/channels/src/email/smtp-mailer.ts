import nodemailer, { type Transporter } from 'nodemailer';
import { DeliveryError } from '../errors.ts';

export interface EmailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** An email to send: text and (optionally) HTML alternatives, attachments such as PDF/CSV reports. */
export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: EmailAttachment[];
  /** Message-ID to use (stable per outbox message, so a re-send after an unknown outcome can be recognised). */
  messageId?: string;
}

export interface SmtpMailerOptions {
  /** `smtp://user:pass@host:port` or `smtps://…` (nodemailer connection URL). */
  url: string;
  /** Parallel SMTP connections in the pool (default 2). */
  maxConnections?: number;
}

/**
 * Email over SMTP through nodemailer (≥ 9.0.5: earlier versions had header-injection advisories), pooled. SMTP
 * replies map to the outbox's decisions: 4xx → transient, 5xx → permanent, a connection lost after DATA → unknown.
 */
export class SmtpMailer {
  private readonly transporter: Transporter;

  constructor(options: SmtpMailerOptions) {
    const url = new URL(options.url);
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
      throw new RangeError('scheme must be smtp:// or smtps://');
    this.transporter = nodemailer.createTransport({
      host: url.hostname,
      port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
      secure: url.protocol === 'smtps:',
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      pool: true,
      maxConnections: options.maxConnections ?? 2,
      // Loopback relays and test peers rarely offer STARTTLS; opportunistic TLS stays on for real relays.
      ignoreTLS: url.searchParams.get('tls') === 'off',
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  /** Sends one email; resolves with the relay's queue id (or Message-ID), rejects with a `DeliveryError`. */
  async send(email: OutgoingEmail): Promise<string> {
    try {
      const info = await this.transporter.sendMail({
        from: email.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        ...(email.html ? { html: email.html } : {}),
        ...(email.messageId ? { messageId: email.messageId } : {}),
        attachments: (email.attachments ?? []).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: a.content,
        })),
      });
      return String(info.messageId ?? '');
    } catch (err) {
      throw classify(err);
    }
  }

  close(): void {
    this.transporter.close();
  }
}

function classify(err: unknown): DeliveryError {
  const e = err as { responseCode?: number; command?: string; code?: string; message?: string };
  const message = (e.message ?? String(err)).slice(0, 300);
  if (typeof e.responseCode === 'number') {
    return new DeliveryError(e.responseCode >= 500 ? 'permanent' : 'transient', message, e.responseCode);
  }
  // Lost after the message body left (no reply to the final "."): the relay may have queued it.
  if (e.command === 'DATA' || e.code === 'ETIMEDOUT') return new DeliveryError('unknown', message);
  return new DeliveryError('transient', message);
}
