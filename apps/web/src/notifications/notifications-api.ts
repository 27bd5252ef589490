import { call } from '../api/api-client';
import type { NotificationEvent, NotificationList, NotificationPreferences } from './notifications-types';

/** GET /notifications: newest first, rendered in `lang`, with the unread total. */
export function getNotifications(
  lang: 'ru' | 'en',
  before?: string,
  signal?: AbortSignal,
): Promise<NotificationList> {
  const query = new URLSearchParams({ lang, ...(before ? { before } : {}) });
  return call('GET', `/notifications?${query}`, { signal });
}

/** GET /notifications/unread-count: the bell's badge. */
export function getUnreadCount(signal?: AbortSignal): Promise<{ unread: number }> {
  return call('GET', '/notifications/unread-count', { signal });
}

/** POST /notifications/{id}/read. */
export function markNotificationRead(id: string): Promise<{ unread: number }> {
  return call('POST', `/notifications/${encodeURIComponent(id)}/read`);
}

/** POST /notifications/read-all. */
export function markAllNotificationsRead(): Promise<{ marked: number; unread: number }> {
  return call('POST', '/notifications/read-all');
}

/** GET /notification-preferences. */
export function getNotificationPreferences(signal?: AbortSignal): Promise<NotificationPreferences> {
  return call('GET', '/notification-preferences', { signal });
}

/** PUT /notification-preferences: only the choices given change. */
export function saveNotificationPreferences(change: {
  events?: Array<{ event: NotificationEvent; sms?: boolean; email?: boolean; inApp?: boolean }>;
  language?: 'ru' | 'en';
}): Promise<NotificationPreferences> {
  return call('PUT', '/notification-preferences', { body: change });
}

/** PUT /notification-preferences/email: sets the address and mails it a code. */
export function setNotificationEmail(email: string): Promise<{ address: string; confirmed: boolean }> {
  return call('PUT', '/notification-preferences/email', { body: { email } });
}

/** POST /notification-preferences/email/confirm. */
export function confirmNotificationEmail(code: string): Promise<{ address: string; confirmed: boolean }> {
  return call('POST', '/notification-preferences/email/confirm', { body: { code } });
}

/** DELETE /notification-preferences/email. */
export function removeNotificationEmail(): Promise<void> {
  return call('DELETE', '/notification-preferences/email');
}

/** Tells the bell that the unread count changed (read here, or a new notification arrived elsewhere). */
export const NOTIFICATIONS_CHANGED = 'kabinet:notifications-changed';
export function announceNotificationsChanged(): void {
  window.dispatchEvent(new Event(NOTIFICATIONS_CHANGED));
}
