/** Protocol peers on loopback for tests: an SMS centre (SMPP) and an SMTP relay. */
export { type ReceivedPart, type ReceivedSms, TestSmsc, type TestSmscOptions } from './smsc-peer.ts';
export { type ReceivedEmail, TestSmtp } from './smtp-peer.ts';
