/**
 * Dates are shown in the operator's time zone, not the browser's: a package that renews at midnight in
 * Moscow is stored as 21:00 UTC of the previous day, and a browser in UTC would show the wrong date.
 */
export const OPERATOR_TIME_ZONE = 'Europe/Moscow';

/** "12 марта" (or "12 марта 2027 г." when not in the current year). */
export function formatDate(locale: string, iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const otherYear = yearInZone(date) !== yearInZone(now);
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    year: otherYear ? 'numeric' : undefined,
    timeZone: OPERATOR_TIME_ZONE,
  }).format(date);
}

/** "12 марта, 14:35". */
export function formatDateTime(locale: string, iso: string): string {
  return new Intl.DateTimeFormat(locale, {
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: OPERATOR_TIME_ZONE,
  }).format(new Date(iso));
}

/** "14:35", or "12 мар., 14:35" when not today: for the SMS inbox. */
export function formatMessageTime(locale: string, iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  const day = (d: Date) =>
    new Intl.DateTimeFormat('en-CA', { dateStyle: 'short', timeZone: OPERATOR_TIME_ZONE }).format(d);
  const options: Intl.DateTimeFormatOptions =
    day(date) === day(now)
      ? { hour: '2-digit', minute: '2-digit' }
      : { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, { ...options, timeZone: OPERATOR_TIME_ZONE }).format(date);
}

function yearInZone(date: Date): string {
  return new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: OPERATOR_TIME_ZONE }).format(date);
}
