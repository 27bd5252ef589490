/**
 * @kabinet/channels: how messages leave Kabinet — SMS over SMPP 3.4 (as an ESME) and email over SMTP — behind our
 * own interfaces, so the `smpp` and `nodemailer` libraries stay replaceable. Test peers live in `./testing`.
 */
export {
  type EmailAttachment,
  type OutgoingEmail,
  SmtpMailer,
  type SmtpMailerOptions,
} from './email/smtp-mailer.ts';
export {
  escapeHtml,
  type Language,
  type RenderedEmail,
  renderEmail,
  type TemplateName,
  type TemplateVars,
} from './email/templates.ts';
export { DeliveryError, type DeliveryErrorKind } from './errors.ts';
export { decodeGsm7, encodeGsm7, gsm7Length, isGsm7 } from './sms/gsm7.ts';
export { type DeliveryReceipt, isFinalReceipt, parseReceipt, type ReceiptState } from './sms/receipt.ts';
export { concatUdh, type DataCoding, encodeSms, type SmsEncoding } from './sms/segments.ts';
export { type IncomingSms, type OutgoingSms, SmppClient, type SmppClientOptions } from './sms/smpp-client.ts';
export { parseSmppUrl, type SmppEndpoint } from './sms/smpp-url.ts';
