/** Schemas of the demo-only endpoints (DEMO-02). */
import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';

export const PhoneParams = Type.Object({
  msisdn: Type.String({ maxLength: 32, description: 'Number in any format.' }),
});

export const VirtualPhoneMessages = Type.Object({
  messages: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Message id (`msg_…`).' }),
      from: Type.String({ description: 'Sender name or short number.' }),
      body: Type.String({ description: 'The text as the phone shows it.' }),
      receivedAt: Type.String({ format: 'date-time', description: 'When it reached the phone.' }),
      kind: StringEnum(['sms', 'flash'], {
        description:
          '`flash`: a prompt the phone pops over the screen (ACCESS-07 login confirmation); `sms`: a text.',
      }),
      replyable: Type.Boolean({
        description:
          'True on the newest flash prompt while it waits for an answer (pending, within 20 s): show a reply box ' +
          'that posts to `/dev/phones/{msisdn}/reply`. Always false for SMS.',
      }),
    }),
    { description: 'Newest first, at most 50.' },
  ),
});

export const PhoneReplyBody = Type.Object({
  text: Type.String({ maxLength: 160, description: 'What the phone answers ("1" confirms a login prompt).' }),
});

export const PhoneReplyResult = Type.Object({
  requestId: Type.String({ description: 'The confirmation request answered (`pcf_…`).' }),
  status: StringEnum(['confirmed', 'declined', 'expired'], {
    description: '`expired` when the answer came after the 20 seconds.',
  }),
});

export const DialBody = Type.Object(
  {
    serviceCode: Type.String({ maxLength: 32, description: 'The code dialled, e.g. `*100#`.' }),
    sessionId: Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'One id per USSD session (the keypad makes one per dial), as a gateway would send.',
    }),
    text: Type.Optional(
      Type.String({
        maxLength: 200,
        description: 'The choices so far joined by `*`; empty on the first step.',
      }),
    ),
  },
  { additionalProperties: false },
);

export const DialResult = Type.Object({
  end: Type.Boolean({
    description: 'True: the session closed (`END`); false: the menu waits for a choice (`CON`).',
  }),
  text: Type.String({ description: 'The screen, at most 182 characters.' }),
  wire: Type.String({
    description: 'The reply exactly as the gateway interface gives it (`CON …` / `END …`).',
  }),
});

export const SendSmsBody = Type.Object(
  {
    to: Type.String({ minLength: 1, maxLength: 20, description: 'The short number, e.g. `000110`.' }),
    text: Type.String({
      maxLength: 1000,
      description: 'The SMS text; may be empty (000110 wants it empty).',
    }),
  },
  { additionalProperties: false },
);

export const SendSmsResult = Type.Object({
  id: Type.String({ description: 'The sent message (`msg_…`).' }),
  outcome: StringEnum(['handled', 'failed', 'help', 'unknown_command', 'unknown_sender'], {
    description: 'What the SMS commands made of it; any reply arrives in the inbox.',
  }),
});

export const SentMessages = Type.Object({
  messages: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Message id (`msg_…`).' }),
      to: Type.String({ description: 'The short number it went to.' }),
      body: Type.String({ description: 'The text.' }),
      sentAt: Type.String({ format: 'date-time', description: 'When the phone sent it.' }),
    }),
    { description: 'Newest first, at most 50.' },
  ),
});

export const PhoneEmails = Type.Object({
  emails: Type.Array(
    Type.Object({
      id: Type.String({ description: 'Captured email id.' }),
      to: Type.String({ description: 'The address it was sent to.' }),
      from: Type.String({ description: 'Sender address.' }),
      subject: Type.String({ description: 'Subject.' }),
      text: Type.String({ description: 'The plain-text body.' }),
      receivedAt: Type.String({ format: 'date-time', description: 'When it was captured.' }),
      attachments: Type.Array(Type.String({ description: 'File name.' }), { description: 'Attached files.' }),
    }),
    { description: 'Newest first: emails to the owner’s notification and recovery addresses.' },
  ),
});

export const UsageBody = Type.Object(
  {
    kind: StringEnum(['call', 'sms', 'data'], {
      description: 'A 1–5 min call, one SMS, or 5–50 MB of data.',
    }),
  },
  { additionalProperties: false },
);

export const UsageResult = Type.Object({
  recordId: Type.String({ description: 'The network record id made up for it.' }),
  kind: Type.String({ description: 'The usage kind ingested (`voice_out`, `sms_out`, `data`).' }),
  durationSec: Nullable(Type.Integer({ description: 'Call length.' })),
  bytes: Nullable(Type.Integer({ description: 'Data volume.' })),
  cost: Nullable(
    Type.Integer({ description: 'Charged, kopecks (null if the rated record is not readable).' }),
  ),
  fromPackage: Nullable(Type.Integer({ description: 'Taken from packages, network units.' })),
  balanceAfter: Nullable(Type.Integer({ description: 'Balance after the charge, kopecks.' })),
});
