/** Schemas of the notification preferences (NOTIF-01) and the in-app centre (NOTIF-03). */
import { NOTIFICATION_EVENTS } from '@kabinet/core';
import { Type } from 'typebox';
import { Nullable, StringEnum } from '../http/schemas.ts';

const Event = StringEnum(NOTIFICATION_EVENTS, {
  description:
    '`charges`, `top_ups`, `low_balance`, `logins`, `promised_payment_due`, `report_ready`, `chat_answer`.',
});
const Lang = StringEnum(['ru', 'en'] as const, { description: 'Russian or English.' });

export const ListQuery = Type.Object({
  lang: Type.Optional(Lang),
  before: Type.Optional(
    Type.String({ pattern: '^ntf_[0-9a-z]{6,40}$', description: 'Page: notifications older than this id.' }),
  ),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Page size (30 by default).' })),
});

export const NotificationItem = Type.Object({
  id: Type.String({ description: 'Notification id (`ntf_…`).' }),
  event: Event,
  lineId: Nullable(Type.String({ description: 'The line it is about, if any.' })),
  title: Type.String({ description: 'Short title in the language asked for.' }),
  body: Type.String({ description: 'The text in the language asked for.' }),
  createdAt: Type.String({ format: 'date-time', description: 'When it happened.' }),
  read: Type.Boolean({ description: 'Whether it was marked read.' }),
});

export const NotificationList = Type.Object({
  items: Type.Array(NotificationItem, { description: 'Newest first.' }),
  unread: Type.Integer({ description: 'Unread notifications in total (the bell’s badge).' }),
  nextBefore: Nullable(Type.String({ description: 'Pass as `before` for the next page; null on the last.' })),
});

export const UnreadCount = Type.Object({
  unread: Type.Integer({ description: 'Unread notifications in total.' }),
});

export const NotificationParams = Type.Object({
  id: Type.String({ pattern: '^ntf_[0-9a-z]{6,40}$', description: 'Notification id (`ntf_…`).' }),
});

export const MarkAllResult = Type.Object({
  marked: Type.Integer({ description: 'How many were unread.' }),
  unread: Type.Integer({ description: 'Always 0 afterwards.' }),
});

const EventPreference = Type.Object({
  event: Event,
  sms: Type.Boolean({ description: 'By SMS to the line’s (or login’s) number.' }),
  email: Type.Boolean({ description: 'By email, to the confirmed address.' }),
  inApp: Type.Boolean({ description: 'In the notification centre.' }),
});

export const Preferences = Type.Object({
  events: Type.Array(EventPreference, { description: 'Every event with every channel.' }),
  language: Lang,
  email: Nullable(
    Type.Object({
      address: Type.String({ description: 'The address for the email channel.' }),
      confirmed: Type.Boolean({ description: 'Emails go there only once it is confirmed.' }),
    }),
    { description: 'The address for the email channel, if one was given.' },
  ),
});

export const PreferencesBody = Type.Object(
  {
    events: Type.Optional(
      Type.Array(
        Type.Object(
          {
            event: Event,
            sms: Type.Optional(Type.Boolean({ description: 'SMS on or off; absent: unchanged.' })),
            email: Type.Optional(
              Type.Boolean({ description: 'Email on or off; on needs a confirmed address (409).' }),
            ),
            inApp: Type.Optional(Type.Boolean({ description: 'In-app on or off; absent: unchanged.' })),
          },
          { additionalProperties: false },
        ),
        { maxItems: 21, description: 'The choices to change; others keep theirs.' },
      ),
    ),
    language: Type.Optional(
      StringEnum(['ru', 'en'] as const, { description: 'Language of SMS, USSD screens and email.' }),
    ),
  },
  { additionalProperties: false },
);

export const EmailBody = Type.Object(
  { email: Type.String({ maxLength: 254, description: 'The address; a 6-digit code is mailed to it.' }) },
  { additionalProperties: false },
);

export const EmailConfirmBody = Type.Object(
  { code: Type.String({ maxLength: 12, description: 'The 6-digit code from the email.' }) },
  { additionalProperties: false },
);

export const EmailState = Type.Object({
  address: Type.String({ description: 'The address.' }),
  confirmed: Type.Boolean({ description: 'True once the code was entered.' }),
});
