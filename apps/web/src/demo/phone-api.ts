import { call } from '../api/api-client';

/** DEMO-02 calls of the virtual phone beyond its inbox (apps/server/src/dev/keypad-routes.ts). */
const phone = (msisdn: string) => `/dev/phones/${encodeURIComponent(msisdn)}`;

export interface UssdScreen {
  end: boolean;
  text: string;
  wire: string;
}

/** One USSD step through the same handler the gateway interface uses. */
export function dialUssd(
  msisdn: string,
  step: { serviceCode: string; sessionId: string; text: string },
): Promise<UssdScreen> {
  return call('POST', `${phone(msisdn)}/ussd`, { body: step });
}

export type SmsOutcome = 'handled' | 'failed' | 'help' | 'unknown_command' | 'unknown_sender';

/** The phone sends an SMS to a short number (an SMS command). */
export function sendPhoneSms(
  msisdn: string,
  to: string,
  text: string,
): Promise<{ id: string; outcome: SmsOutcome }> {
  return call('POST', `${phone(msisdn)}/sms`, { body: { to, text } });
}

export interface SentSms {
  id: string;
  to: string;
  body: string;
  sentAt: string;
}

export async function getSentSms(msisdn: string, signal?: AbortSignal): Promise<SentSms[]> {
  return (await call<{ messages: SentSms[] }>('GET', `${phone(msisdn)}/sent`, { signal })).messages;
}

export interface PhoneEmail {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  receivedAt: string;
  attachments: string[];
}

export async function getPhoneEmails(msisdn: string, signal?: AbortSignal): Promise<PhoneEmail[]> {
  return (await call<{ emails: PhoneEmail[] }>('GET', `${phone(msisdn)}/emails`, { signal })).emails;
}

export type UsageKind = 'call' | 'sms' | 'data';

export interface GeneratedUsage {
  recordId: string;
  kind: string;
  cost: number | null;
  balanceAfter: number | null;
}

/** A call, an SMS or data usage, rated through the rating engine. */
export function generatePhoneUsage(msisdn: string, kind: UsageKind): Promise<GeneratedUsage> {
  return call('POST', `${phone(msisdn)}/usage`, { body: { kind } });
}
