/**
 * NOTIF-01: the events a subscriber can be told about and the channels they can be told through, with the
 * defaults that apply until the subscriber changes anything.
 */
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

export const NOTIFICATION_CHANNELS = ['sms', 'email', 'in_app'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/**
 * Defaults: everything in the app (it costs nothing and is read when wanted); SMS for what needs action (low
 * balance and the blocks it leads to, a payment falling due) — an SMS per charge would be noise; email is off
 * until the subscriber gives and confirms an address. The SMS of a login is the ACCESS-11 "login alerts" switch,
 * off until turned on (decision 0019): the server reads it from `logins.login_alerts`, not from here.
 */
const SMS_BY_DEFAULT: ReadonlySet<NotificationEvent> = new Set(['low_balance', 'promised_payment_due']);

export function defaultPreference(event: NotificationEvent, channel: NotificationChannel): boolean {
  if (channel === 'in_app') return true;
  if (channel === 'sms') return SMS_BY_DEFAULT.has(event);
  return false;
}

export function isNotificationEvent(value: string): value is NotificationEvent {
  return (NOTIFICATION_EVENTS as readonly string[]).includes(value);
}

export interface StoredPreference {
  event: string;
  channel: NotificationChannel;
  enabled: boolean;
}

/** The full matrix (every event × channel): stored choices over the defaults. */
export function preferenceMatrix(
  stored: readonly StoredPreference[],
): Record<NotificationEvent, Record<NotificationChannel, boolean>> {
  const matrix = {} as Record<NotificationEvent, Record<NotificationChannel, boolean>>;
  for (const event of NOTIFICATION_EVENTS) {
    matrix[event] = {
      sms: defaultPreference(event, 'sms'),
      email: defaultPreference(event, 'email'),
      in_app: defaultPreference(event, 'in_app'),
    };
  }
  for (const p of stored) if (isNotificationEvent(p.event)) matrix[p.event][p.channel] = p.enabled;
  return matrix;
}
