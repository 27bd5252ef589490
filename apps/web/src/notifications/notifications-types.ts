/** NOTIF-01/03 shapes, as the API answers them (apps/server/src/notification-centre/schemas.ts). */
export const NOTIFICATION_EVENTS = [
  'charges',
  'top_ups',
  'low_balance',
  'logins',
  'promised_payment_due',
  'report_ready',
  'chat_answer',
] as const;
export type NotificationEvent = (typeof NOTIFICATION_EVENTS)[number];

export interface NotificationItem {
  id: string;
  event: NotificationEvent;
  lineId: string | null;
  title: string;
  body: string;
  createdAt: string;
  read: boolean;
}

export interface NotificationList {
  items: NotificationItem[];
  unread: number;
  nextBefore: string | null;
}

export interface EventPreference {
  event: NotificationEvent;
  sms: boolean;
  email: boolean;
  inApp: boolean;
}

export type PreferenceChannel = 'sms' | 'email' | 'inApp';

export interface NotificationPreferences {
  events: EventPreference[];
  language: 'ru' | 'en';
  email: { address: string; confirmed: boolean } | null;
}
